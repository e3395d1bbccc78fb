package workbench

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/app/reader"
	"eventatlas/mapview/render"
	"eventatlas/storage"
)

// eventDiff lists the fields in which a and b differ.
func eventDiff(a, b annotate.Event) []string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []string
	for i := range va.NumField() {
		x, y := va.Field(i).Interface(), vb.Field(i).Interface()
		if !reflect.DeepEqual(x, y) {
			out = append(out, fmt.Sprintf("%s: %.80v ≠ %.80v", va.Type().Field(i).Name, fmt.Sprint(x), fmt.Sprint(y)))
		}
	}
	return out
}

// sameEvents reports how got differs from want, event by event and field
// by field, in order.
func sameEvents(t *testing.T, what string, got, want []annotate.Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d events, want %d", what, len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if d := eventDiff(got[i], want[i]); len(d) > 0 {
			t.Errorf("%s: event %d (%s) differs: %v", what, i, want[i].Title, d)
		}
	}
}

// views is what the workbench shows of its events.
type views struct {
	events, rows        []annotate.Event
	mapPix              []byte
	count, orphans      string
	highlights          []reader.Highlight
	reader              string // the reader as drawn, at its top, without selection or cursor
	actors, articles    []string
	perArticle          []int
	selected, mapSel    string
	formBase            annotate.Event
	formShown, formEdit bool
}

// mapTestView shows the sample's region on a small image.
var mapTestView = render.View{Center: orb.Point{68.5, 37.5}, Zoom: 6, Width: 480, Height: 320, Scale: 1}

func captureViews(wb *Workbench, engine *render.Map) views {
	v := views{
		events: slices.Clone(wb.events), rows: slices.Clone(wb.table.rows),
		mapPix:     bytes.Clone(engine.Render(mapTestView, render.Selection{Selected: wb.mapView.Selected()}).Pix),
		count:      wb.status.count.Text,
		orphans:    wb.status.orphans.Text,
		highlights: slices.Clone(wb.highlights),
		actors:     slices.Clone(wb.filters.actor.Options), articles: slices.Clone(wb.filters.article.Options),
		selected: wb.selected, mapSel: wb.mapView.Selected(),
		formBase: wb.form.base, formShown: wb.form.shown, formEdit: wb.form.dirty || wb.form.isDraft,
	}
	for _, a := range wb.articles {
		v.perArticle = append(v.perArticle, wb.eventsIn(a.ID))
	}
	wb.win.Canvas().Unfocus() // no text cursor
	wb.reader.SetSelection(0, 0)
	wb.reader.ScrollToOffset(0)
	v.reader = test.RenderObjectToMarkup(wb.reader)
	return v
}

// freshViews opens a second workbench on wb's project, with wb's filter,
// selection and article, and returns what it shows.
func freshViews(t *testing.T, wb *Workbench) views {
	t.Helper()
	fresh, _, _, engine := openTestWorkbenchEngine(t, wb.project)
	fresh.filters.text.SetText(wb.filters.text.Text)
	fresh.SelectEvent(wb.selected)
	fresh.SelectArticle(wb.current)
	return captureViews(fresh, engine)
}

// assertLikeReload checks that the views after an incremental update are
// what a full Reload shows, on wb and on a workbench opened afresh, and
// wb.events what the project stores.
func assertLikeReload(t *testing.T, wb *Workbench, engine *render.Map, step string) {
	t.Helper()
	stored, err := wb.project.Events()
	if err != nil {
		t.Fatal(err)
	}
	sameEvents(t, step+": events in memory vs stored", wb.events, stored)
	got := captureViews(wb, engine)
	compareViews(t, step+" (vs a new workbench)", got, freshViews(t, wb), false)
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	compareViews(t, step+" (vs Reload)", got, captureViews(wb, engine), true)
}

// compareViews reports how got differs from want; form compares the form
// too.
func compareViews(t *testing.T, step string, got, want views, form bool) {
	t.Helper()
	sameEvents(t, step+": events", got.events, want.events)
	sameEvents(t, step+": table rows", got.rows, want.rows)
	if d := eventDiff(got.formBase, want.formBase); form && (len(d) > 0 || got.formShown != want.formShown || got.formEdit != want.formEdit) {
		t.Errorf("%s: the form differs: %v, shown %v/%v, edited %v/%v", step, d, got.formShown, want.formShown, got.formEdit, want.formEdit)
	}
	if !bytes.Equal(got.mapPix, want.mapPix) {
		t.Errorf("%s: the map draws other events", step)
	}
	checks := []struct {
		what      string
		got, want any
	}{
		{"status count", got.count, want.count},
		{"orphans", got.orphans, want.orphans},
		{"highlights", got.highlights, want.highlights},
		{"reader", got.reader, want.reader},
		{"actor filter options", got.actors, want.actors},
		{"article filter options", got.articles, want.articles},
		{"events per article", got.perArticle, want.perArticle},
		{"selected", got.selected, want.selected},
		{"map selection", got.mapSel, want.mapSel},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: %s %v, want %v", step, c.what, c.got, c.want)
		}
	}
}

// eventTitled returns the event whose title is title.
func eventTitled(t *testing.T, wb *Workbench, title string) annotate.Event {
	t.Helper()
	for _, e := range wb.events {
		if e.Title == title {
			return e
		}
	}
	t.Fatalf("no event %q", title)
	return annotate.Event{}
}

func TestIncrementalEditsMatchReload(t *testing.T) {
	test.NewTempApp(t)
	p := newTestProject(t, true)
	wb, w, errs, engine := openTestWorkbenchEngine(t, p)
	reloads := wb.reloads
	incremental := func(step string) {
		t.Helper()
		if len(*errs) > 0 {
			t.Fatalf("%s: %v", step, *errs)
		}
		if wb.reloads != reloads {
			t.Errorf("%s read the whole project again", step)
		}
		assertLikeReload(t, wb, engine, step)
		reloads = wb.reloads
	}

	// A new event, coded in the form.
	text := wb.articles[wb.current].Text
	start, end := offsetOf(t, text, "visited Kunduz")
	wb.reader.SetSelection(start, end)
	wb.NewEventFromSelection()
	f := wb.form
	f.typ.setText("Diplomacy")
	f.title.SetText("Delegation arrives in Kunduz")
	f.start.SetText("2025-06-01") // between the sample's dates: not last in storage order
	f.end.SetText("2025-06-01")
	f.submit()
	created := eventTitled(t, wb, "Delegation arrives in Kunduz")
	if i := indexOfEvent(wb.events, created.ID); i == len(wb.events)-1 {
		t.Error("the new event is last in storage order; the test needs it elsewhere")
	}
	if _, ok := engine.EventBound(created.ID); !ok {
		t.Error("the map does not have the new event")
	}
	incremental("saving a new event")
	got, err := p.Event(created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Annotator != "tester" || got.Created.IsZero() || !got.Updated.Equal(got.Created) ||
		len(got.Spans) != 1 || got.Spans[0].ID == "" || got.Spans[0].EventID != created.ID {
		t.Errorf("stored new event: annotator %q, created %v, updated %v, spans %+v", got.Annotator, got.Created, got.Updated, got.Spans)
	}
	if wb.Selected() != created.ID || wb.table.rowIndex(created.ID) != wb.table.selRow {
		t.Errorf("the new event is not selected in the table: row %d, selected row %d", wb.table.rowIndex(created.ID), wb.table.selRow)
	}

	// A changed event whose new date moves it in the order.
	old := eventTitled(t, wb, "Khatlon deputy governor meets Taliban governor of Kunduz")
	wb.SelectEvent(old.ID)
	f.title.SetText("Khatlon deputy governor meets Kunduz governor")
	f.start.SetText("2025-03-05")
	f.end.SetText("2025-03-06")
	time.Sleep(2 * time.Millisecond) // so that the update time differs from the creation time
	f.submit()
	if i := wb.table.rowIndex(old.ID); i < 0 || wb.table.rows[i].Title != "Khatlon deputy governor meets Kunduz governor" {
		t.Error("the table does not show the changed title")
	}
	incremental("saving a changed event")
	got, err = p.Event(old.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantStart := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	if got.Title != "Khatlon deputy governor meets Kunduz governor" || !got.DateStart.Equal(wantStart) ||
		!got.Created.Equal(old.Created) || !got.Updated.After(old.Updated) || got.Annotator != old.Annotator {
		t.Errorf("stored change: %q from %v, created %v (was %v), updated %v (was %v), annotator %q",
			got.Title, got.DateStart, got.Created, old.Created, got.Updated, old.Updated, got.Annotator)
	}
	if f.dirty || f.base.Title != got.Title || !f.base.Updated.Equal(got.Updated) {
		t.Errorf("the form shows %q updated %v, edited %v; want the stored event", f.base.Title, f.base.Updated, f.dirty)
	}

	// Changes the map does not show, then one it does.
	wb.SelectEvent(old.ID)
	f.notes.SetText("Confirmed by a second outlet.")
	f.state.SetSelectedIndex(indexOf(statusNames, string(annotate.StatusReviewed)))
	f.submit()
	incremental("saving notes and status")
	if got, _ := p.Event(old.ID); got.Notes != "Confirmed by a second outlet." || got.Status != annotate.StatusReviewed {
		t.Errorf("stored notes %q, status %q", got.Notes, got.Status)
	}
	wb.SelectEvent(old.ID)
	f.typ.SetText("Security cooperation") // as typed
	f.sub.SetText("")
	if !f.dirty {
		t.Fatal("the type change did not mark the form edited")
	}
	f.submit()
	if f.message.Text != "" {
		t.Fatalf("the type change was not saved: %s", f.message.Text)
	}
	incremental("saving a new type")
	if got, _ := p.Event(old.ID); got.Type != "Security cooperation" {
		t.Errorf("stored type %q", got.Type)
	}

	// Evidence added to an event.
	target := eventTitled(t, wb, "Visa and consular services for Khatlon–Kunduz traders discussed")
	wb.SelectEvent(target.ID)
	s, e := offsetOf(t, text, "Intelligence, security, trade and economic officials")
	wb.reader.SetSelection(s, e)
	shortcut(w, ctrlShiftKey(fyne.KeyE))
	incremental("adding evidence")
	if got, _ := p.Event(target.ID); len(got.Spans) != len(target.Spans)+1 {
		t.Errorf("stored %d spans, want %d", len(got.Spans), len(target.Spans)+1)
	}

	// A deleted event.
	gone := eventTitled(t, wb, "Balkh governor Yousuf Wafa visits Dushanbe")
	wb.SelectEvent(gone.ID)
	wb.DeleteSelected()
	test.Tap(wb.confirm.def)
	if _, ok := engine.EventBound(gone.ID); ok {
		t.Error("the map still has the deleted event")
	}
	incremental("deleting an event")
	if _, err := p.Event(gone.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the deleted event is still stored: %v", err)
	}

	// Undo goes back through them, reading everything again.
	for _, step := range []string{"undoing the delete", "undoing the evidence", "undoing the type", "undoing the notes", "undoing the change"} {
		wb.Undo()
		if wb.reloads == reloads {
			t.Errorf("%s did not read the project again", step)
		}
		reloads = wb.reloads
		assertLikeReload(t, wb, engine, step)
	}
	if e, ok := wb.eventByID(gone.ID); !ok || e.Title != gone.Title {
		t.Error("undo did not bring the deleted event back")
	}
	if e, _ := wb.eventByID(old.ID); e.Title != old.Title || !e.DateStart.Equal(old.DateStart) || len(eventDiff(e, old)) > 0 {
		t.Errorf("after undo the changed event differs from before: %v", eventDiff(e, old))
	}
	if e, _ := wb.eventByID(target.ID); len(e.Spans) != len(target.Spans) {
		t.Errorf("after undo the event has %d spans, want %d", len(e.Spans), len(target.Spans))
	}
}

func TestIncrementalSaveUnderFilter(t *testing.T) {
	test.NewTempApp(t)
	wb, _, errs, engine := openTestWorkbenchEngine(t, newTestProject(t, true))
	wb.filters.text.SetText("Kunduz")
	shown := len(wb.table.rows)
	if shown == 0 || shown == len(wb.events) {
		t.Fatalf("the filter shows %d of %d events; want some", shown, len(wb.events))
	}
	e := eventTitled(t, wb, "Khatlon deputy governor meets Taliban governor of Kunduz")
	wb.SelectEvent(e.ID)
	wb.form.title.SetText("Khatlon deputy governor meets the Taliban governor")
	wb.form.submit()
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	// The place is still Kunduz, so the event still passes the filter.
	if len(wb.table.rows) != shown {
		t.Errorf("%d rows after the save, want %d", len(wb.table.rows), shown)
	}
	if want := fmt.Sprintf("%d of %d events", shown, len(wb.events)); wb.status.count.Text != want {
		t.Errorf("status %q, want %q", wb.status.count.Text, want)
	}
	assertLikeReload(t, wb, engine, "saving under a filter")
}

func TestChangeThatTiesFallsBackToReload(t *testing.T) {
	test.NewTempApp(t)
	p := newTestProject(t, false)
	a, err := p.Articles()
	if err != nil {
		t.Fatal(err)
	}
	created := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	var evs []annotate.Event
	for i, day := range []int{1, 2, 2, 3} {
		d := time.Date(2025, 5, day, 0, 0, 0, 0, time.UTC)
		span, err := annotate.NewSpan(a[0].Text, i*10, i*10+9)
		if err != nil {
			t.Fatal(err)
		}
		span.ArticleID = a[0].ID
		evs = append(evs, annotate.Event{ID: fmt.Sprintf("ev-%d", i), Title: fmt.Sprintf("Event %d", i), Type: "Diplomacy",
			DateStart: d, DateEnd: d, DatePrecision: annotate.PrecisionDay, Geometry: orb.Point{68.8 + float64(i)/10, 37.5},
			GeoPrecision: annotate.GeoExact, Certainty: annotate.Reported, Status: annotate.StatusDraft, Fatalities: -1,
			Created: created, Spans: []annotate.Span{span}})
	}
	if _, err := p.ImportEvents(evs); err != nil {
		t.Fatal(err)
	}
	wb, _, errs, engine := openTestWorkbenchEngine(t, p)
	// Event 0 moves to 2 May, where events 1 and 2 have its creation time:
	// only the row numbers order them.
	wb.SelectEvent("ev-0")
	wb.form.start.SetText("2025-05-02")
	wb.form.end.SetText("2025-05-02")
	n := wb.reloads
	wb.form.submit()
	if len(*errs) > 0 || wb.form.message.Text != "" {
		t.Fatal(*errs, wb.form.message.Text)
	}
	if wb.reloads != n+1 {
		t.Errorf("%d reloads, want 1: a tie needs the stored order", wb.reloads-n)
	}
	assertLikeReload(t, wb, engine, "a change that ties")
}

// TestPlaceEvent checks placeEvent against storage's order: start date
// (undated last), creation, then row number.
func TestPlaceEvent(t *testing.T) {
	day := func(d int) time.Time {
		if d == 0 {
			return time.Time{}
		}
		return time.Date(2025, 1, d, 0, 0, 0, 0, time.UTC)
	}
	at := func(s int) time.Time { return time.Date(2025, 2, 1, 0, 0, s, 0, time.UTC) }
	ev := func(id string, start, created int) annotate.Event {
		return annotate.Event{ID: id, DateStart: day(start), Created: at(created)}
	}
	base := []annotate.Event{ev("a", 1, 1), ev("b", 2, 1), ev("c", 2, 2), ev("d", 5, 1), ev("u", 0, 1)}
	cases := []struct {
		name  string
		e     annotate.Event
		want  string // ids in order; "" when placeEvent must give up
		title string // the placed event's title
	}{
		{"same key in place", annotate.Event{ID: "c", DateStart: day(2), Created: at(2), Title: "new"}, "abcdu", "new"},
		{"moved later", ev("a", 3, 1), "bcadu", ""},
		{"moved earliest", ev("d", 1, 0), "dabcu", ""},
		{"moved to the end of the dated", ev("b", 9, 1), "acdbu", ""},
		{"dated one made undated", ev("a", 0, 2), "bcdua", ""},
		{"undated one dated", ev("u", 2, 3), "abcud", ""},
		{"moved onto a tie", ev("a", 2, 1), "", ""},
		{"new after its ties", ev("n", 2, 1), "abncdu", ""},
		{"new undated", ev("n", 0, 1), "abcdun", ""},
		{"new first", ev("n", 1, 0), "nabcdu", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := slices.Clone(base)
			out, ok := placeEvent(in, c.e)
			ids := ""
			for _, e := range out {
				ids += e.ID
			}
			if c.want == "" {
				if ok || ids != "abcdu" {
					t.Errorf("placed (%v) as %s; want a refusal that leaves abcdu", ok, ids)
				}
				return
			}
			if !ok || ids != c.want {
				t.Errorf("placed (%v) as %s, want %s", ok, ids, c.want)
			}
			if i := indexOfEvent(out, c.e.ID); i < 0 || out[i].Title != c.title || !out[i].DateStart.Equal(c.e.DateStart) {
				t.Errorf("the placed event is not the one given: %+v", out[i])
			}
		})
	}
}

func TestSameOnMap(t *testing.T) {
	d := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	base := annotate.Event{ID: "e", Type: "Diplomacy", Title: "Talks", DateStart: d, DateEnd: d,
		DatePrecision: annotate.PrecisionDay, Geometry: orb.Point{68.8, 36.7}, Notes: "n", Status: annotate.StatusDraft}
	cases := []struct {
		name   string
		change func(e *annotate.Event)
		same   bool
	}{
		{"nothing", func(*annotate.Event) {}, true},
		{"id", func(e *annotate.Event) { e.ID = "f" }, false},
		{"type", func(e *annotate.Event) { e.Type = "Security cooperation" }, false},
		{"title", func(e *annotate.Event) { e.Title = "Talks held" }, false},
		{"start", func(e *annotate.Event) { e.DateStart = d.AddDate(0, 0, -1) }, false},
		{"end", func(e *annotate.Event) { e.DateEnd = d.AddDate(0, 0, 1) }, false},
		{"precision", func(e *annotate.Event) { e.DatePrecision = annotate.PrecisionMonth }, false},
		{"geometry", func(e *annotate.Event) { e.Geometry = orb.Point{68.8, 36.8} }, false},
		{"geometry kind", func(e *annotate.Event) { e.Geometry = orb.LineString{{68.8, 36.7}, {68.9, 36.7}} }, false},
		{"notes", func(e *annotate.Event) { e.Notes = "other" }, true},
		{"status", func(e *annotate.Event) { e.Status = annotate.StatusReviewed }, true},
		{"evidence", func(e *annotate.Event) { e.Spans = []annotate.Span{{ID: "s"}} }, true},
		{"actors", func(e *annotate.Event) { e.Actors = []annotate.ActorRole{{Name: "Taliban"}} }, true},
		{"updated", func(e *annotate.Event) { e.Updated = d }, true},
	}
	for _, c := range cases {
		e := base
		c.change(&e)
		if got := sameOnMap(&base, &e); got != c.same {
			t.Errorf("%s changed: sameOnMap %v, want %v", c.name, got, c.same)
		}
	}
}
