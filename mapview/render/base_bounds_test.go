package render

import (
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
)

// TestVisiblePartBMatches checks visiblePartB with precomputed bounds
// against clipping with the bounds found afresh.
func TestVisiblePartBMatches(t *testing.T) {
	m := newTestMap(t)
	v := FitBound(RegionBound(), 1280, 800, 1)
	for _, dz := range []float64{-1, 0, 1.5} {
		w := v
		w.Zoom += dz
		tr := newXform(w)
		box := tr.worldBound(-24)
		for _, pr := range m.base.provinces {
			gotP, gotPole, gotB := visiblePartB(pr.poly, pr.polyB, box, tr)
			wantP, wantPole := visiblePartRef(pr.poly, box, tr)
			if gotPole != wantPole || len(gotP) != len(wantP) {
				t.Fatalf("%s at zoom %+g: pole %v (%d parts), want %v (%d)", pr.name, dz, gotPole, len(gotP), wantPole, len(wantP))
			}
			for i, p := range gotP {
				if gotB[i] != p.Bound() {
					t.Fatalf("%s at zoom %+g: part %d bound %v, want %v", pr.name, dz, i, gotB[i], p.Bound())
				}
			}
		}
	}
}

// visiblePartRef is visiblePart as it was, with clipRing.
func visiblePartRef(mp orb.MultiPolygon, box orb.Bound, t xform) (orb.MultiPolygon, orb.Point) {
	var vis orb.MultiPolygon
	for _, poly := range mp {
		if !box.Intersects(poly.Bound()) {
			continue
		}
		var cp orb.Polygon
		for ri, r := range poly {
			cr := clipRing(box, r)
			if len(cr) < 4 {
				if ri == 0 {
					break
				}
				continue
			}
			cp = append(cp, cr)
		}
		if len(cp) > 0 {
			vis = append(vis, cp)
		}
	}
	big := largest(vis)
	if big == nil {
		return nil, orb.Point{}
	}
	pole, _ := poleReference(big, 3/t.k)
	return vis, pole
}

// TestClipRingSHMatchesOrb checks clipRingSH against orb's clip.Ring on the
// base map's rings and boxes of every kind, and on unclosed rings.
func TestClipRingSHMatchesOrb(t *testing.T) {
	m := newTestMap(t)
	var rings []orb.Ring
	for _, c := range m.base.countries {
		for _, p := range c.bands[6] {
			rings = append(rings, p...)
		}
	}
	rings = append(rings, orb.Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, orb.Ring{}, orb.Ring{{5, 5}})
	rng := rand.New(rand.NewPCG(5, 6))
	n := 0
	for _, r := range rings {
		b := r.Bound()
		for range 12 {
			x0 := b.Min[0] + (b.Max[0]-b.Min[0])*(rng.Float64()*1.4-0.2)
			y0 := b.Min[1] + (b.Max[1]-b.Min[1])*(rng.Float64()*1.4-0.2)
			box := orb.Bound{Min: orb.Point{x0, y0}, Max: orb.Point{x0 + (b.Max[0]-b.Min[0])*rng.Float64(), y0 + (b.Max[1]-b.Min[1])*rng.Float64()}}
			got := clipRingSH(box, r)
			want := clip.Ring(box, r.Clone())
			if len(got) != len(want) {
				t.Fatalf("ring %d: %d points, want %d", n, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("ring %d point %d: %v, want %v", n, i, got[i], want[i])
				}
			}
			if len(got) > 0 {
				n++
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d boxes cut the rings", n)
	}
}
