package render

import (
	"image"
	"math"

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
		clip := m.pn.dst.Rect.Inset(-int(math.Ceil(32 * t.scale)))
		for _, c := range cs.groups {
			if !image.Pt(int(c.center.X), int(c.center.Y)).In(clip) {
				continue // the bubble cannot reach dst
			}
			m.drawCluster(t, c)
		}
		m.drawSingles(t, box, cs.singles)
		return
	}
	for _, r := range refs {
		pr := r.(*pointRef)
		if !box.Contains(pr.p) {
			continue
		}
		m.drawMarker(&es.items[pr.idx], t.pt(pr.p), markerRadius, t.scale)
	}
}

// drawSingles draws the markers of the points of refs in box.
func (m *Map) drawSingles(t xform, box orb.Bound, refs []*pointRef) {
	for _, pr := range refs {
		if !box.Contains(pr.p) {
			continue
		}
		m.drawMarker(&m.events.items[pr.idx], t.pt(pr.p), markerRadius, t.scale)
	}
}
