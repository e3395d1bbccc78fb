package workbench

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
)

// newDraft selects quote in the sample article and presses Ctrl+E.
func newDraft(t *testing.T, wb *Workbench, w fyne.Window, quote string) {
	t.Helper()
	start, end := offsetOf(t, wb.articles[wb.current].Text, quote)
	wb.reader.SetSelection(start, end)
	shortcut(w, ctrlKey(fyne.KeyE))
	if !wb.form.isDraft || !focusedIs(w, wb.form.typ) {
		t.Fatalf("Ctrl+E: draft %v, focus %T", wb.form.isDraft, w.Canvas().Focused())
	}
}

// fieldShown says where o lies in the form's scroll content and whether it
// is wholly inside the visible part.
func fieldShown(t *testing.T, f *eventForm, o fyne.CanvasObject) (string, bool) {
	t.Helper()
	p, ok := posWithin(f.grid, o)
	if !ok {
		t.Fatalf("%T is not in the form", o)
	}
	off, view := f.scroll.Offset.Y, f.scroll.Size().Height
	where := fmt.Sprintf("%T at y %.0f–%.0f, visible %.0f–%.0f", o, p.Y, p.Y+o.Size().Height, off, off+view)
	return where, p.Y >= off-0.5 && p.Y+o.Size().Height <= off+view+0.5
}

func TestFormScrollsToFocusedField(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	w.Resize(fyne.NewSize(1400, 560)) // the form needs scrolling
	f := wb.form
	wb.SelectEvent(wb.table.rows[0].ID)
	w.Canvas().Refresh(w.Content())
	if gh, vh := f.grid.MinSize().Height, f.scroll.Size().Height; gh <= vh+10 {
		t.Fatalf("the form's fields (%.0f high) fit in its view (%.0f): nothing to scroll", gh, vh)
	}

	// Tab walks down to Notes, each field scrolled into view on the way.
	wb.focus(f.typ)
	seen := 0
	for i := 0; i < 40 && !focusedIs(w, f.notes); i++ {
		key(w, fyne.KeyTab)
		o, ok := w.Canvas().Focused().(fyne.CanvasObject)
		if _, in := posWithin(f.grid, o); !ok || !in {
			continue
		}
		seen++
		if where, shown := fieldShown(t, f, o); !shown {
			t.Errorf("Tab to a hidden field: %s", where)
		}
	}
	if !focusedIs(w, f.notes) || seen < 8 {
		t.Fatalf("Tab reached %T after %d fields", w.Canvas().Focused(), seen)
	}
	if f.scroll.Offset.Y <= 0 {
		t.Errorf("Notes is shown without scrolling? offset %.0f", f.scroll.Offset.Y)
	}

	// Shift+Tab walks back up to Type.
	for i := 0; i < 40 && !focusedIs(w, f.typ); i++ {
		shiftKey(w, fyne.KeyTab)
		o, _ := w.Canvas().Focused().(fyne.CanvasObject)
		if _, in := posWithin(f.grid, o); in {
			if where, shown := fieldShown(t, f, o); !shown {
				t.Errorf("Shift+Tab to a hidden field: %s", where)
			}
		}
	}
	if where, shown := fieldShown(t, f, f.typ); !shown {
		t.Errorf("Shift+Tab back to Type: %s", where)
	}

	// Ctrl+E from a form scrolled to its end starts at the top, Type shown.
	wb.focus(f.notes)
	if f.scroll.Offset.Y <= 0 {
		t.Fatal("focusing Notes did not scroll")
	}
	wb.focusReader()
	newDraft(t, wb, w, "visited Kunduz")
	if f.scroll.Offset.Y != 0 {
		t.Errorf("Ctrl+E: the new event's form is scrolled to %.0f, want the top", f.scroll.Offset.Y)
	}
	if where, shown := fieldShown(t, f, f.typ); !shown {
		t.Errorf("Ctrl+E: %s", where)
	}

	// focusType reveals Type even when it had the keyboard already.
	f.scrollTo(f.grid.MinSize().Height - f.scroll.Size().Height)
	f.focusType()
	if where, shown := fieldShown(t, f, f.typ); !shown {
		t.Errorf("focusType: %s", where)
	}
}

func TestDatePeriodFollowsStart(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	f := wb.form
	newDraft(t, wb, w, "visited Kunduz")
	typeText(w, "dipl")
	key(w, fyne.KeyReturn)
	if f.typ.Text != "Diplomacy" {
		t.Fatalf("type %q", f.typ.Text)
	}
	if f.end.Text != f.start.Text {
		t.Fatalf("preset end %q, start %q", f.end.Text, f.start.Text)
	}

	setStart := func(s string) {
		t.Helper()
		wb.focus(f.start)
		shortcut(w, &fyne.ShortcutSelectAll{})
		typeText(w, s)
	}
	cases := []struct{ start, end, precision, status string }{
		{"2025", "2025-12-31", "year", "Year precision: the event runs 2025-01-01 – 2025-12-31"},
		{"2025-11", "2025-11-30", "month", "Month precision: the event runs 2025-11-01 – 2025-11-30"},
		{"Feb 2024", "2024-02-29", "month", "Month precision: the event runs 2024-02-01 – 2024-02-29"},
		{"2025-11-10", "2025-11-10", "day", ""},
		{"2025-11", "2025-11-30", "month", "Month precision"},
	}
	for _, c := range cases {
		setStart(c.start)
		if f.end.Text != c.end || f.precision.Selected != c.precision {
			t.Errorf("start %q: end %q, precision %q; want %q, %q", c.start, f.end.Text, f.precision.Selected, c.end, c.precision)
		}
		// A day date leaves no note of the month typed on the way to it.
		if msg := wb.status.message.Text; !strings.HasPrefix(msg, c.status) || c.status == "" && msg != "" {
			t.Errorf("start %q: status %q, want it to start %q", c.start, msg, c.status)
		}
	}
	key(w, fyne.KeyReturn)
	saved, err := wb.project.Event(f.base.ID)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	if err != nil || !saved.DateStart.Equal(day(2025, 11, 1)) || !saved.DateEnd.Equal(day(2025, 11, 30)) ||
		saved.DatePrecision != annotate.PrecisionMonth {
		t.Fatalf("saved %v – %v, precision %v, %v; want 2025-11-01 – 2025-11-30, month",
			saved.DateStart, saved.DateEnd, saved.DatePrecision, err)
	}

	// Still a period end after the save: a year typed spans the year.
	setStart("2025")
	if f.end.Text != "2025-12-31" {
		t.Errorf("after the save, start 2025 gives end %q", f.end.Text)
	}
	// An end date the user typed stays.
	wb.focus(f.end)
	shortcut(w, &fyne.ShortcutSelectAll{})
	typeText(w, "2026-03-31")
	setStart("2025-11")
	if f.end.Text != "2026-03-31" || f.precision.Selected != "month" {
		t.Errorf("a typed end date became %q (precision %q)", f.end.Text, f.precision.Selected)
	}
	key(w, fyne.KeyReturn)
	saved, _ = wb.project.Event(f.base.ID)
	if !saved.DateEnd.Equal(day(2026, 3, 31)) || !saved.DateStart.Equal(day(2025, 11, 1)) {
		t.Errorf("saved %v – %v, want 2025-11-01 – 2026-03-31", saved.DateStart, saved.DateEnd)
	}
	// A stored range is not a preset: retyping the start keeps its end.
	wb.SelectEvent(saved.ID)
	setStart("2025-10-01")
	if f.end.Text != "2026-03-31" {
		t.Errorf("retyping the start of a stored range moved its end to %q", f.end.Text)
	}
}

// validationIcon returns the validation marker of entry e as drawn.
func validationIcon(t *testing.T, e *fieldEntry) *canvas.Image {
	t.Helper()
	for _, o := range test.WidgetRenderer(e).Objects() {
		if fmt.Sprintf("%T", o) == "*widget.validationStatus" {
			for _, io := range test.WidgetRenderer(o.(fyne.Widget)).Objects() {
				if img, ok := io.(*canvas.Image); ok {
					return img
				}
			}
		}
	}
	t.Fatal("the entry draws no validation marker")
	return nil
}

func TestDateFieldValidatesWhileTyping(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	f := wb.form
	newDraft(t, wb, w, "visited Kunduz")
	confirm := theme.ConfirmIcon().Name()
	for _, e := range []*fieldEntry{f.start, f.end} {
		wb.focus(e)
		shortcut(w, &fyne.ShortcutSelectAll{})
		typeText(w, "2025-13-45")
		if !focusedIs(w, e) {
			t.Fatal("the date field lost the keyboard")
		}
		if icon := validationIcon(t, e); icon.Visible() && icon.Resource != nil && icon.Resource.Name() == confirm {
			t.Errorf("a ✓ stands beside %q while it is typed", e.Text)
		}
		key(w, fyne.KeyTab)
		if icon := validationIcon(t, e); !icon.Visible() || icon.Resource.Name() == confirm {
			t.Errorf("no error marker beside %q once the keyboard left it", e.Text)
		}
		wb.focus(e)
		shortcut(w, &fyne.ShortcutSelectAll{})
		typeText(w, "2025-11-13")
		if icon := validationIcon(t, e); !icon.Visible() || icon.Resource.Name() != confirm {
			t.Errorf("no ✓ beside %q", e.Text)
		}
	}

	// The field shows a whole date and its marker: its text needs no
	// scrolling (Fyne draws a scroll bar under a single-line entry's text
	// when the text is wider than the room left beside the marker).
	for _, e := range []*fieldEntry{f.start, f.end} {
		e.SetText("2025-11-30")
		var sc *container.Scroll
		for _, o := range test.WidgetRenderer(e).Objects() {
			if s, ok := o.(*container.Scroll); ok {
				sc = s
			}
		}
		if sc == nil {
			t.Fatal("the date entry has no text scroller")
		}
		if need, room := sc.Content.MinSize().Width, sc.Size().Width; need > room {
			t.Errorf("%q needs %.1f, the date field leaves it %.1f", e.Text, need, room)
		}
	}
}

func TestSaveWithoutActor1Warns(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	f := wb.form
	newDraft(t, wb, w, "visited Kunduz")
	typeText(w, "dipl")
	key(w, fyne.KeyReturn)
	key(w, fyne.KeyReturn) // save, no actors
	if f.isDraft || f.notice.Hidden || f.notice.Importance != widget.WarningImportance || !f.message.Hidden ||
		f.notice.Text != "No actor 1: ACLED records need one — saved anyway. Add the actor in Actors." {
		t.Fatalf("saved with no actors: draft %v, warning %q (hidden %v, importance %v), error %q",
			f.isDraft, f.notice.Text, f.notice.Hidden, f.notice.Importance, f.message.Text)
	}
	if _, err := wb.project.Event(f.base.ID); err != nil {
		t.Fatalf("the event was not saved: %v", err)
	}

	// An actor 2 only still warns; giving it role 1 clears the warning.
	wb.focus(f.actorAdd)
	typeText(w, "rahmon")
	key(w, fyne.KeyReturn)
	wb.focus(f.chips.Objects[1].(fyne.Focusable))
	typeText(w, "2")
	key(w, fyne.KeyReturn)
	if f.notice.Hidden || !strings.Contains(f.notice.Text, "press 1") {
		t.Errorf("saved with an actor 2 only: warning %q (hidden %v)", f.notice.Text, f.notice.Hidden)
	}
	wb.focus(f.chips.Objects[1].(fyne.Focusable))
	typeText(w, "1")
	key(w, fyne.KeyReturn)
	if !f.notice.Hidden || !f.message.Hidden {
		t.Errorf("saved with actor 1: warning %q, error %q", f.notice.Text, f.message.Text)
	}
	stored, _ := wb.project.Event(f.base.ID)
	if len(stored.Actors) != 1 || stored.Actors[0].Role != "actor1" {
		t.Errorf("stored actors %+v", stored.Actors)
	}

	// Errors that stop the save are still shown as errors.
	wb.focus(f.title)
	shortcut(w, &fyne.ShortcutSelectAll{})
	key(w, fyne.KeyBackspace)
	key(w, fyne.KeyReturn)
	if f.message.Hidden || f.message.Importance != widget.DangerImportance || !strings.HasPrefix(f.message.Text, "Title:") {
		t.Errorf("an empty title: error %q (hidden %v, importance %v)", f.message.Text, f.message.Hidden, f.message.Importance)
	}
}

func TestFormChoiceListStartsAtCurrentValue(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	f := wb.form
	wb.SelectEvent(wb.table.rows[0].ID)
	cases := []struct {
		c      *choice
		set    string
		k      fyne.KeyName
		want   string
		reason string
	}{
		{f.certainty, "reported", fyne.KeyUp, "confirmed", "↑ from reported"},
		{f.certainty, "reported", fyne.KeyDown, "alleged", "↓ from reported"},
		{f.state, "reviewed", fyne.KeyUp, "draft", "↑ from reviewed"},
		{f.state, "draft", fyne.KeyDown, "reviewed", "↓ from draft"},
	}
	for _, c := range cases {
		c.c.SetSelected(c.set)
		wb.focus(c.c)
		key(w, fyne.KeySpace) // opens the list
		if c.c.pop == nil || !c.c.pop.Visible() {
			t.Fatalf("%s: Space did not open the list", c.reason)
		}
		key(w, c.k)
		key(w, fyne.KeyReturn)
		if c.c.Selected != c.want {
			t.Errorf("%s: picked %q, want %q", c.reason, c.c.Selected, c.want)
		}
		if c.c.pop.Visible() {
			t.Errorf("%s: the list stays open", c.reason)
		}
	}
	// Enter on the list as opened keeps the value.
	f.certainty.SetSelected("alleged")
	wb.focus(f.certainty)
	key(w, fyne.KeyDown)
	key(w, fyne.KeyReturn)
	if f.certainty.Selected != "alleged" {
		t.Errorf("Enter on the opened list picked %q", f.certainty.Selected)
	}
}

// TestEndBeforeStartMarkedAsTyped: an end date before the start gets the
// field's error mark as it is typed, not only when Save refuses it, and
// loses it when the start moves back.
func TestEndBeforeStartMarkedAsTyped(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	wb.SelectEvent(wb.table.rows[0].ID)
	f := wb.form
	f.start.SetText("2025-11-13")
	f.end.SetText("2025-11-01")
	if err := f.end.Validate(); err == nil || err.Error() != "before the start date" {
		t.Errorf("end 2025-11-01 after start 2025-11-13: validation %v", err)
	}
	wb.focus(f.start)
	shortcut(w, &fyne.ShortcutSelectAll{})
	typeText(w, "2025-10-30")
	if err := f.end.Validate(); err != nil {
		t.Errorf("end 2025-11-01 after start 2025-10-30: validation %v", err)
	}
}
