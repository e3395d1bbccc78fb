package workbench

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"eventatlas/annotate"
)

// load fills the form with e: a stored event, or a new draft (isDraft)
// whose places to offer are suggested.
func (f *eventForm) load(e annotate.Event, isDraft bool, suggested []annotate.Place) {
	f.closeLists()
	f.loading = true
	defer func() { f.loading = false }()
	if f.base.ID != e.ID || isDraft {
		f.scrollTo(0) // another event starts at the top
	}
	f.base, f.isDraft, f.dirty, f.suggested = e, isDraft, false, suggested
	f.typ.setText(e.Type)
	f.sub.setText(e.SubType)
	f.title.SetText(e.Title)
	f.actors = append([]annotate.ActorRole(nil), e.Actors...)
	f.refreshChips()
	f.actorAdd.setText("")
	f.endFollows = isDraft || endIsPreset(e)
	f.start.SetText(formatDate(e.DateStart))
	f.end.SetText(formatDate(e.DateEnd))
	f.start.SetValidationError(nil)
	f.end.SetValidationError(nil)
	setIndex(f.precision, int(max(e.DatePrecision, annotate.PrecisionDay))-1)
	f.placeID, f.geometry = e.PlaceID, e.Geometry
	f.placeText = e.PlaceName
	if p, ok := f.wb.gaz.Place(e.PlaceID); ok {
		f.placeText = placeLabel(p)
	}
	f.place.setText(f.placeText)
	setIndex(f.geo, int(e.GeoPrecision)-1)
	setIndex(f.certainty, indexOf(certaintyNames, string(e.Certainty)))
	f.fatalities.SetText("")
	if e.Fatalities >= 0 {
		f.fatalities.SetText(strconv.Itoa(e.Fatalities))
	}
	setIndex(f.state, indexOf(statusNames, string(e.Status)))
	f.tags.SetText(strings.Join(e.Tags, ", "))
	f.notes.SetText(e.Notes)
	f.setMessage("")
	f.setWarning("")
	if f.warning != "" && f.warnID == e.ID && !isDraft {
		f.setWarning(f.warning)
	}
	f.warnID, f.warning = "", ""
	f.showFields(true)
	f.updateHeading()
}

// clear empties the form and shows the hint.
func (f *eventForm) clear() {
	f.closeLists()
	f.base, f.isDraft, f.dirty = annotate.Event{}, false, false
	f.warnID, f.warning = "", ""
	f.setMessage("")
	f.setWarning("")
	f.showFields(false)
}

// closeLists closes any open completion list.
func (f *eventForm) closeLists() {
	for _, c := range []*completer{f.typ, f.sub, f.actorAdd, f.place} {
		c.close()
	}
}

// fieldError is a problem with one field of the form.
type fieldError struct {
	field string
	err   error
}

func (e *fieldError) Error() string { return e.field + ": " + e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// collect reads the fields into a copy of the event shown, or says what is
// wrong with the first field that is.
func (f *eventForm) collect() (annotate.Event, error) {
	e := f.base
	e.Spans = append([]annotate.Span(nil), f.base.Spans...)
	bad := func(field string, err error) (annotate.Event, error) {
		return annotate.Event{}, &fieldError{field, err}
	}
	et, ok := f.lookupType(f.typ.Text)
	if !ok {
		return bad("Type", fmt.Errorf("choose one of %s (type a few letters, then Enter)", strings.Join(f.wb.tax.Names(), ", ")))
	}
	e.Type = et.Name
	e.SubType = ""
	if s := strings.TrimSpace(f.sub.Text); s != "" {
		if e.SubType = lookupSubType(et, s); e.SubType == "" {
			return bad("Sub-type", fmt.Errorf("%q is not a sub-type of %s", s, et.Name))
		}
	}
	if e.Title = strings.Join(strings.Fields(f.title.Text), " "); e.Title == "" {
		return bad("Title", errors.New("give the event a title"))
	}
	e.Actors = append([]annotate.ActorRole(nil), f.actors...)
	start, p1, err := parseDate(f.start.Text, false)
	if err != nil {
		return bad("Start date", err)
	}
	end, p2 := annotate.PeriodEnd(start, p1), p1
	if strings.TrimSpace(f.end.Text) != "" {
		if end, p2, err = parseDate(f.end.Text, true); err != nil {
			return bad("End date", err)
		}
	}
	if end.Before(start) {
		return bad("End date", fmt.Errorf("%s is before the start date %s", formatDate(end), formatDate(start)))
	}
	e.DateStart, e.DateEnd = start, end
	e.DatePrecision = annotate.DatePrecision(f.precision.SelectedIndex() + 1)
	e.DatePrecision = max(e.DatePrecision, p1, p2, annotate.PrecisionDay)
	if f.placeID == "" && f.geometry == nil || strings.TrimSpace(f.place.Text) != f.placeText {
		return bad("Place", errors.New("pick a place from the list (the Down key in the place field), or type its name"))
	}
	e.PlaceID, e.Geometry = f.placeID, f.geometry
	if p, ok := f.wb.gaz.Place(f.placeID); ok {
		e.PlaceName, e.Admin1, e.Country = p.Name, p.Admin1, p.Country
	}
	// A drop-down left on "(Select one)" keeps what the event had (an
	// imported event may have no certainty): nothing is chosen for the user.
	if i := f.geo.SelectedIndex(); i >= 0 {
		e.GeoPrecision = annotate.GeoPrecision(i + 1)
	}
	if i := f.certainty.SelectedIndex(); i >= 0 {
		e.Certainty = annotate.Certainty(certaintyNames[i])
	}
	e.Fatalities = -1
	if s := strings.TrimSpace(f.fatalities.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return bad("Fatalities", fmt.Errorf("%q is not a number of deaths: enter a whole number ≥ 0, or leave it empty if unknown", s))
		}
		e.Fatalities = n
	}
	if i := f.state.SelectedIndex(); i >= 0 {
		e.Status = annotate.Status(statusNames[i])
	}
	e.Tags = splitTags(f.tags.Text)
	e.Notes = strings.TrimSpace(f.notes.Text)
	f.warnID, f.warning = "", ""
	if f.isDraft || f.dirty {
		f.warnID, f.warning = e.ID, joinWarnings(actorWarning(e.Actors), dateWarning(e, f.wb.publishedOf(e)))
	}
	return e, nil
}

// actorWarning says that an event with these actors lacks actor 1, which
// ACLED requires, or is "". It warns and does not stop the save: an
// article may not name the actor yet, and a form left for another event is
// saved only when valid, so a blocking rule would drop the coder's work.
func actorWarning(actors []annotate.ActorRole) string {
	for _, a := range actors {
		if a.Role == "actor1" {
			return ""
		}
	}
	if len(actors) == 0 {
		return "No actor 1: ACLED records need one — saved anyway. Add the actor in Actors."
	}
	return "No actor 1: ACLED records need one — saved anyway. Select an actor's chip and press 1."
}

// dateWarning says what a methodologist would question in e's dates, or
// "": a period of several days coded with day precision, and an event that
// ends after published, the date of the latest article its evidence is in
// (zero when unknown). Like the actor warning it does not stop the save.
func dateWarning(e annotate.Event, published time.Time) string {
	var notes []string
	if e.DatePrecision == annotate.PrecisionDay && !e.DateStart.IsZero() && e.DateEnd.After(e.DateStart) {
		days := int(e.DateEnd.Sub(e.DateStart).Hours()/24) + 1
		notes = append(notes, fmt.Sprintf("Runs %d days with day precision: code one event a day, or choose week or month", days))
	}
	if !published.IsZero() && e.DateEnd.After(published) && !e.DateStart.After(published) {
		notes = append(notes, fmt.Sprintf("Ends %s, after the article was published (%s): type an end date", e.DateEnd.Format("2 Jan 2006"), published.Format("2 Jan 2006")))
	}
	if len(notes) == 0 {
		return ""
	}
	return strings.Join(notes, ". ") + " — saved anyway."
}

// joinWarnings puts the non-empty warnings on one line each.
func joinWarnings(ws ...string) string {
	var out []string
	for _, w := range ws {
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, "\n")
}

// publishedOf is the publication date of the latest article e has evidence
// in; zero when none of them has a date.
func (wb *Workbench) publishedOf(e annotate.Event) time.Time {
	var latest time.Time
	for _, s := range e.Spans {
		for i := range wb.articles {
			if a := &wb.articles[i]; a.ID == s.ArticleID && a.Published.After(latest) {
				latest = a.Published
			}
		}
	}
	return latest
}

// splitTags reads comma-separated tags, dropping empty and repeated ones.
func splitTags(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.Split(s, ",") {
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			out = append(out, t)
		}
	}
	return out
}

// setIndex selects option i of c, or nothing when i is out of range.
func setIndex(c *choice, i int) {
	if i < 0 || i >= len(c.Options) {
		c.ClearSelected()
		return
	}
	c.SetSelectedIndex(i)
}
