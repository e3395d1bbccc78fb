package render

import (
	"bytes"
	"image"
	"math"
	"slices"
	"testing"

	"eventatlas/annotate"
)

// TestRingSpriteRuns checks that the runs a bubble sprite shares with
// its ringGeom are those of its own pixels, whatever its colours, and that
// drawn with them it paints what a pixel-by-pixel blit paints, whole and
// clipped at every edge of the target.
func TestRingSpriteRuns(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(syntheticEvents(50, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	for _, scale := range []float64{1, 2} {
		v := FitBound(RegionBound(), 320, 200, scale)
		tx := newXform(v)
		for _, n := range []int{2, 17, 5000} {
			r := ringRadius(tx, n)
			for _, mix := range [][]bubbleShare{{{ci: 0, n: 1, at: 20}, {ci: 1, n: 2, at: ringSteps}}, {{ci: 3, n: 1, at: ringSteps}}} {
				sp := m.newRing(tx, r, mix)
				runs, rows := spriteRuns(sp.img)
				if !slices.Equal(runs, sp.runs) || !slices.Equal(rows, sp.rows) {
					t.Fatalf("scale %g, n %d: the shared runs are not the sprite's own", scale, n)
				}
				for _, at := range []image.Point{{100, 80}, {3, 4}, {318, 198}, {-10, 100}, {100, -12}, {330, 210}} {
					want := image.NewRGBA(image.Rect(0, 0, 320, 200))
					got := image.NewRGBA(image.Rect(0, 0, 320, 200))
					for _, img := range []*image.RGBA{want, got} {
						for i := range img.Pix {
							img.Pix[i] = []uint8{200, 100, 50, 255}[i%4]
						}
					}
					drawAtRef(sp, want, at.X, at.Y)
					sp.drawAt(got, at.X, at.Y)
					if !bytes.Equal(want.Pix, got.Pix) {
						t.Errorf("scale %g, n %d at %v: the bubble blit differs from the pixel-by-pixel one", scale, n, at)
					}
				}
			}
		}
	}
}

// TestClockAngle checks the fast angle against math.Atan2 all round.
func TestClockAngle(t *testing.T) {
	for i := range 720 {
		a := 2 * math.Pi * (float64(i) + 0.3) / 720
		dx, dy := float32(math.Sin(a)*17), float32(-math.Cos(a)*17) // clockwise from the top, y down
		if got := float64(clockAngle(dx, dy)); math.Abs(got-a) > 0.005 {
			t.Fatalf("clockAngle at %.4f rad = %.4f", a, got)
		}
	}
}
