package render

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/project"
	"github.com/paulmach/orb/simplify"
)

// worldGeometry returns a copy of lon/lat geometry g projected to zoom-0
// world pixels; g is not modified.
func worldGeometry(g orb.Geometry) orb.Geometry {
	if g == nil {
		return nil
	}
	return project.Geometry(orb.Clone(g), toWorld)
}

// asMultiPolygon returns g as a MultiPolygon, or nil when g is not an area.
func asMultiPolygon(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}

// simplifyMulti returns a simplified copy of mp with Douglas–Peucker at
// tolerance tol, dropping rings that collapse.
func simplifyMulti(mp orb.MultiPolygon, tol float64) orb.MultiPolygon {
	out := simplify.DouglasPeucker(tol).MultiPolygon(mp.Clone())
	res := out[:0]
	for _, p := range out {
		if len(p) > 0 && len(p[0]) >= 4 {
			res = append(res, p)
		}
	}
	return res
}

// clipRing clips r to box, copying it first because clip works in place;
// rings wholly inside box are returned as they are.
func clipRing(box orb.Bound, r orb.Ring) orb.Ring {
	b := r.Bound()
	if !box.Intersects(b) {
		return nil
	}
	if box.Contains(b.Min) && box.Contains(b.Max) {
		return r
	}
	return clip.Ring(box, r.Clone())
}

// clipLine clips l to box; lines wholly inside are returned whole.
func clipLine(box orb.Bound, l orb.LineString) orb.MultiLineString {
	b := l.Bound()
	if !box.Intersects(b) {
		return nil
	}
	if box.Contains(b.Min) && box.Contains(b.Max) {
		return orb.MultiLineString{l}
	}
	return clip.LineString(box, l)
}

// ringArea is the absolute planar area of ring r.
func ringArea(r orb.Ring) float64 {
	var s float64
	for i := 1; i < len(r); i++ {
		s += r[i-1][0]*r[i][1] - r[i][0]*r[i-1][1]
	}
	return math.Abs(s) / 2
}

// polyArea is the area of a polygon, holes subtracted.
func polyArea(p orb.Polygon) float64 {
	if len(p) == 0 {
		return 0
	}
	a := ringArea(p[0])
	for _, h := range p[1:] {
		a -= ringArea(h)
	}
	return a
}

// multiArea is the total area of mp.
func multiArea(mp orb.MultiPolygon) float64 {
	var a float64
	for _, p := range mp {
		a += polyArea(p)
	}
	return a
}

// largest returns the polygon of mp with the greatest area.
func largest(mp orb.MultiPolygon) orb.Polygon {
	var best orb.Polygon
	ba := -1.0
	for _, p := range mp {
		if a := polyArea(p); a > ba {
			best, ba = p, a
		}
	}
	return best
}

// ringContains reports whether p is inside r (even-odd).
func ringContains(r orb.Ring, p orb.Point) bool {
	in := false
	j := len(r) - 1
	for i := range r {
		a, b := r[i], r[j]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
		j = i
	}
	return in
}

// polyContains reports whether p is inside polygon poly and outside its holes.
func polyContains(poly orb.Polygon, p orb.Point) bool {
	if len(poly) == 0 || !ringContains(poly[0], p) {
		return false
	}
	for _, h := range poly[1:] {
		if ringContains(h, p) {
			return false
		}
	}
	return true
}

// multiContains reports whether p is inside any polygon of mp.
func multiContains(mp orb.MultiPolygon, p orb.Point) bool {
	for _, poly := range mp {
		if poly.Bound().Contains(p) && polyContains(poly, p) {
			return true
		}
	}
	return false
}

// segDist2 is the squared distance from p to segment ab.
func segDist2(a, b, p orb.Point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / l
		t = clampf(t, 0, 1)
	}
	ex, ey := a[0]+t*dx-p[0], a[1]+t*dy-p[1]
	return ex*ex + ey*ey
}

// ringDist is the distance from p to the nearest edge of r.
func ringDist(r orb.Ring, p orb.Point) float64 {
	best := math.Inf(1)
	for i := 1; i < len(r); i++ {
		a, b := r[i-1], r[i]
		// Skip a segment whose bound is no nearer than the best so far.
		dx := max(min(a[0], b[0])-p[0], p[0]-max(a[0], b[0]), 0)
		if dx*dx >= best {
			continue
		}
		dy := max(min(a[1], b[1])-p[1], p[1]-max(a[1], b[1]), 0)
		if dx*dx+dy*dy >= best {
			continue
		}
		best = math.Min(best, segDist2(a, b, p))
	}
	return math.Sqrt(best)
}
