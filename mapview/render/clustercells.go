package render

import (
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
	cells []pointCell
	// The cells are found by key in a dense grid from key lo, nx keys
	// wide, when the points span few enough cells, else in byKey.
	lo     [2]int
	nx, ny int
	grid   []int32 // cell index + 1; 0 for no cell
	byKey  map[[2]int]int
	of     []int32 // the cell of each point, by pointRef.seq
	npal   int     // colours in the event set's palette
	counts []int32 // points by cell and colour: counts[cell*npal+ci]
}

// pointCell is the points of one clustering cell.
type pointCell struct {
	refs  []orb.Pointer // in event order; capacity clipped so appends copy
	sum   orb.Point     // of the world positions, summed in order
	bound orb.Bound     // world
}

// maxDenseCells is the most cells a dense key grid may have.
const maxDenseCells = 1 << 21

// cellKey is the clustering cell of world point p.
func cellKey(p orb.Point, k, cell float64) [2]int {
	return [2]int{cellFloor(p[0] * k / cell), cellFloor(p[1] * k / cell)}
}

// cellFloor is int(math.Floor(x)) for the x of cellKey (well within the
// range of int), without the call.
func cellFloor(x float64) int {
	i := int(x)
	if float64(i) > x {
		i--
	}
	return i
}

// find returns the index of the cell with key, false when no point is in it.
func (ci *cellIndex) find(key [2]int) (int, bool) {
	if ci.grid == nil {
		i, ok := ci.byKey[key]
		return i, ok
	}
	x, y := key[0]-ci.lo[0], key[1]-ci.lo[1]
	if x < 0 || y < 0 || x >= ci.nx || y >= ci.ny {
		return 0, false
	}
	i := ci.grid[y*ci.nx+x]
	return int(i) - 1, i != 0
}

// cellIndexFor returns the cell index of the current events at t's scale,
// cached for the last one.
func (m *Map) cellIndexFor(t xform) *cellIndex {
	cell := clusterCell * t.scale
	if ci := m.cells; ci != nil && ci.es == m.events && ci.k == t.k && ci.cell == cell {
		return ci
	}
	es := m.events
	ci := &cellIndex{es: es, k: t.k, cell: cell, npal: len(es.pal)}
	refs := es.refs
	// The keys of all points span the bound of the points.
	if len(refs) > 0 {
		lo, hi := cellKey(es.ptBound.Min, t.k, cell), cellKey(es.ptBound.Max, t.k, cell)
		if nx, ny := hi[0]-lo[0]+1, hi[1]-lo[1]+1; nx*ny <= maxDenseCells {
			ci.lo, ci.nx, ci.ny = lo, nx, ny
			ci.grid = make([]int32, nx*ny)
		}
	}
	if ci.grid == nil {
		ci.byKey = map[[2]int]int{}
	}
	// Two passes, counting then placing, so every cell's refs are a part
	// of one slice in event order.
	ci.of = make([]int32, len(refs)) // cell of each point
	var counts []int                 // points by cell
	for j, r := range refs {
		key := cellKey(r.p, t.k, cell)
		i, ok := ci.find(key)
		if !ok {
			i = len(ci.cells)
			if ci.grid != nil {
				ci.grid[(key[1]-ci.lo[1])*ci.nx+key[0]-ci.lo[0]] = int32(i + 1)
			} else {
				ci.byKey[key] = i
			}
			ci.cells = append(ci.cells, pointCell{bound: r.p.Bound()})
			counts = append(counts, 0)
			ci.counts = append(ci.counts, make([]int32, ci.npal)...)
		}
		ci.of[j] = int32(i)
		c := &ci.cells[i]
		c.sum = orb.Point{c.sum[0] + r.p[0], c.sum[1] + r.p[1]}
		c.bound = orb.Bound{Min: orb.Point{min(c.bound.Min[0], r.p[0]), min(c.bound.Min[1], r.p[1])},
			Max: orb.Point{max(c.bound.Max[0], r.p[0]), max(c.bound.Max[1], r.p[1])}}
		counts[i]++
		ci.counts[i*ci.npal+int(r.ci)]++
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
		c := &ci.cells[ci.of[j]]
		c.refs = append(c.refs, r)
	}
	m.cells = ci
	return ci
}

// cellGroup is the points of one cell inside a view.
type cellGroup struct {
	refs []orb.Pointer
	full *pointCell // the cell when every point of it is in the view
	cell int32      // the index of full
}

// groupsIn returns the points within box, less those of event selected,
// grouped by cell in the order of each group's first point, and the points
// of selected. It is what filing the points in box one by one, in event
// order, gives.
func (ci *cellIndex) groupsIn(box orb.Bound, items []evItem, selected string) (groups []cellGroup, pinned []orb.Pointer) {
	lo, hi := cellKey(box.Min, ci.k, ci.cell), cellKey(box.Max, ci.k, ci.cell)
	selIdx := -1
	var selCells []int // the cells holding the selection's points
	if selected != "" {
		if i, ok := ci.es.byID[selected]; ok {
			selIdx = i
			for _, p := range items[i].points {
				if c, ok := ci.find(cellKey(p, ci.k, ci.cell)); ok {
					selCells = append(selCells, c)
				}
			}
		}
	}
	isSel := func(r orb.Pointer) bool { return r.(*pointRef).idx == selIdx }
	for x := lo[0]; x <= hi[0]; x++ {
		for y := lo[1]; y <= hi[1]; y++ {
			i, ok := ci.find([2]int{x, y})
			if !ok {
				continue
			}
			c := &ci.cells[i]
			hasSel := slices.Contains(selCells, i)
			if !hasSel && box.Contains(c.bound.Min) && box.Contains(c.bound.Max) {
				groups = append(groups, cellGroup{refs: c.refs, full: c, cell: int32(i)})
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
