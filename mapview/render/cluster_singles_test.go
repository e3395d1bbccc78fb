package render

import (
	"slices"
	"testing"

	"eventatlas/annotate"
)

// eventObstaclesRef is eventObstacles as it was before clusterSet.singles:
// every point near the view tested with isClustered. It is the reference
// TestClusterSingles holds eventObstacles to.
func (m *Map) eventObstaclesRef(v View, t xform, selected string, pl *placer) {
	if m.events.nPts == 0 {
		return
	}
	cs := m.clustersFor(v, t, selected)
	m.lineHeadObstacles(t, cs, pl, maxLabelObstacles) // arrowheads, as eventObstacles
	if cs != nil {
		for _, c := range cs.groups {
			r := float64(clusterRadius(len(c.members))+1.6) * t.scale
			box := frect{float64(c.center.X) - r, float64(c.center.Y) - r, float64(c.center.X) + r, float64(c.center.Y) + r}
			pl.soft = append(pl.soft, box)
			pl.clusters = append(pl.clusters, box)
		}
	}
	view := t.worldBound(0)
	near := m.pointsNear(t)
	n := 0
	for _, ref := range near {
		if view.Contains(ref.Point()) {
			n++
		}
	}
	if n > maxLabelObstacles {
		return
	}
	r := (markerRadius + markerOutline) * t.scale
	for _, ref := range near {
		if !view.Contains(ref.Point()) || cs.isClustered(ref.(*pointRef)) {
			continue
		}
		d := t.pt(ref.Point())
		pl.soft = append(pl.soft, frect{float64(d.X) - r, float64(d.Y) - r, float64(d.X) + r, float64(d.Y) + r})
	}
}

// TestClusterSingles checks, over event counts, zooms, pans and
// selections, that clusterSet.singles is exactly the points near the view
// that no bubble holds, in event order, and that the label obstacles made
// from it are those of the former loop over every point.
func TestClusterSingles(t *testing.T) {
	tax := annotate.DefaultTaxonomy()
	for _, n := range []int{300, 2500, 10000} {
		m := newTestMap(t)
		m.SetEvents(syntheticEvents(n, 0.90, 0.07, 0.03), tax)
		base := FitBound(RegionBound(), 1280, 800, 1)
		checked, withSingles := 0, 0
		for _, dz := range []float64{-1.5, 0, 0.03, 1, 1.7, 2.2} {
			for _, pan := range []float64{0, 300} {
				for _, sel := range []string{"", "e1", "e7"} {
					v := base.Pan(pan, -pan/3)
					v.Zoom += dz
					tx := newXform(v)
					sel := m.pinnedSelection(v, sel)
					cs := m.clustersFor(v, tx, sel)
					var want []*pointRef
					for _, r := range m.pointsNear(tx) {
						if pr := r.(*pointRef); !cs.isClustered(pr) {
							want = append(want, pr)
						}
					}
					if cs == nil {
						continue
					}
					checked++
					if !slices.Equal(cs.singles, want) {
						t.Fatalf("%d events, zoom %+g, pan %g, selected %q: %d singles, want %d", n, dz, pan, sel, len(cs.singles), len(want))
					}
					var got, ref placer
					m.eventObstacles(v, tx, sel, &got)
					m.eventObstaclesRef(v, tx, sel, &ref)
					if !slices.Equal(got.soft, ref.soft) || !slices.Equal(got.clusters, ref.clusters) {
						t.Fatalf("%d events, zoom %+g, pan %g, selected %q: %d obstacles, want %d", n, dz, pan, sel, len(got.soft), len(ref.soft))
					}
					if len(want) > 0 && len(ref.soft) > len(ref.clusters) {
						withSingles++
					}
				}
			}
		}
		if checked == 0 || (n < maxLabelObstacles && withSingles == 0) {
			t.Fatalf("%d events: %d views clustered, %d with single obstacles", n, checked, withSingles)
		}
	}
}

// TestBubbleMembersOwnStorage checks the members of bubbles that absorb
// events, which finishGroups cuts from one allocation: the points first,
// then one absorbRef per event counted or flowing, and no room to grow
// into the next bubble's members.
func TestBubbleMembersOwnStorage(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(syntheticEvents(10000, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	base := FitBound(RegionBound(), 1280, 800, 1)
	grown := 0
	for _, dz := range []float64{-1, 0, 0.03, 1} {
		v := base
		v.Zoom += dz
		tx := newXform(v)
		cs := m.clustersFor(v, tx, "")
		if cs == nil {
			t.Fatalf("zoom %+g: no clustering", dz)
		}
		flowing := make([]int, len(cs.groups))
		for _, f := range cs.flows {
			flowing[f.from] += len(f.items)
			flowing[f.to] += len(f.items)
		}
		for g, c := range cs.groups {
			if len(c.extra) == 0 && flowing[g] == 0 {
				continue
			}
			grown++
			if want := c.pts + len(c.extra) + flowing[g]; len(c.members) != want || cap(c.members) != want {
				t.Fatalf("zoom %+g bubble %d: %d members (cap %d), want %d", dz, g, len(c.members), cap(c.members), want)
			}
			for i, mb := range c.members {
				if _, isPoint := mb.(*pointRef); isPoint != (i < c.pts) {
					t.Fatalf("zoom %+g bubble %d: member %d is %T", dz, g, i, mb)
				}
			}
		}
	}
	if grown == 0 {
		t.Fatal("no bubble absorbed events: the test needs some")
	}
}
