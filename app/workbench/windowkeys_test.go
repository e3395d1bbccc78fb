package workbench

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"

	"eventatlas/mapview/render"
)

// TestF11FromEveryPane presses F11 with the keyboard in the article list,
// the event table and the map: each asks for a presentation.
func TestF11FromEveryPane(t *testing.T) {
	wb, w, errs := newTestWorkbench(t, true)
	asked := 0
	wb.NewMapEngine = func() (*render.Map, error) {
		asked++
		return nil, errors.New("no map engine in this test")
	}
	wb.SelectEvent(wb.table.rows[0].ID) // the form shows, for its fields
	wb.OpenFind()
	for _, pane := range []struct {
		name string
		o    fyne.Focusable
	}{
		{"article list", wb.articleList},
		{"event table", wb.table.list},
		{"map", wb.mapView},
		{"reader", wb.reader},
		{"filter words", wb.filters.text},
		{"filter from-date", wb.filters.from},
		{"filter type drop-down", wb.filters.typ},
		{"filter clear button", wb.filters.clear},
		{"find bar", wb.find.entry},
		{"form title", wb.form.title},
	} {
		before := asked
		w.Canvas().Focus(pane.o)
		if w.Canvas().Focused() != pane.o {
			t.Fatalf("%s: did not take the keyboard", pane.name)
		}
		key(w, fyne.KeyF11)
		if asked != before+1 {
			t.Errorf("F11 in the %s did not start a presentation", pane.name)
		}
	}
	if len(*errs) != 10 {
		t.Errorf("errors shown: %v", *errs)
	}
}

// TestF1FromTheFilter: F1 in the filter's words box shows the shortcuts.
func TestF1FromTheFilter(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	w.Canvas().Focus(wb.filters.text)
	key(w, fyne.KeyF1)
	if wb.help == nil || !sheetOpen(w.Canvas()) {
		t.Error("F1 in the filter box showed no shortcuts")
	}
	if wb.filters.text.Text != "" {
		t.Errorf("F1 typed %q into the filter", wb.filters.text.Text)
	}
}

// TestSheetHoldsBackTheWindowsActions opens a message sheet and presses
// the shortcuts of other sheets: none opens while it shows.
func TestSheetHoldsBackTheWindowsActions(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	wb.SelectEvent(wb.table.rows[0].ID)
	msg := showErrorSheet(w, errors.New("something went wrong"))
	// What a menu item or a window shortcut runs.
	act := func(label string) {
		for _, a := range wb.actions() {
			if a.label == label {
				a.run()
				return
			}
		}
		t.Fatalf("no action %q", label)
	}
	act("Event history…")
	act("Keyboard shortcuts")
	w.Canvas().Unfocus()
	key(w, fyne.KeyF1)
	if n := len(openSheets[w.Canvas()]); n != 1 {
		t.Errorf("%d sheets open over the message, want only the message", n)
	}
	if wb.help != nil {
		t.Error("F1 opened the shortcuts over the message")
	}
	msg.close()
	act("Event history…")
	if n := len(openSheets[w.Canvas()]); n != 1 {
		t.Errorf("after the message closed, Ctrl+H opened %d sheets, want the history", n)
	}
}

// TestEscapeStepsBack: Esc in the form leaves it for the reader, the next
// Esc there lets go of the selected event and closes the form.
func TestEscapeStepsBack(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	id := wb.table.rows[0].ID
	wb.SelectEvent(id)
	wb.focus(wb.form.title)
	key(w, fyne.KeyEscape) // a form without edits: the keyboard goes to the reader
	if wb.selected != id || !wb.form.shown {
		t.Fatalf("the first Esc dropped the event: selected %q, form %v", wb.selected, wb.form.shown)
	}
	wb.reader.SetSelection(3, 9)
	key(w, fyne.KeyEscape) // the text selection first
	if s, e := wb.reader.Selection(); s != e || wb.selected != id {
		t.Fatalf("Esc with words selected: selection %d–%d, event %q", s, e, wb.selected)
	}
	key(w, fyne.KeyEscape) // then the event
	if wb.selected != "" || wb.form.shown || wb.mapView.Selected() != "" {
		t.Errorf("Esc in the reader kept the event: selected %q, form %v", wb.selected, wb.form.shown)
	}
}
