package present

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/mapview/render"
)

// countNear counts the pixels of img within 12 of c in every channel.
func countNear(img *image.RGBA, c color.NRGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := img.RGBAAt(x, y)
			if absd(p.R, c.R) <= 12 && absd(p.G, c.G) <= 12 && absd(p.B, c.B) <= 12 {
				n++
			}
		}
	}
	return n
}

func absd(a, b uint8) int { return int(math.Abs(float64(a) - float64(b))) }

// TestSlideShowsOnlyItsEvent: on a slide the map draws the slide's event
// and no other, so that it stands out; the overview draws them all.
func TestSlideShowsOnlyItsEvent(t *testing.T) {
	s := newTestShow(t)
	tax := annotate.DefaultTaxonomy()
	blue, orange := tax.Lookup("Diplomacy").Color, tax.Lookup("Trade and economy").Color
	all, _ := s.engine.EventsBound()
	v := render.FitBound(all, 800, 600, 1)
	draw := func() (int, int) {
		img := s.engine.Render(v, render.Selection{Selected: s.selected()})
		return countNear(img, blue), countNear(img, orange)
	}
	if b, o := draw(); b < 20 || o < 20 {
		t.Fatalf("overview: %d Diplomacy and %d Trade pixels, want both events drawn", b, o)
	}
	key(s, fyne.KeyRight)
	key(s, fyne.KeyRight) // "late", Diplomacy at Kunduz
	if s.mapW.Selected() != "late" {
		t.Fatalf("slide 2 selects %q, want late", s.mapW.Selected())
	}
	if b, o := draw(); b < 20 || o != 0 {
		t.Errorf("slide 2: %d Diplomacy and %d Trade pixels, want its event only", b, o)
	}
	if s.mapW.Legend() {
		t.Error("slide 2 shows the legend; the card names the type")
	}
	s.typedRune('o')
	if b, o := draw(); b < 20 || o < 20 || !s.mapW.Legend() {
		t.Errorf("back on the overview: %d Diplomacy and %d Trade pixels, legend %v; want all", b, o, s.mapW.Legend())
	}
	// The end card, after the last slide, is over every event, none ringed.
	key(s, fyne.KeyEnd)
	key(s, fyne.KeyRight)
	if !s.Ended() || s.mapW.Selected() != "" {
		t.Fatalf("end card: ended %v, selected %q", s.Ended(), s.mapW.Selected())
	}
	if b, o := draw(); b < 20 || o < 20 {
		t.Errorf("end card: %d Diplomacy and %d Trade pixels, want every event", b, o)
	}
}

// spreadShow presents events spread over the region, one of them a line
// from Mazar-e Sharif to Dushanbe, in a w×h window.
func spreadShow(t *testing.T, w, h float32) *Show {
	t.Helper()
	a := test.NewTempApp(t)
	evs := []annotate.Event{
		{ID: "line", Type: "Diplomacy", Title: "Mazar to Dushanbe", DateStart: day("2025-01-01"),
			Geometry: orb.LineString{{67.11, 36.71}, {68.78, 38.54}}},
		{ID: "samarkand", Type: "Other", Title: "Samarkand", DateStart: day("2025-02-01"), Geometry: orb.Point{66.97, 39.65}},
		{ID: "qarshi", Type: "Other", Title: "Qarshi", DateStart: day("2025-03-01"), Geometry: orb.Point{65.79, 38.86}},
		{ID: "kabul", Type: "Other", Title: "Kabul", DateStart: day("2025-04-01"), Geometry: orb.Point{69.18, 34.53}},
		{ID: "khorog", Type: "Other", Title: "Khorog", DateStart: day("2025-05-01"), Geometry: orb.Point{71.55, 37.49}},
	}
	s := New(a, "Spread", Slides(evs, nil), annotate.DefaultTaxonomy(), testEngine(t))
	s.flight = 0
	s.win.Resize(fyne.NewSize(w, h))
	s.Overview()
	t.Cleanup(s.Close)
	return s
}

// screenPoint is where lon/lat p is drawn on the map widget, in its
// (screen) logical pixels: the view's pixels are magnified for the room.
func screenPoint(s *Show, p orb.Point) (float64, float64) {
	v := s.mapW.View()
	x, y := v.ToPixel(p)
	k := float64(s.mapW.Size().Width) / float64(v.Width)
	return x * k, y * k
}

// cardRect is the card's rectangle on the map.
func cardRect(s *Show) (x0, y0, x1, y1 float64) {
	c := s.cardLayer.Objects[0]
	return float64(c.Position().X), float64(c.Position().Y),
		float64(c.Position().X + c.Size().Width), float64(c.Position().Y + c.Size().Height)
}

// TestOverviewBesideCard: the overview frames every event in the map
// beside or below the card, none under it or off screen, and frames them
// again when the window changes size (it opens full screen).
func TestOverviewBesideCard(t *testing.T) {
	s := spreadShow(t, 1280, 800)
	for _, sz := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1440, Height: 900}, {Width: 800, Height: 1000}, {Width: 1600, Height: 700}} {
		s.win.Resize(sz)
		w := s.mapW.Size()
		x0, y0, x1, y1 := cardRect(s)
		for _, sl := range s.slides {
			for _, p := range pointsOf(sl.Event.Geometry) {
				x, y := screenPoint(s, p)
				if x > x0-8 && x < x1+8 && y > y0-8 && y < y1+8 {
					t.Errorf("%v: %s at (%.0f, %.0f) under the card (%.0f,%.0f)–(%.0f,%.0f)", sz, sl.Event.ID, x, y, x0, y0, x1, y1)
				}
				if x < 8 || y < 8 || x > float64(w.Width)-8 || y > float64(w.Height)-8 {
					t.Errorf("%v: %s at (%.0f, %.0f) off or on the edge of the %.0f×%.0f map", sz, sl.Event.ID, x, y, w.Width, w.Height)
				}
			}
		}
	}
}

// TestSlideMargin: a slide keeps its event well clear of the map's edges
// and of the card — the line's ends at least 12 % of the free area's
// shorter side in.
func TestSlideMargin(t *testing.T) {
	s := spreadShow(t, 1280, 800)
	s.Go(0) // the line
	v := s.mapW.View()
	_, _, x1, y1 := cardRect(s)
	free := s.freeAreas()
	minSide := math.Min(math.Min(free[0].w, free[0].h), math.Min(free[1].w, free[1].h))
	m := 0.12 * minSide
	for _, p := range []orb.Point{{67.11, 36.71}, {68.78, 38.54}} {
		x, y := v.ToPixel(p)
		if x < m || y < m || x > float64(v.Width)-m || y > float64(v.Height)-m {
			t.Errorf("end %v at (%.0f, %.0f): closer than %.0f px to the edge of the %d×%d map", p, x, y, m, v.Width, v.Height)
		}
		if x < x1+m && y < y1+m {
			t.Errorf("end %v at (%.0f, %.0f): closer than %.0f px to the card ending at (%.0f, %.0f)", p, x, y, m, x1, y1)
		}
	}
}

// TestToastOverCard: a message shows where the card is, not over the event.
func TestToastOverCard(t *testing.T) {
	s := spreadShow(t, 1280, 800)
	s.Go(0)
	s.say("Saved /home/ann/Pictures/Event Atlas/spread-01.png")
	x0, y0, x1, _ := cardRect(s)
	p, sz := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.toastBox), s.toastBox.Size()
	cp, cs := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.card.box), s.card.box.Size()
	if p.X != cp.X || sz.Width != cs.Width || p.Y+sz.Height != cp.Y+cs.Height {
		t.Errorf("message at %v, %v; card at %v, %v: want it along the card's bottom edge, as wide", p, sz, cp, cs)
	}
	if sz.Height >= cs.Height {
		t.Errorf("message %v as tall as the card %v: it hides all of it", sz, cs)
	}
	// The map's own coordinates: the window's content may be inset.
	mp := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.mapW)
	p = p.Subtract(mp)
	if !s.toastBox.Visible() || float64(p.X) != x0 || float64(p.Y) < y0 || float64(p.X+sz.Width) > x1+0.5 {
		t.Errorf("message at %v, %v (shown %v), want over the card (%.0f,%.0f)–%.0f", p, sz, s.toastBox.Visible(), x0, y0, x1)
	}
	v := s.mapW.View()
	for _, q := range []orb.Point{{67.11, 36.71}, {68.78, 38.54}} {
		x, y := v.ToPixel(q)
		if x >= float64(p.X) && x <= float64(p.X+sz.Width) && y >= float64(p.Y) && y <= float64(p.Y+sz.Height) {
			t.Errorf("message covers the event's end at (%.0f, %.0f)", x, y)
		}
	}
}

// TestCardLines: the overview's lines start where the title does, a
// slide's type sits on its own line with the colour dot level with its
// first line, and the end card says the presentation is over.
func TestCardLines(t *testing.T) {
	s := newTestShow(t)
	c := s.card
	abs := func(o fyne.CanvasObject) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	}
	if c.kindRow.Visible() || abs(c.heading).X != abs(c.title).X {
		t.Errorf("overview: type row shown %v, heading at x %g, title at x %g; want no type row, same x",
			c.kindRow.Visible(), abs(c.heading).X, abs(c.title).X)
	}
	key(s, fyne.KeyRight)
	key(s, fyne.KeyRight)
	s.win.Content().Refresh()
	if c.heading.Text != "2 / 3 · 10 Nov 2025" || c.kind.Text != "Diplomacy › talks/meeting" || !c.kindRow.Visible() {
		t.Fatalf("slide 2: heading %q, type %q (shown %v)", c.heading.Text, c.kind.Text, c.kindRow.Visible())
	}
	_, lineH := dotLayout{}.line()
	dotMid := abs(c.swatch).Y + c.swatch.Size().Height/2
	kindTop := abs(c.kind).Y
	if d := dotMid - kindTop; d < lineH/4 || d > lineH*1.25 {
		t.Errorf("colour dot's middle %.1f px below the type line's top, want within its first line (%.1f px tall)", d, lineH)
	}
	if dx, hx := abs(c.swatch).X, abs(c.heading).X; dx < hx+4 || dx > hx+40 {
		t.Errorf("colour dot at x %.1f, the heading's label at %.1f: want the dot where the heading's text starts", dx, hx)
	}
	key(s, fyne.KeyEnd)
	key(s, fyne.KeySpace)
	if !s.Ended() || c.title.Text != "End of the presentation" || c.kindRow.Visible() {
		t.Errorf("Space on the last slide: ended %v, title %q", s.Ended(), c.title.Text)
	}
	s.typedRune('o')
	if s.Ended() || s.At() != -1 {
		t.Errorf("O after the end: ended %v, at %d", s.Ended(), s.At())
	}
}

// pointsOf lists the vertices of a point or line.
func pointsOf(g orb.Geometry) []orb.Point {
	switch g := g.(type) {
	case orb.Point:
		return []orb.Point{g}
	case orb.LineString:
		return g
	}
	return nil
}

func BenchmarkFitFree(b *testing.B) {
	v := render.View{Center: orb.Point{68, 37}, Zoom: 7, Width: 1280, Height: 800, Scale: 1}
	free := freeAreas(1280, 800, 16, 509, 260)
	bd := orb.Bound{Min: orb.Point{65.79, 34.53}, Max: orb.Point{71.55, 39.65}}
	for b.Loop() {
		fitFree(bd, v, free, slideMargin, true, slideMaxZoom)
	}
}

// TestMapFillsTheWindow: no frame around the map, on the screen or in a
// saved slide (which is the map's size at twice the density).
func TestMapFillsTheWindow(t *testing.T) {
	s := spreadShow(t, 1280, 800)
	if m, c := s.mapW.Size(), s.win.Canvas().Size(); m != c {
		t.Errorf("the map is %v in a %v window", m, c)
	}
}

func TestZoomCapFor(t *testing.T) {
	small := orb.Polygon{{{67.0, 36.7}, {67.2, 36.7}, {67.2, 36.8}, {67.0, 36.8}, {67.0, 36.7}}}
	for _, c := range []struct {
		name string
		e    annotate.Event
		want float64
	}{
		{"point, exact", annotate.Event{Geometry: orb.Point{68, 37}, GeoPrecision: annotate.GeoExact}, slideMaxZoom},
		{"point, country", annotate.Event{Geometry: orb.Point{69, 34.5}, GeoPrecision: annotate.GeoCountry}, 6},
		{"small area, province", annotate.Event{Geometry: small, GeoPrecision: annotate.GeoProvince}, shapeMaxZoom},
		{"line, near", annotate.Event{Geometry: orb.LineString{{67, 36}, {68, 37}}, GeoPrecision: annotate.GeoNear}, shapeMaxZoom},
	} {
		if got := zoomCapFor(c.e); got != c.want {
			t.Errorf("%s: cap %g, want %g", c.name, got, c.want)
		}
	}
}

// TestSmallAreaFillsItsSlide: a village's fields of 10 × 13 km, coded at
// province level, are zoomed to fill the slide, not left a speck.
func TestSmallAreaFillsItsSlide(t *testing.T) {
	a := test.NewTempApp(t)
	fields := orb.Polygon{{{68.50, 37.20}, {68.61, 37.20}, {68.61, 37.32}, {68.50, 37.32}, {68.50, 37.20}}}
	evs := []annotate.Event{{ID: "fields", Type: "Other", Title: "Fields burnt", DateStart: day("2025-03-01"),
		Geometry: fields, GeoPrecision: annotate.GeoProvince}}
	s := New(a, "Fields", Slides(evs, nil), annotate.DefaultTaxonomy(), testEngine(t))
	s.flight = 0
	s.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(s.Close)
	s.Go(0)
	v := s.mapW.View()
	x0, y0 := v.ToPixel(orb.Point{68.50, 37.32})
	x1, y1 := v.ToPixel(orb.Point{68.61, 37.20})
	if w, h := x1-x0, y1-y0; w < 200 && h < 200 {
		t.Errorf("the area is drawn %.0f × %.0f px on a %d × %d map: a speck", w, h, v.Width, v.Height)
	}
}
