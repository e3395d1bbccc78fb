package workbench

import (
	"fyne.io/fyne/v2"

	"eventatlas/storage"
)

// Undo reverts the last edit (Ctrl+Z); the change is saved at once. While
// the form holds unsaved edits and one of its text fields has the keyboard,
// Ctrl+Z undoes the typing in that field instead.
func (wb *Workbench) Undo() {
	if wb.textUndo(&fyne.ShortcutUndo{}) {
		return
	}
	st, err := wb.project.UndoStep()
	wb.afterHistory("Undid", st, err)
}

// Redo applies again the last undone edit (Ctrl+Shift+Z), or redoes the
// typing in a form field as Undo does.
func (wb *Workbench) Redo() {
	if wb.textUndo(&fyne.ShortcutRedo{}) {
		return
	}
	st, err := wb.project.RedoStep()
	wb.afterHistory("Redid", st, err)
}

// textUndo sends sc to the focused form field when the form holds edits.
func (wb *Workbench) textUndo(sc fyne.Shortcut) bool {
	if !wb.form.shown || !wb.form.dirty && !wb.form.isDraft {
		return false
	}
	switch e := wb.win.Canvas().Focused().(type) {
	case *fieldEntry:
		e.Entry.TypedShortcut(sc)
		return true
	case *completer:
		e.Entry.TypedShortcut(sc)
		return true
	}
	return false
}

// afterHistory shows what an undo or redo did: the event it changed is
// selected, so that an edit made in another article, or before a restart,
// is not changed out of sight.
func (wb *Workbench) afterHistory(verb string, st storage.Step, err error) {
	if err != nil {
		wb.status.setMessage(err.Error())
		return
	}
	if err := wb.Reload(); err != nil {
		wb.onError(err)
		return
	}
	if st.Entity == "event" && st.EntityID != wb.selected {
		if _, ok := wb.eventByID(st.EntityID); ok {
			wb.SelectEvent(st.EntityID)
		}
	}
	wb.status.setMessage(verb + ": " + st.Description)
}
