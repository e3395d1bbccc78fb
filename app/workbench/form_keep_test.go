package workbench

import (
	"testing"
)

// TestSaveKeepsUnchosenValues edits the title of an event that has no
// certainty, status or place precision (as an imported one may): saving
// keeps them empty instead of choosing the first option for the user.
func TestSaveKeepsUnchosenValues(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	e := wb.events[0]
	e.Certainty, e.Status, e.GeoPrecision = "", "", 0
	if err := wb.project.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	wb.SelectEvent(e.ID)
	if i := wb.form.certainty.SelectedIndex(); i >= 0 {
		t.Fatalf("set-up: the form shows certainty %d", i)
	}
	wb.form.title.SetText(e.Title + " (edited)")
	wb.form.submit()
	got, err := wb.project.Event(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != e.Title+" (edited)" || got.Certainty != "" || got.Status != "" || got.GeoPrecision != 0 {
		t.Errorf("saved title %q, certainty %q, status %q, geo precision %d; want the edit and the rest left empty",
			got.Title, got.Certainty, got.Status, got.GeoPrecision)
	}
}
