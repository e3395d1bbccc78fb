package render

import (
	"container/heap"
	"math"

	"github.com/paulmach/orb"
)

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
	dist := func(p orb.Point) float64 {
		d := math.Inf(1)
		for _, r := range poly {
			d = math.Min(d, ringDist(r, p))
		}
		if polyContains(poly, p) {
			return d
		}
		return -d
	}
	newCell := func(x, y, half float64) cell {
		d := dist(orb.Point{x, y})
		return cell{x: x, y: y, h: half, d: d, max: d + half*math.Sqrt2}
	}
	q := &cellQueue{}
	half := size / 2
	for x := b.Min[0]; x < b.Max[0]; x += size {
		for y := b.Min[1]; y < b.Max[1]; y += size {
			heap.Push(q, newCell(x+half, y+half, half))
		}
	}
	best := newCell(b.Center()[0], b.Center()[1], 0)
	if c := centroidCell(poly, newCell); c.d > best.d {
		best = c
	}
	for n := 0; q.Len() > 0 && n < 20000; n++ {
		c := heap.Pop(q).(cell)
		if c.d > best.d {
			best = c
		}
		if c.max-best.d <= precision {
			continue
		}
		h2 := c.h / 2
		heap.Push(q, newCell(c.x-h2, c.y-h2, h2))
		heap.Push(q, newCell(c.x+h2, c.y-h2, h2))
		heap.Push(q, newCell(c.x-h2, c.y+h2, h2))
		heap.Push(q, newCell(c.x+h2, c.y+h2, h2))
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

// cellQueue is a max-heap of cells by their potential.
type cellQueue []cell

func (q cellQueue) Len() int           { return len(q) }
func (q cellQueue) Less(i, j int) bool { return q[i].max > q[j].max }
func (q cellQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)        { *q = append(*q, x.(cell)) }
func (q *cellQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}
