package render

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// cellIndex is every point of an event set filed by clustering cell at one
// scale, built once per zoom so that a frame groups points by looking up
// the cells in view instead of filing every point again.
type cellIndex struct {
	es    *eventSet
	k     float64 // xform.k the cells are for
	cell  float64 // cell size in device pixels
	byKey map[[2]int]int
	cells []pointCell
}

// pointCell is the points of one clustering cell.
type pointCell struct {
	refs  []orb.Pointer // in event order; capacity clipped so appends copy
	sum   orb.Point     // of the world positions, summed in order
	bound orb.Bound     // world
}

// cellKey is the clustering cell of world point p.
func cellKey(p orb.Point, k, cell float64) [2]int {
	return [2]int{int(math.Floor(p[0] * k / cell)), int(math.Floor(p[1] * k / cell))}
}

// cellIndexFor returns the cell index of the current events at t's scale,
// cached for the last one.
func (m *Map) cellIndexFor(t xform) *cellIndex {
	cell := clusterCell * t.scale
	if ci := m.cells; ci != nil && ci.es == m.events && ci.k == t.k && ci.cell == cell {
		return ci
	}
	ci := &cellIndex{es: m.events, k: t.k, cell: cell, byKey: map[[2]int]int{}}
	refs := m.events.refs
	// Two passes, counting then placing, so every cell's refs are a part
	// of one slice in event order and each point costs one map look-up.
	of := make([]int32, len(refs)) // cell of each point
	last, lastI := [2]int{}, -1    // neighbours in event order often share a cell
	var counts []int               // points by cell
	for j, r := range refs {
		key := cellKey(r.p, t.k, cell)
		i := lastI
		if i < 0 || key != last {
			var ok bool
			if i, ok = ci.byKey[key]; !ok {
				i = len(ci.cells)
				ci.byKey[key] = i
				ci.cells = append(ci.cells, pointCell{bound: r.p.Bound()})
			}
			last, lastI = key, i
		}
		of[j] = int32(i)
		c := &ci.cells[i]
		c.sum = orb.Point{c.sum[0] + r.p[0], c.sum[1] + r.p[1]}
		c.bound = c.bound.Extend(r.p)
		if i == len(counts) {
			counts = append(counts, 0)
		}
		counts[i]++
	}
	all := make([]orb.Pointer, len(refs))
	at := 0
	for i := range ci.cells {
		c := &ci.cells[i]
		n := counts[i]
		c.refs = all[at : at : at+n] // capacity clipped so appends copy
		at += n
	}
	for j, r := range refs {
		c := &ci.cells[of[j]]
		c.refs = append(c.refs, r)
	}
	m.cells = ci
	return ci
}

// cellGroup is the points of one cell inside a view.
type cellGroup struct {
	refs []orb.Pointer
	full *pointCell // the cell when every point of it is in the view
}

// groupsIn returns the points within box, less those of event selected,
// grouped by cell in the order of each group's first point, and the points
// of selected. It is what filing the points in box one by one, in event
// order, gives.
func (ci *cellIndex) groupsIn(box orb.Bound, items []evItem, selected string) (groups []cellGroup, pinned []orb.Pointer) {
	lo, hi := cellKey(box.Min, ci.k, ci.cell), cellKey(box.Max, ci.k, ci.cell)
	selIdx := -1
	if selected != "" {
		if i, ok := ci.es.byID[selected]; ok {
			selIdx = i
		}
	}
	isSel := func(r orb.Pointer) bool { return r.(*pointRef).idx == selIdx }
	for x := lo[0]; x <= hi[0]; x++ {
		for y := lo[1]; y <= hi[1]; y++ {
			i, ok := ci.byKey[[2]int{x, y}]
			if !ok {
				continue
			}
			c := &ci.cells[i]
			hasSel := selIdx >= 0 && slices.ContainsFunc(c.refs, isSel)
			if !hasSel && box.Contains(c.bound.Min) && box.Contains(c.bound.Max) {
				groups = append(groups, cellGroup{refs: c.refs, full: c})
				continue
			}
			var g []orb.Pointer
			for _, r := range c.refs {
				if !box.Contains(r.(*pointRef).p) {
					continue
				}
				if hasSel && isSel(r) {
					pinned = append(pinned, r)
					continue
				}
				g = append(g, r)
			}
			if len(g) > 0 {
				groups = append(groups, cellGroup{refs: g})
			}
		}
	}
	seq := func(r orb.Pointer) int { return int(r.(*pointRef).seq) }
	slices.SortFunc(groups, func(a, b cellGroup) int { return seq(a.refs[0]) - seq(b.refs[0]) })
	slices.SortFunc(pinned, func(a, b orb.Pointer) int { return seq(a) - seq(b) })
	return groups, pinned
}
