package render

import (
	"testing"

	"eventatlas/annotate"
)

// benchRender times frames of the first view at 1280x800 with n synthetic
// events around six towns, 90% points, 7% lines (movements) and 3% areas,
// like coded news events. "cached" redraws one view (the base map and labels
// come from the cache: a selection or hover change); "pan" moves the view a
// pixel every frame so every layer is drawn afresh; "noclusters" draws every
// point on its own.
func benchRender(b *testing.B, n int) {
	benchMix(b, n, 0.90, 0.07, 0.03)
}

// benchMix is benchRender with the given proportions of points, lines and areas.
func benchMix(b *testing.B, n int, pts, lines, areas float64) {
	m := newTestMap(b)
	if n > 0 {
		m.SetEvents(syntheticEvents(n, pts, lines, areas), annotate.DefaultTaxonomy())
	}
	v := FitBound(RegionBound(), 1280, 800, 1)
	for _, c := range []struct {
		name     string
		pan      bool
		clusters bool
	}{{"cached", false, true}, {"pan", true, true}, {"cached-noclusters", false, false}, {"pan-noclusters", true, false}} {
		if n == 0 && !c.clusters {
			continue
		}
		b.Run(c.name, func(b *testing.B) {
			m.SetClustering(c.clusters)
			m.Render(v, Selection{})
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				w := v
				if c.pan {
					w = v.Pan(float64(i%2), 0)
				}
				m.Render(w, Selection{Selected: "e1"})
				i++
			}
		})
	}
}

func BenchmarkRender1280x800_BaseMap(b *testing.B)   { benchRender(b, 0) }
func BenchmarkRender1280x800_10kEvents(b *testing.B) { benchRender(b, 10000) }
func BenchmarkRender1280x800_100kEvents(b *testing.B) {
	benchRender(b, 100000)
}

// BenchmarkRender1280x800_10kEventsLineHeavy has three times the lines and
// areas: 80% points, 15% lines, 5% areas.
func BenchmarkRender1280x800_10kEventsLineHeavy(b *testing.B) {
	benchMix(b, 10000, 0.80, 0.15, 0.05)
}

func BenchmarkNewMap(b *testing.B) {
	for b.Loop() {
		newTestMap(b)
	}
}

func BenchmarkSetEvents10k(b *testing.B) {
	m := newTestMap(b)
	events := syntheticEvents(10000, 0.90, 0.07, 0.03)
	tax := annotate.DefaultTaxonomy()
	for b.Loop() {
		m.SetEvents(events, tax)
	}
}

func BenchmarkHitTest10k(b *testing.B) {
	m := newTestMap(b)
	m.SetEvents(syntheticEvents(10000, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 1280, 800, 1)
	m.Render(v, Selection{})
	i := 0
	for b.Loop() {
		m.HitTest(v, float64(i%1280), float64(i%800))
		i += 37
	}
}
