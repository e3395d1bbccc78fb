package mapview

import (
	"math"
	"testing"
)

func TestWholePixelsCarriesTheRemainder(t *testing.T) {
	m := &Map{}
	var sumX, sumY float64
	for _, d := range []float64{0.4, 0.4, 0.4, 1.3, -0.2} {
		x, y := m.wholePixels(d, d/2, 2)
		if x*2 != math.Round(x*2) || y*2 != math.Round(y*2) {
			t.Fatalf("pan (%g, %g) is not a whole number of device pixels at scale 2", x, y)
		}
		sumX, sumY = sumX+x, sumY+y
	}
	// 2.3 logical px at scale 2 = 4.6 device px: 5 so far, 0.4 carried back.
	if sumX != 2.5 || math.Abs(sumY-1) > 1e-9 {
		t.Errorf("panned (%g, %g) in all, want (2.5, 1)", sumX, sumY)
	}
}
