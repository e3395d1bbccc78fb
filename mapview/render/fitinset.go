package render

import (
	"math"

	"github.com/paulmach/orb"
)

// Insets are margins along the four edges of a view, in logical pixels.
type Insets struct {
	Left, Top, Right, Bottom float64
}

// FitBoundInset returns the view of size w×h at the given scale that
// shows bound b whole inside the view less the insets, centred in what is
// left (a larger bottom inset puts b higher), zoomed as far in as MaxZoom
// allows; a point is shown at zoom 12. Insets larger than the view leave
// a 1-pixel area.
func FitBoundInset(b orb.Bound, w, h int, scale float64, in Insets) View {
	aw := math.Max(float64(w)-in.Left-in.Right, 1)
	ah := math.Max(float64(h)-in.Top-in.Bottom, 1)
	lo, hi := toWorld(orb.Point{b.Min[0], b.Max[1]}), toWorld(orb.Point{b.Max[0], b.Min[1]})
	bw, bh := hi[0]-lo[0], hi[1]-lo[1]
	z := 12.0
	if bw > 0 || bh > 0 {
		z = math.Inf(1)
		if bw > 0 {
			z = math.Log2(aw / bw)
		}
		if bh > 0 {
			z = math.Min(z, math.Log2(ah/bh))
		}
	}
	v := View{Center: fromWorld(orb.Point{(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2}), Zoom: z, Width: w, Height: h, Scale: scale}.Clamp()
	// v has b's centre in the middle; the view whose middle is where that
	// centre lies when it sits in the middle of the inset area.
	cx, cy := in.Left+aw/2, in.Top+ah/2
	v.Center = v.ToLonLat(float64(v.Width)-cx, float64(v.Height)-cy)
	return v.Clamp()
}
