package render

import (
	"image"
	"image/color"
	"math"

	"github.com/paulmach/orb"
)

// fadeWidth is how far, in logical pixels, the neighbouring countries fade
// into the background from the edge of the box their data was clipped to,
// so that the data ends softly instead of along a ruled line.
const fadeWidth = 48

// neighbourFade is where the neighbours fade out in one frame.
type neighbourFade struct {
	x0, y0, x1, y1 float64 // clipBox in device pixels
	w              float64 // width of the fade inside the box, device pixels
	margin         float64 // how far outside the box the neighbours' lines reach
}

// fadeFor is the fade of a frame under t whose neighbours' lines reach
// margin device pixels outside the clip box, and whether any of it falls in
// the frame r. The width shrinks on a small box (far out) to a quarter of
// its shorter side.
func fadeFor(t xform, r image.Rectangle, margin float64) (neighbourFade, bool) {
	a := t.pt(toWorld(orb.Point{clipBox.Min[0], clipBox.Max[1]}))
	b := t.pt(toWorld(orb.Point{clipBox.Max[0], clipBox.Min[1]}))
	f := neighbourFade{x0: float64(a.X), y0: float64(a.Y), x1: float64(b.X), y1: float64(b.Y), margin: margin}
	f.w = min(fadeWidth*t.scale, (f.x1-f.x0)/4, (f.y1-f.y0)/4)
	if f.w <= 0 {
		return f, false
	}
	rx0, ry0, rx1, ry1 := float64(r.Min.X), float64(r.Min.Y), float64(r.Max.X), float64(r.Max.Y)
	outside := rx1 <= f.x0-margin || rx0 >= f.x1+margin || ry1 <= f.y0-margin || ry0 >= f.y1+margin
	inside := rx0 >= f.x0+f.w && rx1 <= f.x1-f.w && ry0 >= f.y0+f.w && ry1 <= f.y1-f.w
	return f, !outside && !inside
}

// weight is how much of what is drawn at the centre of pixel (x, y) stays,
// 0..256: nothing outside the box, rising smoothly to all of it at the
// fade's width inside.
func (f neighbourFade) weight(x, y int) uint32 {
	cx, cy := float64(x)+0.5, float64(y)+0.5
	d := min(cx-f.x0, f.x1-cx, cy-f.y0, f.y1-cy) / f.w
	if d >= 1 {
		return 256
	}
	if d <= 0 {
		return 0
	}
	return uint32(256 * d * d * (3 - 2*d))
}

// apply blends what dst holds within the fade towards bg by weight. It is
// for a frame holding only the background and the neighbours.
func (f neighbourFade) apply(dst *image.RGBA, bg color.NRGBA) {
	r := dst.Rect
	ylo := max(r.Min.Y, int(math.Floor(f.y0-f.margin)))
	yhi := min(r.Max.Y, int(math.Ceil(f.y1+f.margin)))
	xlo := max(r.Min.X, int(math.Floor(f.x0-f.margin)))
	xhi := min(r.Max.X, int(math.Ceil(f.x1+f.margin)))
	// Columns of the inner part of a row, where a row far from the top and
	// bottom edges keeps everything.
	inLo := max(xlo, int(math.Ceil(f.x0+f.w)))
	inHi := min(xhi, int(math.Floor(f.x1-f.w)))
	for y := ylo; y < yhi; y++ {
		cy := float64(y) + 0.5
		if cy-f.y0 < f.w || f.y1-cy < f.w || inLo >= inHi {
			f.blendRun(dst, y, xlo, xhi, bg)
			continue
		}
		f.blendRun(dst, y, xlo, inLo, bg)
		f.blendRun(dst, y, inHi, xhi, bg)
	}
}

// blendRun blends pixels x0..x1 of row y towards bg by weight.
func (f neighbourFade) blendRun(dst *image.RGBA, y, x0, x1 int, bg color.NRGBA) {
	if x0 >= x1 {
		return
	}
	i := dst.PixOffset(x0, y)
	row := dst.Pix[i : i+4*(x1-x0)]
	br, bgc, bb := uint32(bg.R), uint32(bg.G), uint32(bg.B)
	for x := x0; x < x1; x, row = x+1, row[4:] {
		w := f.weight(x, y)
		if w == 256 {
			continue
		}
		// The frame is opaque (the background was painted first).
		row[0] = uint8((uint32(row[0])*w + br*(256-w)) >> 8)
		row[1] = uint8((uint32(row[1])*w + bgc*(256-w)) >> 8)
		row[2] = uint8((uint32(row[2])*w + bb*(256-w)) >> 8)
	}
}
