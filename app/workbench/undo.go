package workbench

import "fyne.io/fyne/v2"

// Undo reverts the last edit (Ctrl+Z); the change is saved at once. While
// the form holds unsaved edits and one of its text fields has the keyboard,
// Ctrl+Z undoes the typing in that field instead.
func (wb *Workbench) Undo() {
	if wb.textUndo(&fyne.ShortcutUndo{}) {
		return
	}
	desc, err := wb.project.Undo()
	wb.afterHistory("Undid", desc, err)
}

// Redo applies again the last undone edit (Ctrl+Shift+Z), or redoes the
// typing in a form field as Undo does.
func (wb *Workbench) Redo() {
	if wb.textUndo(&fyne.ShortcutRedo{}) {
		return
	}
	desc, err := wb.project.Redo()
	wb.afterHistory("Redid", desc, err)
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

func (wb *Workbench) afterHistory(verb, desc string, err error) {
	if err != nil {
		wb.status.setMessage(err.Error())
		return
	}
	if err := wb.Reload(); err != nil {
		wb.onError(err)
		return
	}
	wb.status.setMessage(verb + ": " + desc)
}
