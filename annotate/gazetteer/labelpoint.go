package gazetteer

import (
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// labelPoint returns a point inside an area to put its label and pin at:
// the centroid of its largest polygon when that lies inside it, otherwise
// the middle of the widest stretch of the polygon along a few horizontal
// lines (a cheap stand-in for the pole of inaccessibility, good enough for
// the crescent and panhandle shapes of the region's provinces).
func labelPoint(g orb.Geometry) orb.Point {
	var poly orb.Polygon
	switch v := g.(type) {
	case orb.Point:
		return v
	case orb.Polygon:
		poly = v
	case orb.MultiPolygon:
		best := -1.0
		for _, p := range v {
			if a := planar.Area(p); a > best {
				best, poly = a, p
			}
		}
	default:
		if g == nil {
			return orb.Point{}
		}
		return g.Bound().Center()
	}
	if len(poly) == 0 || len(poly[0]) == 0 {
		return orb.Point{}
	}
	c, _ := planar.CentroidArea(poly)
	if planar.PolygonContains(poly, c) {
		return c
	}
	b := poly.Bound()
	ys := []float64{c[1]}
	for i := 1; i < 10; i++ {
		ys = append(ys, b.Min[1]+(b.Max[1]-b.Min[1])*float64(i)/10)
	}
	bestW, best := -1.0, b.Center()
	for _, y := range ys {
		if x0, x1, ok := widestSpan(poly, y); ok && x1-x0 > bestW {
			bestW, best = x1-x0, orb.Point{(x0 + x1) / 2, y}
		}
	}
	return best
}

// widestSpan returns the widest interval of the line at latitude y that lies
// inside poly (even-odd rule over all rings, so holes are respected).
func widestSpan(poly orb.Polygon, y float64) (x0, x1 float64, ok bool) {
	var xs []float64
	for _, ring := range poly {
		for i := 0; i+1 < len(ring); i++ {
			a, b := ring[i], ring[i+1]
			if (a[1] > y) == (b[1] > y) {
				continue
			}
			xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
		}
	}
	sort.Float64s(xs)
	best := -1.0
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > best {
			best, x0, x1, ok = w, xs[i], xs[i+1], true
		}
	}
	return x0, x1, ok
}
