package render

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// Zoom limits of a View, in fractional Web Mercator zoom levels.
const (
	MinZoom = 4.0
	MaxZoom = 14.0
)

// tileSize is the width of the world in pixels at zoom 0.
const tileSize = 256.0

// halfWorld is half the Web Mercator world's width in metres (π·R).
const halfWorld = orb.EarthRadius * math.Pi

// dataBound is where the base map has data; Clamp keeps the view's centre in it.
var dataBound = orb.Bound{Min: orb.Point{60, 29}, Max: orb.Point{76, 42}}

// View is what part of the map an image shows and at what size.
type View struct {
	Center orb.Point // lon, lat at the middle of the image
	Zoom   float64   // fractional Web Mercator zoom, 256 px tiles
	Width  int       // logical pixels
	Height int       // logical pixels
	Scale  float64   // HiDPI factor: the image is Width·Scale × Height·Scale pixels
}

// toWorld projects lon/lat to Web Mercator world pixels at zoom 0 (x right,
// y down, the world is 256 px wide).
func toWorld(p orb.Point) orb.Point {
	m := project.WGS84.ToMercator(p)
	return orb.Point{(m[0]/halfWorld + 1) * tileSize / 2, (1 - m[1]/halfWorld) * tileSize / 2}
}

// fromWorld is the inverse of toWorld.
func fromWorld(w orb.Point) orb.Point {
	m := orb.Point{(w[0]/(tileSize/2) - 1) * halfWorld, (1 - w[1]/(tileSize/2)) * halfWorld}
	return project.Mercator.ToWGS84(m)
}

// worldScale is how many logical pixels one zoom-0 world pixel spans.
func (v View) worldScale() float64 { return math.Exp2(v.Zoom) }

// scale returns the HiDPI factor, 1 when unset.
func (v View) scale() float64 {
	if v.Scale <= 0 {
		return 1
	}
	return v.Scale
}

// ToPixel returns where lon/lat p falls in the image, in logical pixels from
// the top-left corner.
func (v View) ToPixel(p orb.Point) (x, y float64) {
	return v.worldToPixel(toWorld(p))
}

// worldToPixel maps zoom-0 world pixels to logical pixels.
func (v View) worldToPixel(w orb.Point) (x, y float64) {
	c := toWorld(v.Center)
	k := v.worldScale()
	return (w[0]-c[0])*k + float64(v.Width)/2, (w[1]-c[1])*k + float64(v.Height)/2
}

// pixelToWorld maps logical pixels to zoom-0 world pixels.
func (v View) pixelToWorld(x, y float64) orb.Point {
	c := toWorld(v.Center)
	k := v.worldScale()
	return orb.Point{c[0] + (x-float64(v.Width)/2)/k, c[1] + (y-float64(v.Height)/2)/k}
}

// ToLonLat returns the lon/lat under logical pixel (x, y).
func (v View) ToLonLat(x, y float64) orb.Point {
	return fromWorld(v.pixelToWorld(x, y))
}

// Pan moves the view's centre by (dx, dy) logical pixels: Pan(10, 0) shows
// what was 10 px to the right of the centre in the middle. Dragging the map
// content by (dx, dy) is Pan(-dx, -dy).
func (v View) Pan(dx, dy float64) View {
	v.Center = v.ToLonLat(float64(v.Width)/2+dx, float64(v.Height)/2+dy)
	return v
}

// ZoomAround multiplies the scale by factor (2 zooms in one level) keeping the
// lon/lat under logical pixel (x, y) where it is. The zoom is limited to
// MinZoom..MaxZoom.
func (v View) ZoomAround(x, y, factor float64) View {
	if !(factor > 0) || math.IsInf(factor, 0) {
		return v
	}
	anchor := v.pixelToWorld(x, y)
	v.Zoom = clampf(v.Zoom+math.Log2(factor), MinZoom, MaxZoom)
	k := v.worldScale()
	c := orb.Point{anchor[0] - (x-float64(v.Width)/2)/k, anchor[1] - (y-float64(v.Height)/2)/k}
	v.Center = fromWorld(c)
	return v
}

// worldBound returns the view's extent in zoom-0 world pixels.
func (v View) worldBound() orb.Bound {
	a := v.pixelToWorld(0, 0)
	b := v.pixelToWorld(float64(v.Width), float64(v.Height))
	return orb.Bound{Min: a, Max: b}
}

// Bound returns the lon/lat extent the view shows.
func (v View) Bound() orb.Bound {
	tl := v.ToLonLat(0, 0)
	br := v.ToLonLat(float64(v.Width), float64(v.Height))
	return orb.Bound{Min: orb.Point{tl[0], br[1]}, Max: orb.Point{br[0], tl[1]}}
}

// Clamp returns the view with its zoom in MinZoom..MaxZoom, its centre inside
// the base map's data area (so the region cannot be lost off-screen) and a
// size of at least 1×1 at a positive scale.
func (v View) Clamp() View {
	if math.IsNaN(v.Zoom) {
		v.Zoom = MinZoom
	}
	v.Zoom = clampf(v.Zoom, MinZoom, MaxZoom)
	if math.IsNaN(v.Center[0]) || math.IsNaN(v.Center[1]) {
		v.Center = RegionBound().Center()
	}
	v.Center[0] = clampf(v.Center[0], dataBound.Min[0], dataBound.Max[0])
	v.Center[1] = clampf(v.Center[1], dataBound.Min[1], dataBound.Max[1])
	v.Width = max(v.Width, 1)
	v.Height = max(v.Height, 1)
	if !(v.Scale > 0) || math.IsInf(v.Scale, 0) {
		v.Scale = 1
	}
	return v
}

// FitBound returns the view of size w×h at the given scale that shows bound b
// whole with a margin around it (6 % of the shorter side, 32 px at most),
// zoomed as far in as MaxZoom allows (a point is shown at zoom 12).
func FitBound(b orb.Bound, w, h int, scale float64) View {
	m := math.Min(32, 0.06*float64(min(w, h)))
	return FitBoundInset(b, w, h, scale, Insets{Left: m, Top: m, Right: m, Bottom: m})
}

// RegionBound is the lon/lat extent of the first view: Dushanbe, Khatlon,
// Kunduz, Balkh and Mazar-i-Sharif with some country around them.
func RegionBound() orb.Bound {
	return orb.Bound{Min: orb.Point{65.8, 35.9}, Max: orb.Point{71.2, 39.2}}
}

func clampf(x, lo, hi float64) float64 {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}
