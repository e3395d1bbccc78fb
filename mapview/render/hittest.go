package render

import (
	"math"
	"slices"

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
// pixel. Points grouped into a cluster, lines and areas absorbed into a
// cluster or a flow, and anything under a bubble or a flow arrow are not
// hit (see GroupAt).
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
	pt, _, cs := m.pointAt(v, t, at)
	if pt != nil {
		return es.items[pt.idx].id, es.items[pt.idx].id != ""
	}
	best, bestD := -1, math.Inf(1)
	// Bubbles and flows lie over lines and areas: GroupAt's.
	if cs != nil {
		d := vec{float32(x * t.scale), float32(y * t.scale)}
		if cs.bubbleAt(t, d) >= 0 || cs.flowAt(t, d) >= 0 {
			return "", false
		}
	}
	absorbed := func(i int) bool { return cs != nil && cs.absorbed != nil && cs.absorbed[i] }
	// Lines, then areas.
	r := hitLine / k
	cands := es.shapes.query(nil, orb.Bound{Min: orb.Point{at[0] - r, at[1] - r}, Max: orb.Point{at[0] + r, at[1] + r}})
	cands = slices.DeleteFunc(cands, absorbed)
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

// Group is what stands for several events at clustering zooms: a bubble
// with a count, or an arrow for the movements between two bubbles.
type Group struct {
	Flow  bool      // an arrow between two bubbles; false for a bubble
	Count int       // the events it stands for
	Bound orb.Bound // lon/lat of its events (and, for an arrow, both bubbles'), to zoom to
	// ByType is Count broken down by event type, most first (equal
	// counts by name); the counts add up to Count (groupmix.go).
	ByType []TypeCount
}

// GroupAt returns the bubble or arrow drawn at logical pixel (x, y) of view
// v, so a tap on it can zoom in and a hover can say what it holds; false
// when there is none.
func (m *Map) GroupAt(v View, x, y float64) (Group, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v = sane(v)
	t := newXform(v)
	cs := m.clustersFor(v, t, m.pinnedSelection(v, m.lastSel.Selected))
	if cs == nil {
		return Group{}, false
	}
	lonlat := func(b orb.Bound) orb.Bound {
		return orb.Bound{Min: fromWorld(orb.Point{b.Min[0], b.Max[1]}), Max: fromWorld(orb.Point{b.Max[0], b.Min[1]})}
	}
	d := vec{float32(x * t.scale), float32(y * t.scale)}
	if i := cs.bubbleAt(t, d); i >= 0 {
		c := &cs.groups[i]
		return Group{Count: c.n, Bound: lonlat(c.zoom), ByType: m.bubbleTypes(c)}, true
	}
	if k := cs.flowAt(t, d); k >= 0 {
		f := &cs.flows[k]
		return Group{Flow: true, Count: len(f.items), Bound: lonlat(f.zoom), ByType: m.shapeTypes(nil, f.items).sorted()}, true
	}
	return Group{}, false
}

// pointAt returns the point symbol drawn at world point at of view v (with
// transform t): the nearest within hitPoint logical pixels, not grouped
// into a bubble, the later event on a tie; nil when there is none. It also
// returns the point references near at and the frame's clustering. The
// caller holds m.mu.
func (m *Map) pointAt(v View, t xform, at orb.Point) (*pointRef, []orb.Pointer, *clusterSet) {
	k := v.worldScale()
	cs := m.clustersFor(v, t, m.pinnedSelection(v, m.lastSel.Selected))
	r := hitPoint / k
	refs := m.events.points.InBound(nil, orb.Bound{Min: orb.Point{at[0] - r, at[1] - r}, Max: orb.Point{at[0] + r, at[1] + r}})
	var best *pointRef
	bestD := math.Inf(1)
	for _, ref := range refs {
		pr := ref.(*pointRef)
		d := math.Hypot(pr.p[0]-at[0], pr.p[1]-at[1]) * k
		if d > hitPoint || cs.isClustered(pr) {
			continue
		}
		if best == nil || d < bestD-1e-9 || (math.Abs(d-bestD) <= 1e-9 && pr.idx > best.idx) {
			best, bestD = pr, d
		}
	}
	return best, refs, cs
}
