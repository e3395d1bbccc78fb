package app

import (
	"image"
	"path/filepath"
	"testing"
)

// diplomacyBlue counts the pixels of the Diplomacy colour (#0072B2) in r.
func diplomacyBlue(t *testing.T, path string, r image.Rectangle) int {
	t.Helper()
	img := readPNG(t, path)
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c, g, b, _ := img.At(x, y).RGBA()
			if c>>8 < 16 && g>>8 > 0x66 && g>>8 < 0x7e && b>>8 > 0xa6 && b>>8 < 0xbe {
				n++
			}
		}
	}
	return n
}

func TestRenderLegendFlag(t *testing.T) {
	dir, proj := newSample(t)
	box := image.Rect(0, 300, 400, 580) // bottom-left, above the scale bar
	counts := map[string]int{}
	for _, legend := range []string{"true", "false"} {
		out := filepath.Join(dir, "map-"+legend+".png")
		if code, _, errs := run("render", "-project", proj, "-o", out, "-size", "1000x600", "-legend="+legend); code != 0 {
			t.Fatalf("render -legend=%s: exit %d: %s", legend, code, errs)
		}
		counts[legend] = diplomacyBlue(t, out, box)
	}
	if counts["true"] < counts["false"]+20 {
		t.Errorf("Diplomacy blue in the legend corner: %d with the legend, %d without; want at least 20 more with it", counts["true"], counts["false"])
	}
}
