package render

import (
	"fmt"
	"math/rand/v2"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// syntheticEvents returns n reproducible random events in the region:
// points, lines and areas in the given proportions (pts+lines+areas > 0).
func syntheticEvents(n int, pts, lines, areas float64) []annotate.Event {
	r := rand.New(rand.NewPCG(1, 2))
	types := annotate.DefaultTaxonomy().Names()
	out := make([]annotate.Event, 0, n)
	tot := pts + lines + areas
	for i := range n {
		// Clustered around a few towns, as real events are.
		towns := []orb.Point{{68.857, 36.729}, {68.779, 38.536}, {67.111, 36.709}, {69.78, 37.91}, {68.6053, 37.1946}, {69.53, 36.74}}
		c := towns[r.IntN(len(towns))]
		p := orb.Point{c[0] + r.NormFloat64()*0.35, c[1] + r.NormFloat64()*0.25}
		var g orb.Geometry = p
		switch k := r.Float64() * tot; {
		case k >= pts+lines:
			d := 0.03 + r.Float64()*0.1
			g = orb.Polygon{{{p[0] - d, p[1] - d}, {p[0] + d, p[1] - d}, {p[0] + d*1.2, p[1] + d}, {p[0] - d, p[1] + d*0.8}, {p[0] - d, p[1] - d}}}
		case k >= pts:
			g = orb.LineString{p, {p[0] + r.NormFloat64()*0.2, p[1] + r.NormFloat64()*0.2}, {p[0] + r.NormFloat64()*0.3, p[1] + r.NormFloat64()*0.3}}
		}
		out = append(out, ev(fmt.Sprintf("e%d", i), types[r.IntN(len(types))], g))
	}
	return out
}
