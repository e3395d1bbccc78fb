package render

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/golden")

// Golden comparison tolerances: a pixel differs when a channel is off by
// more than pixelTol; a test fails when more than maxDiffFrac of pixels differ.
const (
	pixelTol    = 24
	maxDiffFrac = 0.003
)

// checkGolden compares img with testdata/golden/name.png, or rewrites it
// with -update. On failure the image drawn is saved beside the test's temp
// files for a look.
func checkGolden(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".png")
	if *update {
		if err := writePNG(path, img); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./mapview/render -update` to create it)", err)
	}
	want, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	diff, frac := compareImages(want, img)
	if diff != "" || frac > maxDiffFrac {
		got := filepath.Join(t.TempDir(), name+".png")
		if dir := os.Getenv("GOLDEN_OUT"); dir != "" {
			got = filepath.Join(dir, name+".png")
		}
		_ = writePNG(got, img)
		t.Errorf("%s: %s%.3f%% of pixels differ (limit %.3f%%); drawn image in %s", name, diff, 100*frac, 100*maxDiffFrac, got)
	}
}

// compareImages returns a message when the sizes differ, and the fraction
// of pixels whose channels differ by more than pixelTol.
func compareImages(want image.Image, got *image.RGBA) (string, float64) {
	if want.Bounds().Size() != got.Bounds().Size() {
		return fmt.Sprintf("size %v, want %v; ", got.Bounds().Size(), want.Bounds().Size()), 1
	}
	wb, gb := want.Bounds(), got.Bounds()
	n := 0
	for y := 0; y < wb.Dy(); y++ {
		for x := 0; x < wb.Dx(); x++ {
			r1, g1, b1, a1 := want.At(wb.Min.X+x, wb.Min.Y+y).RGBA()
			r2, g2, b2, a2 := got.At(gb.Min.X+x, gb.Min.Y+y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) || far(a1, a2) {
				n++
			}
		}
	}
	return "", float64(n) / float64(wb.Dx()*wb.Dy())
}

func far(a, b uint32) bool {
	a, b = a>>8, b>>8
	if a > b {
		return a-b > pixelTol
	}
	return b-a > pixelTol
}

func writePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// kunduzView is a close view of Kunduz and the Panj crossing.
func kunduzView(w, h int, zoom float64) View {
	return View{Center: orb.Point{68.75, 37.0}, Zoom: zoom, Width: w, Height: h, Scale: 1}
}

func TestGoldenBaseMap(t *testing.T) {
	m := newTestMap(t)
	first := FitBound(RegionBound(), 800, 500, 1)
	for _, c := range []struct {
		name string
		v    View
	}{
		{"base-zoom5", View{Center: orb.Point{67.5, 36}, Zoom: 5.2, Width: 640, Height: 480, Scale: 1}},
		{"base-region", first},
		{"base-zoom10", kunduzView(640, 480, 10)},
	} {
		checkGolden(t, c.name, m.Render(c.v, Selection{}))
	}
}

func TestGoldenGeometry(t *testing.T) {
	tax := annotate.DefaultTaxonomy()
	v := kunduzView(480, 320, 8.5)
	var points []annotate.Event
	for i, et := range append(tax, annotate.EventType{Name: "Not in the taxonomy"}) {
		points = append(points, ev(fmt.Sprintf("p%d", i), et.Name, orb.Point{68.2 + 0.2*float64(i), 37.05}))
	}
	cases := []struct {
		name   string
		events []annotate.Event
		sel    Selection
	}{
		{"event-points", points, Selection{}},
		{"event-line", []annotate.Event{ev("l", "Security cooperation", orb.LineString{{68.1, 37.5}, {68.6053, 37.1946}, {68.857, 36.73}})}, Selection{}},
		{"event-polygon", []annotate.Event{ev("a", "Security incident", orb.Polygon{
			{{68.3, 36.7}, {69.2, 36.8}, {69.3, 37.3}, {68.5, 37.4}, {68.3, 36.7}},
			{{68.7, 37.0}, {68.9, 37.0}, {68.9, 37.1}, {68.7, 37.0}},
		})}, Selection{}},
		{"selection", append(sampleEvents(), points...), Selection{Selected: "p1", Hover: "move-dushanbe-kunduz"}},
	}
	for _, c := range cases {
		m := newTestMap(t)
		m.SetEvents(c.events, tax)
		checkGolden(t, c.name, m.Render(v, c.sel))
	}
}

func TestGoldenStyles(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(sampleEvents(), annotate.DefaultTaxonomy())
	m.SetStyle(DarkStyle())
	checkGolden(t, "dark-region", m.Render(FitBound(RegionBound(), 640, 400, 1), Selection{Selected: "pt-kunduz"}))
	m.SetStyle(LightStyle())
	checkGolden(t, "hidpi-region", m.Render(FitBound(RegionBound(), 400, 250, 2), Selection{Selected: "pt-kunduz"}))
}

func TestGoldenClusters(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(syntheticEvents(400, 1, 0, 0), annotate.DefaultTaxonomy())
	checkGolden(t, "clusters", m.Render(FitBound(RegionBound(), 640, 400, 1), Selection{}))
}

func TestRenderPixels(t *testing.T) {
	m := newTestMap(t)
	tax := annotate.DefaultTaxonomy()
	m.SetEvents([]annotate.Event{ev("p", "Diplomacy", orb.Point{68.5, 37.7})}, tax)
	v := FitBound(RegionBound(), 400, 300, 2)
	img := m.Render(v, Selection{})
	if img.Rect.Dx() != 800 || img.Rect.Dy() != 600 {
		t.Fatalf("image %v, want 800x600", img.Rect)
	}
	x, y := v.ToPixel(orb.Point{68.5, 37.7})
	if got := img.RGBAAt(int(x*2), int(y*2)); got != rgbaOf(tax[0].Color) {
		t.Errorf("event centre is %v, want the Diplomacy colour %v", got, tax[0].Color)
	}
	// Empty land in Tajikistan is the focus land colour; Uzbekistan the neighbours'.
	x, y = v.ToPixel(orb.Point{70.0, 38.3})
	if got := img.RGBAAt(int(x*2), int(y*2)); got != rgbaOf(LightStyle().FocusLand) {
		t.Errorf("Tajik land is %v, want %v", got, LightStyle().FocusLand)
	}
	x, y = v.ToPixel(orb.Point{66.2, 38.3})
	if got := img.RGBAAt(int(x*2), int(y*2)); got != rgbaOf(LightStyle().Land) {
		t.Errorf("Uzbek land is %v, want %v", got, LightStyle().Land)
	}
	// Selecting the event rings it in the selection colour.
	sel := m.Render(v, Selection{Selected: "p"})
	x, y = v.ToPixel(orb.Point{68.5, 37.7})
	r := (markerRadius + 5.5) * 2
	if got := sel.RGBAAt(int(x*2+r), int(y*2)); got != rgbaOf(LightStyle().SelectRing) {
		t.Errorf("selection ring pixel is %v, want %v", got, LightStyle().SelectRing)
	}
}

// rgbaOf converts an opaque colour to the image.RGBA pixel it draws as.
func rgbaOf(c color.NRGBA) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}
