package render

import (
	"math"
	"sync"

	"github.com/paulmach/orb"
)

// poleScratch is the memory of one pole search, kept for the next.
type poleScratch struct {
	pe polyEdges
	q  cellQueue
}

var polePool = sync.Pool{New: func() any { return new(poleScratch) }}

// poleOfInaccessibility returns the point inside polygon poly farthest from
// its edges (to within precision), the best place for an area's label
// (Mapbox's polylabel algorithm), and that distance.
func poleOfInaccessibility(poly orb.Polygon, precision float64) (orb.Point, float64) {
	if len(poly) == 0 || len(poly[0]) < 4 {
		return orb.Point{}, 0
	}
	b := poly[0].Bound()
	w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	size := math.Min(w, h)
	if size == 0 {
		return b.Center(), 0
	}
	sc := polePool.Get().(*poleScratch)
	defer polePool.Put(sc)
	pe := &sc.pe
	pe.reset(poly)
	// within returns the cell at (x, y) whose distance from the edges is
	// known to be at most ub (+Inf: unknown), which saves looking at the
	// edges farther than that.
	within := func(x, y, half, ub float64) cell {
		d := pe.dist(orb.Point{x, y}, ub)
		return cell{x: x, y: y, h: half, d: d, max: d + half*math.Sqrt2}
	}
	newCell := func(x, y, half float64) cell { return within(x, y, half, math.Inf(1)) }
	q := sc.q[:0]
	defer func() { sc.q = q[:0] }()
	half := size / 2
	for x := b.Min[0]; x < b.Max[0]; x += size {
		for y := b.Min[1]; y < b.Max[1]; y += size {
			q.push(newCell(x+half, y+half, half))
		}
	}
	best := newCell(b.Center()[0], b.Center()[1], 0)
	if c := centroidCell(poly, newCell); c.d > best.d {
		best = c
	}
	for n := 0; len(q) > 0 && n < 20000; n++ {
		c := q.pop()
		if c.d > best.d {
			best = c
		}
		if c.max-best.d <= precision {
			continue
		}
		h2 := c.h / 2
		// A child's centre lies h2·√2 from c's: its distance from the
		// edges is at most that much more (with a margin for rounding).
		ub := (math.Abs(c.d) + h2*math.Sqrt2) * (1 + 1e-9)
		q.push(within(c.x-h2, c.y-h2, h2, ub))
		q.push(within(c.x+h2, c.y-h2, h2, ub))
		q.push(within(c.x-h2, c.y+h2, h2, ub))
		q.push(within(c.x+h2, c.y+h2, h2, ub))
	}
	return orb.Point{best.x, best.y}, best.d
}

// centroidCell starts the search at the outer ring's area centroid.
func centroidCell(poly orb.Polygon, newCell func(x, y, h float64) cell) cell {
	r := poly[0]
	var a, cx, cy float64
	for i := 1; i < len(r); i++ {
		f := r[i-1][0]*r[i][1] - r[i][0]*r[i-1][1]
		cx += (r[i-1][0] + r[i][0]) * f
		cy += (r[i-1][1] + r[i][1]) * f
		a += f * 3
	}
	if a == 0 {
		return newCell(r[0][0], r[0][1], 0)
	}
	return newCell(cx/a, cy/a, 0)
}

// cell is a square of the polylabel search: centre, half size, distance
// from the centre to the polygon and the best distance possible inside it.
type cell struct{ x, y, h, d, max float64 }

// cellQueue is a max-heap of cells by their potential. push and pop are
// container/heap's algorithm without the interface boxing, so cells come
// out in the same order.
type cellQueue []cell

func (q *cellQueue) push(c cell) {
	*q = append(*q, c)
	h := *q
	j := len(h) - 1
	for {
		i := (j - 1) / 2 // parent
		if i == j || !(h[j].max > h[i].max) {
			break
		}
		h[i], h[j] = h[j], h[i]
		j = i
	}
}

func (q *cellQueue) pop() cell {
	h := *q
	n := len(h) - 1
	h[0], h[n] = h[n], h[0]
	i := 0
	for {
		j1 := 2*i + 1
		if j1 >= n || j1 < 0 {
			break
		}
		j := j1 // left child
		if j2 := j1 + 1; j2 < n && h[j2].max > h[j1].max {
			j = j2 // right child
		}
		if !(h[j].max > h[i].max) {
			break
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
	c := h[n]
	*q = h[:n]
	return c
}

// polyEdges holds the edges of a polygon ready for distance and
// containment queries, sorted into horizontal bands: each edge is listed in
// every band its y extent reaches, so a query looks at the edges of a few
// bands near the point instead of all of them.
type polyEdges struct {
	edges  []polyEdge
	bands  [][]int32 // edge indices by band, for containment
	flat   []int32   // the bands' backing array
	y0, bh float64   // top of band 0 and the band height
	rings  int
	grid   edgeGrid // edges by square, for distance
}

// polyEdge is the segment from a to b of ring ring, with its bound. A
// ring's closing pair (last point, first point) is an edge only for the
// containment test (containOnly), as in ringContains and ringDist.
type polyEdge struct {
	a, b           orb.Point
	x0, x1, y0, y1 float64
	ring           int32
	containOnly    bool
}

// reset makes pe hold the edges of poly, reusing its memory.
func (pe *polyEdges) reset(poly orb.Polygon) {
	pe.rings = len(poly)
	pe.edges = pe.edges[:0]
	for ri, r := range poly {
		for i := 1; i < len(r); i++ {
			pe.add(r[i-1], r[i], ri, false)
		}
		if len(r) > 0 && r[0] != r[len(r)-1] {
			pe.add(r[len(r)-1], r[0], ri, true)
		}
	}
	y0, y1 := math.Inf(1), math.Inf(-1)
	for i := range pe.edges {
		e := &pe.edges[i]
		y0, y1 = math.Min(y0, e.y0), math.Max(y1, e.y1)
	}
	nb := max(1, min(64, len(pe.edges)/6))
	pe.y0, pe.bh = y0, (y1-y0)/float64(nb)
	if !(pe.bh > 0) { // flat, or no edges
		nb, pe.bh = 1, 1
	}
	// Count, then fill, the edges of each band (one backing slice).
	var count [65]int32
	for i := range pe.edges {
		e := &pe.edges[i]
		for b := pe.band(e.y0, nb); b <= pe.band(e.y1, nb); b++ {
			count[b+1]++
		}
	}
	for b := 1; b <= nb; b++ {
		count[b] += count[b-1]
	}
	pe.flat = grown(pe.flat, int(count[nb]))
	flat := pe.flat
	at := count
	for i := range pe.edges {
		e := &pe.edges[i]
		for b := pe.band(e.y0, nb); b <= pe.band(e.y1, nb); b++ {
			flat[at[b]] = int32(i)
			at[b]++
		}
	}
	pe.bands = pe.bands[:0]
	for b := range nb {
		pe.bands = append(pe.bands, flat[count[b]:count[b+1]])
	}
	pe.grid.build(pe.edges)
}

// grown returns s with length n, reallocated when too small; its contents
// are not kept.
func grown(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func (pe *polyEdges) add(a, b orb.Point, ring int, containOnly bool) {
	pe.edges = append(pe.edges, polyEdge{a: a, b: b, x0: min(a[0], b[0]), x1: max(a[0], b[0]),
		y0: min(a[1], b[1]), y1: max(a[1], b[1]), ring: int32(ring), containOnly: containOnly})
}

// band is the band holding y, clamped to the nb bands.
func (pe *polyEdges) band(y float64, nb int) int {
	b := int(math.Floor((y - pe.y0) / pe.bh))
	return max(0, min(nb-1, b))
}

// dist is the signed distance from p to the polygon's edges: positive
// inside, negative outside, as ringDist and polyContains (geom.go) give it.
// ub is a bound known not to be below the distance (+Inf for none).
func (pe *polyEdges) dist(p orb.Point, ub float64) float64 {
	if pe.rings == 0 {
		return math.Inf(-1)
	}
	// Containment: only edges whose y extent holds p[1] can cross the ray,
	// and they are all in p's band (when p lies within the bands).
	var parity []bool
	var small [8]bool
	if pe.rings <= len(small) {
		parity = small[:pe.rings]
	} else {
		parity = make([]bool, pe.rings)
	}
	b0 := pe.band(p[1], len(pe.bands))
	for _, k := range pe.bands[b0] {
		e := &pe.edges[k]
		// ringContains's pair (r[i], r[i−1]) is (e.b, e.a).
		if (e.b[1] > p[1]) != (e.a[1] > p[1]) && p[0] < (e.a[0]-e.b[0])*(p[1]-e.b[1])/(e.a[1]-e.b[1])+e.b[0] {
			parity[e.ring] = !parity[e.ring]
		}
	}
	inside := parity[0]
	for _, h := range parity[1:] {
		inside = inside && !h
	}
	d := math.Sqrt(pe.grid.nearest2(pe.edges, p, ub*ub))
	if inside {
		return d
	}
	return -d
}

// edgeGrid sorts the edges used for distance into squares: each edge is
// listed in every square its bound reaches.
type edgeGrid struct {
	x0, y0, size float64 // top-left corner and square size
	w, h         int     // squares across and down
	start        []int32 // square k's edges are items[start[k]:start[k+1]]
	items        []int32
	at           []int32 // build's scratch
}

func (g *edgeGrid) build(edges []polyEdge) {
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	n := 0
	for i := range edges {
		e := &edges[i]
		if e.containOnly {
			continue
		}
		n++
		b.Min[0], b.Min[1] = math.Min(b.Min[0], e.x0), math.Min(b.Min[1], e.y0)
		b.Max[0], b.Max[1] = math.Max(b.Max[0], e.x1), math.Max(b.Max[1], e.y1)
	}
	*g = edgeGrid{x0: b.Min[0], y0: b.Min[1], w: 1, h: 1, size: 1, start: g.start, items: g.items, at: g.at}
	W, H := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	if n == 0 {
		g.start = grown(g.start, 2)
		clear(g.start)
		return
	}
	if W > 0 || H > 0 {
		// About two edges a square.
		g.size = math.Sqrt(max(W*H, W*W/4096, H*H/4096) / max(1, float64(n)/2))
		g.w = max(1, min(64, int(math.Ceil(W/g.size))))
		g.h = max(1, min(64, int(math.Ceil(H/g.size))))
		g.size = max(W/float64(g.w), H/float64(g.h))
	}
	if !(g.size > 0) {
		g.size = 1
	}
	g.start = grown(g.start, g.w*g.h+1)
	clear(g.start)
	span := func(e *polyEdge) (bx0, by0, bx1, by1 int) {
		return g.col(e.x0), g.row(e.y0), g.col(e.x1), g.row(e.y1)
	}
	for i := range edges {
		e := &edges[i]
		if e.containOnly {
			continue
		}
		bx0, by0, bx1, by1 := span(e)
		for by := by0; by <= by1; by++ {
			for bx := bx0; bx <= bx1; bx++ {
				g.start[by*g.w+bx+1]++
			}
		}
	}
	for k := 1; k < len(g.start); k++ {
		g.start[k] += g.start[k-1]
	}
	g.items = grown(g.items, int(g.start[len(g.start)-1]))
	g.at = append(g.at[:0], g.start[:len(g.start)-1]...)
	at := g.at
	for i := range edges {
		e := &edges[i]
		if e.containOnly {
			continue
		}
		bx0, by0, bx1, by1 := span(e)
		for by := by0; by <= by1; by++ {
			for bx := bx0; bx <= bx1; bx++ {
				k := by*g.w + bx
				g.items[at[k]] = int32(i)
				at[k]++
			}
		}
	}
}

// col and row are the square holding x or y, clamped to the grid.
func (g *edgeGrid) col(x float64) int { return max(0, min(g.w-1, int(math.Floor((x-g.x0)/g.size)))) }
func (g *edgeGrid) row(y float64) int { return max(0, min(g.h-1, int(math.Floor((y-g.y0)/g.size)))) }

// nearest2 is the squared distance from p to the nearest edge (ringDist's
// minimum over the rings, squared), known not to exceed ub2: the squares
// around p's, ring by ring, until no edge outside them can be nearer.
func (g *edgeGrid) nearest2(edges []polyEdge, p orb.Point, ub2 float64) float64 {
	best := ub2
	visit := func(bx, by int) {
		k := by*g.w + bx
		for _, i := range g.items[g.start[k]:g.start[k+1]] {
			e := &edges[i]
			// ringDist: skip a segment whose bound is no nearer than the best so far.
			dx := 0.0
			if v := e.x0 - p[0]; v > dx {
				dx = v
			}
			if v := p[0] - e.x1; v > dx {
				dx = v
			}
			if dx*dx >= best {
				continue
			}
			dy := 0.0
			if v := e.y0 - p[1]; v > dy {
				dy = v
			}
			if v := p[1] - e.y1; v > dy {
				dy = v
			}
			if dx*dx+dy*dy >= best {
				continue
			}
			best = math.Min(best, segDist2(e.a, e.b, p))
		}
	}
	cx, cy := g.col(p[0]), g.row(p[1])
	for k := 0; ; k++ {
		if k > 0 {
			// Every edge not seen yet lies beyond a side of the squares
			// seen so far that still has squares beyond it.
			lo := math.Inf(1)
			open := false
			if cx-k >= 0 {
				lo, open = math.Min(lo, p[0]-(g.x0+float64(cx-k+1)*g.size)), true
			}
			if cx+k < g.w {
				lo, open = math.Min(lo, g.x0+float64(cx+k)*g.size-p[0]), true
			}
			if cy-k >= 0 {
				lo, open = math.Min(lo, p[1]-(g.y0+float64(cy-k+1)*g.size)), true
			}
			if cy+k < g.h {
				lo, open = math.Min(lo, g.y0+float64(cy+k)*g.size-p[1]), true
			}
			if !open || (lo > 0 && lo*lo >= best) {
				break
			}
		}
		x0, x1, y0, y1 := cx-k, cx+k, cy-k, cy+k
		for bx := max(0, x0); bx <= min(g.w-1, x1); bx++ {
			if y0 >= 0 {
				visit(bx, y0)
			}
			if y1 < g.h && k > 0 {
				visit(bx, y1)
			}
		}
		for by := max(0, y0+1); by <= min(g.h-1, y1-1); by++ {
			if x0 >= 0 {
				visit(x0, by)
			}
			if x1 < g.w && k > 0 {
				visit(x1, by)
			}
		}
	}
	return best
}
