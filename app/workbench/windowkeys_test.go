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
	for _, pane := range []struct {
		name string
		o    fyne.Focusable
	}{
		{"article list", wb.articleList},
		{"event table", wb.table.list},
		{"map", wb.mapView},
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
	if len(*errs) != 3 {
		t.Errorf("errors shown: %v", *errs)
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
