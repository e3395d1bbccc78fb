package workbench

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/app/reader"
	"eventatlas/storage"
)

// TestCodeEventWithKeyboardThenReopen codes a complete event from the
// sample article with keys only, as an analyst would, then reopens the
// project file and finds the evidence highlighted.
func TestCodeEventWithKeyboardThenReopen(t *testing.T) {
	test.NewTempApp(t)
	p := newTestProject(t, false)
	path := p.Path()
	wb, w, errs := openTestWorkbench(t, p)
	text := wb.articles[wb.current].Text
	start, end := offsetOf(t, text, "a Tajik delegation visited Kunduz")

	// Find the words and select them: Ctrl+F, type, Esc.
	shortcut(w, ctrlKey(fyne.KeyF))
	if !focusedIs(w, wb.find.entry) || !wb.find.bar.Visible() {
		t.Fatal("Ctrl+F did not open the find bar with the keyboard in it")
	}
	typeText(w, "a Tajik delegation visited Kunduz")
	if got := wb.find.count.Text; got != "1 of 1" {
		t.Errorf("find bar says %q, want \"1 of 1\"", got)
	}
	key(w, fyne.KeyEscape)
	if wb.find.bar.Visible() || !focusedIs(w, wb.reader) {
		t.Fatal("Esc did not close the find bar and return to the reader")
	}
	if s, e := wb.reader.Selection(); s != start || e != end {
		t.Fatalf("selection %d–%d, want the match %d–%d", s, e, start, end)
	}

	// Ctrl+E: a draft, the keyboard in the type field.
	shortcut(w, ctrlKey(fyne.KeyE))
	f := wb.form
	if !f.isDraft || !focusedIs(w, f.typ) {
		t.Fatalf("Ctrl+E: draft %v, focus on %T", f.isDraft, w.Canvas().Focused())
	}
	if f.start.Text != "2025-11-13" {
		t.Errorf("start date preset to %q, want the article's 2025-11-13", f.start.Text)
	}
	if !hasHighlight(wb.highlights, start, end, draftID) {
		t.Errorf("the draft's evidence is not highlighted: %v", wb.highlights)
	}

	// "talks" + Enter picks Diplomacy › talks/meeting.
	typeText(w, "talks")
	if !f.typ.listShown() {
		t.Fatal("typing in the type field opened no list")
	}
	key(w, fyne.KeyReturn)
	if f.typ.Text != "Diplomacy" || f.sub.Text != "talks/meeting" {
		t.Fatalf("picked %q / %q, want Diplomacy / talks/meeting", f.typ.Text, f.sub.Text)
	}
	key(w, fyne.KeyTab)
	if !focusedIs(w, f.sub) {
		t.Fatalf("Tab from the type went to %T, want the sub-type", w.Canvas().Focused())
	}
	key(w, fyne.KeyTab)
	if !focusedIs(w, f.title) {
		t.Fatalf("Tab from the sub-type went to %T, want the title", w.Canvas().Focused())
	}
	shortcut(w, &fyne.ShortcutSelectAll{})
	typeText(w, "Tajik delegation holds talks in Kunduz")

	// Actors: "taj" Enter, "tal" Enter.
	key(w, fyne.KeyTab)
	if !focusedIs(w, f.actorAdd) {
		t.Fatalf("Tab from the title went to %T, want the actor field", w.Canvas().Focused())
	}
	typeText(w, "taj")
	key(w, fyne.KeyReturn)
	typeText(w, "tal")
	key(w, fyne.KeyReturn)
	want := []annotate.ActorRole{{Name: "Government of Tajikistan", Role: "actor1"}, {Name: "Taliban", Role: "actor2"}}
	if len(f.actors) != 2 || f.actors[0].Name != want[0].Name || f.actors[0].Role != "actor1" ||
		f.actors[1].Name != want[1].Name || f.actors[1].Role != "actor2" {
		t.Fatalf("actors %+v, want %+v", f.actors, want)
	}

	// Tab past the two actor chips to the dates; a week around the day.
	for range 3 {
		key(w, fyne.KeyTab)
	}
	if !focusedIs(w, f.start) {
		t.Fatalf("Tab went to %T, want the start date", w.Canvas().Focused())
	}
	shortcut(w, &fyne.ShortcutSelectAll{})
	typeText(w, "2025-11-10")
	key(w, fyne.KeyTab)
	shortcut(w, &fyne.ShortcutSelectAll{})
	typeText(w, "2025-11-13")
	key(w, fyne.KeyTab)
	if !focusedIs(w, f.precision) {
		t.Fatalf("Tab went to %T, want the date precision", w.Canvas().Focused())
	}
	typeText(w, "w")
	if f.precision.Selected != "week" {
		t.Errorf("typing w chose precision %q, want week", f.precision.Selected)
	}

	// Place: ↓ opens the suggestions; pick Kunduz the province.
	key(w, fyne.KeyTab)
	if !focusedIs(w, f.place) {
		t.Fatalf("Tab went to %T, want the place", w.Canvas().Focused())
	}
	key(w, fyne.KeyDown)
	if !f.place.listShown() {
		t.Fatal("↓ in the place field opened no list")
	}
	province := -1
	for i, o := range f.place.opts {
		if strings.HasPrefix(o.text(), "Kunduz — province") {
			province = i
		}
	}
	if province < 1 {
		t.Fatalf("suggestions %v: want Kunduz province after the best match", f.place.opts)
	}
	for range province {
		key(w, fyne.KeyDown)
	}
	key(w, fyne.KeyReturn)
	if f.geo.Selected != "province" {
		t.Errorf("geo precision %q after picking a province, want province", f.geo.Selected)
	}

	// Enter saves.
	key(w, fyne.KeyReturn)
	if len(*errs) > 0 || f.message.Text != "" {
		t.Fatalf("save failed: %v %q", *errs, f.message.Text)
	}
	stored, err := wb.project.Events()
	if err != nil || len(stored) != 1 {
		t.Fatalf("stored %d events (%v), want 1", len(stored), err)
	}
	e := stored[0]
	day := func(d int) time.Time { return time.Date(2025, 11, d, 0, 0, 0, 0, time.UTC) }
	if e.Type != "Diplomacy" || e.SubType != "talks/meeting" || e.Title != "Tajik delegation holds talks in Kunduz" ||
		!e.DateStart.Equal(day(10)) || !e.DateEnd.Equal(day(13)) || e.DatePrecision != annotate.PrecisionWeek ||
		e.PlaceID != "adm1:AF-KDZ" || e.GeoPrecision != annotate.GeoProvince || e.Certainty != annotate.Reported ||
		e.Status != annotate.StatusDraft || e.Fatalities != -1 || e.Annotator != "tester" {
		t.Errorf("stored %+v", e)
	}
	switch e.Geometry.(type) {
	case orb.Polygon, orb.MultiPolygon:
	default:
		t.Errorf("province event geometry is %T, want an area", e.Geometry)
	}
	if len(e.Actors) != 2 || e.Actors[0].Name != "Government of Tajikistan" || e.Actors[0].ActorID == "" || e.Actors[1].Role != "actor2" {
		t.Errorf("stored actors %+v", e.Actors)
	}
	if len(e.Spans) != 1 || e.Spans[0].Start != start || e.Spans[0].End != end {
		t.Fatalf("stored spans %+v, want %d–%d", e.Spans, start, end)
	}
	if wb.Selected() != e.ID || wb.table.rowIndex(e.ID) < 0 || !focusedIs(w, wb.reader) {
		t.Errorf("after saving: selected %q, table row %d, focus %T", wb.Selected(), wb.table.rowIndex(e.ID), w.Canvas().Focused())
	}

	// Close the project, reopen the file: the evidence is highlighted again.
	if err := wb.project.Close(); err != nil {
		t.Fatal(err)
	}
	p2, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p2.Close() })
	wb2, _, _ := openTestWorkbench(t, p2)
	if !hasHighlight(wb2.highlights, start, end, e.ID) {
		t.Fatalf("after reopening, highlights %v lack %d–%d of %s", wb2.highlights, start, end, e.ID)
	}
	wb2.reader.OnHighlightTapped(e.ID)
	if wb2.Selected() != e.ID || wb2.form.typ.Text != "Diplomacy" || wb2.form.start.Text != "2025-11-10" {
		t.Errorf("tapping the highlight selected %q; form type %q start %q", wb2.Selected(), wb2.form.typ.Text, wb2.form.start.Text)
	}
}

func hasHighlight(hs []reader.Highlight, start, end int, id string) bool {
	for _, h := range hs {
		if h.Start == start && h.End == end && h.ID == id {
			return true
		}
	}
	return false
}

func TestBadDateSavesNothing(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	text := wb.articles[wb.current].Text
	start, end := offsetOf(t, text, "visited Kunduz")
	wb.reader.SetSelection(start, end)
	shortcut(w, ctrlKey(fyne.KeyE))
	typeText(w, "dipl")
	key(w, fyne.KeyReturn)
	wb.form.start.SetText("2025-13-45")
	wb.focus(wb.form.title)
	key(w, fyne.KeyReturn)

	want := "Start date: “2025-13-45” is not a date: type it as YYYY-MM-DD, e.g. 2025-11-13"
	if got := wb.form.message.Text; got != want {
		t.Errorf("message %q, want %q", got, want)
	}
	if !focusedIs(w, wb.form.start) {
		t.Errorf("the keyboard is on %T, want the bad date", w.Canvas().Focused())
	}
	if err := wb.form.start.Validate(); err == nil {
		t.Error("the start date entry does not flag the bad date")
	}
	if evs, _ := wb.project.Events(); len(evs) != 0 {
		t.Fatalf("%d events stored from a form with a bad date", len(evs))
	}
	// Esc drops the draft; still nothing stored.
	key(w, fyne.KeyEscape)
	if wb.form.shown || wb.form.isDraft {
		t.Error("Esc left the draft in the form")
	}
	if evs, _ := wb.project.Events(); len(evs) != 0 {
		t.Fatalf("%d events stored after Esc", len(evs))
	}
}

func TestFormRefusesIncompleteEvents(t *testing.T) {
	cases := []struct {
		name string
		set  func(f *eventForm)
		want string
	}{
		{"no type", func(f *eventForm) { f.typ.setText("") }, "Type: choose one of Diplomacy"},
		{"unknown type", func(f *eventForm) { f.typ.setText("Sport") }, "Type: choose one of"},
		{"sub-type of another type", func(f *eventForm) { f.sub.setText("riot") }, `Sub-type: "riot" is not a sub-type of Diplomacy`},
		{"no title", func(f *eventForm) { f.title.SetText("  ") }, "Title: give the event a title"},
		{"end before start", func(f *eventForm) { f.end.SetText("2025-11-01") }, "End date: 2025-11-01 is before the start date 2025-11-13"},
		{"place typed, not picked", func(f *eventForm) { f.place.setText("Somewhere") }, "Place: pick a place from the list"},
		{"negative fatalities", func(f *eventForm) { f.fatalities.SetText("-2") }, `Fatalities: "-2" is not a number of deaths`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wb, _, _ := newTestWorkbench(t, false)
			start, end := offsetOf(t, wb.articles[wb.current].Text, "visited Kunduz")
			wb.reader.SetSelection(start, end)
			wb.NewEventFromSelection()
			wb.form.typ.setText("diplomacy")
			c.set(wb.form)
			wb.form.submit()
			if got := wb.form.message.Text; !strings.HasPrefix(got, c.want) {
				t.Errorf("message %q, want it to start %q", got, c.want)
			}
			if evs, _ := wb.project.Events(); len(evs) != 0 {
				t.Errorf("%d events stored", len(evs))
			}
		})
	}
}
