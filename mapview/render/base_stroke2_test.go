package render

import (
	"image"
	"image/color"
	"math/rand/v2"
	"testing"
)

// TestStrokeLinesPairMatchesTwoStrokes checks that the casing and line
// drawn in one pass equal the two strokes drawn one after the other (to a
// unit in the last place of a channel: the two masks' origins differ, so
// the coverage may round the other way at a few pixels).
func TestStrokeLinesPairMatchesTwoStrokes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for k := range 20 {
		var lines [][]vec
		for range 1 + rng.IntN(5) {
			var l []vec
			p := vec{rng.Float32() * 300, rng.Float32() * 200}
			for range 1 + rng.IntN(30) {
				l = append(l, p)
				p = p.add(vec{rng.Float32()*24 - 12, rng.Float32()*24 - 12})
			}
			lines = append(lines, l)
		}
		w1, w2 := 1+rng.Float32()*6, 0.5+rng.Float32()
		c1, c2 := color.NRGBA{185, 177, 196, 110}, color.NRGBA{111, 104, 115, uint8(150 + rng.IntN(2)*105)}
		bg := color.NRGBA{244, 241, 234, 255}
		var imgs [2]*image.RGBA
		for i := range imgs {
			imgs[i] = image.NewRGBA(image.Rect(0, 0, 300, 200))
			fillRect(imgs[i], imgs[i].Rect, bg)
			pn := painter{dst: imgs[i]}
			if i == 0 {
				pn.strokeLines(lines, w1, c1)
				pn.strokeLines(lines, w2, c2)
			} else {
				pn.strokeLinesPair(lines, w1, c1, w2, c2)
			}
		}
		n, painted := 0, 0
		for j := range imgs[0].Pix {
			a, b := int(imgs[0].Pix[j]), int(imgs[1].Pix[j])
			if a != b {
				n++
				if a-b > 1 || b-a > 1 {
					t.Fatalf("case %d: byte %d is %d, want %d", k, j, b, a)
				}
			}
			if j%4 == 0 && imgs[0].RGBAAt(j/4%300, j/4/300) != (color.RGBA{bg.R, bg.G, bg.B, 255}) {
				painted++
			}
		}
		if painted == 0 {
			t.Fatalf("case %d: nothing drawn", k)
		}
		if n*100 > painted {
			t.Errorf("case %d: %d bytes differ by one of %d pixels painted", k, n, painted)
		}
	}
}
