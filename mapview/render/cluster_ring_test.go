package render

import (
	"bytes"
	"image"
	"math"
	"testing"

	"eventatlas/annotate"
)

// TestNewRingMatchesDirect checks that a bubble drawn from its cached
// geometry is byte for byte the bubble drawn pixel by pixel (newRingRef,
// the former newRing), for every radius drawn, at two scales and styles,
// with one colour, several and boundaries one step apart.
func TestNewRingMatchesDirect(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(syntheticEvents(200, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	mixes := [][]bubbleShare{
		{{ci: 2, n: 5, at: ringSteps}},
		{{ci: 0, n: 1, at: 20}, {ci: 1, n: 2, at: ringSteps}},
		{{ci: 3, n: 9, at: 1}, {ci: 0, n: 9, at: 2}, {ci: 4, n: 9, at: 2}, {ci: 1, n: 9, at: 40}, {ci: 5, n: 9, at: 71}, {ci: 2, n: 1, at: ringSteps}},
	}
	for _, style := range []Style{LightStyle(), DarkStyle()} {
		m.SetStyle(style)
		for _, scale := range []float64{1, 1.5, 2} {
			tx := newXform(FitBound(RegionBound(), 320, 200, scale))
			for _, n := range []int{2, 4, 17, 90, 5000} {
				r := ringRadius(tx, n)
				for i, mix := range mixes {
					got, want := m.newRing(tx, r, mix), m.newRingRef(tx, r, mix)
					if got.img.Rect != want.img.Rect || got.ax != want.ax || got.ay != want.ay || !bytes.Equal(got.img.Pix, want.img.Pix) {
						t.Errorf("%s scale %g n %d mix %d: the bubble differs from the direct drawing", style.Name, scale, n, i)
					}
				}
			}
		}
	}
}

// newRingRef is newRing as it was before ringGeom: every pixel computed
// for every sprite. It is the reference TestNewRingMatchesDirect holds
// newRing to.
func (m *Map) newRingRef(t xform, r float32, shares []bubbleShare) *sprite {
	s := float32(t.scale)
	half := ringHalf(r)
	img := image.NewRGBA(image.Rect(0, 0, 2*half, 2*half))
	outer, ringOut, ringIn := r+1.6*s, r, r-4*s
	var secs []ringSector
	prev := 0
	for _, sh := range shares {
		if sh.at == prev {
			continue
		}
		secs = append(secs, ringSector{2 * math.Pi * float32(prev) / ringSteps, 2 * math.Pi * float32(sh.at) / ringSteps, rgb3(m.events.pal[sh.ci])})
		prev = sh.at
	}
	outline, fill := rgb3(m.style.EventOutline), rgb3(m.style.ClusterFill)
	ctr := float32(half)
	full := max(0, ringIn-0.5) // within it a pixel is the inner disc's alone
	fillPix := [4]uint8{m.style.ClusterFill.R, m.style.ClusterFill.G, m.style.ClusterFill.B, 255}
	edge := outer + 0.5
	for y := range 2 * half {
		dy := float32(y) + 0.5 - ctr
		if abs32(dy) >= edge {
			continue
		}
		w := float32(math.Sqrt(float64(max(0, edge*edge-dy*dy))))
		x0, x1 := max(0, int(ctr-w)-1), min(2*half, int(ctr+w)+2)
		row := img.Pix[y*img.Stride : (y+1)*img.Stride]
		for x := x0; x < x1; x++ {
			dx := float32(x) + 0.5 - ctr
			d2 := dx*dx + dy*dy
			px := row[4*x : 4*x+4 : 4*x+4]
			if d2 < full*full {
				px[0], px[1], px[2], px[3] = fillPix[0], fillPix[1], fillPix[2], 255
				continue
			}
			d := float32(math.Sqrt(float64(d2)))
			cov := clamp01(outer - d + 0.5)
			if cov == 0 {
				continue
			}
			c := outline
			if d < ringOut+0.5 {
				ring := outline
				if d > ringIn-0.5 && len(secs) > 0 {
					ring = ringColour(secs, clockAngle(dx, dy), d)
				}
				inside := mix3(fill, ring, clamp01(ringIn-d+0.5))
				c = mix3(inside, outline, clamp01(ringOut-d+0.5))
			}
			px[0] = uint8(c[0]*cov + 0.5)
			px[1] = uint8(c[1]*cov + 0.5)
			px[2] = uint8(c[2]*cov + 0.5)
			px[3] = uint8(255*cov + 0.5)
		}
	}
	return &sprite{img: img, ax: half, ay: half}
}

// TestClusterRadiusTable checks the looked-up radius against the formula
// for every count up to 100k, and that the table reaches the cap.
func TestClusterRadiusTable(t *testing.T) {
	for n := 0; n <= 100000; n++ {
		if got, want := clusterRadius(n), clusterRadiusOf(n); got != want {
			t.Fatalf("clusterRadius(%d) = %v, want %v", n, got, want)
		}
	}
	if r := clusterRadiusOf(len(clusterRadii) - 1); r != clusterRadiusMax {
		t.Fatalf("clusterRadiusOf(%d) = %v: the table ends before the cap", len(clusterRadii)-1, r)
	}
	if r := clusterRadius(1 << 40); r != clusterRadiusMax {
		t.Fatalf("clusterRadius(2^40) = %v", r)
	}
}

// TestCellFloor checks cellFloor against math.Floor on both sides of
// zero, at integers and just off them.
func TestCellFloor(t *testing.T) {
	for _, x := range []float64{0, 0.5, 1, -0.5, -1, -1.0000001, 2.9999999, 1e9 + 0.5, -1e9 - 0.5, math.Nextafter(3, 0), math.Nextafter(-3, 0), 123456.75} {
		if got, want := cellFloor(x), int(math.Floor(x)); got != want {
			t.Errorf("cellFloor(%v) = %d, want %d", x, got, want)
		}
	}
}
