package render

import (
	"image"
	"runtime"
	"testing"

	"eventatlas/annotate"
)

// benchRender times frames of the first view at 1280x800 with n synthetic
// events around six towns, 90% points, 7% lines (movements) and 3% areas,
// like coded news events. "cached" redraws one view (the base map and labels
// come from the cache: a selection or hover change); "pan" moves the view a
// pixel every frame, which shifts the cached layers; "fresh" zooms in and
// out by 0.03 levels about the centre, so every frame is a new zoom and
// every layer is drawn afresh (as after a zoom step); "noclusters" draws
// every point on its own. Frames are drawn with RenderTo into a reused
// image, as the app's map widget does (mapview/renderer.go), so the 4 MB
// allocation of a new frame is not timed; BenchmarkRender1280x800_NewImage
// times Render, which allocates one.
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
		pan      float64 // pixels moved every other frame
		zoom     float64 // zoom levels changed every frame, alternately in and out
		clusters bool
	}{
		{"cached", 0, 0, true}, {"pan", 1, 0, true}, {"fresh", 0, 0.03, true},
		{"cached-noclusters", 0, 0, false}, {"pan-noclusters", 1, 0, false}, {"fresh-noclusters", 0, 0.03, false},
	} {
		if n == 0 && !c.clusters {
			continue
		}
		b.Run(c.name, func(b *testing.B) {
			m.SetClustering(c.clusters)
			img := m.Render(v, Selection{})
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				w := v.Pan(c.pan*float64(i%2), 0)
				if c.zoom != 0 {
					// ±0.03 alternately, plus a millionth of a level per
					// frame so that no two frames ever share a zoom.
					w.Zoom += c.zoom*float64(1-2*(i%2)) + 1e-6*float64(i)
				}
				img = m.RenderTo(img, w, Selection{Selected: "e1"})
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

// BenchmarkRender1280x800_NewImage draws fresh frames of the base map with
// Render, which allocates a new 4 MB image each time.
func BenchmarkRender1280x800_NewImage(b *testing.B) {
	m := newTestMap(b)
	v := FitBound(RegionBound(), 1280, 800, 1)
	m.Render(v, Selection{})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		w := v
		w.Zoom += 0.03*float64(1-2*(i%2)) + 1e-6*float64(i)
		m.Render(w, Selection{})
		i++
	}
}

// BenchmarkSelect10k alternates the selection between two point events of
// the first view with 10k events: each frame regroups the clusters (a
// selected point is never grouped), so the event layer is drawn again over
// the same base map, as when the analyst clicks from event to event.
func BenchmarkSelect10k(b *testing.B) {
	m := newTestMap(b)
	m.SetEvents(syntheticEvents(10000, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 1280, 800, 1)
	img := m.Render(v, Selection{})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		id := "e1"
		if i%2 == 1 {
			id = "e2"
		}
		img = m.RenderTo(img, v, Selection{Selected: id})
		i++
	}
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

// BenchmarkPan10k drags the first view with 10k events by (+7, +3) px a
// frame, turning back every 40 frames so the view stays over the data:
// the frames of a typical drag.
func BenchmarkPan10k(b *testing.B) {
	m := newTestMap(b)
	m.SetEvents(syntheticEvents(10000, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 1280, 800, 1)
	m.Render(v, Selection{})
	var img *image.RGBA
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := 1.0
		if i/40%2 == 1 {
			d = -1
		}
		v = v.Pan(7*d, 3*d)
		img = m.RenderTo(img, v, Selection{Selected: "e1"})
		i++
	}
}

// BenchmarkMemory100k reports the heap in use, in MB, after SetEvents with
// 100k events and one frame at 1280x800 (target: 150 MB), and how much of it
// the map holds beyond a map without events ("map-MB").
func BenchmarkMemory100k(b *testing.B) {
	events := syntheticEvents(100000, 0.90, 0.07, 0.03)
	tax := annotate.DefaultTaxonomy()
	v := FitBound(RegionBound(), 1280, 800, 1)
	heap := func() float64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapInuse) / (1 << 20)
	}
	var total, own float64
	for b.Loop() {
		base := heap()
		m := newTestMap(b)
		m.SetEvents(events, tax)
		m.Render(v, Selection{})
		total = heap()
		own = total - base
		runtime.KeepAlive(m)
	}
	runtime.KeepAlive(events)
	b.ReportMetric(total, "heap-MB")
	b.ReportMetric(own, "map-MB")
}
