package mapview

import (
	"math"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"
)

func TestZoomToSelection(t *testing.T) {
	for _, c := range []struct {
		name     string
		sel      string
		wantZoom func(z float64) bool
		inside   []orb.Point // must lie at least selectionMargin inside the view
	}{
		{"point is capped at zoom 12", "kunduz", func(z float64) bool { return z == selectionMaxZoom }, []orb.Point{{68.857, 36.729}}},
		{"area is fitted", "area", func(z float64) bool { return z > 7 && z < selectionMaxZoom }, []orb.Point{{68.3, 37.3}, {69.5, 37.9}, {68.6, 38.0}}},
		{"line is fitted", "move", func(z float64) bool { return z > 6 && z < selectionMaxZoom }, []orb.Point{{69.5, 36.4}, {67.11, 36.71}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, _ := newTestMap(t)
			m.SetView(m.View().Pan(-3000, 2000)) // far from every event
			m.Select(c.sel)
			m.ZoomToSelection()
			v := m.View()
			if !c.wantZoom(v.Zoom) {
				t.Errorf("zoom %.2f", v.Zoom)
			}
			for _, p := range c.inside {
				x, y := v.ToPixel(p)
				if x < selectionMargin || y < selectionMargin || x > float64(v.Width)-selectionMargin || y > float64(v.Height)-selectionMargin {
					t.Errorf("%v at pixel (%.0f, %.0f): not %d px inside the %dx%d view", p, x, y, selectionMargin, v.Width, v.Height)
				}
			}
			if c.sel == "kunduz" {
				if x, y := v.ToPixel(c.inside[0]); math.Abs(x-400) > 1 || math.Abs(y-300) > 1 {
					t.Errorf("point at (%.1f, %.1f), want the centre (400, 300)", x, y)
				}
			}
		})
	}
}

func TestZoomToSelectionWithoutSelectionAndKey(t *testing.T) {
	m, w := newTestMap(t)
	before := m.View()
	m.ZoomToSelection()
	test.Type(m, "z")
	if m.View() != before {
		t.Errorf("no selection: the view moved to %+v", m.View())
	}
	m.Select("kunduz")
	w.Canvas().Focus(m)
	test.Type(m, "Z")
	if z := m.View().Zoom; z != selectionMaxZoom {
		t.Errorf("after Z: zoom %.2f, want %g", z, selectionMaxZoom)
	}
}

func TestSetLegend(t *testing.T) {
	m, _ := newTestMap(t)
	t.Cleanup(func() { sharedEngine.SetLegend(true) })
	if !m.Legend() {
		t.Fatal("the legend is off by default")
	}
	shown := m.r.img.Image
	version := m.version
	m.SetLegend(false)
	if m.Legend() || sharedEngine.Legend() {
		t.Error("SetLegend(false) left the legend on")
	}
	if m.version != version+1 || m.r.img.Image == shown {
		t.Error("SetLegend(false) did not redraw the map")
	}
	m.SetLegend(false)
	if m.version != version+1 {
		t.Error("SetLegend with no change redrew the map")
	}
	m.SetLegend(true)
	if !m.Legend() {
		t.Error("SetLegend(true) left the legend off")
	}
}
