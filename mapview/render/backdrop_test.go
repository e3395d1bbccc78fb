package render

import (
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/paulmach/orb"
)

// solidBackdrop fills the view with one colour and counts its frames.
type solidBackdrop struct {
	c      color.NRGBA
	credit string
	frames int
}

func (b *solidBackdrop) Draw(dst *image.RGBA, v View) string {
	b.frames++
	draw.Draw(dst, dst.Rect, image.NewUniform(b.c), image.Point{}, draw.Src)
	return b.credit
}

// countColour counts the pixels of img inside r that are exactly c.
func countColour(img *image.RGBA, r image.Rectangle, c color.NRGBA) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if img.RGBAAt(x, y) == (color.RGBA{c.R, c.G, c.B, c.A}) {
				n++
			}
		}
	}
	return n
}

func TestBackdropUnderBorders(t *testing.T) {
	m := newTestMap(t)
	v := View{Center: orb.Point{68.5, 37.5}, Zoom: 7, Width: 600, Height: 400, Scale: 1}
	plain := m.Render(v, Selection{})
	green := color.NRGBA{0, 200, 0, 255}
	if n := countColour(plain, plain.Rect, green); n != 0 {
		t.Fatalf("plain map has %d pure green pixels", n)
	}
	b := &solidBackdrop{c: green, credit: "Tiles © Test Tiles"}
	m.SetBackdrop(b)
	img := m.Render(v, Selection{})
	if b.frames != 1 {
		t.Errorf("backdrop drawn %d times for one frame", b.frames)
	}
	total := img.Rect.Dx() * img.Rect.Dy()
	n := countColour(img, img.Rect, green)
	// The focus countries show the backdrop as it is; neighbours are veiled.
	if n < total/4 || n == total {
		t.Errorf("%d of %d pixels show the backdrop unveiled, want between a quarter and all", n, total)
	}
	// Borders are still drawn: the pixel under the Amu Darya border east
	// of Termez is the border's colour on the plain map and on this one.
	x, y := v.ToPixel(orb.Point{67.78, 37.22})
	found := false
	for dy := -3; dy <= 3 && !found; dy++ {
		p, q := plain.RGBAAt(int(x), int(y)+dy), img.RGBAAt(int(x), int(y)+dy)
		if p == q && p.G < 150 {
			found = true
		}
	}
	if !found {
		t.Error("no border pixel kept near Termez")
	}
	// The credit sits above the map's attribution in the bottom-right corner.
	corner := image.Rect(img.Rect.Dx()-60, img.Rect.Dy()-34, img.Rect.Dx(), img.Rect.Dy()-20)
	if c := countColour(img, corner, green); c != 0 {
		t.Errorf("credit box has %d backdrop pixels", c)
	}
	// No credit: the backdrop shows in that corner.
	b.credit = ""
	img = m.Render(v.Pan(1, 0), Selection{})
	if c := countColour(img, corner, green); c == 0 {
		t.Error("corner shows no backdrop without a credit")
	}
	// Off again: the plain map, exactly.
	m.SetBackdrop(nil)
	again := m.Render(v, Selection{})
	if countColour(again, again.Rect, green) != 0 || string(again.Pix) != string(plain.Pix) {
		t.Error("the map with the backdrop removed differs from the plain map")
	}
}

func BenchmarkRenderBackdrop(b *testing.B) {
	m := newTestMap(b)
	m.SetEvents(sampleEvents(), nil)
	m.SetBackdrop(&solidBackdrop{c: color.NRGBA{90, 140, 90, 255}, credit: "© test"})
	v := View{Center: orb.Point{68.5, 37.5}, Zoom: 8, Width: 1200, Height: 800, Scale: 1}
	buf := m.Render(v, Selection{})
	b.ResetTimer()
	for range b.N {
		buf = m.RenderTo(buf, v, Selection{Hover: "pt-kunduz"})
	}
}

// TestLabelsClearOfCredit: with a long tile credit above the attribution,
// no label is placed under it, in views where labels crowd that corner.
func TestLabelsClearOfCredit(t *testing.T) {
	m := newTestMap(t)
	b := &solidBackdrop{c: color.NRGBA{0, 200, 0, 255}, credit: "Map tiles © a very long provider name, under CC BY-SA 4.0 — data © contributors"}
	m.SetBackdrop(b)
	for _, v := range []View{
		FitBound(RegionBound(), 640, 400, 1),
		{Center: orb.Point{69.2, 37.0}, Zoom: 9, Width: 800, Height: 500, Scale: 1},
		{Center: orb.Point{68.5, 37.6}, Zoom: 8, Width: 900, Height: 600, Scale: 2},
	} {
		img := m.Render(v, Selection{})
		cr := m.creditSprite(b.credit, v.Scale)
		at := m.attribution(newXform(v))
		w, h := img.Rect.Dx(), img.Rect.Dy()
		box := Rect{float64(w - cr.img.Rect.Dx()), float64(h - at.img.Rect.Dy() - cr.img.Rect.Dy()), float64(w), float64(h - at.img.Rect.Dy())}
		for _, l := range m.Labels(v) {
			lb := Rect{l.Box.MinX * v.Scale, l.Box.MinY * v.Scale, l.Box.MaxX * v.Scale, l.Box.MaxY * v.Scale}
			if lb.Overlaps(box) {
				t.Errorf("view %+v: label %q at %+v under the credit box %+v", v, l.Text, lb, box)
			}
		}
	}
}
