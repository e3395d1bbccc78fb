package workbench

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

func TestNewEventFromSelectionOffersCityAndProvince(t *testing.T) {
	wb, w, errs := newTestWorkbench(t, false)
	text := wb.articles[wb.current].Text
	start, end := offsetOf(t, text, "visited Kunduz")
	wb.reader.SetSelection(start, end)

	wb.NewEventFromSelection()
	f := wb.form
	if !f.shown || !f.isDraft || len(*errs) > 0 {
		t.Fatalf("no draft in the form; errors %v", *errs)
	}
	if !focusedIs(w, f.typ) {
		t.Errorf("the keyboard is on %T, want the type field", w.Canvas().Focused())
	}
	var city, province string
	for _, o := range f.placeOptions("") {
		switch {
		case strings.HasPrefix(o.text(), "Kunduz — city"):
			city = o.value
		case strings.HasPrefix(o.text(), "Kunduz — province"):
			province = o.value
		}
	}
	if city == "" || province == "" {
		t.Fatalf("offered %v, want Kunduz city and Kunduz province", f.placeOptions(""))
	}
	if f.placeID != city {
		t.Errorf("the place preset is %q, want the best suggestion, Kunduz city %q", f.placeID, city)
	}
	f.typ.setText("Diplomacy")
	f.sub.setText("visit")
	f.title.SetText("Tajik delegation visits Kunduz")
	f.submit()
	if len(*errs) > 0 || f.message.Text != "" {
		t.Fatalf("errors: %v %q", *errs, f.message.Text)
	}

	stored, err := wb.project.Events()
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 1 {
		t.Fatalf("stored %d events, want 1", len(stored))
	}
	e := stored[0]
	if e.Type != "Diplomacy" || e.SubType != "visit" || e.Title != "Tajik delegation visits Kunduz" || e.PlaceName != "Kunduz" {
		t.Errorf("stored %q/%q %q at %q", e.Type, e.SubType, e.Title, e.PlaceName)
	}
	if _, ok := e.Geometry.(orb.Point); !ok {
		t.Errorf("city event geometry is %T, want a point", e.Geometry)
	}
	if len(e.Spans) != 1 || e.Spans[0].Start != start || e.Spans[0].End != end || e.Spans[0].Quote != "visited Kunduz" {
		t.Errorf("spans %+v, want %d–%d \"visited Kunduz\"", e.Spans, start, end)
	}
	if wb.Selected() != e.ID {
		t.Errorf("the new event is not selected")
	}
}

func TestNewEventForProvinceIsAnArea(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	text := wb.articles[wb.current].Text
	start, end := offsetOf(t, text, "Khatlon region")
	e, err := wb.CreateEvent(NewEventRequest{Start: start, End: end, Type: "Diplomacy", PlaceID: "adm1:TJ-KT"})
	if err != nil || len(*errs) > 0 {
		t.Fatal(err, *errs)
	}
	switch e.Geometry.(type) {
	case orb.Polygon, orb.MultiPolygon:
	default:
		t.Fatalf("province event geometry is %T, want an area", e.Geometry)
	}
	if e.Title != "Khatlon region" || e.GeoPrecision != annotate.GeoProvince {
		t.Errorf("title %q, geo precision %v", e.Title, e.GeoPrecision)
	}
}

func TestSelectionOfSpacesIsRefused(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	text := wb.articles[wb.current].Text
	start, _ := offsetOf(t, text, " Kunduz")
	wb.reader.SetSelection(start, start+1)
	wb.NewEventFromSelection()
	if wb.form.shown {
		t.Fatal("a form opened for a selection of one space")
	}
	if len(*errs) != 1 || !errors.Is((*errs)[0], annotate.ErrEmptySelection) {
		t.Fatalf("errors %v, want ErrEmptySelection", *errs)
	}
	if evs, _ := wb.project.Events(); len(evs) != 0 {
		t.Errorf("%d events stored after a refused selection", len(evs))
	}
	// Nothing selected at all: a hint in the status line, no message sheet.
	*errs = nil
	wb.reader.SetSelection(start, start)
	wb.NewEventFromSelection()
	if wb.form.shown || len(*errs) != 0 {
		t.Fatalf("Ctrl+E with nothing selected: form %v, errors %v", wb.form.shown, *errs)
	}
	if got, want := wb.status.message.Text, "Select the words that report an event in the article, then press Ctrl+E"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
}

func TestTapEventOnMapSelectsItAndScrollsReader(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	var line annotate.Event
	for _, e := range wb.events {
		if _, ok := e.Geometry.(orb.LineString); ok {
			line = e
		}
	}
	if line.ID == "" {
		t.Fatal("sample has no line event")
	}
	// Tap the middle of the Balkh–Dushanbe line.
	ls := line.Geometry.(orb.LineString)
	v := wb.mapView.View()
	x1, y1 := v.ToPixel(ls[0])
	x2, y2 := v.ToPixel(ls[len(ls)-1])
	test.TapAt(wb.mapView, fyne.NewPos(float32((x1+x2)/2), float32((y1+y2)/2)))
	if wb.Selected() != line.ID {
		t.Fatalf("selected %q after tapping the line, want %q", wb.Selected(), line.ID)
	}
	if wb.mapView.Selected() != line.ID {
		t.Errorf("map shows %q selected", wb.mapView.Selected())
	}
	// Tapping empty map far from every event clears the selection.
	test.TapAt(wb.mapView, fyne.NewPos(3, 3))
	if wb.Selected() != "" {
		t.Errorf("selected %q after tapping empty map", wb.Selected())
	}
}

func TestHighlightTapSelectsEvent(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	e := wb.events[0]
	wb.reader.OnHighlightTapped(e.ID)
	if wb.Selected() != e.ID || wb.mapView.Selected() != e.ID {
		t.Fatalf("selection %q / map %q, want %q", wb.Selected(), wb.mapView.Selected(), e.ID)
	}
	b, ok := wb.mapView.View().Bound(), true
	if !ok || !b.Contains(e.Centroid()) {
		t.Errorf("map view %v does not show the event at %v", b, e.Centroid())
	}
}

// TestHighlightTapKeepsTheReaderWhereItIs clicks an event's evidence far
// down the article: the reader stays on it instead of jumping to the
// event's first span; picking the event elsewhere does scroll to that span.
func TestHighlightTapKeepsTheReaderWhereItIs(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	w.Resize(fyne.NewSize(1400, 420)) // a short reader, so the article scrolls
	text := wb.articles[wb.current].Text
	first, _ := offsetOf(t, text, "In a sign of warming relations")
	last, lastEnd := offsetOf(t, text, "gradually thawing")
	e := wb.events[0]
	var spans []annotate.Span
	for _, r := range [][2]int{{first, first + 30}, {last, lastEnd}} {
		s, err := annotate.NewSpan(text, r[0], r[1])
		if err != nil {
			t.Fatal(err)
		}
		s.ArticleID = wb.articles[wb.current].ID
		spans = append(spans, s)
	}
	e.Spans = spans
	if err := wb.store(&e); err != nil {
		t.Fatal(err)
	}
	wb.SelectEvent("")
	wb.reader.ScrollToOffset(last)
	at := wb.reader.ScrollOffset()
	if at == 0 {
		t.Fatal("set-up: the reader did not scroll down")
	}
	wb.reader.OnHighlightTapped(e.ID)
	if wb.Selected() != e.ID {
		t.Fatalf("selected %q", wb.Selected())
	}
	if got := wb.reader.ScrollOffset(); got != at {
		t.Errorf("a click on the event's second span scrolled the reader from %g to %g", at, got)
	}
	wb.SelectEvent("")
	wb.SelectEvent(e.ID) // from the table or the map
	if got := wb.reader.ScrollOffset(); got >= at {
		t.Errorf("selecting the event elsewhere left the reader at %g, want its first span above %g", got, at)
	}
}
