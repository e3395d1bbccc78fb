package workbench

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"eventatlas/annotate"
)

// NewEventRequest is what the new-event form collects.
type NewEventRequest struct {
	Start, End int    // the selection, code points into the current article
	Type       string // taxonomy type
	SubType    string // may be empty
	Title      string // may be empty: the quote is used
	PlaceID    string // gazetteer id; required
}

// ErrNoArticle is returned when an event is asked for with no article open.
var ErrNoArticle = errors.New("open an article first: events are made from its words")

// CreateEvent makes an event from the selection [req.Start, req.End) of the
// current article, places it at req.PlaceID, saves it at once and selects it.
func (wb *Workbench) CreateEvent(req NewEventRequest) (annotate.Event, error) {
	if wb.current < 0 {
		return annotate.Event{}, ErrNoArticle
	}
	a := wb.articles[wb.current]
	span, err := annotate.NewSpan(a.Text, req.Start, req.End)
	if err != nil {
		return annotate.Event{}, err
	}
	place, ok := wb.gaz.Place(req.PlaceID)
	if !ok {
		return annotate.Event{}, fmt.Errorf("choose a place for the event")
	}
	title := strings.TrimSpace(req.Title)
	if title == "" {
		title = defaultTitle(span.Quote)
	}
	date := a.Published
	if date.IsZero() {
		date = time.Now().UTC().Truncate(24 * time.Hour)
	}
	e := annotate.Event{
		ID: uuid.NewString(), Type: req.Type, SubType: req.SubType, Title: title,
		DateStart: date, DateEnd: date, DatePrecision: annotate.PrecisionDay,
		PlaceID: place.ID, PlaceName: place.Name, Admin1: place.Admin1, Country: place.Country,
		GeoPrecision: place.GeoPrecision(), Certainty: annotate.Reported, Status: annotate.StatusDraft,
		Fatalities: -1,
	}
	e.Geometry = place.Geometry
	if place.Kind != annotate.KindProvince && place.Kind != annotate.KindCountry || e.Geometry == nil {
		e.Geometry = place.Point
	}
	span.ID = uuid.NewString()
	span.ArticleID = a.ID
	span.EventID = e.ID
	e.Spans = []annotate.Span{span}
	if err := wb.project.SaveEvent(&e); err != nil {
		wb.status.setSaved(false)
		return annotate.Event{}, fmt.Errorf("the event was not saved: %w", err)
	}
	wb.status.setSaved(true)
	if err := wb.Reload(); err != nil {
		return e, err
	}
	wb.SelectEvent(e.ID)
	return e, nil
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
