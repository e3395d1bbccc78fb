package render

import (
	"math"

	"github.com/paulmach/orb"
)

// xform maps zoom-0 world pixels to device pixels of one frame:
// device = world·k − origin.
type xform struct {
	k      float64 // device pixels per world pixel: 2^zoom · scale
	ox, oy float64 // device position of world (0, 0), negated
	scale  float64 // device pixels per logical pixel
	w, h   int     // device size
}

// newXform returns the transform of view v.
func newXform(v View) xform {
	s := v.scale()
	k := math.Exp2(v.Zoom) * s
	c := toWorld(v.Center)
	w, h := deviceSize(v)
	return xform{k: k, ox: c[0]*k - float64(w)/2, oy: c[1]*k - float64(h)/2, scale: s, w: w, h: h}
}

// deviceSize is the size of the image Render returns for v.
func deviceSize(v View) (int, int) {
	s := v.scale()
	return max(1, int(math.Round(float64(v.Width)*s))), max(1, int(math.Round(float64(v.Height)*s)))
}

// pt maps a world point to device pixels.
func (t xform) pt(p orb.Point) vec {
	return vec{float32(p[0]*t.k - t.ox), float32(p[1]*t.k - t.oy)}
}

// world maps device pixels back to world pixels.
func (t xform) world(x, y float64) orb.Point {
	return orb.Point{(x + t.ox) / t.k, (y + t.oy) / t.k}
}

// worldBound is the world extent of the device image grown by pad device pixels.
func (t xform) worldBound(pad float64) orb.Bound {
	return orb.Bound{Min: t.world(-pad, -pad), Max: t.world(float64(t.w)+pad, float64(t.h)+pad)}
}

// vec is a device-pixel point.
type vec struct{ X, Y float32 }

func (a vec) add(b vec) vec              { return vec{a.X + b.X, a.Y + b.Y} }
func (a vec) sub(b vec) vec              { return vec{a.X - b.X, a.Y - b.Y} }
func (a vec) mul(s float32) vec          { return vec{a.X * s, a.Y * s} }
func (a vec) len() float32               { return float32(math.Hypot(float64(a.X), float64(a.Y))) }
func (a vec) perp() vec                  { return vec{-a.Y, a.X} }
func (a vec) dot(b vec) float32          { return a.X*b.X + a.Y*b.Y }
func (a vec) cross(b vec) float32        { return a.X*b.Y - a.Y*b.X }
func (a vec) near(b vec, d float32) bool { return abs32(a.X-b.X) < d && abs32(a.Y-b.Y) < d }

// unit returns a scaled to length 1, or zero for a zero vector.
func (a vec) unit() vec {
	l := a.len()
	if l == 0 {
		return vec{}
	}
	return vec{a.X / l, a.Y / l}
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}
