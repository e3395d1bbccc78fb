package exchange

import (
	"encoding/json"
	"errors"
	"reflect"

	"eventatlas/annotate"
)

// props are an event's fields as GeoJSON properties, as ReadGeoJSON
// decodes them (appendProps writes them). The names are ACLED's
// where ACLED has the field (event_type, sub_event_type, event_date,
// location, admin1, country, fatalities, notes) and the CSV's own columns
// elsewhere, so a field has one name in every format. Nullable fields are
// pointers: null is an unknown date, time or fatality count. A missing
// date_end is the period event_date names (one day, a month or a year),
// as a missing date_end column is in a CSV; null is an unknown end.
type props struct {
	ID             string      `json:"id"`
	Title          string      `json:"title"`
	EventType      string      `json:"event_type"`
	SubEventType   string      `json:"sub_event_type"`
	Actors         []actorJSON `json:"actors"`
	EventDate      *string     `json:"event_date"`
	Date           *string     `json:"date"` // taken as event_date when a file has no event_date
	DateEnd        optString   `json:"date_end"`
	DatePrecision  string      `json:"date_precision"`
	Location       string      `json:"location"`
	PlaceID        string      `json:"place_id"`
	Admin1         string      `json:"admin1"`
	Country        string      `json:"country"`
	PlacePrecision string      `json:"place_precision"`
	Certainty      string      `json:"certainty"`
	Fatalities     *int        `json:"fatalities"`
	Tags           []string    `json:"tags"`
	Notes          string      `json:"notes"`
	Status         string      `json:"status"`
	Annotator      string      `json:"annotator"`
	Evidence       []spanJSON  `json:"evidence"`
	Created        *string     `json:"created"`
	Updated        *string     `json:"updated"`
}

// actorJSON is an actor in a role.
type actorJSON struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
	Role string `json:"role"`
}

// spanJSON is an evidence span; the event it belongs to is implied.
type spanJSON struct {
	ID        string `json:"id,omitempty"`
	ArticleID string `json:"article_id"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Quote     string `json:"quote"`
	Prefix    string `json:"prefix"`
	Suffix    string `json:"suffix"`
}

// optString is a string property that tells a missing member (Present
// false) from null (Value nil).
type optString struct {
	Present bool
	Value   *string
}

// UnmarshalJSON reads a string or null.
func (o *optString) UnmarshalJSON(b []byte) error {
	o.Present = true
	if string(b) == "null" {
		o.Value = nil
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &json.UnmarshalTypeError{Value: jsonValueKind(b), Type: reflect.TypeFor[string]()} // the decoder adds the field
	}
	o.Value = &s
	return nil
}

// jsonValueKind names the kind of the JSON value b, as UnmarshalTypeError
// does.
func jsonValueKind(b []byte) string {
	switch b[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	}
	return "number"
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// event builds the event the properties describe, without its geometry,
// and checks every field but the geometry.
func (p *props) event() (annotate.Event, error) {
	e := annotate.Event{
		ID:        p.ID,
		Type:      p.EventType,
		SubType:   p.SubEventType,
		Title:     p.Title,
		PlaceID:   p.PlaceID,
		PlaceName: p.Location,
		Admin1:    p.Admin1,
		Country:   p.Country,
		Certainty: annotate.Certainty(p.Certainty),
		Notes:     p.Notes,
		Status:    annotate.Status(p.Status),
		Annotator: p.Annotator,
	}
	var (
		err      error
		textPrec annotate.DatePrecision
	)
	name, date := "event_date", p.EventDate
	if date == nil && p.Date != nil {
		name, date = "date", p.Date // a file from another tool
	}
	if e.DateStart, textPrec, err = parseDateText(name, deref(date), false); err != nil {
		return e, err
	}
	e.DateEnd = annotate.PeriodEnd(e.DateStart, textPrec) // no date_end property: the period event_date names
	if p.DateEnd.Present {
		if e.DateEnd, _, err = parseDateText("date_end", deref(p.DateEnd.Value), true); err != nil {
			return e, err
		}
	}
	if e.DatePrecision, err = parsePrecision(p.DatePrecision); err != nil {
		return e, err
	}
	if e.DatePrecision == 0 && textPrec > annotate.PrecisionDay {
		e.DatePrecision = textPrec
	}
	if e.GeoPrecision, err = parseGeoPrecision(p.PlacePrecision); err != nil {
		return e, err
	}
	if e.Created, err = parseTime("created", deref(p.Created)); err != nil {
		return e, err
	}
	if e.Updated, err = parseTime("updated", deref(p.Updated)); err != nil {
		return e, err
	}
	e.Fatalities = -1
	if p.Fatalities != nil {
		e.Fatalities = *p.Fatalities
	}
	for _, a := range p.Actors {
		if a.Name == "" {
			return e, errors.New("an actor has no name")
		}
		if err := checkRole(a.Role); err != nil {
			return e, err
		}
		e.Actors = append(e.Actors, annotate.ActorRole{ActorID: a.ID, Name: a.Name, Role: a.Role})
	}
	for _, t := range p.Tags {
		if t != "" {
			e.Tags = append(e.Tags, t)
		}
	}
	for _, s := range p.Evidence {
		e.Spans = append(e.Spans, annotate.Span{ID: s.ID, ArticleID: s.ArticleID, EventID: e.ID,
			Start: s.Start, End: s.End, Quote: s.Quote, Prefix: s.Prefix, Suffix: s.Suffix})
	}
	return e, checkFields(&e)
}

// checkFields checks the fields every reader checks besides the geometry.
func checkFields(e *annotate.Event) error {
	switch {
	case e.Type == "":
		return errors.New("no event type")
	case e.Title == "":
		return errors.New("no title")
	}
	for _, err := range []error{
		checkDates(e.DateStart, e.DateEnd),
		checkCertainty(e.Certainty),
		checkStatus(e.Status),
		checkFatalities(e.Fatalities),
		checkSpans(e.Spans),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}
