package render

import (
	"fmt"
	"image"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// TestPanShiftMatchesFresh pans a map step by step and checks every frame,
// drawn by shifting the cached layers, against a fresh render of the same
// view on another map. The steps bring place dots and cluster bubbles in
// and out at the edges.
func TestPanShiftMatchesFresh(t *testing.T) {
	events := syntheticEvents(3000, 0.90, 0.07, 0.03)
	tax := annotate.DefaultTaxonomy()
	steps := [][2]float64{{7, 3}, {7, 3}, {-20, 11}, {0, -45}, {120, 0}, {-3, -90}, {7, 3}}
	for _, c := range []struct {
		name    string
		v       View
		cluster bool
		sel     Selection
	}{
		{"region-clusters", FitBound(RegionBound(), 640, 400, 1), true, Selection{}},
		{"region-selected", FitBound(RegionBound(), 640, 400, 1), true, Selection{Selected: "e3", Hover: "e10"}},
		{"region-noclusters", FitBound(RegionBound(), 640, 400, 1), false, Selection{}},
		{"kunduz-z9", kunduzView(500, 360, 9), true, Selection{}},
		{"kunduz-z11-hidpi", View{Center: orb.Point{68.85, 36.75}, Zoom: 11, Width: 300, Height: 200, Scale: 2}, true, Selection{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newTestMap(t)
			m.SetEvents(events, tax)
			m.SetClustering(c.cluster)
			fresh := newTestMap(t)
			fresh.SetEvents(events, tax)
			fresh.SetClustering(c.cluster)
			v := c.v
			m.Render(v, c.sel)
			for i, s := range steps {
				v = v.Pan(s[0], s[1])
				got := m.Render(v, c.sel)
				want := fresh.Render(v, c.sel)
				fresh.evLayer.img, fresh.baseImg = nil, nil // keep the reference fresh
				// The shift is exact: no pixel may differ by more than
				// pixelTol (the golden limit would hide a stale cluster
				// bubble or place dot at the edge).
				if diff, frac := compareImages(want, got); diff != "" || frac > 0 {
					t.Errorf("step %d pan %v: %s%.4f%% of pixels differ from a fresh render", i, s, diff, 100*frac)
				}
			}
			if m.evLayer.shifts != len(steps) {
				t.Errorf("%d of %d frames drawn by shifting", m.evLayer.shifts, len(steps))
			}
		})
	}
}

// TestPanNoShift checks the frames that must be drawn afresh: a zoom, a
// sub-pixel pan and a pan larger than the frame.
func TestPanNoShift(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(sampleEvents(), annotate.DefaultTaxonomy())
	v := kunduzView(320, 200, 8)
	m.Render(v, Selection{})
	for _, w := range []View{v.ZoomAround(160, 100, 1.5), v.Pan(0.5, 0), v.Pan(400, 0), v.Pan(0, -250)} {
		m.Render(w, Selection{})
	}
	if m.evLayer.shifts != 0 {
		t.Errorf("%d frames drawn by shifting, want 0", m.evLayer.shifts)
	}
}

func TestShiftPixels(t *testing.T) {
	for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 2}, {0, -2}, {3, -1}, {-2, 3}} {
		t.Run(fmt.Sprint(d), func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, 5, 4))
			for i := range img.Pix {
				img.Pix[i] = uint8(i)
			}
			orig := append([]uint8(nil), img.Pix...)
			shiftPixels(img, d[0], d[1])
			for y := range 4 {
				for x := range 5 {
					sx, sy := x-d[0], y-d[1]
					if sx < 0 || sy < 0 || sx >= 5 || sy >= 4 {
						continue
					}
					if got, want := img.Pix[img.PixOffset(x, y)], orig[sy*20+sx*4]; got != want {
						t.Fatalf("pixel (%d,%d) = %d, want %d", x, y, got, want)
					}
				}
			}
		})
	}
}

func TestExposedAndRedrawRects(t *testing.T) {
	frame := image.Rect(0, 0, 100, 50)
	strips := exposed(100, 50, -7, 3)
	want := []image.Rectangle{image.Rect(93, 0, 100, 50), image.Rect(0, 0, 93, 3)}
	if fmt.Sprint(strips) != fmt.Sprint(want) {
		t.Fatalf("exposed = %v, want %v", strips, want)
	}
	got := redrawRects(strips, []image.Rectangle{
		image.Rect(95, 10, 99, 20),  // inside a strip: dropped
		image.Rect(10, 10, 20, 20),  // merged with the next
		image.Rect(15, 15, 30, 25),  //
		image.Rect(60, 40, 120, 80), // clipped to the frame
		image.Rect(-9, -9, -1, -1),  // outside: dropped
	}, frame)
	want = []image.Rectangle{image.Rect(10, 10, 30, 25), image.Rect(60, 40, 100, 50), strips[0], strips[1]}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("redrawRects = %v, want %v", got, want)
	}
}
