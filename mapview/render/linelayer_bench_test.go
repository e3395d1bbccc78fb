package render

import (
	"image"
	"math/rand/v2"
	"testing"
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
