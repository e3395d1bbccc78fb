package render

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
)

// isSketchLine reports whether c is (nearly) the sketch's magenta.
func isSketchLine(c color.RGBA) bool {
	return c.R > 180 && c.G < 60 && c.B > 90 && c.B < 160
}

func TestSketchDrawn(t *testing.T) {
	m := newTestMap(t)
	v := View{Center: orb.Point{68.5, 37.5}, Zoom: 8, Width: 500, Height: 400, Scale: 1}
	plain := m.Render(v, Selection{})
	a, b, c := v.ToLonLat(100, 100), v.ToLonLat(300, 110), v.ToLonLat(280, 300)
	cursor := v.ToLonLat(120, 320)
	for _, tc := range []struct {
		name   string
		s      Sketch
		line   [][2]int // pixels on the sketch's lines
		white  [][2]int // centres of inactive handles
		active [2]int
	}{
		{"line", Sketch{Kind: SketchLine, Vertices: []orb.Point{a, b}, Cursor: cursor, Rubber: true, Active: 1},
			[][2]int{{200, 105}}, [][2]int{{100, 100}}, [2]int{300, 110}},
		{"polygon", Sketch{Kind: SketchPolygon, Vertices: []orb.Point{a, b, c}, Active: -1},
			[][2]int{{200, 105}, {190, 200}, {290, 205}}, [][2]int{{100, 100}, {300, 110}, {280, 300}}, [2]int{-1, -1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m.SetSketch(&tc.s)
			img := m.Render(v, Selection{})
			for _, p := range tc.line {
				if got := img.RGBAAt(p[0], p[1]); !isSketchLine(got) {
					t.Errorf("pixel %v is %v, want the sketch's line", p, got)
				}
			}
			for _, p := range tc.white {
				if got := img.RGBAAt(p[0], p[1]); got != (color.RGBA{255, 255, 255, 255}) {
					t.Errorf("handle %v is %v, want white", p, got)
				}
			}
			if tc.active[0] >= 0 {
				if got := img.RGBAAt(tc.active[0], tc.active[1]); !isSketchLine(got) {
					t.Errorf("active handle is %v, want filled", got)
				}
			}
			if tc.s.Rubber {
				// The rubber band runs from the last vertex to the cursor, lighter.
				if got := img.RGBAAt(210, 215); got.R < 200 || got.G > 150 || got.B < 150 {
					t.Errorf("rubber band pixel is %v, want light magenta", got)
				}
			}
			writeArtifact(t, "sketch-"+tc.name+".png", img)
		})
	}
	m.SetSketch(nil)
	if img := m.Render(v, Selection{}); string(img.Pix) != string(plain.Pix) {
		t.Error("the map without a sketch differs from before")
	}
}

// writeArtifact saves img under $RENDER_ARTIFACTS, when set, to look at.
func writeArtifact(t *testing.T, name string, img image.Image) {
	dir := os.Getenv("RENDER_ARTIFACTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
