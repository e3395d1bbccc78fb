package render

import (
	"fmt"
	"image"
	"math"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// Places of the flow scene: two towns with a bubble each, a third bubble
// under a province-sized area, and the bends of two movements between the
// towns, well away from every bubble.
var (
	flowA    = orb.Point{68.857, 36.729} // Kunduz
	flowB    = orb.Point{68.779, 38.536} // Dushanbe
	flowC    = orb.Point{69.6, 37.0}
	flowBend = orb.Point{67.9, 37.6}
	flowOut  = orb.Point{70.6, 36.3} // empty land in Badakhshan
)

// flowScene is 12 points at each of flowA, flowB and flowC, and:
// "ab1", "ab2": movements from A to B bending at flowBend (a flow of 2);
// "sel": a third one, bending elsewhere (the one a test selects);
// "local": a movement within A; "out": from A to empty land;
// "small": a small area at A; "big": a province-sized area over C.
func flowScene() []annotate.Event {
	var evs []annotate.Event
	for _, c := range []struct {
		name string
		p    orb.Point
	}{{"a", flowA}, {"b", flowB}, {"c", flowC}} {
		for i := range 12 {
			d := 0.003 * float64(i%4)
			evs = append(evs, ev(fmt.Sprintf("%s%d", c.name, i), "Security incident", orb.Point{c.p[0] + d, c.p[1] + 0.002*float64(i/4)}))
		}
	}
	off := func(p orb.Point, dx, dy float64) orb.Point { return orb.Point{p[0] + dx, p[1] + dy} }
	return append(evs,
		ev("ab1", "Diplomacy", orb.LineString{off(flowA, 0.002, 0), flowBend, off(flowB, 0.002, 0)}),
		ev("ab2", "Diplomacy", orb.LineString{off(flowA, 0.004, 0.001), off(flowBend, 0, 0.1), off(flowB, 0.001, 0.001)}),
		ev("sel", "Diplomacy", orb.LineString{off(flowA, 0.001, 0.003), off(flowBend, -0.2, -0.3), off(flowB, 0.003, 0.002)}),
		ev("local", "Trade and economy", orb.LineString{off(flowA, 0.001, 0.001), off(flowA, 0.006, 0.004)}),
		ev("out", "Trade and economy", orb.LineString{off(flowA, 0.001, 0.002), flowOut}),
		ev("small", "Protest and unrest", orb.Polygon{{off(flowA, -0.02, -0.02), off(flowA, 0.02, -0.02), off(flowA, 0.02, 0.02), off(flowA, -0.02, 0.02), off(flowA, -0.02, -0.02)}}),
		ev("big", "Other", orb.Polygon{{{69.0, 36.6}, {70.2, 36.6}, {70.2, 37.4}, {69.0, 37.4}, {69.0, 36.6}}}),
	)
}

// flowSceneMap draws the flow scene at the region view with selection sel.
func flowSceneMap(t *testing.T, sel Selection) (*Map, View, *clusterSet) {
	t.Helper()
	m := newTestMap(t)
	m.SetEvents(flowScene(), annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 1280, 800, 1)
	m.Render(v, sel)
	return m, v, m.clustersFor(v, newXform(v), m.pinnedSelection(v, sel.Selected))
}

// groupAt returns the bubble of cs whose points include world point p.
func groupAt(t *testing.T, cs *clusterSet, p orb.Point) int {
	t.Helper()
	w := toWorld(p)
	for i, c := range cs.groups {
		if c.bound.Pad(1e-9).Contains(w) && c.pts >= 12 {
			if c.zoom.Pad(1e-9).Contains(w) {
				return i
			}
		}
	}
	t.Fatalf("no bubble at %v", p)
	return -1
}

func TestFlowAbsorption(t *testing.T) {
	for _, c := range []struct {
		name     string
		sel      Selection
		absorbed map[string]bool
		flowN    int // events in the flow from A to B
		countA   int // events counted in A's bubble
	}{
		{"nothing selected", Selection{},
			map[string]bool{"ab1": true, "ab2": true, "sel": true, "local": true, "out": false, "small": true, "big": false}, 3, 14},
		{"a movement selected", Selection{Selected: "sel"},
			map[string]bool{"ab1": true, "ab2": true, "sel": false, "local": true, "out": false, "small": true, "big": false}, 2, 14},
		{"an area selected", Selection{Selected: "small"},
			map[string]bool{"ab1": true, "ab2": true, "sel": true, "local": true, "out": false, "small": false, "big": false}, 3, 13},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, _, cs := flowSceneMap(t, c.sel)
			if cs == nil {
				t.Fatal("no clustering at the region view")
			}
			for id, want := range c.absorbed {
				if got := cs.absorbed[m.events.byID[id]]; got != want {
					t.Errorf("%s absorbed = %v, want %v", id, got, want)
				}
			}
			a, b, cc := groupAt(t, cs, flowA), groupAt(t, cs, flowB), groupAt(t, cs, flowC)
			if len(cs.flows) != 1 || cs.flows[0].from != a || cs.flows[0].to != b || len(cs.flows[0].items) != c.flowN {
				t.Fatalf("flows %+v, want one from bubble %d to %d of %d events", cs.flows, a, b, c.flowN)
			}
			if f := cs.flows[0]; f.mixed || m.events.pal[f.ci] != annotate.DefaultTaxonomy().Lookup("Diplomacy").Color {
				t.Errorf("flow colour: mixed %v, %v; want the Diplomacy colour", f.mixed, m.events.pal[f.ci])
			}
			if n := cs.groups[a].n; n != c.countA {
				t.Errorf("bubble A counts %d events, want %d", n, c.countA)
			}
			if n := cs.groups[b].n; n != 12 {
				t.Errorf("bubble B counts %d events, want its 12 points", n)
			}
			if n := cs.groups[cc].n; n != 12 {
				t.Errorf("bubble C counts %d events, want its 12 points (the big area stays)", n)
			}
			// The bubble's radius follows its count.
			if got := ringRadius(newXform(FitBound(RegionBound(), 1280, 800, 1)), cs.groups[a].n); got != float32(math.Round(float64(clusterRadius(c.countA))*2)/2) {
				t.Errorf("bubble A radius %v, want that of %d events", got, c.countA)
			}
		})
	}
}

// TestFlowDrawnAndHit checks what a user sees and taps: an absorbed
// movement is not drawn on its own path nor hit there; the flow is drawn
// between the bubbles and a tap on it finds both bubbles' events; a
// selected movement is drawn and hit.
func TestFlowDrawnAndHit(t *testing.T) {
	diplomacy := rgbaOf(annotate.DefaultTaxonomy().Lookup("Diplomacy").Color)
	for _, c := range []struct {
		name       string
		sel        Selection
		cluster    bool
		bendDrawn  bool   // ab1 drawn at its bend
		bendHit    string // HitTest at ab1's bend
		flowCount  int    // GroupAt on the flow; 0 for no flow
		selBendHit string // HitTest at sel's bend
	}{
		{"clustered", Selection{}, true, false, "", 3, ""},
		{"movement selected", Selection{Selected: "sel"}, true, false, "", 2, "sel"},
		{"clustering off", Selection{}, false, true, "ab1", 0, "sel"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newTestMap(t)
			m.SetEvents(flowScene(), annotate.DefaultTaxonomy())
			m.SetClustering(c.cluster)
			v := FitBound(RegionBound(), 1280, 800, 1)
			img := m.Render(v, c.sel)
			x, y := v.ToPixel(flowBend)
			if got := img.RGBAAt(int(x), int(y)) == diplomacy; got != c.bendDrawn {
				t.Errorf("ab1 drawn at its bend: %v, want %v", got, c.bendDrawn)
			}
			if id, ok := m.HitTest(v, x, y); id != c.bendHit || ok != (c.bendHit != "") {
				t.Errorf("HitTest at ab1's bend = %q, %v; want %q", id, ok, c.bendHit)
			}
			sx, sy := v.ToPixel(orb.Point{flowBend[0] - 0.2, flowBend[1] - 0.3})
			if id, _ := m.HitTest(v, sx, sy); id != c.selBendHit {
				t.Errorf("HitTest at sel's bend = %q, want %q", id, c.selBendHit)
			}
			if c.selBendHit == "sel" && c.cluster {
				if got := img.RGBAAt(int(sx), int(sy)); got != diplomacy {
					t.Errorf("selected movement at its bend is %v, want drawn in %v", got, diplomacy)
				}
			}
			// Halfway between the towns: the flow, if any.
			mx, my := v.ToPixel(orb.Point{(flowA[0] + flowB[0]) / 2, (flowA[1] + flowB[1]) / 2})
			g, ok := m.GroupAt(v, mx, my)
			if c.flowCount == 0 {
				if ok {
					t.Errorf("GroupAt on the way = %+v; want none", g)
				}
				return
			}
			if !ok || !g.Flow || g.Count != c.flowCount || !g.Bound.Contains(flowA) || !g.Bound.Contains(flowB) {
				t.Errorf("GroupAt on the flow = %+v, %v; want an arrow of %d events and a bound holding both towns", g, ok, c.flowCount)
			}
			if got := img.RGBAAt(int(mx), int(my)); got != diplomacy {
				t.Errorf("flow pixel %v, want the Diplomacy colour %v", got, diplomacy)
			}
			if id, ok := m.HitTest(v, mx, my); ok {
				t.Errorf("HitTest on the flow = %q: the flow is not an event", id)
			}
			// A tap on bubble A zooms to its points and what it absorbs.
			ax, ay := v.ToPixel(flowA)
			g, ok = m.GroupAt(v, ax, ay)
			if !ok || g.Flow || g.Count < 13 || !g.Bound.Contains(orb.Point{flowA[0] + 0.019, flowA[1] + 0.019}) {
				t.Errorf("GroupAt on bubble A = %+v, %v; want a bubble of its points, the small area and the local movement", g, ok)
			}
		})
	}
}

// TestFlowZoomedIn checks that nothing is absorbed from clusterMaxZoom on:
// the small area under bubble A at the region view is hit when zoomed in.
func TestFlowZoomedIn(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(flowScene(), annotate.DefaultTaxonomy())
	spot := orb.Point{flowA[0] - 0.015, flowA[1] - 0.015} // in "small", away from A's points
	for _, c := range []struct {
		v    View
		want string
	}{
		{FitBound(RegionBound(), 1280, 800, 1), ""},
		{View{Center: flowA, Zoom: clusterMaxZoom, Width: 640, Height: 400, Scale: 1}, "small"},
	} {
		m.Render(c.v, Selection{})
		if cs := m.clustersFor(c.v, newXform(c.v), ""); (cs == nil) != (c.want != "") {
			t.Errorf("zoom %g: clustering %v", c.v.Zoom, cs != nil)
		}
		x, y := c.v.ToPixel(spot)
		if id, ok := m.HitTest(c.v, x, y); id != c.want || ok != (c.want != "") {
			t.Errorf("zoom %g: HitTest in the small area = %q, %v; want %q", c.v.Zoom, id, ok, c.want)
		}
	}
}

// TestFlowLayout checks the arrows of flows both ways between two
// bubbles: side by side, each from rim to rim.
func TestFlowLayout(t *testing.T) {
	evs := flowScene()[:36]
	for i := range 3 {
		evs = append(evs,
			ev(fmt.Sprintf("ab%d", i), "Diplomacy", orb.LineString{flowA, flowBend, flowB}),
			ev(fmt.Sprintf("ba%d", i), "Trade and economy", orb.LineString{flowB, flowBend, flowA}))
	}
	evs = append(evs, ev("ba-other", "Other", orb.LineString{flowB, flowA}))
	m := newTestMap(t)
	m.SetEvents(evs, annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 1280, 800, 1)
	m.Render(v, Selection{})
	tx := newXform(v)
	cs := m.clustersFor(v, tx, "")
	if len(cs.flows) != 2 {
		t.Fatalf("%d flows, want 2", len(cs.flows))
	}
	for _, f := range cs.flows {
		a, b := cs.groups[f.from], cs.groups[f.to]
		s := float32(tx.scale)
		rim := func(c cluster, p vec) float32 { return c.center.sub(p).len() - (c.radius()+markerOutline)*s }
		if d := rim(a, f.a); d < flowGap*s-0.5 || d > flowGap*s+1 {
			t.Errorf("flow %d→%d starts %.1f px from A's rim, want %g", f.from, f.to, d, flowGap)
		}
		if d := rim(b, f.b); d < flowGap*s-0.5 || d > flowGap*s+1 {
			t.Errorf("flow %d→%d ends %.1f px from B's rim, want %g", f.from, f.to, d, flowGap)
		}
		want := flowWidth(len(f.items)) * s
		if f.w != want {
			t.Errorf("flow of %d: width %v, want %v", len(f.items), f.w, want)
		}
		// To the right of the way from A to B (y down).
		u := b.center.sub(a.center).unit()
		if side := u.cross(f.a.sub(a.center)); side <= 0 {
			t.Errorf("flow %d→%d is not to the right of the line between the bubbles", f.from, f.to)
		}
	}
	if f := cs.flows[1]; len(f.items) != 4 || !f.mixed {
		t.Errorf("flow B→A: %d events, mixed %v; want 4 of two types", len(f.items), f.mixed)
	}
	if got := m.flowColour(&cs.flows[1]); got != m.style.FlowInk {
		t.Errorf("mixed flow colour %v, want the style's ink %v", got, m.style.FlowInk)
	}
}

// TestFlowWidth checks the flow width formula and its cap.
func TestFlowWidth(t *testing.T) {
	for _, c := range []struct {
		n    int
		want float32
	}{{1, 1.5}, {2, 2.6}, {8, 4.8}, {32, 7}, {1000, 7}} {
		if got := flowWidth(c.n); math.Abs(float64(got-c.want)) > 1e-5 {
			t.Errorf("flowWidth(%d) = %v, want %v", c.n, got, c.want)
		}
	}
}

// TestGoldenFlows draws a dense scene at the region view, light and dark:
// bubbles, flows (two corridors with many movements, others between
// neighbours) and the movements and areas left on their own.
func TestGoldenFlows(t *testing.T) {
	evs := syntheticEvents(3000, 0.90, 0.07, 0.03)
	corr := func(id, typ string, n int, from, to orb.Point) {
		for i := range n {
			d := 0.01 * float64(i%5)
			evs = append(evs, ev(fmt.Sprintf("%s%d", id, i), typ, orb.LineString{{from[0] + d, from[1]}, {(from[0]+to[0])/2 + 0.1, (from[1] + to[1]) / 2}, {to[0] - d, to[1]}}))
		}
	}
	corr("dk", "Diplomacy", 24, flowB, flowA)                                // Dushanbe to Kunduz
	corr("mk", "Security cooperation", 10, orb.Point{67.111, 36.709}, flowA) // Mazar to Kunduz
	corr("km", "Trade and economy", 6, flowA, orb.Point{67.111, 36.709})
	for _, st := range []Style{LightStyle(), DarkStyle()} {
		m := newTestMap(t)
		m.SetStyle(st)
		m.SetEvents(evs, annotate.DefaultTaxonomy())
		checkGolden(t, "flows-"+st.Name, m.Render(FitBound(RegionBound(), 800, 500, 1), Selection{}))
	}
}

// BenchmarkEventPart10k times the event part of fresh frames (clustering,
// absorption and drawing the events) at 1280x800 with 10k events.
func BenchmarkEventPart10k(b *testing.B) { benchEventPart(b, 10000, true) }

// BenchmarkEventPart100k is BenchmarkEventPart10k with 100k events.
func BenchmarkEventPart100k(b *testing.B) { benchEventPart(b, 100000, true) }

// benchEventPart times the event part of fresh frames at 1280x800 (the
// clustering, the absorption of lines and areas, and drawing the events
// over a blank image), zooming in and out by 0.03 levels as the fresh
// Render benchmarks do.
func benchEventPart(b *testing.B, n int, clusters bool) {
	m := newTestMap(b)
	m.SetEvents(syntheticEvents(n, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	m.SetClustering(clusters)
	v := FitBound(RegionBound(), 1280, 800, 1)
	m.Render(v, Selection{})
	img := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		w := v
		w.Zoom += 0.03*float64(1-2*(i%2)) + 1e-6*float64(i)
		t := newXform(w)
		m.pn.dst = img
		m.drawEvents(w, t, "")
		m.pn.dst = nil
		i++
	}
}
