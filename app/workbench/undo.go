package workbench

// Undo reverts the last edit (Ctrl+Z); the change is saved at once.
func (wb *Workbench) Undo() {
	desc, err := wb.project.Undo()
	wb.afterHistory("Undid", desc, err)
}

// Redo applies again the last undone edit (Ctrl+Shift+Z).
func (wb *Workbench) Redo() {
	desc, err := wb.project.Redo()
	wb.afterHistory("Redid", desc, err)
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
