package exchange

import (
	"bytes"
	"encoding/csv"
	"testing"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// gazetteer is a tiny PlacePoints for the tests.
func gazetteer(id string) (orb.Point, bool) {
	p, ok := map[string]orb.Point{"gn:1135689": {68.8581, 36.7286}, "adm1:TJ-KT": {68.9, 37.6}}[id]
	return p, ok
}

func TestACLEDPoint(t *testing.T) {
	// A C shape whose centroid (about 68.43, 37.5) falls in its mouth.
	cShape := orb.Polygon{{{68, 37}, {69, 37}, {69, 37.2}, {68.2, 37.2}, {68.2, 37.8}, {69, 37.8}, {69, 38}, {68, 38}, {68, 37}}}
	dushanbeKunduz := orb.LineString{{68.78, 38.56}, {68.86, 36.73}}
	for _, c := range []struct {
		name    string
		placeID string
		g       orb.Geometry
		places  PlacePoints
		want    orb.Point
		ok      bool
	}{
		{"line coded at a gazetteer place", "gn:1135689", dushanbeKunduz, gazetteer, orb.Point{68.8581, 36.7286}, true},
		{"area coded at a province", "adm1:TJ-KT", orb.Polygon{square}, gazetteer, orb.Point{68.9, 37.6}, true},
		{"line, place unknown: last vertex", "gn:0", dushanbeKunduz, gazetteer, orb.Point{68.86, 36.73}, true},
		{"line without a gazetteer", "gn:1135689", dushanbeKunduz, nil, orb.Point{68.86, 36.73}, true},
		{"multi-line: last vertex of the last line", "", orb.MultiLineString{{{1, 1}, {2, 2}}, {{3, 3}, {4, 5}}}, nil, orb.Point{4, 5}, true},
		{"point", "", orb.Point{69.1, 37.9}, nil, orb.Point{69.1, 37.9}, true},
		{"convex area: centroid", "", orb.Polygon{square}, nil, orb.Point{68.5, 37.5}, true},
		{"centroid in the hole", "", orb.Polygon{square, hole}, nil, orb.Point{68.1, 37.5}, true},
		{"centroid outside a C", "", cShape, nil, orb.Point{68.1, 37.5}, true},
		{"multi-area: inside the largest part", "", orb.MultiPolygon{{small}, {square, hole}}, nil, orb.Point{68.1, 37.5}, true},
		{"no geometry", "", nil, nil, orb.Point{}, false},
		{"no geometry, but a known place", "gn:1135689", nil, gazetteer, orb.Point{68.8581, 36.7286}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := annotate.Event{PlaceID: c.placeID, Geometry: c.g}
			got, ok := acledPoint(&e, c.places)
			if ok != c.ok || roundDeg(got[0]) != c.want[0] || roundDeg(got[1]) != c.want[1] {
				t.Errorf("acledPoint = %v, %v; want %v, %v", got, ok, c.want, c.ok)
			}
			if poly, isPoly := c.g.(orb.Polygon); isPoly && c.places == nil && !planar.PolygonContains(poly, got) {
				t.Errorf("%v is not inside the area", got)
			}
		})
	}
}

// TestWriteCSVPlaces: the latitude and longitude of a row are its coded
// place's, the wkt keeps the whole line, and geo_precision follows the
// event's place precision.
func TestWriteCSVPlaces(t *testing.T) {
	line := annotate.Event{ID: "e1", Type: "Diplomacy", Title: "Delegation travels from Dushanbe to Kunduz",
		PlaceID: "gn:1135689", PlaceName: "Kunduz", Admin1: "Kunduz", Country: "Afghanistan",
		Geometry: orb.LineString{{68.78, 38.56}, {68.86, 36.73}}, Fatalities: -1}
	for _, c := range []struct {
		prec     annotate.GeoPrecision
		wantPrec string
	}{
		{annotate.GeoExact, "1"}, {annotate.GeoNear, "2"}, {annotate.GeoProvince, "3"}, {annotate.GeoCountry, "3"}, {0, ""},
	} {
		e := line
		e.GeoPrecision = c.prec
		var buf bytes.Buffer
		if err := WriteCSVPlaces(&buf, []annotate.Event{e}, nil, gazetteer); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for i, name := range rows[0] {
			got[name] = rows[1][i]
		}
		want := map[string]string{"latitude": "36.7286", "longitude": "68.8581", "location": "Kunduz",
			"geo_precision": c.wantPrec, "wkt": "LINESTRING(68.78 38.56,68.86 36.73)"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("precision %v: %s = %q, want %q", c.prec, k, got[k], v)
			}
		}
	}
}
