package render

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/assets"
)

func TestNewMapErrors(t *testing.T) {
	bm, err := assets.LoadBaseMap()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewMap(nil, nil); err == nil || !strings.Contains(err.Error(), "no base map") {
		t.Errorf("nil base map: %v", err)
	}
	if _, err := NewMap(&assets.BaseMap{}, nil); err == nil || !strings.Contains(err.Error(), "missing a layer") {
		t.Errorf("empty base map: %v", err)
	}
	if _, err := NewMap(bm, []byte("not a font")); err == nil || !strings.Contains(err.Error(), "font") {
		t.Errorf("bad font: %v", err)
	}
}

func TestRenderSizesAndOddViews(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(sampleEvents(), annotate.DefaultTaxonomy())
	for _, c := range []struct {
		v    View
		w, h int
	}{
		{View{Center: orb.Point{68, 37}, Zoom: 8, Width: 300, Height: 200, Scale: 1}, 300, 200},
		{View{Center: orb.Point{68, 37}, Zoom: 8, Width: 300, Height: 200, Scale: 1.5}, 450, 300},
		{View{}, 1, 1}, // no size: a 1x1 image, no panic
		{View{Center: orb.Point{0, 0}, Zoom: 30, Width: 50, Height: 40}, 50, 40}, // far from the data
	} {
		img := m.Render(c.v, Selection{Selected: "missing", Hover: "pt-kunduz"})
		if img.Rect.Dx() != c.w || img.Rect.Dy() != c.h {
			t.Errorf("Render(%+v) is %v, want %dx%d", c.v, img.Rect, c.w, c.h)
		}
	}
	// RenderTo reuses a buffer of the right size.
	v := View{Center: orb.Point{68, 37}, Zoom: 8, Width: 300, Height: 200, Scale: 1}
	buf := m.Render(v, Selection{})
	if got := m.RenderTo(buf, v.Pan(5, 0), Selection{}); got != buf {
		t.Error("RenderTo made a new image for a buffer of the right size")
	}
}

func TestSetEventsSkipsBadGeometry(t *testing.T) {
	m := newTestMap(t)
	events := []annotate.Event{
		ev("ok", "Diplomacy", orb.Point{68.5, 37}),
		ev("short-line", "Diplomacy", orb.LineString{{68, 37}}),
		ev("open-ring", "Diplomacy", orb.Polygon{{{68, 37}, {69, 37}, {69, 38}, {68.5, 38}}}),
		ev("bad-lat", "Diplomacy", orb.Point{68, 137}),
		{ID: "nil", Type: "Other", Title: "no place"},
	}
	m.SetEvents(events, annotate.DefaultTaxonomy())
	for _, e := range events {
		_, ok := m.EventBound(e.ID)
		if ok != (e.ID == "ok") {
			t.Errorf("%s: has a bound %v", e.ID, ok)
		}
	}
}
