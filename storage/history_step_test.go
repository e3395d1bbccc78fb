package storage

import "testing"

// TestUndoStepNamesTheEvent: UndoStep and RedoStep say which event an edit
// changed, so that the window can show it.
func TestUndoStepNamesTheEvent(t *testing.T) {
	p, _ := newProject(t)
	art := addTestArticle(t, p)
	e := testEvents(t, art)[0]
	if err := p.SaveEvent(e); err != nil {
		t.Fatal(err)
	}
	e.Title = "Changed title"
	if err := p.SaveEvent(e); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		step func() (Step, error)
		want Step
	}{
		{"undo the change", p.UndoStep, Step{Description: "change event “Changed title”", Entity: "event", EntityID: e.ID}},
		{"redo it", p.RedoStep, Step{Description: "change event “Changed title”", Entity: "event", EntityID: e.ID}},
	} {
		got, err := c.step()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got.Entity != c.want.Entity || got.EntityID != c.want.EntityID || got.Description == "" {
			t.Errorf("%s: %+v, want entity %q %q", c.name, got, c.want.Entity, c.want.EntityID)
		}
	}
}
