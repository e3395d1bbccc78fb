package render

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// Clustering parameters: cells in logical pixels, the fewest points drawn
// as a cluster and the zoom from which every point is drawn on its own.
const (
	clusterCell    = 44.0
	clusterMin     = 4
	clusterMaxZoom = 10.0
)

// cluster is a group of point events drawn as one bubble with a count.
// At clustering zooms it also absorbs line and area events (flow_absorb.go).
type cluster struct {
	// members are the points (the first pts), then an absorbRef for every
	// line or area event the bubble absorbs or that flows from or to it,
	// so that shift.go sees any change of what a bubble stands for.
	members []orb.Pointer
	center  vec           // device pixels, the mean of the points
	bound   orb.Bound     // world: the points, then all the bubble and its flows cover
	sum     orb.Point     // of the points' world positions
	pts     int           // members that are points
	n       int           // events counted in the bubble: points, lines and areas
	extra   []int         // line and area events counted in the bubble (eventSet.shapeList indexes)
	zoom    orb.Bound     // world: the bound of the events counted, for zoom-to
	mix     []bubbleShare // the points by colour, in palette order
	// cells are the clustering cells all of whose points are members;
	// loose are the other points, so that marking the members and
	// counting their colours need not visit every point.
	cells []int32
	loose []orb.Pointer
}

// radius is the bubble's radius in logical pixels.
func (c *cluster) radius() float32 { return clusterRadius(c.n) }

// clusters groups refs (sorted by event order) into grid cells anchored to
// the world so clusters stay put while panning. Cells with fewer than
// clusterMin points, the selected event and views zoomed in to
// clusterMaxZoom or more give one-member clusters.
// refs are only read when zoomed in; the grouping takes the points near
// the view from the cell index.
func (m *Map) clusters(v View, t xform, refs []orb.Pointer, selected string) []cluster {
	if v.Zoom >= clusterMaxZoom {
		out := make([]cluster, 0, len(refs))
		for _, r := range refs {
			out = append(out, singleCluster(t, r))
		}
		return out
	}
	multi, singles, pinned := m.clusterInputs(t, selected)
	return append(mergeClusters(t, multi, singles), pinned...)
}

// singleCluster is the one-member cluster of point r.
func singleCluster(t xform, r orb.Pointer) cluster {
	p := r.(*pointRef).p
	one := []orb.Pointer{r}
	return cluster{members: one, center: t.pt(p), bound: p.Bound(), sum: p, loose: one}
}

// clusterInputs is what clusters merges: the groups of clusterMin points
// or more, the points of smaller groups one by one, and the points of the
// selected event, which are never grouped.
func (m *Map) clusterInputs(t xform, selected string) (multi, out, pinned []cluster) {
	out = make([]cluster, 0, 64)
	groups, sel := m.cellIndexFor(t).groupsIn(t.worldBound(48*t.scale), m.events.items, selected)
	pinned = make([]cluster, 0, len(sel))
	for _, r := range sel {
		pinned = append(pinned, singleCluster(t, r))
	}
	for _, g := range groups {
		switch n := len(g.refs); {
		case n < clusterMin:
			for _, r := range g.refs {
				out = append(out, singleCluster(t, r))
			}
		case g.full != nil:
			c := g.full
			multi = append(multi, cluster{members: c.refs, center: t.pt(orb.Point{c.sum[0] / float64(n), c.sum[1] / float64(n)}), bound: c.bound, sum: c.sum,
				cells: []int32{g.cell}})
		default:
			multi = append(multi, newCluster(t, g.refs))
		}
	}
	return multi, out, pinned
}

// clusterSet is the clustering of the points of one view.
type clusterSet struct {
	v          View
	selected   string
	es         *eventSet
	groups     []cluster // clusters of two points or more
	ci         *cellIndex
	cellIn     []bool // by cell of ci: all its points are drawn inside a group
	clustered  []bool // by pointRef.seq: other points drawn inside a group
	nClustered int
	// singles are the points near the view drawn on their own, those of
	// pointsNear not clustered, in event order.
	singles  []*pointRef
	absorbed []bool // by item: line and area events drawn as part of a bubble or flow
	flows    []flow // flow_absorb.go
}

// isClustered reports whether point r is drawn inside a group of cs (false
// when cs is nil).
func (cs *clusterSet) isClustered(r *pointRef) bool {
	return cs != nil && (cs.clustered[r.seq] || cs.cellIn[cs.ci.of[r.seq]])
}

// clustersFor returns the clustering of the points in view v, cached for the
// last view, selection and event set; nil when clustering is off or the
// view is zoomed in past clusterMaxZoom.
func (m *Map) clustersFor(v View, t xform, selected string) *clusterSet {
	if !m.cluster || v.Zoom >= clusterMaxZoom || m.events.nPts == 0 {
		return nil
	}
	if c := m.clusterCache; c != nil && c.v == v && c.selected == selected && c.es == m.events {
		return c
	}
	refs := m.pointsNear(t)
	cx := m.cellIndexFor(t)
	cs := &clusterSet{v: v, selected: selected, es: m.events, ci: cx,
		cellIn: make([]bool, len(cx.cells)), clustered: make([]bool, len(m.events.refs))}
	npal := len(m.events.pal)
	counts := m.clusterCounts[:0]
	for range npal {
		counts = append(counts, 0)
	}
	for _, c := range m.clusters(v, t, refs, selected) {
		if len(c.members) < 2 {
			if len(c.members) == 1 {
				cs.singles = append(cs.singles, c.members[0].(*pointRef))
			}
			continue
		}
		c.pts, c.n, c.zoom = len(c.members), len(c.members), c.bound
		// Whole cells are marked and counted by cell, the other points
		// one by one.
		for _, k := range c.cells {
			cs.cellIn[k] = true
			for ci, n := range cx.counts[int(k)*npal : int(k+1)*npal] {
				counts[ci] += int(n)
			}
		}
		for _, mb := range c.loose {
			pr := mb.(*pointRef)
			cs.clustered[pr.seq] = true
			counts[pr.ci]++
		}
		cs.nClustered += len(c.members)
		for ci, n := range counts {
			if n > 0 {
				c.mix = append(c.mix, bubbleShare{ci: uint16(ci), n: n})
				counts[ci] = 0
			}
		}
		cs.groups = append(cs.groups, c)
	}
	m.clusterCounts = counts
	slices.SortFunc(cs.singles, func(a, b *pointRef) int { return int(a.seq) - int(b.seq) })
	m.absorb(cs, t, selected) // flow_absorb.go
	m.clusterCache = cs
	return cs
}

// newCluster groups members around their mean position.
func newCluster(t xform, g []orb.Pointer) cluster {
	var sx, sy float64
	b := g[0].(*pointRef).p.Bound()
	for _, r := range g {
		p := r.(*pointRef).p
		sx += p[0]
		sy += p[1]
		b = b.Extend(p)
	}
	n := float64(len(g))
	return cluster{members: g, center: t.pt(orb.Point{sx / n, sy / n}), bound: b, sum: orb.Point{sx, sy}, loose: g}
}

// joinClusters is the cluster of the members of a and then b.
func joinClusters(t xform, a, b cluster) cluster {
	s := orb.Point{a.sum[0] + b.sum[0], a.sum[1] + b.sum[1]}
	g := append(a.members, b.members...)
	n := float64(len(g))
	return cluster{members: g, center: t.pt(orb.Point{s[0] / n, s[1] / n}), bound: a.bound.Union(b.bound), sum: s,
		cells: append(a.cells[:len(a.cells):len(a.cells)], b.cells...), loose: append(a.loose[:len(a.loose):len(a.loose)], b.loose...)}
}

// mergeClusters merges clusters whose bubbles overlap, biggest first, and
// pulls in single points hidden under a bubble; it returns the clusters
// followed by the remaining singles.
func mergeClusters(t xform, multi, singles []cluster) []cluster {
	// Sorted by index: a cluster is a large value to move.
	order := make([]int32, len(multi))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return len(multi[b].members) - len(multi[a].members) })
	sorted := make([]cluster, len(multi))
	for i, k := range order {
		sorted[i] = multi[k]
	}
	multi = sorted
	gone := make([]bool, len(multi))
	// The device radius and centre of each bubble, apart from the large
	// cluster values so that the pairwise test runs through little memory.
	rad := make([]float64, len(multi))
	ctr := make([]vec, len(multi))
	for i := range multi {
		rad[i] = float64(clusterRadius(len(multi[i].members))) * t.scale
		ctr[i] = multi[i].center
	}
	for i := range multi {
		if gone[i] {
			continue
		}
		for changed := true; changed; {
			changed = false
			ri, ci := rad[i], ctr[i]
			for j := i + 1; j < len(multi); j++ {
				if lim := ri + rad[j] + 2*t.scale; near(ci, ctr[j], lim) && !gone[j] && dist(ci, ctr[j]) < lim {
					multi[i] = joinClusters(t, multi[i], multi[j])
					rad[i] = float64(clusterRadius(len(multi[i].members))) * t.scale
					ctr[i] = multi[i].center
					gone[j], changed = true, true
					break
				}
			}
		}
	}
	out := make([]cluster, 0, len(multi)+len(singles))
	for i, c := range multi {
		if !gone[i] {
			out = append(out, c)
		}
	}
	nm := len(out)
	// Singles hidden under a bubble join it. Bubbles are filed by the grid
	// cell of their centre; a bubble reaches at most one cell away.
	cell := (22 + markerRadius) * t.scale
	key := func(p vec) [2]int {
		return [2]int{int(math.Floor(float64(p.X) / cell)), int(math.Floor(float64(p.Y) / cell))}
	}
	byCell := map[[2]int][]int{}
	for i := range out[:nm] {
		k := key(out[i].center)
		byCell[k] = append(byCell[k], i)
	}
	for _, s := range singles {
		k := key(s.center)
		into := -1
		for dx := -1; dx <= 1 && into < 0; dx++ {
			for dy := -1; dy <= 1 && into < 0; dy++ {
				for _, i := range byCell[[2]int{k[0] + dx, k[1] + dy}] {
					r := float64(clusterRadius(len(out[i].members))+markerRadius*0.5) * t.scale
					if dist(out[i].center, s.center) < r {
						into = i
						break
					}
				}
			}
		}
		if into < 0 {
			out = append(out, s)
			continue
		}
		out[into].members = append(out[into].members, s.members...)
		out[into].loose = append(out[into].loose[:len(out[into].loose):len(out[into].loose)], s.members...)
		out[into].bound = out[into].bound.Union(s.bound)
		out[into].sum = orb.Point{out[into].sum[0] + s.sum[0], out[into].sum[1] + s.sum[1]} // the bubble stays put
	}
	return out
}

func dist(a, b vec) float64 { return math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y)) }

// near is a quick test that dist(a, b) may be below lim: false only when it
// is surely not (the squared distance is beyond lim² by far more than
// rounding could make).
func near(a, b vec, lim float64) bool {
	dx, dy := float64(a.X-b.X), float64(a.Y-b.Y)
	return dx*dx+dy*dy < lim*lim*(1+1e-9)
}

// clusterRadius is a cluster bubble's radius in logical pixels,
// clusterRadiusOf looked up: it is asked for very often.
func clusterRadius(n int) float32 {
	if uint(n) < uint(len(clusterRadii)) {
		return clusterRadii[n]
	}
	if n >= len(clusterRadii) {
		return clusterRadiusMax
	}
	return clusterRadiusOf(n)
}

// clusterRadiusMax is the largest bubble radius, reached well before
// len(clusterRadii) members.
const clusterRadiusMax = 22

// clusterRadii is clusterRadiusOf(n) for small n.
var clusterRadii = func() (t [256]float32) {
	for n := range t {
		t[n] = clusterRadiusOf(n)
	}
	return t
}()

// clusterRadiusOf is the radius of a bubble of n events, growing with the
// logarithm of n up to clusterRadiusMax.
func clusterRadiusOf(n int) float32 {
	return float32(math.Min(clusterRadiusMax, 10+2.6*math.Log2(float64(n)/float64(clusterMin)+1)))
}

// annulusSector is the ring between radii r0 and r1 from angle a0 to a1.
func annulusSector(c vec, r0, r1 float32, a0, a1 float64) []vec {
	n := max(2, int(math.Ceil((a1-a0)/(math.Pi/24))))
	pts := make([]vec, 0, 2*n+2)
	for i := 0; i <= n; i++ {
		a := a0 + (a1-a0)*float64(i)/float64(n)
		pts = append(pts, vec{c.X + r1*float32(math.Cos(a)), c.Y + r1*float32(math.Sin(a))})
	}
	for i := n; i >= 0; i-- {
		a := a0 + (a1-a0)*float64(i)/float64(n)
		pts = append(pts, vec{c.X + r0*float32(math.Cos(a)), c.Y + r0*float32(math.Sin(a))})
	}
	return pts
}
