package render

import (
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

func TestHitTest(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(sampleEvents(), annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 1280, 800, 1)
	px := func(p orb.Point) (float64, float64) { return v.ToPixel(p) }
	kx, ky := px(orb.Point{68.857, 36.729})
	// A point on the line from Dushanbe to the Panj, well away from points.
	lx, ly := px(orb.Point{68.70, 38.17})
	ax, ay := px(orb.Point{69.0, 37.5}) // inside the area, off the line
	ex, ey := px(orb.Point{70.5, 36.2}) // empty land
	cases := []struct {
		name   string
		x, y   float64
		want   string
		wantOK bool
	}{
		{"point centre", kx, ky, "pt-kunduz", true},
		{"point 6 px off", kx + 6, ky, "pt-kunduz", true},
		{"point 7 px diagonal", kx + 5, ky - 5, "pt-kunduz", true},
		{"line", lx, ly, "move-dushanbe-kunduz", true},
		{"line 4 px off", lx + 4, ly, "move-dushanbe-kunduz", true},
		{"line 9 px off", lx + 9, ly, "", false},
		{"area", ax, ay, "area-khatlon", true},
		{"empty", ex, ey, "", false},
		{"outside the image", -50, -50, "", false},
	}
	for _, c := range cases {
		got, ok := m.HitTest(v, c.x, c.y)
		if got != c.want || ok != c.wantOK {
			t.Errorf("%s at (%.1f, %.1f): HitTest = %q, %v; want %q, %v", c.name, c.x, c.y, got, ok, c.want, c.wantOK)
		}
	}
}

func TestHitTestPrefersPointsAndSmallAreas(t *testing.T) {
	m := newTestMap(t)
	big := orb.Polygon{{{68, 37}, {70, 37}, {70, 38.5}, {68, 38.5}, {68, 37}}}
	small := orb.Polygon{{{68.9, 37.6}, {69.2, 37.6}, {69.2, 37.8}, {68.9, 37.8}, {68.9, 37.6}}}
	events := []annotate.Event{
		ev("small", "Other", small), // listed first: size decides, not order
		ev("big", "Other", big),
		ev("pt", "Diplomacy", orb.Point{69.05, 37.7}),
		ev("line", "Diplomacy", orb.LineString{{68.2, 38.2}, {69.8, 38.2}}),
	}
	m.SetEvents(events, annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 1280, 800, 1)
	for _, c := range []struct {
		p    orb.Point
		want string
	}{
		{orb.Point{69.05, 37.7}, "pt"},     // point over both areas
		{orb.Point{68.95, 37.65}, "small"}, // inside both areas
		{orb.Point{68.3, 37.2}, "big"},
		{orb.Point{69.0, 38.2}, "line"}, // line over the big area
	} {
		x, y := v.ToPixel(c.p)
		if got, _ := m.HitTest(v, x, y); got != c.want {
			t.Errorf("at %v: %q, want %q", c.p, got, c.want)
		}
	}
}

func TestHitTestSkipsClusteredPoints(t *testing.T) {
	m := newTestMap(t)
	var events []annotate.Event
	for i := range 6 {
		events = append(events, ev(string(rune('a'+i)), "Diplomacy", orb.Point{68.857 + float64(i)*0.0005, 36.729}))
	}
	m.SetEvents(events, annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 1280, 800, 1)
	x, y := v.ToPixel(orb.Point{68.858, 36.729})
	if id, ok := m.HitTest(v, x, y); ok {
		t.Errorf("clustered point hit: %q", id)
	}
	if g, ok := m.GroupAt(v, x, y); !ok || g.Flow || g.Count != 6 || !g.Bound.Pad(1e-6).Contains(orb.Point{68.858, 36.729}) {
		t.Errorf("GroupAt = %+v, %v; want a bubble of the 6 points", g, ok)
	}
	m.SetClustering(false)
	if id, ok := m.HitTest(v, x, y); !ok || id == "" {
		t.Errorf("unclustered: HitTest = %q, %v", id, ok)
	}
	if _, ok := m.GroupAt(v, x, y); ok {
		t.Error("GroupAt found a cluster with clustering off")
	}
}

func TestEventBounds(t *testing.T) {
	m := newTestMap(t)
	if _, ok := m.EventsBound(); ok {
		t.Error("EventsBound with no events")
	}
	events := append(sampleEvents(), annotate.Event{ID: "nogeom", Type: "Other", Title: "x"})
	m.SetEvents(events, annotate.DefaultTaxonomy())
	b, ok := m.EventBound("area-khatlon")
	want := orb.Bound{Min: orb.Point{68.3, 37.3}, Max: orb.Point{69.5, 38.0}}
	if !ok || b != want {
		t.Errorf("EventBound = %v, %v; want %v", b, ok, want)
	}
	if _, ok := m.EventBound("nogeom"); ok {
		t.Error("an event without geometry has a bound")
	}
	if _, ok := m.EventBound("missing"); ok {
		t.Error("an unknown id has a bound")
	}
	all, ok := m.EventsBound()
	wantAll := orb.Bound{Min: orb.Point{67.111, 36.709}, Max: orb.Point{69.78, 38.54}}
	if !ok || all != wantAll {
		t.Errorf("EventsBound = %v, %v; want %v", all, ok, wantAll)
	}
}

func TestHitTestHiDPI(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(sampleEvents(), annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 640, 400, 2)
	m.Render(v, Selection{})
	x, y := v.ToPixel(orb.Point{67.111, 36.709}) // logical pixels, whatever the scale
	if id, ok := m.HitTest(v, x+5, y); !ok || id != "pt-mazar" {
		t.Errorf("HitTest at scale 2 = %q, %v", id, ok)
	}
}
