package render

import (
	"math"
	"slices"
)

// stackTolerance is how close, in logical pixels, point symbols must be to
// count as one stack: drawn on the same spot, only the top one shows.
const stackTolerance = 1.0

// StackAt returns the ids of the point events drawn on the spot of the
// point symbol HitTest finds at logical pixel (x, y) of view v — within a
// pixel of it, none grouped into a bubble — top first, as HitTest prefers
// them; nil when no point is hit or it stands alone. Two events at the same
// place (a city coded twice) draw one symbol: the map lets a click step
// through them.
func (m *Map) StackAt(v View, x, y float64) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	v = sane(v)
	es := m.events
	if len(es.items) == 0 {
		return nil
	}
	k := v.worldScale()
	best, refs, cs := m.pointAt(v, newXform(v), v.pixelToWorld(x, y))
	if best == nil {
		return nil
	}
	var stack []int
	tol := stackTolerance / k
	for _, ref := range refs {
		pr := ref.(*pointRef)
		if math.Abs(pr.p[0]-best.p[0]) <= tol && math.Abs(pr.p[1]-best.p[1]) <= tol && !cs.isClustered(pr) && es.items[pr.idx].id != "" {
			stack = append(stack, pr.idx)
		}
	}
	if len(stack) < 2 {
		return nil
	}
	slices.Sort(stack)
	slices.Reverse(stack)
	stack = slices.Compact(stack)
	ids := make([]string, len(stack))
	for i, idx := range stack {
		ids[i] = es.items[idx].id
	}
	return ids
}
