package render

import (
	"container/heap"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// poleReference is the straightforward polylabel poleOfInaccessibility
// replaced: container/heap, ringDist and polyContains per cell. The fast
// one must find the very same point.
func poleReference(poly orb.Polygon, precision float64) (orb.Point, float64) {
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
	q := &refQueue{}
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

type refQueue []cell

func (q refQueue) Len() int           { return len(q) }
func (q refQueue) Less(i, j int) bool { return q[i].max > q[j].max }
func (q refQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *refQueue) Push(x any)        { *q = append(*q, x.(cell)) }
func (q *refQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

// TestPoleMatchesReference checks the fast pole (edges by band and by grid
// square) against the reference on
// the base map's provinces and countries, whole and clipped, at several
// precisions, and on polygons with holes and unclosed rings.
func TestPoleMatchesReference(t *testing.T) {
	m := newTestMap(t)
	var polys []orb.Polygon
	for _, pr := range m.base.provinces {
		polys = append(polys, pr.poly...)
	}
	for _, c := range m.base.countries {
		polys = append(polys, c.bands[3]...)
	}
	v := FitBound(RegionBound(), 1280, 800, 1)
	for _, dz := range []float64{0, 1, 2.5} {
		w := v
		w.Zoom += dz
		tr := newXform(w)
		for _, mp := range []orb.MultiPolygon{m.base.countries[0].bands[5], m.base.provinces[3].poly} {
			vis, _ := visiblePart(mp, tr.worldBound(-24), tr)
			polys = append(polys, vis...)
		}
	}
	// A square with a square hole, and one whose ring is not closed.
	sq := orb.Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}
	polys = append(polys, orb.Polygon{sq, orb.Ring{{2, 2}, {2, 8}, {5, 8}, {5, 2}, {2, 2}}})
	polys = append(polys, orb.Polygon{orb.Ring{{0, 0}, {10, 0}, {10, 4}, {0, 10}}})
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 { // random star-shaped polygons
		var r orb.Ring
		n := 5 + rng.IntN(40)
		for i := range n {
			a := 2 * math.Pi * float64(i) / float64(n)
			d := 1 + 4*rng.Float64()
			r = append(r, orb.Point{d * math.Cos(a), d * math.Sin(a)})
		}
		polys = append(polys, orb.Polygon{append(r, r[0])})
	}
	n := 0
	for _, p := range polys {
		b := p[0].Bound()
		size := max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1])
		for _, f := range []float64{1e-1, 1e-2, 1e-3, 1e-4} {
			got, gd := poleOfInaccessibility(p, size*f)
			want, wd := poleReference(p, size*f)
			// The distances may differ in the last bits: the search prunes
			// the edges in another order.
			if got != want || math.Abs(gd-wd) > 1e-12*math.Abs(wd) {
				t.Fatalf("polygon %d (%d points), precision %g: got %v %g, want %v %g", n, len(p[0]), size*f, got, gd, want, wd)
			}
		}
		n++
	}
}

func BenchmarkPoleOfInaccessibility(b *testing.B) {
	m := newTestMap(b)
	poly := largest(m.base.provinces[3].poly)
	bd := poly[0].Bound()
	prec := (bd.Max[0] - bd.Min[0]) / 500
	for b.Loop() {
		poleOfInaccessibility(poly, prec)
	}
}
