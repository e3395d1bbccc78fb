package present

import (
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"
	"golang.org/x/image/font/gofont/goregular"

	"eventatlas/annotate"
	"eventatlas/assets"
	"eventatlas/mapview/render"
)

// newTestShow opens a presentation of the test events in a 1280×800 test
// window, flights off.
func newTestShow(t *testing.T) *Show {
	t.Helper()
	// Messages stay while a slow machine checks them; TestMessageGoes
	// checks that they go.
	old := toastTime
	toastTime = time.Minute
	t.Cleanup(func() { toastTime = old })
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.LightTheme()) // as most trainers present; the dark theme has its own tests
	evs, arts := testEvents()
	s := New(a, "Border talks", Slides(evs, arts), annotate.DefaultTaxonomy(), testEngine(t))
	s.flight = 0
	s.win.Resize(fyne.NewSize(1280, 800))
	s.Overview()
	t.Cleanup(s.Close)
	return s
}

// testEngine is a map engine over the embedded base map.
func testEngine(t *testing.T) *render.Map {
	t.Helper()
	bm, err := assets.LoadBaseMap()
	if err != nil {
		t.Fatal(err)
	}
	engine, err := render.NewMap(bm, goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	return engine
}

func key(s *Show, k fyne.KeyName) { s.typedKey(&fyne.KeyEvent{Name: k}) }

// cardHeading is the card's heading and, when shown, its type line, joined
// as Slide.Heading joins them.
func cardHeading(s *Show) string {
	if !s.card.kindRow.Visible() {
		return s.card.heading.Text
	}
	return s.card.heading.Text + " · " + s.card.kind.Text
}

func TestShowSteps(t *testing.T) {
	s := newTestShow(t)
	if s.At() != -1 || s.mapW.Selected() != "" || s.card.title.Text != "Border talks" ||
		s.card.heading.Text != "3 events · Mar 2025 – Nov 2025" {
		t.Fatalf("overview: at %d, selected %q, title %q, heading %q", s.At(), s.mapW.Selected(), s.card.title.Text, s.card.heading.Text)
	}
	steps := []struct {
		do      func()
		at      int
		id      string
		heading string
	}{
		{func() { key(s, fyne.KeyRight) }, 0, "early", "1 / 3 · Mar 2025 · Trade and economy"},
		{func() { key(s, fyne.KeySpace) }, 1, "late", "2 / 3 · 10 Nov 2025 · Diplomacy › talks/meeting"},
		{func() { s.typedRune('n') }, 2, "undated", "3 / 3 · — · Other"},
		{func() { key(s, fyne.KeyRight) }, 2, "", "All 3 shown"}, // the last event stays, unselected; the card says it is the end
		{func() { key(s, fyne.KeySpace) }, 2, "", "All 3 shown"},
		{func() { key(s, fyne.KeyLeft) }, 2, "undated", "3 / 3 · — · Other"}, // back from the end card
		{func() { key(s, fyne.KeyRight) }, 2, "", "All 3 shown"},
		{func() { key(s, fyne.KeyHome) }, -1, "", "3 events · Mar 2025 – Nov 2025"}, // the title slide
		{func() { key(s, fyne.KeyRight) }, 0, "early", "1 / 3 · Mar 2025 · Trade and economy"},
		{func() { key(s, fyne.KeyEnd) }, 2, "undated", "3 / 3 · — · Other"},
		{func() { key(s, fyne.KeyLeft) }, 1, "late", "2 / 3 · 10 Nov 2025 · Diplomacy › talks/meeting"},
		{func() { s.mapW.OnEventTapped("early") }, 0, "early", "1 / 3 · Mar 2025 · Trade and economy"},
		{func() { key(s, fyne.KeyPageUp) }, -1, "", "3 events · Mar 2025 – Nov 2025"},
		{func() { key(s, fyne.KeyPageDown) }, 0, "early", "1 / 3 · Mar 2025 · Trade and economy"},
		{func() { s.typedRune('o') }, -1, "", "3 events · Mar 2025 – Nov 2025"},
	}
	for i, st := range steps {
		st.do()
		if s.At() != st.at || s.mapW.Selected() != st.id || cardHeading(s) != st.heading {
			t.Fatalf("step %d: at %d, selected %q, heading %q; want %d, %q, %q", i, s.At(), s.mapW.Selected(), cardHeading(s), st.at, st.id, st.heading)
		}
	}
	key(s, fyne.KeyRight) // on from slide 1, where O was pressed
	if s.At() != 1 {
		t.Fatalf("after O on slide 1, the next step went to %d", s.At()+1)
	}
	if !s.card.quote.Visible() || s.card.quote.Text != "“a Tajik delegation visited Kunduz”" ||
		s.card.source.Text != "Tajik delegation holds talks · CentralasianLIGHT.org · 13 Nov 2025" {
		t.Errorf("slide 2 quote %q (visible %v), source %q", s.card.quote.Text, s.card.quote.Visible(), s.card.source.Text)
	}
	key(s, fyne.KeyLeft)
	if s.card.quote.Visible() {
		t.Errorf("slide 1 has no quote but the quote line shows %q", s.card.quote.Text)
	}
}

// TestShowFramesEvent checks that a slide puts its event in the part of the
// map the card leaves free, and zooms in no further than slideMaxZoom.
func TestShowFramesEvent(t *testing.T) {
	s := newTestShow(t)
	key(s, fyne.KeyRight)
	key(s, fyne.KeyRight) // Talks in Kunduz
	v := s.mapW.View()
	x, y := screenPoint(s, orb.Point{68.857, 36.729})
	w := s.mapW.Size()
	cw := float64(cardWidth(w.Width))
	pad := float64(s.cardLayer.Objects[0].Position().X)
	wantX := (float64(w.Width) + cw + 2*pad) / 2
	if math.Abs(x-wantX) > 2 || math.Abs(y-float64(w.Height)/2) > 2 {
		t.Errorf("Kunduz drawn at (%.1f, %.1f), want (%.1f, %.1f): right of the %.0f px card", x, y, wantX, float64(w.Height)/2, cw)
	}
	if v.Zoom != slideMaxZoom {
		t.Errorf("zoom %g on a point, want %g", v.Zoom, slideMaxZoom)
	}
	if card := s.card.box; card.Position().X+card.Size().Width > float32(cw)+100 {
		t.Errorf("card spans to x=%g, want about %g", card.Position().X+card.Size().Width, cw)
	}
}

func TestMaxZoomFor(t *testing.T) {
	cases := []struct {
		p    annotate.GeoPrecision
		want float64
	}{
		{annotate.GeoExact, slideMaxZoom}, {0, slideMaxZoom}, {annotate.GeoNear, 9},
		{annotate.GeoProvince, 7.5}, {annotate.GeoCountry, 6},
	}
	for _, c := range cases {
		if got := maxZoomFor(c.p); got != c.want {
			t.Errorf("maxZoomFor(%v) = %g, want %g", c.p, got, c.want)
		}
	}
}

// TestShowCountryPrecision: an event known only to its country is shown
// with the country around it.
func TestShowCountryPrecision(t *testing.T) {
	s := newTestShow(t)
	s.slides[0].Event.GeoPrecision = annotate.GeoCountry
	s.Go(0)
	if z := s.mapW.View().Zoom; z != 6 {
		t.Errorf("zoom %g on a country-precision event, want 6", z)
	}
}

func TestShowEscCloses(t *testing.T) {
	s := newTestShow(t)
	key(s, fyne.KeyEscape)
	if !s.closed {
		t.Error("Esc did not close the presentation")
	}
}

func TestShowEmpty(t *testing.T) {
	a := test.NewTempApp(t)
	s := New(a, "Empty", nil, annotate.DefaultTaxonomy(), testEngine(t))
	s.flight = 0
	t.Cleanup(s.Close)
	s.win.Resize(fyne.NewSize(800, 600))
	s.Overview()
	key(s, fyne.KeyRight)
	key(s, fyne.KeyEnd)
	if s.At() != -1 || s.card.heading.Text != "0 events" || s.card.place.Text != "No events to show: the filter hides them all. Esc leaves." {
		t.Errorf("empty presentation: at %d, heading %q, hint %q", s.At(), s.card.heading.Text, s.card.place.Text)
	}
}

func TestBetween(t *testing.T) {
	dushanbe := render.View{Center: orb.Point{68.78, 38.54}, Zoom: 10, Width: 1280, Height: 800, Scale: 1}
	kunduz := dushanbe
	kunduz.Center, kunduz.Zoom = orb.Point{68.857, 36.729}, 9
	nearby := dushanbe
	nearby.Center = orb.Point{68.80, 38.55}
	near := func(a, b render.View) bool {
		return math.Abs(a.Center[0]-b.Center[0]) < 1e-9 && math.Abs(a.Center[1]-b.Center[1]) < 1e-9 && math.Abs(a.Zoom-b.Zoom) < 1e-9
	}
	if v := between(dushanbe, kunduz, 0); !near(v, dushanbe) {
		t.Errorf("t=0 gives %+v, want the start", v)
	}
	if v := between(dushanbe, kunduz, 1); !near(v, kunduz) {
		t.Errorf("t=1 gives %+v, want the end", v)
	}
	// 200 km at zoom 9–10 is more than a screen: the flight rises so that
	// at its middle both ends are on screen.
	mid := between(dushanbe, kunduz, 0.5)
	if mid.Zoom >= 9 {
		t.Errorf("long flight: zoom %g at the middle, want below both ends' (9 and 10)", mid.Zoom)
	}
	for _, end := range []orb.Point{dushanbe.Center, kunduz.Center} {
		if x, y := mid.ToPixel(end); x < 0 || y < 0 || x > 1280 || y > 800 {
			t.Errorf("long flight: %v at (%.0f, %.0f) in the middle view, off screen", end, x, y)
		}
	}
	// A hop within the screen keeps the zoom.
	if mid := between(dushanbe, nearby, 0.5); mid.Zoom != 10 {
		t.Errorf("short hop: zoom %g at the middle, want 10", mid.Zoom)
	}
	// The centre moves monotonically southwards.
	prev := dushanbe.Center[1]
	for i := 1; i <= 10; i++ {
		c := between(dushanbe, kunduz, float64(i)/10).Center[1]
		if c > prev+1e-12 {
			t.Fatalf("latitude went back north at t=%.1f", float64(i)/10)
		}
		prev = c
	}
}

func BenchmarkBetween(b *testing.B) {
	a := render.View{Center: orb.Point{68.78, 38.54}, Zoom: 10, Width: 1280, Height: 800, Scale: 1}
	c := a
	c.Center = orb.Point{68.857, 36.729}
	for b.Loop() {
		between(a, c, 0.37)
	}
}

// TestMessageGoes: a message leaves the screen when its time is up, and a
// newer one is not hidden by the older one's timer. (The timer's own firing
// is not waited for: the test driver would run it beside the test.)
func TestMessageGoes(t *testing.T) {
	s := newTestShow(t)
	s.say("first")
	first := s.toastN
	s.say("second")
	s.hideMessage(first)
	if !s.toastBox.Visible() || s.toast.Text != "second" {
		t.Errorf("the first message's timer hid the second (shown %v, %q)", s.toastBox.Visible(), s.toast.Text)
	}
	s.hideMessage(s.toastN)
	if s.toastBox.Visible() {
		t.Error("the message stayed when its time was up")
	}
	if s.toastTimer == nil {
		t.Fatal("no timer hides the message")
	}
	s.Close()
	if s.toastTimer.Stop() {
		t.Error("closing the window left the message's timer running")
	}
}

// TestOverviewInTheMiddle: O shows the overview in the middle of the
// presentation; the next step goes on after the slide shown before it, the
// previous step back to it, and Home starts again.
func TestOverviewInTheMiddle(t *testing.T) {
	s := newTestShow(t)
	if s.Len() < 3 {
		t.Fatalf("%d slides, the test needs 3", s.Len())
	}
	steps := []struct {
		do   func()
		want int
	}{
		{func() { key(s, fyne.KeyRight) }, 0},
		{func() { key(s, fyne.KeyRight) }, 1},
		{func() { s.typedRune('o') }, -1},
		{func() { key(s, fyne.KeyRight) }, 2},
		{func() { s.typedRune('O') }, -1},
		{func() { s.typedRune('o') }, -1}, // O twice: still where it was
		{func() { key(s, fyne.KeyLeft) }, 2},
		{func() { key(s, fyne.KeyHome) }, -1},
		{func() { key(s, fyne.KeyRight) }, 0},
		{func() { key(s, fyne.KeyLeft) }, -1}, // before the first: the title
		{func() { key(s, fyne.KeyRight) }, 0},
	}
	for i, st := range steps {
		st.do()
		if s.At() != st.want {
			t.Fatalf("step %d: at %d, want %d", i, s.At(), st.want)
		}
	}
}

// TestScopeAndKeysOnTheCards: the overview and end cards name the filter's
// scope; the keys show on screen but not in a saved slide.
func TestScopeAndKeysOnTheCards(t *testing.T) {
	s := newTestShow(t)
	s.SetScope("Diplomacy · 1 Mar 2025 – 31 May 2025")
	if s.card.place.Text != "Diplomacy · 1 Mar 2025 – 31 May 2025" || !s.card.place.Visible() {
		t.Errorf("overview place line %q (shown %v), want the scope", s.card.place.Text, s.card.place.Visible())
	}
	if !strings.HasPrefix(s.card.hint.Text, "Space or Right arrow: next event") || !s.card.hint.Visible() {
		t.Errorf("overview hint %q (shown %v), want the keys", s.card.hint.Text, s.card.hint.Visible())
	}
	if c := s.slideCaption(); c.hint != "" || c.place != "Diplomacy · 1 Mar 2025 – 31 May 2025" || c.title != "Border talks" {
		t.Errorf("saved overview card %+v, want the scope and title without the keys", c)
	}
	key(s, fyne.KeyEnd)
	key(s, fyne.KeyRight)
	if !s.Ended() || s.card.place.Text != "Diplomacy · 1 Mar 2025 – 31 May 2025" || s.slideCaption().hint != "" ||
		!strings.HasPrefix(s.card.hint.Text, "Esc leaves") {
		t.Errorf("end card: place %q, hint %q, saved hint %q", s.card.place.Text, s.card.hint.Text, s.slideCaption().hint)
	}
	key(s, fyne.KeyLeft)
	if s.card.hint.Visible() {
		t.Errorf("an event's slide shows keys %q", s.card.hint.Text)
	}
}

// TestSlideFiles: saved slides are named by the title, the filter's scope
// and the slide, so two filtered runs do not replace each other's.
func TestSlideFiles(t *testing.T) {
	s := newTestShow(t)
	if got := s.slideFile(); got != "border-talks-overview.png" {
		t.Errorf("overview %q", got)
	}
	fyne.CurrentApp().Settings().SetTheme(theme.DarkTheme())
	if got := s.slideFile(); got != "border-talks-dark-overview.png" {
		t.Errorf("overview in the dark theme %q", got)
	}
	fyne.CurrentApp().Settings().SetTheme(theme.LightTheme())
	s.SetScope("Security incident · 1 Mar 2025 – 31 May 2025")
	key(s, fyne.KeyRight)
	if got := s.slideFile(); got != "border-talks-security-incident-1-mar-2025-31-may-2025-01.png" {
		t.Errorf("slide 1 of a filtered run %q", got)
	}
	key(s, fyne.KeyEnd)
	key(s, fyne.KeyRight)
	if got := s.slideFile(); got != "border-talks-security-incident-1-mar-2025-31-may-2025-end.png" {
		t.Errorf("end card %q", got)
	}
}
