package render

import (
	"math"

	"github.com/paulmach/orb"
)

// Hit-test tolerances in logical pixels.
const (
	hitPoint = 8.0
	hitLine  = 5.0
)

// HitTest returns the id of the event drawn at logical pixel (x, y) of view
// v: the nearest point symbol within 8 px (the later event on a tie), else
// the nearest line within 5 px, else the smallest area containing the
// pixel. Points grouped into a cluster are not hit (see ClusterAt).
func (m *Map) HitTest(v View, x, y float64) (eventID string, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v = sane(v)
	es := m.events
	if len(es.items) == 0 {
		return "", false
	}
	k := v.worldScale()
	at := v.pixelToWorld(x, y)
	t := newXform(v)
	// Points.
	cs := m.clustersFor(v, t, m.pinnedSelection(v, m.lastSel.Selected))
	r := hitPoint / k
	refs := es.points.InBound(nil, orb.Bound{Min: orb.Point{at[0] - r, at[1] - r}, Max: orb.Point{at[0] + r, at[1] + r}})
	best, bestD := -1, math.Inf(1)
	for _, ref := range refs {
		pr := ref.(*pointRef)
		d := math.Hypot(pr.p[0]-at[0], pr.p[1]-at[1]) * k
		if d > hitPoint || cs.isClustered(pr) {
			continue
		}
		if d < bestD-1e-9 || (math.Abs(d-bestD) <= 1e-9 && pr.idx > best) {
			best, bestD = pr.idx, d
		}
	}
	if best >= 0 {
		return es.items[best].id, es.items[best].id != ""
	}
	// Lines, then areas.
	r = hitLine / k
	cands := es.shapes.query(nil, orb.Bound{Min: orb.Point{at[0] - r, at[1] - r}, Max: orb.Point{at[0] + r, at[1] + r}})
	bestD = math.Inf(1)
	for _, i := range cands {
		it := &es.items[i]
		for _, l := range it.lines {
			for j := 1; j < len(l); j++ {
				d := math.Sqrt(segDist2(l[j-1], l[j], at)) * k
				if d <= hitLine && (d < bestD-1e-9 || (math.Abs(d-bestD) <= 1e-9 && i > best)) {
					best, bestD = i, d
				}
			}
		}
	}
	if best >= 0 {
		return es.items[best].id, es.items[best].id != ""
	}
	bestA := math.Inf(1)
	for _, i := range cands {
		it := &es.items[i]
		if len(it.polys) == 0 || !it.bound.Contains(at) || !multiContains(it.polys, at) {
			continue
		}
		if it.area < bestA || (it.area == bestA && i > best) {
			best, bestA = i, it.area
		}
	}
	if best >= 0 {
		return es.items[best].id, es.items[best].id != ""
	}
	return "", false
}

// ClusterAt returns the lon/lat bound and size of the cluster drawn at
// logical pixel (x, y) of view v, so a tap on it can zoom in; false when
// there is none.
func (m *Map) ClusterAt(v View, x, y float64) (orb.Bound, int, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v = sane(v)
	t := newXform(v)
	cs := m.clustersFor(v, t, m.pinnedSelection(v, m.lastSel.Selected))
	if cs == nil {
		return orb.Bound{}, 0, false
	}
	dx, dy := x*t.scale, y*t.scale
	for _, c := range cs.groups {
		r := float64(clusterRadius(len(c.members))+1.6) * t.scale
		if math.Hypot(float64(c.center.X)-dx, float64(c.center.Y)-dy) <= r {
			return orb.Bound{Min: fromWorld(orb.Point{c.bound.Min[0], c.bound.Max[1]}), Max: fromWorld(orb.Point{c.bound.Max[0], c.bound.Min[1]})}, len(c.members), true
		}
	}
	return orb.Bound{}, 0, false
}
