package render

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// Cartographic generalisation at clustering zooms, as flow maps do. A
// point belongs to a bubble when the bubble holds most of the points of its
// clustering cell (a bubble stands for the cells its points come from), or
// else when it lies in the bubble's disc. A line event whose first vertex
// (of its first line) and last vertex (of its last line) both belong to
// bubbles is absorbed: one bubble, it counts in the bubble; two, it joins
// the flow between them, one arrow per ordered pair of bubbles. An area
// event that fits in a square of areaAbsorbSide and whose bound's centre
// belongs to a bubble counts in the bubble. Flows too small to matter
// (foldMinorFlows) or between bubbles too close for an arrow count in the
// bubble they leave. Everything else is drawn as before, and the selected
// event is never absorbed (pinnedSelection).
//
// Bubbles are only formed near the view, so an end of a line off screen
// may belong to a virtual bubble instead (flow_virtual.go): the points of
// its clustering cell, when there are clusterMin of them and none near the
// view. A line from a bubble to a virtual one, or back, joins the flow
// between them, drawn from the bubble's rim toward the cell's centre and
// out of the frame. A line with both ends off screen is drawn as before.

// flowGap is the gap between a bubble's rim and a flow arrow, logical pixels.
const flowGap = 2.0

// areaAbsorbSide is the side, in logical pixels, of the square an area
// must fit in to be absorbed into a bubble: larger ones are always drawn.
// Two cells keep a province such as Kunduz (1.2° wide, ~100 px at the
// region view of the app's map pane) drawn; the cost is that a dense
// 100k project's district-sized areas (~100 px one zoom step in) stay
// drawn too.
const areaAbsorbSide = 2 * clusterCell

// absorbRef stands for a line or area event among the members of the
// clusters it belongs to. An event has three, one for a bubble counting
// it, one for a bubble it flows from or to and one for the virtual bubble
// at the other end of a flow (held by the visible bubble), made once per
// event set, so the same role gives the same member from frame to frame and
// a change of role changes the members (shift.go redraws a bubble whose
// members change).
type absorbRef struct {
	p   orb.Point // world: the centre of the event's bound
	idx int       // into eventSet.items
}

// Point implements orb.Pointer.
func (r *absorbRef) Point() orb.Point { return r.p }

// The roles of an absorbRef.
const (
	roleCounted = iota // counted in the bubble
	roleFlowing        // flowing from or to the bubble
	roleVirtual        // flowing from or to a virtual bubble, with the bubble at the other end
	nRoles
)

// absorbRef returns the member standing for shape k (eventSet.shapeList)
// in role (roleCounted, roleFlowing or roleVirtual).
func (es *eventSet) absorbRef(k, role int) *absorbRef {
	if es.absorbs == nil {
		es.absorbs = make([]absorbRef, nRoles*len(es.shapeList))
		for j := range es.shapeList {
			si := &es.shapeList[j]
			c := si.bound.Center()
			for r := range nRoles {
				es.absorbs[nRoles*j+r] = absorbRef{p: c, idx: int(si.idx)}
			}
		}
	}
	return &es.absorbs[nRoles*k+role]
}

// flow is the line events going from one bubble to another, drawn as one
// arrow whose width grows with their count.
type flow struct {
	from, to int   // into clusterSet.groups
	items    []int // the line events, by shape index (eventSet.shapeList), in event order
	ci       uint16
	mixed    bool // the events have more than one colour (ci is the first)
	// A flow from or to a virtual bubble (flow_virtual.go) has virt
	// virtFrom or virtTo; from and to are then both the visible bubble,
	// which holds the flow's events as members for either end, and vb is
	// the virtual one.
	virt uint8
	vb   virtualBubble
	zoom orb.Bound // world: the events and both bubbles', for zoom-to
	// The arrow in device pixels: the shaft from a to the tip b, w wide,
	// with a head len long and 2·half wide.
	a, b      vec
	w         float32
	len, half float32
}

// flowWidth is the width of a flow of n events in logical pixels.
func flowWidth(n int) float32 {
	return float32(min(7, 1.5+1.1*math.Log2(float64(n))))
}

// flowHead is the length and half width of the arrowhead of a flow w
// device pixels wide at scale s.
func flowHead(w, s float32) (length, half float32) {
	return max(9*s, 2.4*w), max(5*s, 1.5*w)
}

// bubbleGrid finds the bubble a point belongs to: the bubble holding
// most of the points of its clustering cell, so that a bubble stands for
// the cells its points come from; else, for a cell without a bubble, the
// bubble whose disc holds it. Discs are filed in a grid of cells of 48
// logical pixels by the square around them.
type bubbleGrid struct {
	groups []cluster
	r      []float32 // device radius of each bubble, outline included
	x0, y0 float32
	cell   float32
	nx, ny int
	cells  [][]int32
	// owner is the bubble holding most points of each clustering cell of
	// ci (clustercells.go).
	owner []cellOwner
	ci    *cellIndex
}

// cellOwner is the bubble holding most points of a clustering cell: n
// points of bubble g-1 (g = 0 for none).
type cellOwner struct {
	g, n int32
}

func newBubbleGrid(t xform, groups []cluster, ci *cellIndex) *bubbleGrid {
	g := &bubbleGrid{groups: groups, r: make([]float32, len(groups)), cell: float32(48 * t.scale),
		owner: make([]cellOwner, len(ci.cells)), ci: ci}
	lo := vec{math.MaxFloat32, math.MaxFloat32}
	hi := vec{-math.MaxFloat32, -math.MaxFloat32}
	for i := range groups {
		c := &groups[i]
		r := (c.radius() + markerOutline) * float32(t.scale)
		g.r[i] = r
		lo = vec{min(lo.X, c.center.X-r), min(lo.Y, c.center.Y-r)}
		hi = vec{max(hi.X, c.center.X+r), max(hi.Y, c.center.Y+r)}
		// Whole cells count all their points; the loose points one each.
		for _, k := range c.cells {
			g.claim(k, int32(i), int32(len(ci.cells[k].refs)))
		}
		if len(c.loose) == 0 {
			continue
		}
		k, n := int32(-1), int32(0)
		for _, mb := range c.loose { // runs of one cell side by side, mostly
			kk := ci.of[mb.(*pointRef).seq]
			if kk != k && n > 0 {
				g.claim(k, int32(i), n)
				n = 0
			}
			k = kk
			n++
		}
		g.claim(k, int32(i), n)
	}
	g.x0, g.y0 = lo.X, lo.Y
	g.nx, g.ny = int((hi.X-lo.X)/g.cell)+1, int((hi.Y-lo.Y)/g.cell)+1
	g.cells = make([][]int32, g.nx*g.ny)
	for i := range groups {
		c, r := &groups[i], g.r[i]
		x0, y0, _ := g.cellOf(c.center.X-r, c.center.Y-r)
		x1, y1, _ := g.cellOf(c.center.X+r, c.center.Y+r)
		for y := y0; y <= y1; y++ {
			for x := x0; x <= x1; x++ {
				g.cells[y*g.nx+x] = append(g.cells[y*g.nx+x], int32(i))
			}
		}
	}
	return g
}

// claim records bubble i as the owner of cell k when it holds more of its
// points, n, than the owner so far.
func (g *bubbleGrid) claim(k, i, n int32) {
	if o := &g.owner[k]; n > o.n {
		*o = cellOwner{i + 1, n}
	}
}

// cellOf returns the cell of device point (x, y), clamped to the grid, and
// whether the point lies in the grid.
func (g *bubbleGrid) cellOf(x, y float32) (cx, cy int, in bool) {
	fx, fy := (x-g.x0)/g.cell, (y-g.y0)/g.cell
	in = fx >= 0 && fy >= 0 && fx < float32(g.nx) && fy < float32(g.ny)
	return min(max(int(fx), 0), g.nx-1), min(max(int(fy), 0), g.ny-1), in
}

// at returns the bubble world point w (device point p) belongs to; -1
// when there is none.
func (g *bubbleGrid) at(w orb.Point, p vec) int {
	if len(g.groups) == 0 {
		return -1
	}
	if k, ok := g.ci.find(cellKey(w, g.ci.k, g.ci.cell)); ok && g.owner[k].g > 0 {
		return int(g.owner[k].g) - 1
	}
	cx, cy, in := g.cellOf(p.X, p.Y)
	if !in {
		return -1
	}
	best, bestD := -1, float32(math.MaxFloat32)
	for _, i := range g.cells[cy*g.nx+cx] {
		c := &g.groups[i]
		dx, dy := p.X-c.center.X, p.Y-c.center.Y
		d := dx*dx + dy*dy
		if d <= g.r[i]*g.r[i] && d < bestD {
			best, bestD = int(i), d
		}
	}
	return best
}

// absorb assigns the line and area events near the view of cs to its
// bubbles and flows, updates the bubbles' counts, members and bounds, and
// lays out the flow arrows. selected is never absorbed.
func (m *Map) absorb(cs *clusterSet, t xform, selected string) {
	es := m.events
	if len(cs.groups) == 0 || len(es.shapeList) == 0 {
		return
	}
	s := float32(t.scale)
	grid := newBubbleGrid(t, cs.groups, cs.ci)
	selIdx := -1
	if i, ok := es.byID[selected]; ok && selected != "" {
		selIdx = i
	}
	box := t.worldBound(48 * t.scale) // where bubbles are formed (clusterInputs)
	cs.absorbed = make([]bool, len(es.items))
	byPair := map[[2]int]int{} // by the ends of each flow (flow.ends)
	virt := virtualCells{ci: cs.ci, box: box}
	maxSide := areaAbsorbSide * t.scale
	for k := range es.shapeList {
		si := &es.shapeList[k]
		i := int(si.idx)
		if si.kind == shapeMixed || i == selIdx || !si.bound.Intersects(box) {
			continue // the selection, and events of mixed geometry, stay as they are
		}
		if si.kind == shapeArea {
			if (si.bound.Max[0]-si.bound.Min[0])*t.k > maxSide || (si.bound.Max[1]-si.bound.Min[1])*t.k > maxSide {
				continue
			}
			c := si.bound.Center()
			if a := grid.at(c, t.pt(c)); a >= 0 {
				cs.absorbed[i] = true
				cs.groups[a].extra = append(cs.groups[a].extra, k)
			}
			continue
		}
		// An end is a bubble (its index) or a virtual one (-1 - its cell).
		a := grid.at(si.first, t.pt(si.first))
		if a < 0 {
			if a = virt.end(si.first); a == noEnd {
				continue
			}
		}
		b := grid.at(si.last, t.pt(si.last))
		if b < 0 {
			if b = virt.end(si.last); b == noEnd {
				continue
			}
		}
		if a < 0 && b < 0 {
			continue // both ends off screen: drawn as a line
		}
		cs.absorbed[i] = true
		if a == b {
			cs.groups[a].extra = append(cs.groups[a].extra, k)
			continue
		}
		ci := si.ci
		fk, ok := byPair[[2]int{a, b}]
		if !ok {
			fk = len(cs.flows)
			byPair[[2]int{a, b}] = fk
			cs.flows = append(cs.flows, virt.flow(t, a, b, ci))
		}
		f := &cs.flows[fk]
		f.items = append(f.items, k)
		f.mixed = f.mixed || ci != f.ci
	}
	for i := range cs.groups {
		c := &cs.groups[i]
		c.n = c.pts + len(c.extra)
	}
	cs.flows = foldMinorFlows(t, cs.groups, cs.flows)
	// A flow between bubbles too close for an arrow counts in the bubble
	// it leaves. That bubble grows, so look again until none is folded.
	for folded := true; folded; {
		folded = false
		kept := cs.flows[:0]
		for _, f := range cs.flows {
			ea, eb := flowEnds(cs.groups, &f)
			w := flowWidth(len(f.items)) * s
			hl, _ := flowHead(w, s)
			room := dist(ea.center, eb.center) - rimToRim(ea, eb, s)
			if room >= float64(hl+3*s) {
				kept = append(kept, f)
				continue
			}
			// (A flow with a virtual end has from the visible bubble.)
			a := &cs.groups[f.from]
			a.extra = append(a.extra, f.items...)
			a.n += len(f.items)
			folded = true
		}
		cs.flows = kept
	}
	m.layOutFlows(cs, t)
	m.finishGroups(cs, t)
}

// A bubble shows at most flowTop flows leaving it, each of at least
// flowMin events unless it goes further than flowFar logical pixels: a
// map of every single movement between neighbouring bubbles would be a
// hairball again. Flows from or to a virtual bubble are apart: they leave
// the frame, and counting one in the visible bubble would hide where its
// events go or come from, so they are kept whatever their size.
const (
	flowMin = 2
	flowTop = 2
	flowFar = 4 * clusterCell
)

// foldMinorFlows keeps, of the flows leaving each bubble, the flowTop
// largest (the earlier on a tie) of flowMin events or more or going
// further than flowFar, and every flow from or to a virtual bubble; the
// others count in the bubble they leave. It returns the flows kept, in
// order.
func foldMinorFlows(t xform, groups []cluster, flows []flow) []flow {
	out := make([][]int, len(groups)) // flows between bubbles by the bubble they leave
	keep := make([]bool, len(flows))
	for k := range flows {
		if flows[k].virt != 0 {
			keep[k] = true
			continue
		}
		out[flows[k].from] = append(out[flows[k].from], k)
	}
	for _, ks := range out {
		slices.SortStableFunc(ks, func(a, b int) int { return len(flows[b].items) - len(flows[a].items) })
		for r, k := range ks {
			f := &flows[k]
			far := dist(groups[f.from].center, groups[f.to].center) >= flowFar*t.scale
			keep[k] = r < flowTop && (len(f.items) >= flowMin || far)
		}
	}
	kept := flows[:0]
	for k, f := range flows {
		if keep[k] {
			kept = append(kept, f)
			continue
		}
		a := &groups[f.from]
		a.extra = append(a.extra, f.items...)
		a.n += len(f.items)
	}
	return kept
}

// layOutFlows places the arrow of every flow from rim to rim, side by side
// with the flow going the other way when there is one. A virtual bubble's
// end of an arrow is its centre.
func (m *Map) layOutFlows(cs *clusterSet, t xform) {
	s := float32(t.scale)
	back := map[[2]int]int{}
	for k := range cs.flows {
		a, b := cs.flows[k].ends()
		back[[2]int{a, b}] = k
	}
	for k := range cs.flows {
		f := &cs.flows[k]
		a, b := flowEnds(cs.groups, f)
		f.w = flowWidth(len(f.items)) * s
		f.len, f.half = flowHead(f.w, s)
		u := b.center.sub(a.center).unit()
		nrm := vec{-u.Y, u.X} // to the right of the direction of travel (y down)
		var off float32
		ea, eb := f.ends()
		if _, ok := back[[2]int{eb, ea}]; ok {
			off = f.w/2 + float32(lineCasing)*s/2
		}
		along := func(e flowEnd) float32 { // from the centre to the rim (plus the gap) at offset off
			if e.virtual {
				return 0
			}
			r := e.r * s
			r += (markerOutline + flowGap) * s
			return float32(math.Sqrt(float64(max(r*r-off*off, 0))))
		}
		o := nrm.mul(off)
		f.a = a.center.add(u.mul(along(a))).add(o)
		f.b = b.center.sub(u.mul(along(b))).add(o)
		f.zoom = a.zoom.Union(b.zoom)
	}
}

// finishGroups adds to every bubble's members the events it absorbs or
// that flow from or to it, in event order, and widens its bounds: zoom
// by the events it counts, bound by everything it and its flows draw. A
// bubble holds the events of a flow to or from a virtual bubble twice,
// flowing (its end) and as roleVirtual (the virtual end), so that a flow's
// change between a virtual and a drawn bubble changes its members.
func (m *Map) finishGroups(cs *clusterSet, t xform) {
	es := m.events
	touch := make([][]int, len(cs.groups))  // events flowing from or to each bubble
	touchV := make([][]int, len(cs.groups)) // events flowing between each bubble and a virtual one
	for k := range cs.flows {
		f := &cs.flows[k]
		for _, i := range f.items {
			f.zoom = unionBound(f.zoom, es.shapeList[i].bound)
		}
		touch[f.from] = append(touch[f.from], f.items...)
		if f.virt != 0 {
			touchV[f.to] = append(touchV[f.to], f.items...)
		} else {
			touch[f.to] = append(touch[f.to], f.items...)
		}
		// What the arrow covers, in the world, for shift.go's redraws.
		pad := f.half + float32(lineCasing)*float32(t.scale)*2
		lo := vec{min(f.a.X, f.b.X) - pad, min(f.a.Y, f.b.Y) - pad}
		hi := vec{max(f.a.X, f.b.X) + pad, max(f.a.Y, f.b.Y) + pad}
		wb := orb.Bound{Min: t.world(float64(lo.X), float64(lo.Y)), Max: t.world(float64(hi.X), float64(hi.Y))}
		for _, g := range []int{f.from, f.to} {
			cs.groups[g].bound = cs.groups[g].bound.Union(wb)
		}
	}
	// One allocation holds the new members of every bubble.
	total := 0
	for g := range cs.groups {
		if c := &cs.groups[g]; len(c.extra) > 0 || len(touch[g]) > 0 {
			total += c.pts + len(c.extra) + len(touch[g]) + len(touchV[g])
		}
	}
	arena := make([]orb.Pointer, total)
	for g := range cs.groups {
		c := &cs.groups[g]
		if len(c.extra) == 0 && len(touch[g]) == 0 {
			continue
		}
		slices.Sort(c.extra)
		for _, i := range c.extra {
			c.zoom = unionBound(c.zoom, es.shapeList[i].bound)
		}
		// Counted events, then flowing ones, then those flowing to or
		// from virtual bubbles, each in event order.
		slices.Sort(touch[g])
		slices.Sort(touchV[g])
		need := c.pts + len(c.extra) + len(touch[g]) + len(touchV[g])
		members := arena[:c.pts:need] // capacity clipped so appends copy
		arena = arena[need:]
		copy(members, c.members[:c.pts])
		for _, i := range c.extra {
			members = append(members, es.absorbRef(i, roleCounted))
			c.bound = unionBound(c.bound, es.shapeList[i].bound)
		}
		for _, i := range touch[g] {
			members = append(members, es.absorbRef(i, roleFlowing))
			c.bound = unionBound(c.bound, es.shapeList[i].bound)
		}
		for _, i := range touchV[g] {
			members = append(members, es.absorbRef(i, roleVirtual))
		}
		c.members = members
		c.bound = c.bound.Union(c.zoom)
	}
}

// absorbable reports whether item i is a point event or a line or area
// event that a bubble could absorb in view v: a selected one is kept out of
// the clustering (pinnedSelection).
func (m *Map) absorbable(v View, i int) bool {
	it := &m.events.items[i]
	switch {
	case len(it.points) > 0:
		return true
	case len(it.lines) > 0 && len(it.polys) == 0:
		return true
	case len(it.polys) > 0 && len(it.lines) == 0:
		k := v.worldScale() // logical pixels per world pixel
		return (it.bound.Max[0]-it.bound.Min[0])*k <= areaAbsorbSide && (it.bound.Max[1]-it.bound.Min[1])*k <= areaAbsorbSide
	}
	return false
}

// unionBound is a.Union(b), small enough to inline.
func unionBound(a, b orb.Bound) orb.Bound {
	return orb.Bound{Min: orb.Point{min(a.Min[0], b.Min[0]), min(a.Min[1], b.Min[1])},
		Max: orb.Point{max(a.Max[0], b.Max[0]), max(a.Max[1], b.Max[1])}}
}
