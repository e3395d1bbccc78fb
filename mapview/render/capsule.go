package render

import (
	"image"
	"image/color"
	"math"
)

// lineMask draws anti-aliased strokes as unions of capsules (a segment with
// round ends) into a coverage mask, taking the larger coverage where pieces
// overlap, so a polyline's joins are round and never drawn twice. The work
// is proportional to the stroked area, not to the bounding box, which keeps
// many thin lines cheap.
type lineMask struct {
	mask image.Alpha
	r    image.Rectangle // device pixels the mask covers
}

// begin sizes the mask to device rectangle r (already clipped) and clears it.
func (lm *lineMask) begin(r image.Rectangle) {
	n := r.Dx() * r.Dy()
	if cap(lm.mask.Pix) < n {
		lm.mask.Pix = make([]uint8, n)
	} else {
		lm.mask.Pix = lm.mask.Pix[:n]
		clear(lm.mask.Pix)
	}
	lm.mask.Stride = r.Dx()
	lm.mask.Rect = image.Rect(0, 0, r.Dx(), r.Dy())
	lm.r = r
}

// polyline adds the stroke of pts, w pixels wide (device pixels, dst coordinates).
func (lm *lineMask) polyline(pts []vec, w float32) {
	if len(pts) == 1 {
		lm.capsule(pts[0], pts[0], w/2)
	}
	for i := 1; i < len(pts); i++ {
		lm.capsule(pts[i-1], pts[i], w/2)
	}
}

// capsule adds the points within R of segment ab, with a one-pixel
// anti-aliased edge. Along the segment the distance is the distance to its
// line, stepped incrementally across a row; only the round ends need a
// square root.
func (lm *lineMask) capsule(a, b vec, R float32) {
	ox, oy := float32(lm.r.Min.X), float32(lm.r.Min.Y)
	a, b = vec{a.X - ox, a.Y - oy}, vec{b.X - ox, b.Y - oy}
	W, H := lm.mask.Rect.Dx(), lm.mask.Rect.Dy()
	ext := R + 1
	y0 := max(0, int(math.Floor(float64(min(a.Y, b.Y)-ext))))
	y1 := min(H-1, int(math.Ceil(float64(max(a.Y, b.Y)+ext))))
	d := b.sub(a)
	dl := d.len()
	var u, n vec // along and across the segment
	if dl > 0 {
		u = d.mul(1 / dl)
		n = vec{-u.Y, u.X}
	}
	full := max(R-0.5, 0) // within this distance coverage is 1
	full2 := full * full
	pix := lm.mask.Pix
	for y := y0; y <= y1; y++ {
		py := float32(y) + 0.5
		x0, x1, ok := capsuleRow(a, b, u, ext, py, W)
		if !ok {
			continue
		}
		row := pix[y*W : y*W+W]
		ex, ey := float32(x0)+0.5-a.X, py-a.Y
		along := ex*u.X + ey*u.Y
		across := ex*n.X + ey*n.Y
		for x := x0; x <= x1; x, along, across = x+1, along+u.X, across+n.X {
			var dist float32
			switch {
			case dl == 0 || along < 0:
				px, qy := float32(x)+0.5-a.X, py-a.Y
				d2 := px*px + qy*qy
				if d2 <= full2 {
					row[x] = 255
					continue
				}
				dist = float32(math.Sqrt(float64(d2)))
			case along > dl:
				px, qy := float32(x)+0.5-b.X, py-b.Y
				d2 := px*px + qy*qy
				if d2 <= full2 {
					row[x] = 255
					continue
				}
				dist = float32(math.Sqrt(float64(d2)))
			default:
				dist = abs32(across)
			}
			cov := R + 0.5 - dist
			if cov <= 0 {
				continue
			}
			v := uint8(255)
			if cov < 1 {
				v = uint8(cov*255 + 0.5)
			}
			if v > row[x] {
				row[x] = v
			}
		}
	}
}

// strokeLines draws polylines lines w device pixels wide in colour c onto
// the painter's image.
func (pn *painter) strokeLines(lines [][]vec, w float32, c color.NRGBA) {
	if len(lines) == 0 || w <= 0 || c.A == 0 {
		return
	}
	lo := vec{math.MaxFloat32, math.MaxFloat32}
	hi := vec{-math.MaxFloat32, -math.MaxFloat32}
	for _, l := range lines {
		for _, p := range l {
			lo.X, lo.Y = min(lo.X, p.X), min(lo.Y, p.Y)
			hi.X, hi.Y = max(hi.X, p.X), max(hi.Y, p.Y)
		}
	}
	e := float64(w/2 + 2)
	r := image.Rect(int(math.Floor(float64(lo.X)-e)), int(math.Floor(float64(lo.Y)-e)),
		int(math.Ceil(float64(hi.X)+e)), int(math.Ceil(float64(hi.Y)+e))).Intersect(pn.dst.Rect)
	if r.Empty() {
		return
	}
	pn.lines.begin(r)
	for _, l := range lines {
		pn.lines.polyline(l, w)
	}
	blendMask(pn.dst, r.Min, &pn.lines.mask, c)
}

// capsuleRow returns the pixel columns [x0, x1] of row py (a pixel centre)
// that a capsule of half-width ext around segment ab, with unit direction u,
// can cover: the capsule's bound on the row, narrowed to the band around the
// segment's line when the segment is not flat. ok is false when the row
// holds no column of the w-wide image.
func capsuleRow(a, b, u vec, ext, py float32, w int) (x0, x1 int, ok bool) {
	xa, xb := min(a.X, b.X)-ext, max(a.X, b.X)+ext
	if abs32(u.Y) > 1e-3 {
		cx := a.X + (py-a.Y)*u.X/u.Y
		half := ext / abs32(u.Y)
		xa, xb = max(xa, cx-half), min(xb, cx+half)
	}
	x0 = max(0, int(math.Floor(float64(xa))))
	x1 = min(w-1, int(math.Ceil(float64(xb))))
	return x0, x1, x0 <= x1
}
