package render

import (
	"sync"

	"github.com/paulmach/orb"
)

// multiBounds holds the bound of every ring of a multipolygon, per polygon
// then per ring, so that clipping a static area to a view does not walk
// its points to find them again every frame.
type multiBounds [][]orb.Bound

// boundsOf returns the ring bounds of mp.
func boundsOf(mp orb.MultiPolygon) multiBounds {
	out := make(multiBounds, len(mp))
	for i, poly := range mp {
		out[i] = make([]orb.Bound, len(poly))
		for j, r := range poly {
			out[i][j] = r.Bound()
		}
	}
	return out
}

// polyBound is the bound of polygon i, as orb's Polygon.Bound gives it
// (its outer ring's).
func (mb multiBounds) polyBound(i int) orb.Bound {
	if len(mb[i]) == 0 {
		return orb.Bound{Min: orb.Point{1, 1}, Max: orb.Point{-1, -1}} // orb's empty bound
	}
	return mb[i][0]
}

// outer returns the bounds of the polygons (their outer rings).
func (mb multiBounds) outer() []orb.Bound {
	out := make([]orb.Bound, len(mb))
	for i := range mb {
		out[i] = mb.polyBound(i)
	}
	return out
}

// clipRingB is clipRing (geom.go) for ring r with bound b.
func clipRingB(box orb.Bound, r orb.Ring, b orb.Bound) orb.Ring {
	if !box.Intersects(b) {
		return nil
	}
	if box.Contains(b.Min) && box.Contains(b.Max) {
		return r
	}
	return clipRingSH(box, r)
}

// clipRingSH is orb's clip.Ring (Sutherland–Hodgman, one pass per side of
// box, in orb's order and arithmetic, so the result is the same) without
// changing r, which saves cloning it, and with room for the passes made
// up front.
func clipRingSH(box orb.Bound, r orb.Ring) orb.Ring {
	if len(r) == 0 {
		return nil
	}
	closed := r[0] == r[len(r)-1]
	sc := clipPool.Get().(*clipScratch)
	defer clipPool.Put(sc)
	a, b := sc.a[:0], sc.b[:0]
	defer func() { sc.a, sc.b = a[:0], b[:0] }()
	in := r
	for edge := 1; edge <= 8; edge <<= 1 {
		out := a[:0]
		prev := in[len(in)-1]
		if !closed {
			prev = in[0]
		}
		prevInside := shCode(box, prev)&edge == 0
		for _, p := range in {
			inside := shCode(box, p)&edge == 0
			if inside != prevInside {
				out = append(out, shIntersect(box, edge, prev, p))
			}
			if inside {
				out = append(out, p)
			}
			prev, prevInside = p, inside
		}
		if len(out) == 0 {
			return nil
		}
		in, a, b = out, b, out
	}
	out := make(orb.Ring, len(in), len(in)+1) // in is scratch: copy it
	copy(out, in)
	if closed && out[0] != out[len(out)-1] {
		out = append(out, out[0])
	}
	return out
}

// clipScratch holds the two buffers of clipRingSH's passes.
type clipScratch struct{ a, b []orb.Point }

var clipPool = sync.Pool{New: func() any { return new(clipScratch) }}

// shCode is orb's clip bit code of p against box.
func shCode(b orb.Bound, p orb.Point) int {
	code := 0
	if p[0] < b.Min[0] {
		code |= 1
	} else if p[0] > b.Max[0] {
		code |= 2
	}
	if p[1] < b.Min[1] {
		code |= 4
	} else if p[1] > b.Max[1] {
		code |= 8
	}
	return code
}

// shIntersect is where segment ab crosses side edge of box, as orb finds it.
func shIntersect(box orb.Bound, edge int, a, b orb.Point) orb.Point {
	switch {
	case edge&8 != 0: // top
		return orb.Point{a[0] + (b[0]-a[0])*(box.Max[1]-a[1])/(b[1]-a[1]), box.Max[1]}
	case edge&4 != 0: // bottom
		return orb.Point{a[0] + (b[0]-a[0])*(box.Min[1]-a[1])/(b[1]-a[1]), box.Min[1]}
	case edge&2 != 0: // right
		return orb.Point{box.Max[0], a[1] + (b[1]-a[1])*(box.Max[0]-a[0])/(b[0]-a[0])}
	}
	// left
	return orb.Point{box.Min[0], a[1] + (b[1]-a[1])*(box.Min[0]-a[0])/(b[0]-a[0])}
}

// eachRingB is eachRing (baselayer.go) for mp with ring bounds mb.
func eachRingB(t xform, box orb.Bound, mp orb.MultiPolygon, mb multiBounds, buf []vec, fn func(pts []vec, hole bool) []vec) []vec {
	for i, poly := range mp {
		if !box.Intersects(mb.polyBound(i)) {
			continue
		}
		for ri, r := range poly {
			cr := clipRingB(box, r, mb[i][ri])
			if len(cr) < 4 {
				continue
			}
			buf = fn(t.line(orb.LineString(cr), buf[:0]), ri > 0)
		}
	}
	return buf
}

// addMultiB is addMulti (baselayer.go) for mp with ring bounds mb.
func addMultiB(p *path, t xform, box orb.Bound, mp orb.MultiPolygon, mb multiBounds, buf []vec) []vec {
	return eachRingB(t, box, mp, mb, buf, func(pts []vec, hole bool) []vec {
		p.addRing(pts, hole)
		return pts
	})
}
