package render

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

// TestFitBoundInset: the bound's corners land on the inset rectangle's
// edges (the limiting pair exactly, the other pair inside and centred).
func TestFitBoundInset(t *testing.T) {
	b := orb.Bound{Min: orb.Point{67, 36.5}, Max: orb.Point{69.5, 38.6}}
	for _, c := range []struct {
		name string
		w, h int
		in   Insets
	}{
		{"no insets", 800, 600, Insets{}},
		{"even", 800, 600, Insets{40, 40, 40, 40}},
		{"large bottom", 1150, 760, Insets{70, 70, 70, 100}},
		{"portrait", 500, 900, Insets{30, 10, 50, 80}},
	} {
		v := FitBoundInset(b, c.w, c.h, 2, c.in)
		x0, y0 := v.ToPixel(orb.Point{b.Min[0], b.Max[1]})
		x1, y1 := v.ToPixel(orb.Point{b.Max[0], b.Min[1]})
		l, tp, r, bt := x0, y0, float64(c.w)-x1, float64(c.h)-y1
		const eps = 0.01
		if l < c.in.Left-eps || tp < c.in.Top-eps || r < c.in.Right-eps || bt < c.in.Bottom-eps {
			t.Errorf("%s: margins %.2f %.2f %.2f %.2f, want at least %v", c.name, l, tp, r, bt, c.in)
		}
		// Centred in the inset area: the spare room is the same on both sides.
		if d := (l - c.in.Left) - (r - c.in.Right); math.Abs(d) > eps {
			t.Errorf("%s: off centre across by %.3f px", c.name, d)
		}
		if d := (tp - c.in.Top) - (bt - c.in.Bottom); math.Abs(d) > eps {
			t.Errorf("%s: off centre up and down by %.3f px", c.name, d)
		}
		// Tight: one pair of edges touches the insets.
		if math.Min(l-c.in.Left, tp-c.in.Top) > eps {
			t.Errorf("%s: not tight, spare %.2f across and %.2f up and down", c.name, l-c.in.Left, tp-c.in.Top)
		}
		if v.Scale != 2 || v.Width != c.w || v.Height != c.h {
			t.Errorf("%s: view %+v, want %dx%d at scale 2", c.name, v, c.w, c.h)
		}
	}
	// A point: zoom 12, in the middle of the inset area.
	p := orb.Point{68.78, 38.54}
	v := FitBoundInset(p.Bound(), 800, 600, 1, Insets{0, 0, 0, 100})
	if x, y := v.ToPixel(p); v.Zoom != 12 || math.Abs(x-400) > 0.01 || math.Abs(y-250) > 0.01 {
		t.Errorf("point: zoom %g at (%.2f, %.2f), want zoom 12 at (400, 250)", v.Zoom, x, y)
	}
}
