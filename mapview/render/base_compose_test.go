package render

import (
	"image"
	"image/color"
	"testing"

	"eventatlas/annotate"
)

// TestComposeMatchesFresh draws a sequence of frames on one map, into one
// reused image as the app does, and checks each against a fresh render of
// the same view on a map with no cached layers: frames that reuse the
// event layer (same view, another selection), shift it (pans), start
// afresh (zoom, resize, style) or have a backdrop must all look the same.
func TestComposeMatchesFresh(t *testing.T) {
	events := syntheticEvents(2000, 0.90, 0.07, 0.03)
	tax := annotate.DefaultTaxonomy()
	v := FitBound(RegionBound(), 640, 400, 1)
	green := color.NRGBA{0, 200, 0, 255}
	steps := []struct {
		name     string
		v        View
		sel      Selection
		style    string
		backdrop bool
	}{
		{"first", v, Selection{}, "light", false},
		{"hover", v, Selection{Hover: "e7"}, "light", false},
		{"select", v, Selection{Selected: "e3"}, "light", false},
		{"select-other", v, Selection{Selected: "e5"}, "light", false},
		{"select-back", v, Selection{Selected: "e3"}, "light", false},
		{"pan", v.Pan(5, -2), Selection{Selected: "e3"}, "light", false},
		{"pan-again", v.Pan(-30, 14), Selection{Selected: "e3"}, "light", false},
		{"same", v.Pan(-30, 14), Selection{}, "light", false},
		{"zoom", v.ZoomAround(100, 80, 1.3), Selection{}, "light", false},
		{"dark", v.ZoomAround(100, 80, 1.3), Selection{}, "dark", false},
		{"dark-pan", v.ZoomAround(100, 80, 1.3).Pan(3, 3), Selection{}, "dark", false},
		{"backdrop", v, Selection{}, "light", true},
		{"backdrop-pan", v.Pan(4, 0), Selection{}, "light", true},
		{"no-backdrop", v.Pan(4, 0), Selection{}, "light", false},
		{"no-backdrop-pan", v.Pan(8, 0), Selection{}, "light", false},
		{"resize", FitBound(RegionBound(), 500, 300, 1), Selection{}, "light", false},
		{"hidpi", FitBound(RegionBound(), 300, 200, 2), Selection{}, "light", false},
		{"hidpi-pan", FitBound(RegionBound(), 300, 200, 2).Pan(2, 1), Selection{}, "light", false},
	}
	m := newTestMap(t)
	m.SetEvents(events, tax)
	var img *image.RGBA
	baseKept := false
	for _, s := range steps {
		fresh := newTestMap(t)
		fresh.SetEvents(events, tax)
		for _, mm := range []*Map{m, fresh} {
			if s.style == "dark" {
				mm.SetStyle(DarkStyle())
			} else {
				mm.SetStyle(LightStyle())
			}
			if s.backdrop {
				mm.SetBackdrop(&solidBackdrop{c: green})
			} else {
				mm.SetBackdrop(nil)
			}
		}
		img = m.RenderTo(img, s.v, s.sel)
		baseKept = baseKept || m.baseImg != nil
		want := fresh.Render(s.v, s.sel)
		if diff, frac := compareImages(want, img); diff != "" || frac > 0 {
			t.Errorf("%s: %s%.4f%% of pixels differ from a fresh render", s.name, diff, 100*frac)
		}
	}
	// Selecting other events redraws the view under new clusters: the
	// second time from the base map kept the first time.
	if !baseKept {
		t.Error("the base map of a view drawn again was not kept")
	}
	// pan, pan-again, dark-pan, no-backdrop-pan and hidpi-pan shift the layer.
	if m.evLayer.shifts != 5 {
		t.Errorf("%d frames drawn by shifting, want 5", m.evLayer.shifts)
	}
}
