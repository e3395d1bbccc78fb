package render

import (
	"bytes"
	"image"
	"math"
	"testing"

	"eventatlas/annotate"
)

// TestBlitRingMatchesDrawAt checks that the fast bubble blit paints what
// sprite.drawAt paints, whole and clipped at every edge of the target.
func TestBlitRingMatchesDrawAt(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(syntheticEvents(50, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	for _, scale := range []float64{1, 2} {
		v := FitBound(RegionBound(), 320, 200, scale)
		tx := newXform(v)
		for _, n := range []int{2, 17, 5000} {
			r := clusterRadius(n) * float32(scale)
			sp := m.newRing(tx, r, []bubbleShare{{ci: 0, n: 1, at: 20}, {ci: 1, n: 2, at: ringSteps}})
			for _, at := range []image.Point{{100, 80}, {3, 4}, {318, 198}, {-10, 100}, {100, -12}, {330, 210}} {
				want := image.NewRGBA(image.Rect(0, 0, 320, 200))
				got := image.NewRGBA(image.Rect(0, 0, 320, 200))
				for _, img := range []*image.RGBA{want, got} {
					for i := range img.Pix {
						img.Pix[i] = []uint8{200, 100, 50, 255}[i%4]
					}
				}
				sp.drawAt(want, at.X, at.Y)
				blitRing(got, sp, at.X, at.Y, r+markerOutline*float32(scale))
				if !bytes.Equal(want.Pix, got.Pix) {
					t.Errorf("scale %g, n %d at %v: blitRing differs from drawAt", scale, n, at)
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
