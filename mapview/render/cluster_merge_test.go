package render

import (
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// TestMergeClustersMatchesRef checks mergeClusters against
// mergeClustersRef, the former version (clusters sorted in place, radii
// computed at every test), on the groups of many views: the same bubbles
// in the same order, with the same members, centres and bounds.
func TestMergeClustersMatchesRef(t *testing.T) {
	tax := annotate.DefaultTaxonomy()
	merged := 0
	for _, n := range []int{500, 10000, 100000} {
		m := newTestMap(t)
		m.SetEvents(syntheticEvents(n, 0.90, 0.07, 0.03), tax)
		base := FitBound(RegionBound(), 1280, 800, 1)
		for _, dz := range []float64{-2, -0.7, 0, 0.03, 0.9, 1.8} {
			for _, sel := range []string{"", "e1"} {
				v := base
				v.Zoom += dz
				tx := newXform(v)
				multi, singles, _ := m.clusterInputs(tx, m.pinnedSelection(v, sel))
				got := mergeClusters(tx, slices.Clone(multi), slices.Clone(singles))
				want := mergeClustersRef(tx, slices.Clone(multi), slices.Clone(singles))
				if len(got) != len(want) {
					t.Fatalf("%d events, zoom %+g: %d clusters, want %d", n, dz, len(got), len(want))
				}
				for i := range got {
					g, w := &got[i], &want[i]
					if !slices.Equal(g.members, w.members) || g.center != w.center || g.bound != w.bound || g.sum != w.sum ||
						!slices.Equal(g.cells, w.cells) || !slices.Equal(g.loose, w.loose) {
						t.Fatalf("%d events, zoom %+g, selected %q: cluster %d differs", n, dz, sel, i)
					}
				}
				bubbles := 0
				for _, c := range got {
					if len(c.members) > 1 {
						bubbles++
					}
				}
				merged += len(multi) - bubbles
			}
		}
	}
	if merged <= 0 {
		t.Fatal("no view merged bubbles: the test needs some")
	}
}

// mergeClustersRef is mergeClusters as it was before the radii and
// centres were kept apart: the reference TestMergeClustersMatchesRef
// holds it to.
func mergeClustersRef(t xform, multi, singles []cluster) []cluster {
	slices.SortStableFunc(multi, func(a, b cluster) int { return len(b.members) - len(a.members) })
	gone := make([]bool, len(multi))
	for i := range multi {
		if gone[i] {
			continue
		}
		for changed := true; changed; {
			changed = false
			ri := float64(clusterRadius(len(multi[i].members))) * t.scale
			for j := i + 1; j < len(multi); j++ {
				if gone[j] {
					continue
				}
				rj := float64(clusterRadius(len(multi[j].members))) * t.scale
				if dist(multi[i].center, multi[j].center) < ri+rj+2*t.scale {
					multi[i] = joinClusters(t, multi[i], multi[j])
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
