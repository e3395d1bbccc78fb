package mapview

import (
	"testing"

	"eventatlas/mapview/render"
)

// TestTypeBreakdown: the group tooltip names the two commonest types with
// their counts and counts the rest as "+N types" (a single one left over
// is named); one type reads "all <type>".
func TestTypeBreakdown(t *testing.T) {
	tc := func(name string, n int) render.TypeCount { return render.TypeCount{Type: name, Count: n} }
	for _, c := range []struct {
		name string
		g    render.Group
		want string
	}{
		{"five types", render.Group{Count: 366, ByType: []render.TypeCount{tc("Diplomacy", 120), tc("Security incident", 98), tc("Trade and economy", 80), tc("Other", 40), tc("Protest and unrest", 28)}},
			"366 events · 120 Diplomacy, 98 Security incident, +3 types"},
		{"three types", render.Group{Count: 9, ByType: []render.TypeCount{tc("Diplomacy", 5), tc("Other", 3), tc("Security incident", 1)}},
			"9 events · 5 Diplomacy, 3 Other, 1 Security incident"},
		{"two types", render.Group{Count: 7, ByType: []render.TypeCount{tc("Diplomacy", 4), tc("Other", 3)}}, "7 events · 4 Diplomacy, 3 Other"},
		{"one type", render.Group{Count: 12, ByType: []render.TypeCount{tc("Diplomacy", 12)}}, "12 events · all Diplomacy"},
		{"one movement", render.Group{Flow: true, Count: 1, ByType: []render.TypeCount{tc("Diplomacy", 1)}}, "1 movement · Diplomacy"},
		{"movements", render.Group{Flow: true, Count: 4, ByType: []render.TypeCount{tc("Diplomacy", 2), tc("Other", 1), tc("(no type)", 1)}},
			"4 movements · 2 Diplomacy, 1 Other, 1 (no type)"},
		{"no breakdown", render.Group{Count: 3}, "3 events"},
	} {
		title, meta := groupText(c.g)
		if title != c.want || meta != "Click to zoom in" {
			t.Errorf("%s: %q / %q, want %q / %q", c.name, title, meta, c.want, "Click to zoom in")
		}
	}
}

func BenchmarkTypeBreakdown(b *testing.B) {
	by := []render.TypeCount{{Type: "Diplomacy", Count: 120}, {Type: "Security incident", Count: 98}, {Type: "Other", Count: 3}, {Type: "Trade and economy", Count: 2}}
	for b.Loop() {
		typeBreakdown(by)
	}
}
