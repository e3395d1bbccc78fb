package workbench

import (
	"errors"

	"fyne.io/fyne/v2"
)

// submit saves the form (Enter): a new event is created, an edited one
// updated, both at once and undoably. A field in error gets the message
// and the keyboard, and nothing is saved.
func (f *eventForm) submit() {
	if !f.shown {
		return
	}
	f.closeLists()
	e, err := f.collect()
	if err != nil {
		f.showError(err)
		return
	}
	if !f.isDraft && !f.dirty {
		f.wb.status.setMessage("No changes to save")
		f.wb.focusReader()
		return
	}
	created := f.isDraft
	if err := f.wb.store(&e); err != nil {
		f.showError(err)
		return
	}
	verb := "Saved changes to"
	if created {
		verb = "Created"
		// The words are the new event's evidence now: their highlight
		// shows, and Ctrl+E does not start the same event again.
		f.wb.reader.ClearSelection()
	}
	f.wb.status.setMessage(verb + " “" + e.Title + "” (Ctrl+Z undoes)")
	f.wb.focusReader()
}

// showError shows err under the form and puts the keyboard in the field it
// is about.
func (f *eventForm) showError(err error) {
	f.setMessage(err.Error())
	var fe *fieldError
	if !errors.As(err, &fe) {
		return
	}
	targets := map[string]fyne.Focusable{
		"Type": f.typ, "Sub-type": f.sub, "Title": f.title, "Start date": f.start, "End date": f.end,
		"Place": f.place, "Fatalities": f.fatalities,
	}
	switch fe.field {
	case "Start date":
		f.start.SetValidationError(fe.err)
	case "End date":
		f.end.SetValidationError(fe.err)
	}
	if t := targets[fe.field]; t != nil {
		f.wb.focus(t)
	}
}

// cancel drops the edits (Esc): a new event is discarded, an edited one
// shows its saved values again. Esc on a form without edits leaves it for
// the reader.
func (f *eventForm) cancel() {
	f.closeLists()
	switch {
	case f.isDraft:
		f.clear()
		f.wb.refreshDraftHighlight()
		f.wb.status.setMessage("New event dropped")
		if e, ok := f.wb.eventByID(f.wb.selected); ok {
			f.load(e, false, f.wb.suggestFor(e))
		}
	case f.dirty:
		f.load(f.base, false, f.suggested)
		f.wb.status.setMessage("Edits reverted")
	}
	f.wb.focusReader()
}
