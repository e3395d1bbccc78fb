package render

import (
	"image"
	"math/rand/v2"
	"slices"
	"testing"

	"eventatlas/annotate"
)

// BenchmarkLineLayer draws 1,400 random two-segment lines 2.6 px wide with
// a 1.5 px casing and an arrowhead each into a 1280×800 line layer, as a
// fresh 10k-event frame does, and composites them.
func BenchmarkLineLayer(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	type line struct {
		pts []vec
		ci  uint8
	}
	var lines []line
	for range 1400 {
		c := vec{200 + r.Float32()*880, 150 + r.Float32()*500}
		p := []vec{c, c.add(vec{r.Float32()*80 - 40, r.Float32()*80 - 40}), c.add(vec{r.Float32()*120 - 60, r.Float32()*120 - 60})}
		lines = append(lines, line{p, uint8(r.IntN(8))})
	}
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	var ll lineLayer
	w, edge := float32(2.6), float32(3)
	rc, rb := (w+edge)/2, w/2
	for b.Loop() {
		ll.begin(dst.Rect)
		for i := range 8 {
			ll.colour(rgb(uint32(i * 0x203040)))
		}
		var segs []lineSeg
		for k := len(lines) - 1; k >= 0; k-- {
			l := lines[k]
			for i := 1; i < len(l.pts); i++ {
				segs = append(segs, lineSeg{l.pts[i-1], l.pts[i], l.ci})
			}
		}
		ll.segments(segs, rc, rb)
		var hs []lineHead
		for _, l := range lines {
			if tri, _, ok := arrowHead(l.pts, w); ok {
				hs = append(hs, lineHead{tri, l.ci})
			}
		}
		ll.heads(hs, edge/2)
		ll.composite(dst, rgb(0xFFFFFF))
	}
}

// BenchmarkDrawLinesFrame draws the event lines of the fresh 10k-event
// frame at the region view (render_bench_test.go) onto a reused image:
// "clusters" the lines that stay individual, "noclusters" every line.
func BenchmarkDrawLinesFrame(b *testing.B) {
	m := newTestMap(b)
	m.SetEvents(syntheticEvents(10000, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	v := FitBound(RegionBound(), 1280, 800, 1)
	for _, clusters := range []bool{true, false} {
		name := "noclusters"
		if clusters {
			name = "clusters"
		}
		b.Run(name, func(b *testing.B) {
			m.SetClustering(clusters)
			img := m.Render(v, Selection{})
			t := newXform(v)
			m.pn.dst = img
			defer func() { m.pn.dst = nil }()
			box := t.rectBound(img.Rect, 48*t.scale)
			var shapes []int
			shapes = m.events.shapesIn(shapes, box)
			cs := m.clustersFor(v, t, "")
			var items []*evItem
			slices.Sort(shapes)
			for _, i := range shapes {
				it := &m.events.items[i]
				if len(it.lines) > 0 && (cs == nil || cs.absorbed == nil || !cs.absorbed[i]) {
					items = append(items, it)
				}
			}
			b.ReportMetric(float64(len(items)), "lines")
			for b.Loop() {
				m.drawLines(t, box, items, plain, m.newLineEnds(t, t.worldBound(48*t.scale), cs, true))
			}
		})
	}
}
