package render

import (
	"slices"

	"github.com/paulmach/orb"
)

// drawPoints draws the point events in box, grouping dense ones into
// clusters when clustering is on and the view is zoomed out.
func (m *Map) drawPoints(v View, t xform, box orb.Bound, pinned string) {
	es := m.events
	if es.nPts == 0 {
		return
	}
	refs := m.pointsNear(t) // box is the same bound
	if len(refs) == 0 {
		return
	}
	if cs := m.clustersFor(v, t, pinned); cs != nil {
		for _, c := range cs.groups {
			m.drawCluster(t, c)
		}
		singles := make([]orb.Pointer, 0, max(0, len(refs)-len(cs.clustered)))
		for _, r := range refs {
			if !cs.clustered[r.(*pointRef)] {
				singles = append(singles, r)
			}
		}
		refs = singles
	}
	for _, r := range refs {
		pr := r.(*pointRef)
		m.drawMarker(&es.items[pr.idx], t.pt(pr.p), markerRadius, t.scale)
	}
}

// sortRefs orders quadtree results by event order, so later events draw on top.
func sortRefs(refs []orb.Pointer) {
	slices.SortFunc(refs, func(a, b orb.Pointer) int { return a.(*pointRef).idx - b.(*pointRef).idx })
}
