package render

import (
	"testing"

	"github.com/paulmach/orb"
)

// TestInsetHasNoFurniture: an inset map draws the base map and labels but
// no scale bar and no attribution line, in the corners where they sit.
func TestInsetHasNoFurniture(t *testing.T) {
	m := newTestMap(t)
	v := View{Center: orb.Point{68.5, 37.5}, Zoom: 6, Width: 440, Height: 320, Scale: 1}
	full := m.Render(v, Selection{})
	m.SetInset(true)
	inset := m.Render(v, Selection{})
	differ := func(x0, y0, x1, y1 int) int {
		n := 0
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				if full.RGBAAt(x, y) != inset.RGBAAt(x, y) {
					n++
				}
			}
		}
		return n
	}
	// The scale bar's corner (bottom left) and the attribution's (bottom right).
	if n := differ(0, 290, 120, 320); n < 50 {
		t.Errorf("the scale bar's corner differs in %d pixels: the inset still draws it", n)
	}
	if n := differ(240, 305, 440, 320); n < 50 {
		t.Errorf("the attribution's corner differs in %d pixels: the inset still draws it", n)
	}
	// The middle of the map is the same but for the border crossings' icons,
	// which an inset leaves out (they would read as events).
	if n := differ(150, 100, 290, 220); n > 1200 {
		t.Errorf("the middle of an inset differs in %d pixels from the full map's", n)
	}
}

// TestLabelsKeepClearOfReserved: with the top-left quarter reserved (a
// caption card over the map), no label is placed there.
func TestLabelsKeepClearOfReserved(t *testing.T) {
	m := newTestMap(t)
	v := View{Center: orb.Point{68.5, 37.5}, Zoom: 7, Width: 800, Height: 600, Scale: 1}
	card := Rect{0, 0, 400, 300}
	before := 0
	for _, l := range m.Labels(v) {
		if l.Box.Overlaps(card) {
			before++
		}
	}
	if before == 0 {
		t.Fatal("no label in the top-left quarter to move")
	}
	m.SetReserved(card)
	for _, l := range m.Labels(v) {
		if l.Box.Overlaps(card) {
			t.Errorf("label %q at %v lies under the reserved card", l.Text, l.Box)
		}
	}
	m.SetReserved()
	after := 0
	for _, l := range m.Labels(v) {
		if l.Box.Overlaps(card) {
			after++
		}
	}
	if after != before {
		t.Errorf("with nothing reserved again, %d labels in the quarter, want %d", after, before)
	}
}
