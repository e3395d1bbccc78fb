package present

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"

	"eventatlas/mapview/render"
)

// maxDip is how many zoom levels a long flight rises at most.
const maxDip = 2.0

// between is the view a fraction t (0..1) of the way from a to b. The
// centre moves straight in Web Mercator; the zoom eases from a's to b's and,
// when the two centres lie more than half a screen apart, dips out on the
// way so the room sees where the next event lies from the last.
func between(a, b render.View, t float64) render.View {
	t = math.Max(0, math.Min(1, t))
	e := t * t * (3 - 2*t) // smoothstep
	ma, mb := project.WGS84.ToMercator(a.Center), project.WGS84.ToMercator(b.Center)
	c := project.Mercator.ToWGS84(orb.Point{ma[0] + (mb[0]-ma[0])*e, ma[1] + (mb[1]-ma[1])*e})
	v := b
	v.Center = c
	v.Zoom = a.Zoom + (b.Zoom-a.Zoom)*e - dip(a, b)*math.Sin(math.Pi*e)
	return v
}

// dip is how far a flight from a to b zooms out at its middle: enough for
// both ends to fit on screen at the lower zoom, at most maxDip levels.
func dip(a, b render.View) float64 {
	z := math.Min(a.Zoom, b.Zoom)
	ax, ay := a.ToPixel(a.Center)
	bx, by := a.ToPixel(b.Center)
	// pixels between the centres at a's zoom, scaled to the lower zoom
	d := math.Hypot(bx-ax, by-ay) * math.Exp2(z-a.Zoom)
	half := float64(min(a.Width, a.Height)) / 2
	if d <= half || half <= 0 {
		return 0
	}
	return math.Min(maxDip, math.Log2(d/half))
}
