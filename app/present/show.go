package present

import (
	"fmt"
	"github.com/paulmach/orb"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
	"eventatlas/mapview"
	"eventatlas/mapview/render"
)

// Flight is how long the map takes to fly from one slide to the next.
const Flight = 900 * time.Millisecond

// slideMaxZoom is the closest a slide zooms: a point is shown with its
// town and neighbours around it, not a street plan.
const slideMaxZoom = 10.0

// maxZoomFor is how close a slide zooms on an event placed with precision
// p: an event known only to its province or country is shown with the
// whole province or country around it, not as if it were at the point
// that stands for it.
func maxZoomFor(p annotate.GeoPrecision) float64 {
	switch p {
	case annotate.GeoNear:
		return 9
	case annotate.GeoProvince:
		return 7.5
	case annotate.GeoCountry:
		return 6
	}
	return slideMaxZoom
}

// zoomCapFor is how close e's slide zooms: a point by its geo precision
// (maxZoomFor); a line or an area shows its own extent, so it is fitted
// to the slide like a town (a small area coded at province level was left
// a speck of 120 px).
func zoomCapFor(e annotate.Event) float64 {
	switch e.Geometry.(type) {
	case orb.Point, orb.MultiPoint, nil:
		return maxZoomFor(e.GeoPrecision)
	}
	return shapeMaxZoom
}

// shapeMaxZoom is the closest a line or an area is shown: a village's
// fields of a few kilometres fill their slide.
const shapeMaxZoom = 12.0

// Show is a presentation: a window with a full-size map and a caption card
// that steps through slides. Keys: → Space PageDown N next; ← Backspace
// PageUp P previous; Home first; End last; O the overview; S saves the
// slide as a PNG (SaveSlide); F11 full screen on and off; Esc leaves. Tapping an event on the map goes to its slide.
type Show struct {
	win    fyne.Window
	title  string
	slides []Slide
	index  map[string]int // event id → slide
	tax    annotate.Taxonomy
	at     int    // the slide shown; -1 is the overview
	resume int    // after a look at the overview (O), the slide shown before it; else -1
	scope  string // which events are shown, when a filter chose them
	// ended is set when Next is pressed on the last slide: the card says
	// the presentation is over, the map stays on the last event.
	ended bool
	// shownFor is the slide whose event alone the map draws; -1 draws
	// them all (the overview).
	shownFor int
	// cardLayer lays out the card over the map.
	cardLayer *fyne.Container
	mapW      *mapview.Map
	engine    *render.Map
	card      *card
	loc       *locator      // the small map of where a slide's view lies
	reserved  []render.Rect // what the card and locator cover, as the engine was told
	anim      *fyne.Animation
	// flight is how long a flight takes; 0 jumps (tests).
	flight time.Duration
	closed bool
	saved  func(path string, err error) // called when a slide is written (tests)
	dir    string                       // where S saves slides
	// fallback is where S saves when dir cannot be made.
	fallback string
	toast    *widget.Label // a short message, e.g. where a slide was saved
	// toastBox holds the message in toastRow, over the whole card: where
	// no event is framed, and without half-hidden lines of the card
	// peeking out under it.
	toastBox, toastRow *fyne.Container
	toastN             int         // counts messages, so an old timer does not hide a new one
	toastTimer         *time.Timer // hides the message; stopped when the window closes
}

// New builds a presentation of slides in a new window of app a; title names
// the project on the overview. Engine draws the map (a map of its own: the
// presentation sets its events and view). Call Show to open it.
func New(a fyne.App, title string, slides []Slide, tax annotate.Taxonomy, engine *render.Map) *Show {
	s := &Show{title: title, slides: slides, tax: tax, at: -1, resume: -1, shownFor: -1, engine: engine, flight: Flight,
		index: make(map[string]int, len(slides))}
	if d := slidesDirs(); len(d) > 1 {
		s.dir, s.fallback = d[0], d[1]
	} else {
		s.dir = d[0]
	}
	events := make([]annotate.Event, len(slides))
	for i, sl := range slides {
		events[i] = sl.Event
		s.index[sl.Event.ID] = i
	}
	engine.SetEvents(events, tax)
	bound, hasBound := engine.EventsBound()
	s.loc = newLocator(engine, tax, bound, hasBound)
	s.mapW = mapview.New(engine)
	s.mapW.KeepFocus = true
	s.mapW.Steered = true // the slides move the map; a click must not
	s.mapW.Magnify = roomMagnify
	s.mapW.SetEvents(events, tax)
	s.mapW.OnEventTapped = func(id string) {
		if i, ok := s.index[id]; ok {
			s.Go(i)
		} else {
			s.mapW.Select(s.selected())
		}
	}
	s.card = newCard()
	cardBox := container.NewThemeOverride(s.card.box, roomTheme{a.Settings().Theme()})
	s.win = a.NewWindow("Event Atlas — presentation")
	s.win.SetPadded(false) // the map to the window's edges: no frame on the screen or in saved slides
	s.toast = widget.NewLabel("")
	s.toast.Wrapping = fyne.TextWrapWord
	s.toast.SizeName = theme.SizeNameCaptionText // a note at the card's foot, not a second caption
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = s.card.bg.CornerRadius
	s.toastBox = container.NewStack(bg, container.NewVBox(layout.NewSpacer(), container.NewPadded(s.toast), layout.NewSpacer()))
	s.toastBox.Hide()
	s.toastRow = container.New(sameRect{cardBox}, container.NewThemeOverride(s.toastBox, roomTheme{a.Settings().Theme()}))
	s.cardLayer = container.New(cardLayout{}, cardBox)
	s.win.SetContent(container.New(&showLayout{s: s}, s.mapW, s.cardLayer, s.toastRow, container.New(cornerLayout{}, s.loc.box)))
	s.win.Resize(fyne.NewSize(1280, 800))
	s.win.Canvas().SetOnTypedKey(s.typedKey)
	s.win.Canvas().SetOnTypedRune(s.typedRune)
	s.win.SetOnClosed(func() {
		s.closed = true
		if s.anim != nil {
			s.anim.Stop()
		}
		if s.toastTimer != nil {
			s.toastTimer.Stop()
		}
	})
	s.showCaption()
	return s
}

// Window is the presentation's window.
func (s *Show) Window() fyne.Window { return s.win }

// Show opens the window full screen at the overview.
func (s *Show) Show() {
	s.win.SetFullScreen(true)
	s.win.Show()
	s.Overview()
}

// At returns the slide shown, -1 for the overview.
func (s *Show) At() int { return s.at }

// Len returns the number of slides.
func (s *Show) Len() int { return len(s.slides) }

// Ended reports whether Next was pressed on the last slide: the card says
// the presentation is over.
func (s *Show) Ended() bool { return s.ended }

// Next goes to the next slide; from the last it says the presentation is
// over (see Ended) and stays on the last event.
func (s *Show) Next() {
	if s.at >= 0 && s.at == len(s.slides)-1 {
		if !s.ended {
			// The end card over every event shown, as the overview has them.
			s.ended = true
			s.showEvents(-1)
			s.mapW.Select("")
			s.showCaption()
			if v, ok := s.frame(); ok {
				s.flyTo(v)
			}
		}
		return
	}
	if s.at < 0 && s.resume >= 0 {
		// Back from a look at the overview (O): on to the slide after
		// the one shown before it.
		i := min(s.resume+1, len(s.slides)-1)
		s.resume = -1
		s.Go(i)
		return
	}
	s.Go(s.at + 1)
}

// Prev goes to the previous slide; from the first it goes to the overview;
// from the end card back to the last slide.
func (s *Show) Prev() {
	if s.ended {
		s.Go(s.at) // the last slide as it was: its event alone, framed
		return
	}
	if s.at < 0 && s.resume >= 0 {
		i := s.resume
		s.resume = -1
		s.Go(i)
		return
	}
	if s.at <= 0 {
		s.Overview()
		return
	}
	s.Go(s.at - 1)
}

// Go shows slide i: its event selected, the map flown to it and its
// caption. An index out of range is ignored.
func (s *Show) Go(i int) {
	if i < 0 || i >= len(s.slides) {
		return
	}
	s.at, s.ended = i, false
	id := s.slides[i].Event.ID
	s.showEvents(i)
	s.mapW.Select(id)
	s.showCaption()
	if v, ok := s.frame(); ok {
		s.flyTo(v)
	}
}

// frame is the view of what is shown — the slide's event, or all events
// on the overview — fitted with a margin into the part of the map the
// card leaves free; ok is false before the map has a size.
func (s *Show) frame() (render.View, bool) {
	v := s.mapW.View()
	if v.Width < 2 || v.Height < 2 {
		return v, false
	}
	if s.at < 0 || s.ended {
		b, ok := s.engine.EventsBound()
		if !ok {
			b = render.RegionBound()
		}
		return fitFree(b, v, s.freeAreas(), overviewMargin, true, slideMaxZoom), true
	}
	b, ok := s.engine.EventBound(s.slides[s.at].Event.ID)
	if !ok {
		return v, false
	}
	return fitFree(b, v, s.freeAreas(), slideMargin, true, zoomCapFor(s.slides[s.at].Event)), true
}

// reframe jumps to the framing of what is shown, after the window changed
// size (it opens full screen, F11).
func (s *Show) reframe() {
	if s.anim != nil {
		s.anim.Stop()
		s.anim = nil
	}
	if v, ok := s.frame(); ok {
		s.setView(v)
	}
}

// showEvents draws only slide i's event, without the legend (the card
// names its type); i < 0 draws all the events with the legend.
func (s *Show) showEvents(i int) {
	if i == s.shownFor {
		return
	}
	s.shownFor = i
	s.mapW.SetEvents(slideEvents(s.slides, i), s.tax)
	s.mapW.SetLegend(i < 0)
}

// freeAreas are the bands of the map beside and below the card.
func (s *Show) freeAreas() [2]area {
	v := s.mapW.View()
	size := s.mapW.Size()
	if size.Width < 1 || size.Height < 1 {
		size = fyne.NewSize(float32(v.Width), float32(v.Height))
	}
	s.cardLayer.Layout.Layout(s.cardLayer.Objects, size)
	c := s.cardLayer.Objects[0]
	if !c.Visible() {
		return freeAreas(float64(v.Width), float64(v.Height), 0, 0, 0)
	}
	// The card is laid out on the screen, the view is in the map's
	// (magnified) logical pixels.
	k := float64(v.Width) / float64(size.Width)
	return freeAreas(float64(v.Width), float64(v.Height), k*float64(c.Position().Y),
		k*float64(c.Size().Width), k*float64(c.Size().Height))
}

// Overview shows every event of the presentation and the project's title.
func (s *Show) Overview() {
	s.at, s.ended, s.resume = -1, false, -1
	s.showEvents(-1)
	s.mapW.Select("")
	s.showCaption()
	if v, ok := s.frame(); ok {
		s.flyTo(v)
	} else {
		s.mapW.FitEvents() // until the window has its size (showLayout reframes)
	}
}

// SetScope says on the overview and end cards which events are shown, e.g.
// "Security incident · 1 Mar 2025 – 31 May 2025" for a filtered project;
// "" says nothing.
func (s *Show) SetScope(scope string) {
	s.scope = scope
	s.showCaption()
}

// Scope is what SetScope was given.
func (s *Show) Scope() string { return s.scope }

// lookAtOverview shows the overview in the middle of the presentation:
// the next step goes on from the slide shown before it, the previous step
// back to that slide.
func (s *Show) lookAtOverview() {
	resume := s.at
	switch {
	case s.ended:
		resume = -1 // after the end card, the next step starts again
	case s.at < 0:
		resume = s.resume // O again on the overview: still where it was
	}
	s.Overview()
	s.resume = resume
}

// selected is the id of the event of the slide shown, "" on the overview.
func (s *Show) selected() string {
	if s.at < 0 || s.ended {
		return ""
	}
	return s.slides[s.at].Event.ID
}

// flyTo moves the map to v, animated over s.flight.
func (s *Show) flyTo(v render.View) {
	if s.anim != nil {
		s.anim.Stop()
		s.anim = nil
	}
	from := s.mapW.View()
	if s.flight <= 0 || from.Width < 2 {
		s.setView(v)
		return
	}
	s.anim = fyne.NewAnimation(s.flight, func(p float32) {
		s.setView(between(from, v, float64(p)))
	})
	s.anim.Curve = fyne.AnimationLinear
	s.anim.Start()
}

// setView moves the map to v, and the locator's frame with it.
func (s *Show) setView(v render.View) {
	s.mapW.SetView(v)
	s.loc.follow(s.mapW.View(), s.at >= 0 && !s.ended)
	s.reserveCovered()
}

// showCaption puts the current slide, or the overview, on the card.
func (s *Show) showCaption() {
	s.card.show(s.caption())
	if s.toastRow != nil {
		s.toastRow.Refresh() // the message keeps covering the card as it changes size
	}
	if s.cardLayer != nil {
		s.cardLayer.Refresh() // lays the card out at its new height
	}
	s.reserveCovered()
}

// reserveCovered tells the map what lies over it — the card, and the
// locator when it shows — so that no place or country name is placed
// where the room cannot see it.
func (s *Show) reserveCovered() {
	k := float64(roomMagnify)
	box := func(o fyne.CanvasObject) render.Rect {
		p, z := o.Position(), o.Size()
		return render.Rect{MinX: float64(p.X) / k, MinY: float64(p.Y) / k, MaxX: float64(p.X+z.Width) / k, MaxY: float64(p.Y+z.Height) / k}
	}
	var rs []render.Rect
	if z := s.card.box.Size(); z.Width > 0 && z.Height > 0 {
		rs = append(rs, box(s.card.box))
	}
	if s.loc != nil && s.loc.shown {
		rs = append(rs, box(s.loc.box))
	}
	if fmt.Sprint(rs) == fmt.Sprint(s.reserved) {
		return
	}
	s.reserved = rs
	s.mapW.SetReserved(rs...)
}

// caption is what the card says for the current slide, or the overview.
func (s *Show) caption() caption {
	if s.at < 0 {
		return s.overviewCaption()
	}
	if s.ended {
		return caption{heading: fmt.Sprintf("All %d shown", len(s.slides)), title: "End of the presentation",
			place: s.scope, hint: "Esc leaves · Left arrow goes back · O shows the overview"}
	}
	sl := s.slides[s.at]
	head, kind := sl.headingParts(s.at, len(s.slides))
	c := caption{heading: head, kind: kind, title: sl.Event.Title, place: sl.Place(), source: sl.Source}
	if sl.Quote != "" {
		c.quote = "“" + sl.Quote + "”"
	}
	if sl.Event.Type != "" {
		et := s.tax.Lookup(sl.Event.Type)
		c.colour, c.symbol = et.Color, et.Symbol
	}
	return c
}

// overviewCaption says what the presentation holds and how to step.
func (s *Show) overviewCaption() caption {
	n := len(s.slides)
	heading := fmt.Sprintf("%d events", n)
	if n == 1 {
		heading = "1 event"
	}
	if span := dateSpan(s.slides); span != "" {
		heading += " · " + span
	}
	hint := "Space or Right arrow: next event · Left arrow: previous · O: overview · S: save this slide as a picture · Esc: leave"
	if n == 0 {
		return caption{heading: heading, title: s.title, place: "No events to show: the filter hides them all. Esc leaves."}
	}
	return caption{heading: heading, title: s.title, place: s.scope, hint: hint}
}

// dateSpan is "Jan 2025 – Nov 2025" over the slides' dates, "" when none
// has a date.
func dateSpan(slides []Slide) string {
	var first, last time.Time
	for _, sl := range slides {
		d := sl.Event.DateStart
		if d.IsZero() {
			continue
		}
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if e := sl.Event.DateEnd; e.After(d) {
			d = e
		}
		if d.After(last) {
			last = d
		}
	}
	if first.IsZero() {
		return ""
	}
	a, b := first.Format("Jan 2006"), last.Format("Jan 2006")
	if a == b {
		return a
	}
	return a + " – " + b
}

// typedKey steps through the slides.
func (s *Show) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyRight, fyne.KeySpace, fyne.KeyPageDown, fyne.KeyDown:
		s.Next()
	case fyne.KeyLeft, fyne.KeyBackspace, fyne.KeyPageUp, fyne.KeyUp:
		s.Prev()
	case fyne.KeyHome:
		s.Overview() // the title slide, before the first event
	case fyne.KeyEnd:
		s.Go(len(s.slides) - 1)
	case fyne.KeyF11:
		s.win.SetFullScreen(!s.win.FullScreen())
	case fyne.KeyEscape:
		s.Close()
	}
}

// typedRune handles the letter keys.
func (s *Show) typedRune(r rune) {
	switch r {
	case 'n', 'N':
		s.Next()
	case 'p', 'P':
		s.Prev()
	case 'o', 'O':
		s.lookAtOverview()
	case 's', 'S':
		s.saveSlide()
	case '+', '=':
		s.mapW.ZoomIn()
	case '-', '−':
		s.mapW.ZoomOut()
	}
}

// say shows msg at the bottom of the window for toastTime.
func (s *Show) say(msg string) {
	s.toastN++
	n := s.toastN
	s.toast.SetText(msg)
	s.toastBox.Show()
	s.toastRow.Refresh()
	if s.toastTimer != nil {
		s.toastTimer.Stop()
	}
	s.toastTimer = time.AfterFunc(toastTime, func() { fyne.Do(func() { s.hideMessage(n) }) })
}

// hideMessage hides the n-th message unless a newer one has replaced it.
func (s *Show) hideMessage(n int) {
	if s.toastN == n && !s.closed {
		s.toastBox.Hide()
		s.toastRow.Refresh()
	}
}

// Close closes the window (and stops a flight); closing twice is harmless.
func (s *Show) Close() {
	if !s.closed {
		s.win.Close()
	}
}
