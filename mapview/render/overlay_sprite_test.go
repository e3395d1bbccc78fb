package render

import (
	"bytes"
	"image"
	"math/rand/v2"
	"testing"
)

// drawAtRef is sprite.drawAt pixel by pixel, without runs: the reference
// TestSpriteDrawAtRuns holds the run-based blit to.
func drawAtRef(s *sprite, dst *image.RGBA, x, y int) {
	r := s.img.Rect.Add(image.Pt(x-s.ax, y-s.ay))
	clip := r.Intersect(dst.Rect)
	for yy := clip.Min.Y; yy < clip.Max.Y; yy++ {
		for xx := clip.Min.X; xx < clip.Max.X; xx++ {
			p := s.img.Pix[s.img.PixOffset(xx-r.Min.X, yy-r.Min.Y):][:4]
			d := dst.Pix[dst.PixOffset(xx, yy):][:4]
			a := uint32(p[3])
			switch {
			case a == 0:
			case a == 255:
				copy(d, p)
			default:
				inv := 255 - a
				for i := range 4 {
					d[i] = p[i] + uint8((uint32(d[i])*inv+127)/255)
				}
			}
		}
	}
}

// TestSpriteDrawAtRuns checks drawAt against drawAtRef on sprites with
// clear, opaque and translucent stretches of every length, whole and
// clipped at each edge of the target, and that the runs copy long opaque
// stretches and skip clear ones.
func TestSpriteDrawAtRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2))
	for k := range 40 {
		w, h := 1+rng.IntN(40), 1+rng.IntN(12)
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := range h {
			for x := 0; x < w; {
				n := 1 + rng.IntN(10)
				a := []uint8{0, 0, 255, 255, uint8(1 + rng.IntN(254))}[rng.IntN(5)]
				for ; n > 0 && x < w; n, x = n-1, x+1 {
					av := a
					if av != 0 && av != 255 && rng.IntN(2) == 0 {
						av = uint8(1 + rng.IntN(254))
					}
					p := img.Pix[img.PixOffset(x, y):][:4]
					p[0], p[1], p[2], p[3] = uint8(rng.IntN(int(av)+1)), uint8(rng.IntN(int(av)+1)), uint8(rng.IntN(int(av)+1)), av
				}
			}
		}
		s := &sprite{img: img, ax: w / 2, ay: h / 3}
		for _, at := range []image.Point{{30, 20}, {0, 0}, {2, 1}, {59, 39}, {-w / 2, 20}, {30, -h / 3}, {60 + w/3, 40}} {
			want := image.NewRGBA(image.Rect(0, 0, 60, 40))
			for i := range want.Pix {
				want.Pix[i] = uint8(i*7 + i/4)
			}
			got := image.NewRGBA(want.Rect)
			copy(got.Pix, want.Pix)
			drawAtRef(s, want, at.X, at.Y)
			s.drawAt(got, at.X, at.Y)
			if !bytes.Equal(got.Pix, want.Pix) {
				t.Fatalf("sprite %d (%dx%d) at %v: drawAt differs from the pixel-by-pixel blit", k, w, h, at)
			}
		}
		// The runs: within the sprite, in order, clear of two clear pixels
		// in a row, opaque ones all opaque and at least minCopyRun long.
		for y := range h {
			last := int32(-2)
			for _, ru := range s.runs[s.rows[y]:s.rows[y+1]] {
				if ru.x0 < last || ru.x0 >= ru.x1 || int(ru.x1) > w {
					t.Fatalf("sprite %d row %d: bad run %v after %d", k, y, ru, last)
				}
				for x := ru.x0; x < ru.x1; x++ {
					a := img.Pix[img.PixOffset(int(x), y)+3]
					if ru.opaque && a != 255 {
						t.Fatalf("sprite %d row %d: opaque run %v holds alpha %d", k, y, ru, a)
					}
					if x+1 < ru.x1 && a == 0 && img.Pix[img.PixOffset(int(x)+1, y)+3] == 0 {
						t.Fatalf("sprite %d row %d: run %v holds two clear pixels at %d", k, y, ru, x)
					}
				}
				if ru.opaque && ru.x1-ru.x0 < minCopyRun {
					t.Fatalf("sprite %d row %d: opaque run %v is short", k, y, ru)
				}
				last = ru.x1
			}
		}
	}
}
