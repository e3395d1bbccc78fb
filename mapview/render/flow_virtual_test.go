package render

import (
	"fmt"
	"math"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// The virtual bubble scene, at zoom 8 in a 640x400 frame centred on
// virtA: 12 points at virtA (a bubble), 12 at virtD (a dense cell 2.5°
// east, off screen) and 2 at virtS (a sparse cell, off screen), and the
// bends of movements to them, in view and away from the straight way.
var (
	virtA     = orb.Point{68.8, 37.5}
	virtD     = orb.Point{71.3, 37.6}
	virtS     = orb.Point{71.3, 36.6}
	virtBendD = orb.Point{69.5, 37.9}
	virtBendS = orb.Point{69.5, 37.2}
	virtView  = View{Center: virtA, Zoom: 8, Width: 640, Height: 400, Scale: 1}
)

// virtScene is the points of the scene and the movements of lines: "ad"
// and "da" go between virtA and virtD by virtBendD, "as" from virtA to
// virtS by virtBendS.
func virtScene(lines ...string) []annotate.Event {
	var evs []annotate.Event
	for _, c := range []struct {
		name string
		p    orb.Point
		n    int
	}{{"a", virtA, 12}, {"d", virtD, 12}, {"s", virtS, 2}} {
		for i := range c.n {
			evs = append(evs, ev(fmt.Sprintf("%s%d", c.name, i), "Security incident",
				orb.Point{c.p[0] + 0.003*float64(i%4), c.p[1] + 0.002*float64(i/4)}))
		}
	}
	for _, id := range lines {
		var g orb.LineString
		switch id[:2] {
		case "ad":
			g = orb.LineString{virtA, virtBendD, virtD}
		case "da":
			g = orb.LineString{virtD, virtBendD, virtA}
		case "as":
			g = orb.LineString{virtA, virtBendS, virtS}
		}
		evs = append(evs, ev(id, "Diplomacy", g))
	}
	return evs
}

func TestVirtualFlow(t *testing.T) {
	for _, c := range []struct {
		name     string
		lines    []string
		sel      string
		to       orb.Point // where the probe looks: 150 px from A toward it
		flowN    int       // GroupAt at the probe: an arrow of flowN events; 0 for none
		virt     uint8     // the end of the flow that is virtual
		bend     orb.Point // HitTest at it
		bendHit  string
		absorbed []string
	}{
		{"dense cell off screen", []string{"ad1", "ad2"}, "", virtD, 2, virtTo, virtBendD, "", []string{"ad1", "ad2"}},
		{"into view from it", []string{"da1"}, "", virtD, 1, virtFrom, virtBendD, "", []string{"da1"}},
		{"sparse cell off screen", []string{"as1"}, "", virtS, 0, 0, virtBendS, "as1", nil},
		{"selected movement", []string{"ad1", "ad2"}, "ad1", virtD, 1, virtTo, virtBendD, "ad1", []string{"ad2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newTestMap(t)
			m.SetEvents(virtScene(c.lines...), annotate.DefaultTaxonomy())
			v := virtView
			m.Render(v, Selection{Selected: c.sel})
			tx := newXform(v)
			cs := m.clustersFor(v, tx, m.pinnedSelection(v, c.sel))
			if cs == nil || len(cs.groups) != 1 {
				t.Fatalf("want one bubble (A) in view")
			}
			for _, id := range c.lines {
				want := false
				for _, a := range c.absorbed {
					want = want || a == id
				}
				if got := cs.absorbed[m.events.byID[id]]; got != want {
					t.Errorf("%s absorbed %v, want %v", id, got, want)
				}
			}
			ax, ay := v.ToPixel(virtA)
			tx2, ty2 := v.ToPixel(c.to)
			d := math.Hypot(tx2-ax, ty2-ay)
			px, py := ax+150*(tx2-ax)/d, ay+150*(ty2-ay)/d
			g, ok := m.GroupAt(v, px, py)
			if c.flowN == 0 {
				if ok {
					t.Errorf("GroupAt on the way = %+v; want nothing", g)
				}
			} else {
				if !ok || !g.Flow || g.Count != c.flowN || !g.Bound.Pad(1e-6).Contains(virtA) || !g.Bound.Pad(1e-6).Contains(c.to) {
					t.Errorf("GroupAt on the way = %+v, %v; want an arrow of %d events holding both ends", g, ok, c.flowN)
				}
				if len(cs.flows) != 1 || cs.flows[0].virt != c.virt {
					t.Fatalf("flows %+v, want one with virtual end %d", cs.flows, c.virt)
				}
				// The arrow leaves the frame; a head in view is on A's rim.
				f := &cs.flows[0]
				rim := (cs.groups[0].radius()+markerOutline+flowGap)*float32(tx.scale) - 0.5
				out, at := f.b, f.a
				if c.virt == virtFrom {
					out, at = f.a, f.b
				}
				if out.X <= float32(v.Width)+48 {
					t.Errorf("virtual end of the arrow at %v, want off screen", out)
				}
				if r := at.sub(cs.groups[0].center).len(); r < rim || r > rim+1.5 {
					t.Errorf("arrow's end at A %.1f px from its centre, want %.1f", r, rim+0.5)
				}
			}
			x, y := v.ToPixel(c.bend)
			if id, _ := m.HitTest(v, x, y); id != c.bendHit {
				t.Errorf("HitTest at the bend = %q, want %q", id, c.bendHit)
			}
			// The bubble counts only its points: the movements are in the flow.
			if n := cs.groups[0].n; n != 12 {
				t.Errorf("bubble A counts %d, want 12", n)
			}
		})
	}
}

// TestVirtualFlowCounts checks, one and one and a half zoom levels in from
// the region view of a dense project, that every event in the frame is
// counted once: in a bubble, in a flow or drawn on its own, and that
// there are flows to virtual bubbles to check.
func TestVirtualFlowCounts(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(syntheticEvents(10000, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	for _, dz := range []float64{1, 1.5} {
		v := FitBound(RegionBound(), 1280, 800, 1)
		x, y := v.ToPixel(orb.Point{68.78, 38.0})
		v = v.ZoomAround(x, y, math.Exp2(dz))
		m.Render(v, Selection{})
		tx := newXform(v)
		cs := m.clustersFor(v, tx, "")
		es := m.events
		frame := tx.worldBound(0)
		seen := make([]int, len(es.items))
		total, virt := 0, 0
		for _, c := range cs.groups {
			total += c.n
			for _, mb := range c.members[:c.pts] {
				seen[mb.(*pointRef).idx]++
			}
			for _, k := range c.extra {
				seen[es.shapeList[k].idx]++
			}
		}
		for _, f := range cs.flows {
			total += len(f.items)
			if f.virt != 0 {
				virt++
			}
			for _, k := range f.items {
				seen[es.shapeList[k].idx]++
			}
		}
		for _, r := range cs.singles {
			seen[r.idx]++
			total++
		}
		inView := 0
		for i := range es.items {
			it := &es.items[i]
			if len(it.points) == 0 && !cs.absorbed[i] && it.bound.Intersects(frame) {
				seen[i]++ // drawn on its own
				total++
			}
			if !it.bound.Intersects(frame) && seen[i] == 0 {
				continue
			}
			inView++
			if seen[i] != 1 {
				t.Errorf("zoom %+g: event %d counted %d times", dz, i, seen[i])
			}
		}
		if total != inView {
			t.Errorf("zoom %+g: bubbles, flows and events on their own count %d, want the %d events in view", dz, total, inView)
		}
		if virt < 10 {
			t.Errorf("zoom %+g: %d flows to or from virtual bubbles, want some", dz, virt)
		}
	}
}

// TestVirtualFlowPan checks that frames drawn by shifting the last one,
// where flows to virtual bubbles come and go at the edges, are the frames
// drawn afresh.
func TestVirtualFlowPan(t *testing.T) {
	events := syntheticEvents(3000, 0.90, 0.07, 0.03)
	tax := annotate.DefaultTaxonomy()
	m := newTestMap(t)
	m.SetEvents(events, tax)
	fresh := newTestMap(t)
	fresh.SetEvents(events, tax)
	v := FitBound(RegionBound(), 640, 400, 1)
	x, y := v.ToPixel(orb.Point{68.78, 37.6})
	v = v.ZoomAround(x, y, 4)
	m.Render(v, Selection{})
	virt := 0
	var steps [][2]float64
	for i := range 24 {
		steps = append(steps, [2]float64{float64(17 - 40*(i/12)), float64(9 - 20*(i/12))})
	}
	for i, s := range steps {
		v = v.Pan(s[0], s[1])
		got := m.Render(v, Selection{})
		want := fresh.Render(v, Selection{})
		fresh.evLayer.img, fresh.baseImg = nil, nil
		if diff, frac := compareImages(want, got); diff != "" || frac > 0 {
			t.Errorf("step %d pan %v: %s%.4f%% of pixels differ from a fresh render", i, s, diff, 100*frac)
		}
		for _, f := range m.clustersFor(v, newXform(v), "").flows {
			if f.virt != 0 {
				virt++
			}
		}
	}
	if virt == 0 {
		t.Error("no flow to or from a virtual bubble: the test needs some")
	}
	if m.evLayer.shifts != len(steps) {
		t.Errorf("%d of %d frames drawn by shifting", m.evLayer.shifts, len(steps))
	}
}
