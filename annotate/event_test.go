package annotate

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

func TestValidateGeometry(t *testing.T) {
	square := orb.Ring{{68, 37}, {69, 37}, {69, 38}, {68, 38}, {68, 37}}
	tests := []struct {
		name string
		g    orb.Geometry
		want string // substring of the error, "" for valid
	}{
		{"point", orb.Point{68.857, 36.729}, ""},
		{"line", orb.LineString{{67.1, 36.7}, {68.78, 38.54}}, ""},
		{"polygon", orb.Polygon{square}, ""},
		{"multipolygon", orb.MultiPolygon{{square}}, ""},
		{"nil", nil, "no geometry"},
		{"lon out of range", orb.Point{181, 0}, "longitude 181 is outside"},
		{"lat out of range", orb.Point{0, -91}, "latitude -91 is outside"},
		{"NaN", orb.Point{math.NaN(), 0}, "NaN"},
		{"one-point line", orb.LineString{{1, 1}}, "two points"},
		{"open ring", orb.Polygon{{{68, 37}, {69, 37}, {69, 38}, {68, 38}}}, "not closed"},
		{"short ring", orb.Polygon{{{68, 37}, {69, 37}, {68, 37}}}, "four points"},
		{"empty multipolygon", orb.MultiPolygon{}, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateGeometry(tt.g)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestEventValidate(t *testing.T) {
	ok := Event{ID: "x", Type: "Diplomacy", Title: "Talks in Kunduz", Geometry: orb.Point{68.857, 36.729}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		mutate func(*Event)
		want   string
	}{
		{func(e *Event) { e.Type = "" }, "choose an event type"},
		{func(e *Event) { e.Title = "" }, "give the event a title"},
		{func(e *Event) { e.Geometry = nil }, "no geometry"},
	} {
		e := ok
		tt.mutate(&e)
		if err := e.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("err = %v, want %q", err, tt.want)
		}
	}
}

func TestCentroid(t *testing.T) {
	line := Event{Geometry: orb.LineString{{66, 36}, {68, 38}}}
	if c := line.Centroid(); c != (orb.Point{67, 37}) {
		t.Errorf("centroid %v", c)
	}
}

func TestTaxonomyLookup(t *testing.T) {
	tax := DefaultTaxonomy()
	if got := tax.Lookup("Diplomacy"); got.Symbol != SymbolCircle || got.Color.B != 0xB2 {
		t.Errorf("Diplomacy style %+v", got)
	}
	unknown := tax.Lookup("Weather")
	if unknown.Name != "Weather" || unknown.Color != fallbackType.Color {
		t.Errorf("unknown type style %+v", unknown)
	}
	seen := map[string]bool{}
	for _, et := range tax {
		key := fmt.Sprint(et.Color)
		if seen[key] {
			t.Errorf("two types share colour %s", key)
		}
		seen[key] = true
	}
}

func TestTextHash(t *testing.T) {
	if TextHash("a\r\nb\n") != TextHash("a\nb") {
		t.Error("line endings and trailing space change the hash")
	}
	if TextHash("a b") == TextHash("a  b") {
		t.Error("different texts share a hash")
	}
}

func TestDateLabel(t *testing.T) {
	d := time.Date(2025, 11, 13, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		p    DatePrecision
		d    time.Time
		want string
	}{
		{PrecisionDay, d, "13 Nov 2025"},
		{PrecisionWeek, d, "wk 13 Nov 2025"},
		{PrecisionMonth, d, "Nov 2025"},
		{PrecisionYear, d, "2025"},
		{PrecisionDay, time.Time{}, "—"},
	} {
		e := Event{DateStart: tt.d, DatePrecision: tt.p}
		if got := e.DateLabel(); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.p, got, tt.want)
		}
	}
}
