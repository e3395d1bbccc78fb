package render

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// shapesShown reports whether the frame of view t draws a line event and
// an area event on their own: one not absorbed into a bubble or a flow of
// cs (which may be nil) with a segment crossing the view, or, for an
// area, covering its centre.
func (m *Map) shapesShown(t xform, cs *clusterSet) (lines, areas bool) {
	es := m.events
	if !es.legend.lines && !es.legend.areas {
		return false, false
	}
	view := t.worldBound(0)
	for _, i := range es.shapesIn(nil, view) {
		if cs != nil && cs.absorbed != nil && cs.absorbed[i] {
			continue
		}
		it := &es.items[i]
		if !lines {
			for _, l := range it.lines {
				if pathCrosses(l, view) {
					lines = true
					break
				}
			}
		}
		if !areas && len(it.polys) > 0 {
			areas = planar.MultiPolygonContains(it.polys, view.Center())
			for _, poly := range it.polys {
				for _, r := range poly {
					if areas || pathCrosses(orb.LineString(r), view) {
						areas = true
						break
					}
				}
			}
		}
		if lines == es.legend.lines && areas == es.legend.areas {
			break
		}
	}
	return lines, areas
}

// pathCrosses reports whether a segment of l (or its only point) lies at
// least partly inside b.
func pathCrosses(l orb.LineString, b orb.Bound) bool {
	if len(l) == 1 {
		return b.Contains(l[0])
	}
	for k := 1; k < len(l); k++ {
		if segmentInBound(l[k-1], l[k], b) {
			return true
		}
	}
	return false
}

// segmentInBound reports whether segment pq meets b (Liang–Barsky clip).
func segmentInBound(p, q orb.Point, b orb.Bound) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := q[0]-p[0], q[1]-p[1]
	for _, e := range [4][2]float64{{-dx, p[0] - b.Min[0]}, {dx, b.Max[0] - p[0]}, {-dy, p[1] - b.Min[1]}, {dy, b.Max[1] - p[1]}} {
		pe, qe := e[0], e[1]
		if pe == 0 {
			if qe < 0 {
				return false
			}
			continue
		}
		r := qe / pe
		if pe < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}
