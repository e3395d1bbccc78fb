package workbench

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eventatlas/annotate"
)

var sample2Date = time.Date(2025, 11, 14, 0, 0, 0, 0, time.UTC)

func TestAddEvidenceFromTwoArticles(t *testing.T) {
	test.NewTempApp(t)
	p := newTestProject(t, true)
	other := annotate.Article{ID: "a2", Title: "Second report", Published: sample2Date,
		Text: "Officials in Kunduz confirmed that the Tajik delegation met the governor."}
	if _, err := p.AddArticle(&other); err != nil {
		t.Fatal(err)
	}
	wb, w, errs := openTestWorkbench(t, p)
	var e annotate.Event
	for _, ev := range wb.events {
		if strings.HasPrefix(ev.Title, "Tajik delegation holds talks") {
			e = ev
		}
	}
	wb.SelectEvent(e.ID)
	text := wb.articles[wb.current].Text
	s1, e1 := offsetOf(t, text, "Intelligence, security, trade and economic officials from both sides also attended the meeting")
	wb.reader.SetSelection(s1, e1)
	shortcut(w, ctrlShiftKey(fyne.KeyE))
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}

	// The second article: switch to it, select, add.
	for i, a := range wb.articles {
		if a.ID == "a2" {
			wb.articleList.Select(i)
		}
	}
	if wb.reader.Article().ID != "a2" {
		t.Fatal("the reader did not switch to the second article")
	}
	s2, e2 := offsetOf(t, other.Text, "the Tajik delegation met the governor")
	wb.reader.SetSelection(s2, e2)
	shortcut(w, ctrlShiftKey(fyne.KeyE))
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}

	got, err := wb.project.Event(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Spans) != 3 {
		t.Fatalf("event has %d spans, want 3", len(got.Spans))
	}
	if s := got.Spans[1]; s.Start != s1 || s.End != e1 || s.ArticleID != e.Spans[0].ArticleID {
		t.Errorf("second span %+v, want %d–%d in the sample", s, s1, e1)
	}
	if s := got.Spans[2]; s.Start != s2 || s.End != e2 || s.ArticleID != "a2" || s.Quote != "the Tajik delegation met the governor" {
		t.Errorf("third span %+v, want %d–%d in a2", s, s2, e2)
	}
	if !hasHighlight(wb.highlights, s2, e2, e.ID) {
		t.Errorf("the new evidence is not highlighted in the second article")
	}
	if !strings.Contains(wb.form.heading.Text, "3 spans") {
		t.Errorf("form heading says %q", wb.form.heading.Text)
	}
	h, _ := wb.project.History(e.ID)
	if len(h) == 0 || !strings.HasPrefix(h[len(h)-1].Description(), "add evidence to event") {
		t.Errorf("history %v, want an add-evidence entry last", h)
	}

	// Ctrl+Z takes the last span away again.
	wb.focusReader()
	shortcut(w, &fyne.ShortcutUndo{})
	got, _ = wb.project.Event(e.ID)
	if len(got.Spans) != 2 {
		t.Errorf("after undo the event has %d spans, want 2", len(got.Spans))
	}
	if hasHighlight(wb.highlights, s2, e2, e.ID) {
		t.Errorf("the undone evidence is still highlighted")
	}
}

func TestAddEvidenceNeedsAnEvent(t *testing.T) {
	wb, w, errs := newTestWorkbench(t, true)
	wb.SelectEvent("")
	s, e := offsetOf(t, wb.articles[wb.current].Text, "visited Kunduz")
	wb.reader.SetSelection(s, e)
	shortcut(w, ctrlShiftKey(fyne.KeyE))
	if len(*errs) != 1 || (*errs)[0] != ErrNoEvent {
		t.Fatalf("errors %v, want ErrNoEvent", *errs)
	}
}

func TestAddEvidenceToDraft(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	text := wb.articles[wb.current].Text
	s1, e1 := offsetOf(t, text, "visited Kunduz")
	wb.reader.SetSelection(s1, e1)
	shortcut(w, ctrlKey(fyne.KeyE))
	s2, e2 := offsetOf(t, text, "met with Mohammad Khan")
	wb.reader.SetSelection(s2, e2)
	shortcut(w, ctrlShiftKey(fyne.KeyE))
	if n := len(wb.form.base.Spans); n != 2 {
		t.Fatalf("draft has %d spans, want 2", n)
	}
	if evs, _ := wb.project.Events(); len(evs) != 0 {
		t.Fatalf("adding evidence to a draft stored %d events", len(evs))
	}
	wb.form.typ.setText("Diplomacy")
	wb.form.submit()
	evs, _ := wb.project.Events()
	if len(evs) != 1 || len(evs[0].Spans) != 2 || evs[0].Spans[1].Start != s2 {
		t.Fatalf("stored %+v, want one event with both spans", evs)
	}
}

func TestDeleteConfirmThenUndo(t *testing.T) {
	wb, w, errs := newTestWorkbench(t, true)
	e := wb.table.rows[2]
	wb.SelectEvent(e.ID)
	wb.focusTable()

	// Del, then Esc: the sheet closes, nothing is deleted.
	key(w, fyne.KeyDelete)
	if wb.confirm == nil || !wb.confirm.pop.Visible() {
		t.Fatal("Del in the table asked nothing")
	}
	ev, _ := wb.eventByID(e.ID)
	want := "Delete “" + ev.Title + "”?\nIts evidence span goes with it. Ctrl+Z brings it back."
	if len(ev.Spans) != 1 {
		want = fmt.Sprintf("Delete “%s”?\nIts %d evidence spans go with it. Ctrl+Z brings it back.", ev.Title, len(ev.Spans))
	}
	if got := strings.Join(labelsIn(wb.confirm.pop.Content), "\n"); !strings.Contains(got, want) {
		t.Errorf("the confirmation says %q, want %q", got, want)
	}
	key(w, fyne.KeyEscape)
	if wb.confirm.pop.Visible() {
		t.Fatal("Esc did not close the confirmation")
	}
	if _, err := wb.project.Event(e.ID); err != nil {
		t.Fatalf("the event went away after Esc: %v", err)
	}

	// Del, then Enter: deleted.
	wb.focusTable()
	key(w, fyne.KeyDelete)
	key(w, fyne.KeyReturn)
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	if _, err := wb.project.Event(e.ID); err == nil {
		t.Fatal("the event is still stored after confirming")
	}
	if wb.table.rowIndex(e.ID) >= 0 || wb.Selected() != "" || wb.form.shown {
		t.Errorf("after delete: row %d, selected %q, form shown %v", wb.table.rowIndex(e.ID), wb.Selected(), wb.form.shown)
	}
	if len(wb.table.rows) != 5 {
		t.Errorf("table has %d rows, want 5", len(wb.table.rows))
	}

	// Ctrl+Z brings it back, with its evidence.
	shortcut(w, &fyne.ShortcutUndo{})
	back, err := wb.project.Event(e.ID)
	if err != nil {
		t.Fatalf("undo did not restore the event: %v", err)
	}
	if len(back.Spans) != len(e.Spans) || back.Title != e.Title {
		t.Errorf("restored %q with %d spans, want %q with %d", back.Title, len(back.Spans), e.Title, len(e.Spans))
	}
	if wb.table.rowIndex(e.ID) < 0 {
		t.Error("the restored event is not in the table")
	}
	// Ctrl+Shift+Z deletes it again.
	shortcut(w, ctrlShiftKey(fyne.KeyZ))
	if _, err := wb.project.Event(e.ID); err == nil {
		t.Error("redo did not delete the event again")
	}
}

func TestEditExistingEventIsUndoable(t *testing.T) {
	wb, w, errs := newTestWorkbench(t, true)
	e := wb.table.rows[0]
	wb.SelectEvent(e.ID)
	f := wb.form
	if f.title.Text != e.Title || f.isDraft || f.dirty {
		t.Fatalf("form shows %q (draft %v, dirty %v), want %q", f.title.Text, f.isDraft, f.dirty, e.Title)
	}
	wb.focus(f.title)
	shortcut(w, &fyne.ShortcutSelectAll{})
	typeText(w, "Renamed event")
	if !f.dirty {
		t.Fatal("typing did not mark the form edited")
	}
	key(w, fyne.KeyTab)
	typeText(w, "ansar")
	key(w, fyne.KeyReturn) // the list offers adding "ansar" as a new actor
	key(w, fyne.KeyReturn) // save
	if len(*errs) > 0 || f.message.Text != "" {
		t.Fatal(*errs, f.message.Text)
	}
	got, _ := wb.project.Event(e.ID)
	if got.Title != "Renamed event" || got.Actors[len(got.Actors)-1].Name != "ansar" {
		t.Fatalf("stored %q with actors %+v", got.Title, got.Actors)
	}
	reg, _ := wb.project.Actors()
	found := false
	for _, a := range reg {
		found = found || a.Name == "ansar"
	}
	if !found {
		t.Error("the new actor is not in the registry")
	}
	h, _ := wb.project.History(e.ID)
	if last := h[len(h)-1]; last.Action != "update" || last.Annotator != "tester" {
		t.Errorf("last history entry %+v", last)
	}

	// Esc reverts unsaved edits.
	wb.focus(f.title)
	typeText(w, " more")
	key(w, fyne.KeyEscape)
	if f.title.Text != "Renamed event" || f.dirty {
		t.Errorf("after Esc the title is %q (dirty %v)", f.title.Text, f.dirty)
	}

	// Ctrl+Z restores the old record, and the form shows it.
	shortcut(w, &fyne.ShortcutUndo{})
	got, _ = wb.project.Event(e.ID)
	if got.Title != e.Title || len(got.Actors) != len(e.Actors) {
		t.Errorf("after undo: %q with %d actors, want %q with %d", got.Title, len(got.Actors), e.Title, len(e.Actors))
	}
	if f.title.Text != e.Title {
		t.Errorf("after undo the form shows %q", f.title.Text)
	}
}

func TestUnsavedEditsAreSavedWhenLeaving(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	a, b := wb.table.rows[0], wb.table.rows[1]
	wb.SelectEvent(a.ID)
	wb.form.notes.SetText("checked against a second source")
	wb.SelectEvent(b.ID)
	got, _ := wb.project.Event(a.ID)
	if got.Notes != "checked against a second source" {
		t.Errorf("notes %q: leaving the form dropped valid edits", got.Notes)
	}
	if wb.form.base.ID != b.ID || wb.form.dirty {
		t.Errorf("the form shows %q (dirty %v), want %q", wb.form.base.ID, wb.form.dirty, b.ID)
	}

	// A valid new event is saved when the project is about to close; an
	// invalid one is dropped with a message.
	s, e := offsetOf(t, wb.articles[wb.current].Text, "visited Kunduz")
	wb.reader.SetSelection(s, e)
	wb.NewEventFromSelection()
	wb.form.typ.setText("Diplomacy")
	wb.SavePendingEdits()
	if evs, _ := wb.project.Events(); len(evs) != 7 {
		t.Errorf("%d events after saving the pending draft, want 7", len(evs))
	}
	wb.NewEventFromSelection()
	wb.SavePendingEdits()
	if evs, _ := wb.project.Events(); len(evs) != 7 || !strings.HasPrefix(wb.status.message.Text, "Dropped the new event: Type:") {
		t.Errorf("%d events, status %q after an invalid draft", len(evs), wb.status.message.Text)
	}
}

// TestUndoShowsTheEventItChanges: Ctrl+Z on an edit of an event in another
// article (as after a restart) selects that event and shows its article,
// rather than changing it out of sight.
func TestUndoShowsTheEventItChanges(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	var e annotate.Event
	for _, ev := range wb.events {
		if len(ev.Spans) > 0 {
			e = ev
			break
		}
	}
	e.Title = "Renamed before the restart"
	if err := wb.project.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	other := annotate.Article{Title: "Second article", Text: "Border guards met at Panj."}
	if _, err := wb.project.AddArticle(&other); err != nil {
		t.Fatal(err)
	}
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	for i, a := range wb.articles {
		if a.ID == other.ID {
			wb.SelectArticle(i)
		}
	}
	wb.SelectEvent("")
	wb.Undo()
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	if wb.Selected() != e.ID || wb.articles[wb.current].ID != e.Spans[0].ArticleID {
		t.Errorf("after undo: selected %q in article %q; want %q in its own article", wb.Selected(), wb.articles[wb.current].Title, e.ID)
	}
	if got := wb.status.message.Text; !strings.HasPrefix(got, "Undid: change event") {
		t.Errorf("status %q", got)
	}
}
