package render

import (
	"image"
	"math"
)

// capsuleMiddle returns the columns [m0, m1) of a capsule row span of n
// pixels whose centres project inside the segment (0 ≤ along ≤ dl), where
// along is the projection of the span's first pixel centre and inv the
// inverse of how much it grows per pixel (0 when it hardly grows). The columns
// before m0 and from m1 on lie beyond an end and need the distance to that
// end point. A zero-length segment has no middle.
func capsuleMiddle(along, inv, dl float32, n int) (m0, m1 int) {
	if dl <= 0 {
		return 0, 0
	}
	var lo, hi float32 // along + j·ux within [0, dl] for j in [lo, hi]
	switch {
	case inv > 0:
		lo, hi = -along*inv, (dl-along)*inv
	case inv < 0:
		lo, hi = (dl-along)*inv, -along*inv
	case along >= 0 && along <= dl:
		return 0, n
	default:
		return 0, 0
	}
	fn := float32(n)
	lo, hi = max(0, min(fn, lo)), max(-1, min(fn, hi))
	m0, m1 = ceilInt(lo), min(n, floorInt(hi)+1)
	return m0, max(m0, m1)
}

// endDist is the distance from pixel centre (px, py) to the nearer end of a
// segment: a when along is before the middle of the segment, b otherwise.
// ok is false, and the square root is not taken, when the distance is lim
// or more: a coverage lim − distance would be at most 0 (or round to 0).
func endDist(px, py float32, a, b vec, along, dl, lim float32) (float32, bool) {
	e := a
	if along > dl/2 {
		e = b
	}
	dx, dy := px-e.X, py-e.Y
	d2 := dx*dx + dy*dy
	if d2 >= lim*lim {
		return 0, false
	}
	return float32(math.Sqrt(float64(d2))), true
}

// capsuleScan walks the rows of a capsule of half-width ext (coverage
// included) around segment ab, within a clip rectangle of an image.
type capsuleScan struct {
	a, b, u, n  vec     // ends, unit direction, unit normal
	dl, invUx   float32 // length, 1/u.X (0 when u.X is about 0)
	xmin, xmax  float32 // the capsule's bound
	slope, half float32 // row crossing of the segment's line per row, and the span's half width
	steep       bool    // false for a nearly flat segment: rows use the bound
	y0, y1      int     // rows [y0, y1] to visit
	cx0, cx1    int     // columns [cx0, cx1] of the clip
}

// newCapsuleScan prepares the scan of the pixels in clip (not empty); ok
// is false when the capsule misses them.
func newCapsuleScan(a, b vec, ext float32, clip image.Rectangle) (cs capsuleScan, ok bool) {
	cs = capsuleScan{a: a, b: b, cx0: clip.Min.X, cx1: clip.Max.X - 1}
	cs.xmin, cs.xmax = min(a.X, b.X)-ext, max(a.X, b.X)+ext
	if cs.xmax < float32(clip.Min.X) || cs.xmin > float32(clip.Max.X) {
		return cs, false
	}
	cs.y0 = max(clip.Min.Y, floorInt(min(a.Y, b.Y)-ext))
	cs.y1 = min(clip.Max.Y-1, ceilInt(max(a.Y, b.Y)+ext))
	d := b.sub(a)
	cs.dl = d.len()
	if cs.dl > 0 {
		cs.u = d.mul(1 / cs.dl)
		cs.n = vec{-cs.u.Y, cs.u.X}
	}
	if abs32(cs.u.X) > 1e-6 {
		cs.invUx = 1 / cs.u.X
	}
	if abs32(cs.u.Y) > 1e-3 {
		cs.steep = true
		cs.slope, cs.half = cs.u.X/cs.u.Y, ext/abs32(cs.u.Y)
	}
	return cs, cs.y0 <= cs.y1
}

// row returns the columns [x0, x1] of row y the capsule can cover, the
// projections along and across the segment of the centre of pixel x0,
// and the columns [m0, m1) relative to x0 that lie beside the segment
// (the others lie beyond an end). ok is false for an empty row.
func (cs *capsuleScan) row(y int) (x0, x1 int, along, across float32, m0, m1 int, ok bool) {
	py := float32(y) + 0.5
	xa, xb := cs.xmin, cs.xmax
	if cs.steep {
		cx := cs.a.X + (py-cs.a.Y)*cs.slope
		xa, xb = max(xa, cx-cs.half), min(xb, cx+cs.half)
	}
	x0, x1 = max(cs.cx0, floorInt(xa)), min(cs.cx1, ceilInt(xb))
	if x0 > x1 {
		return 0, 0, 0, 0, 0, 0, false
	}
	ex, ey := float32(x0)+0.5-cs.a.X, py-cs.a.Y
	along = ex*cs.u.X + ey*cs.u.Y
	across = ex*cs.n.X + ey*cs.n.Y
	m0, m1 = capsuleMiddle(along, cs.invUx, cs.dl, x1-x0+1)
	return x0, x1, along, across, m0, m1, true
}
