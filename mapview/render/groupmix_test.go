package render

import (
	"fmt"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// TestGroupByType: GroupAt breaks a bubble's and an arrow's count down by
// type, most first, equal counts by name, events without a type as
// "(no type)"; the counts add up to Count.
func TestGroupByType(t *testing.T) {
	m := newTestMap(t)
	a, b := orb.Point{68.0, 37.5}, orb.Point{69.6, 37.5}
	var events []annotate.Event
	add := func(typ string, n int, p orb.Point) {
		for range n {
			k := len(events)
			events = append(events, ev(fmt.Sprintf("e%d", k), typ, orb.Point{p[0] + float64(k%8)*0.002, p[1]}))
		}
	}
	add("Diplomacy", 5, a)
	add("Security incident", 3, a)
	add("Trade and economy", 3, a)
	add("", 1, a)
	add("Other", 6, b)
	for i, typ := range []string{"Diplomacy", "Protest and unrest", "Diplomacy"} { // one arrow from a to b
		events = append(events, ev(fmt.Sprintf("m%d", i), typ, orb.LineString{{a[0] + 0.003, a[1]}, {b[0] + 0.003, b[1]}}))
	}
	m.SetEvents(events, annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 800, 600, 1)
	ax, ay := v.ToPixel(orb.Point{a[0] + 0.007, a[1]})
	bx, by := v.ToPixel(orb.Point{b[0] + 0.007, b[1]})
	for _, c := range []struct {
		name string
		x, y float64
		flow bool
		want []TypeCount
	}{
		{"bubble", ax, ay, false, []TypeCount{{"Diplomacy", 5}, {"Security incident", 3}, {"Trade and economy", 3}, {"(no type)", 1}}},
		{"one type", bx, by, false, []TypeCount{{"Other", 6}}},
		{"arrow", (ax + bx) / 2, (ay + by) / 2, true, []TypeCount{{"Diplomacy", 2}, {"Protest and unrest", 1}}},
	} {
		g, ok := m.GroupAt(v, c.x, c.y)
		if !ok || g.Flow != c.flow {
			t.Fatalf("%s: GroupAt = %+v, %v", c.name, g, ok)
		}
		if !slices.Equal(g.ByType, c.want) {
			t.Errorf("%s: ByType = %v, want %v", c.name, g.ByType, c.want)
		}
		sum := 0
		for _, tc := range g.ByType {
			sum += tc.Count
		}
		if sum != g.Count {
			t.Errorf("%s: ByType adds up to %d, Count is %d", c.name, sum, g.Count)
		}
	}
}

func BenchmarkGroupAtByType(b *testing.B) {
	m := newTestMap(b)
	m.SetEvents(syntheticEvents(3000, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 1280, 800, 1)
	m.Render(v, Selection{})
	x, y := v.ToPixel(orb.Point{68.78, 38.54})
	for b.Loop() {
		m.GroupAt(v, x, y)
	}
}
