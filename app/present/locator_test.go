package present

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"eventatlas/annotate"
	"eventatlas/mapview/render"
)

// TestLocatorShowsWhereTheSlideIs: a slide's close view shows the locator
// with a small frame around the event's place; the overview hides it; a
// saved slide has it in its corner.
func TestLocatorShowsWhereTheSlideIs(t *testing.T) {
	s := newTestShow(t)
	if s.loc.box.Visible() {
		t.Error("the overview shows the locator")
	}
	key(s, fyne.KeyRight) // slide 1: a point, zoomed in
	if !s.loc.box.Visible() {
		t.Fatal("a close slide shows no locator")
	}
	pos, size := s.loc.frameBounds()
	if size.Width <= 0 || size.Width > locatorW/3 || size.Height > locatorH/3 {
		t.Errorf("frame %v: want a small frame for a close view", size)
	}
	// The event's place is inside the frame.
	c, ok := s.engine.EventBound(s.slides[0].Event.ID)
	if !ok {
		t.Fatal("no bound for slide 1's event")
	}
	x, y := s.loc.view.ToPixel(c.Center())
	if float32(x) < pos.X-1 || float32(x) > pos.X+size.Width+1 || float32(y) < pos.Y-1 || float32(y) > pos.Y+size.Height+1 {
		t.Errorf("the event at %.0f,%.0f on the locator is outside the frame %v+%v", x, y, pos, size)
	}
	// The locator sits in the bottom-right corner of the window.
	lp := s.loc.box.Position()
	ws := s.win.Canvas().Size()
	if lp.X+locatorW+locatorGap != ws.Width || lp.Y+locatorH+locatorAbove != ws.Height {
		t.Errorf("locator at %v in a %v window", lp, ws)
	}
	// A saved slide has the frame's colour where the frame is drawn.
	img := s.slideImage()
	scale := float64(img.Bounds().Dx()) / float64(ws.Width)
	fx := int((float64(lp.X+pos.X) + 1) * scale)
	fy := int((float64(lp.Y + pos.Y + size.Height/2)) * scale)
	want := color.NRGBAModel.Convert(theme.Color(theme.ColorNamePrimary)).(color.NRGBA)
	got := color.NRGBAModel.Convert(img.At(fx, fy)).(color.NRGBA)
	if diff(got.R, want.R) > 40 || diff(got.G, want.G) > 40 || diff(got.B, want.B) > 40 {
		t.Errorf("saved slide at the frame's left edge (%d,%d) is %v, want the frame's %v", fx, fy, got, want)
	}
	key(s, fyne.KeyHome)
	if s.loc.box.Visible() {
		t.Error("back on the title slide the locator still shows")
	}
}

func diff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

// TestLocatorFollowsTheTheme: in the dark theme the locator is drawn dark,
// like the slide's map, not as a bright light-theme patch.
func TestLocatorFollowsTheTheme(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DarkTheme())
	evs, arts := testEvents()
	s := New(a, "Border talks", Slides(evs, arts), annotate.DefaultTaxonomy(), testEngine(t))
	defer s.Close()
	img := s.loc.img.Image
	var sum float64
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			sum += (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(bl)) / 0xffff
			n++
		}
	}
	if mean := sum / float64(n); mean > 0.4 {
		t.Errorf("the dark theme's locator has a mean luminance of %.2f: drawn light", mean)
	}
}

// TestNoNameUnderTheCard: the map places no label where the caption card
// or the locator covers it, on the overview and on a slide.
func TestNoNameUnderTheCard(t *testing.T) {
	s := newTestShow(t)
	check := func(when string) {
		t.Helper()
		k := float64(roomMagnify)
		p, z := s.card.box.Position(), s.card.box.Size()
		card := render.Rect{MinX: float64(p.X) / k, MinY: float64(p.Y) / k, MaxX: float64(p.X+z.Width) / k, MaxY: float64(p.Y+z.Height) / k}
		if z.Width == 0 {
			t.Fatalf("%s: the card has no size", when)
		}
		for _, l := range s.engine.Labels(s.mapW.View()) {
			if l.Box.Overlaps(card) {
				t.Errorf("%s: label %q at %v lies under the card %v", when, l.Text, l.Box, card)
			}
		}
	}
	check("overview")
	key(s, fyne.KeyRight)
	check("slide 1")
}
