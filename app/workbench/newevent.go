package workbench

import (
	"errors"
	"eventatlas/storage/ingest"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"eventatlas/annotate"
)

// NewEventRequest is what CreateEvent needs to code an event without the form.
type NewEventRequest struct {
	Start, End int    // the selection, code points into the current article
	Type       string // taxonomy type
	SubType    string // may be empty
	Title      string // may be empty: the quote is used
	PlaceID    string // gazetteer id; required
}

// ErrNoArticle is returned when an event is asked for with no article open.
var ErrNoArticle = errors.New("open an article first: events are made from its words")

// ErrNoEvent is returned when an action needs a selected event and none is.
var ErrNoEvent = errors.New("select an event first: pick it in the event list, on the map or in the text")

// CreateEvent makes an event from the selection [req.Start, req.End) of the
// current article, places it at req.PlaceID, saves it at once and selects it.
func (wb *Workbench) CreateEvent(req NewEventRequest) (annotate.Event, error) {
	span, err := wb.spanOf(req.Start, req.End)
	if err != nil {
		return annotate.Event{}, err
	}
	place, ok := wb.gaz.Place(req.PlaceID)
	if !ok {
		return annotate.Event{}, fmt.Errorf("choose a place for the event")
	}
	e := wb.draft(span)
	e.Type, e.SubType = req.Type, req.SubType
	if t := strings.TrimSpace(req.Title); t != "" {
		e.Title = t
	}
	e.PlaceID, e.PlaceName, e.Admin1, e.Country = place.ID, place.Name, place.Admin1, place.Country
	e.Geometry, e.GeoPrecision = placeGeometry(place), place.GeoPrecision()
	if err := wb.store(&e); err != nil {
		return annotate.Event{}, err
	}
	return e, nil
}

// spanOf makes the evidence span [start, end) of the current article.
func (wb *Workbench) spanOf(start, end int) (annotate.Span, error) {
	if wb.current < 0 {
		return annotate.Span{}, ErrNoArticle
	}
	a := wb.articles[wb.current]
	span, err := annotate.NewSpan(a.Text, start, end)
	if err != nil {
		return annotate.Span{}, err
	}
	span.ID, span.ArticleID = uuid.NewString(), a.ID
	return span, nil
}

// draft is a new, unsaved event with span as its evidence: titled after the
// quote, dated the article's day, reported, a draft, its type and place to
// be chosen. An article with no date gives no date: the analyst types it
// (the form asks for it), rather than the event silently taking today's.
func (wb *Workbench) draft(span annotate.Span) annotate.Event {
	date := wb.articles[wb.current].Published
	// A day the selection itself states ("late on Monday, 2 March") is the
	// event's, not the article's.
	if d, ok := ingest.StatedDate(span.Quote, date); ok {
		date = d
	}
	id := uuid.NewString()
	span.EventID = id
	return annotate.Event{
		ID: id, Title: defaultTitle(span.Quote),
		DateStart: date, DateEnd: date, DatePrecision: annotate.PrecisionDay,
		GeoPrecision: annotate.GeoExact, Certainty: annotate.Reported, Status: annotate.StatusDraft,
		Fatalities: -1, Spans: []annotate.Span{span},
	}
}

// NewEventFromSelection starts a new event from the reader's selection
// (Ctrl+E): the form shows a draft with the selection as evidence, the best
// place suggested for it and the article's date, and the keyboard goes to
// its type field. Nothing is saved until Enter.
func (wb *Workbench) NewEventFromSelection() {
	start, end := wb.reader.Selection()
	if start == end && wb.current >= 0 {
		// Nothing selected is not an error worth a sheet: say what to do.
		wb.status.setMessage("Select the words that report an event in the article, then press Ctrl+E")
		return
	}
	span, err := wb.spanOf(start, end)
	if err != nil {
		wb.onError(err)
		return
	}
	wb.leaveForm()
	e := wb.draft(span)
	suggested, best := wb.gaz.SuggestBest(wb.articles[wb.current].Text, span.Start, span.End)
	wb.form.load(e, true, suggested)
	if best { // else the analyst chooses: no place of a later sentence is pre-filled
		wb.form.loading = true
		wb.form.setPlace(suggested[0])
		wb.form.loading = false
	}
	wb.refreshDraftHighlight()
	msg := "New event from “" + defaultTitle(span.Quote) + "”: type, Tab to the next field, Enter saves"
	if e.DateStart.IsZero() {
		msg = "New event — the article has no date: type the event's date, e.g. 2025-11-20"
	}
	if pub := wb.articles[wb.current].Published; !e.DateStart.IsZero() && !e.DateStart.Equal(pub) {
		msg += " — the date is the one the selection states, " + e.DateStart.Format("2 Jan 2006")
	}
	if !best && len(suggested) > 0 {
		msg += " — pick the place: Down in Place lists those the text names"
	}
	wb.status.setMessage(msg)
	wb.form.focusType()
}

// store saves e at once, then shows it saved and selected everywhere.
func (wb *Workbench) store(e *annotate.Event) error {
	if err := wb.project.SaveEvent(e); err != nil {
		wb.status.setSaved(false)
		return fmt.Errorf("the event was not saved: %w", err)
	}
	wb.status.setSaved(true)
	f := wb.form
	if f.shown && f.base.ID == e.ID {
		// The refresh loads the event as stored into the form (syncForm).
		f.base, f.isDraft, f.dirty = *e, false, false
	} else {
		f.load(*e, false, f.suggested)
	}
	// Selected before the refresh, the table selects and shows its row
	// while it fills.
	wb.selected = e.ID
	if err := wb.eventStored(e.ID); err != nil {
		return err
	}
	wb.selectEvent(e.ID, false)
	return nil
}

// defaultTitle shortens a quote to a title of at most 80 characters.
func defaultTitle(quote string) string {
	q := strings.Join(strings.Fields(quote), " ")
	r := []rune(q)
	if len(r) <= 80 {
		return q
	}
	cut := string(r[:80])
	if i := strings.LastIndex(cut, " "); i > 40 {
		cut = cut[:i]
	}
	return cut + "…"
}
