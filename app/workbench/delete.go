package workbench

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// DeleteSelected asks whether to delete the selected event (Del) and, if
// so, deletes it with its evidence; Ctrl+Z brings it back.
func (wb *Workbench) DeleteSelected() {
	e, ok := wb.eventByID(wb.selected)
	if !ok {
		wb.onError(ErrNoEvent)
		return
	}
	what := "It has no evidence."
	switch n := len(e.Spans); n {
	case 0:
	case 1:
		what = "Its evidence span goes with it."
	default:
		what = fmt.Sprintf("Its %d evidence spans go with it.", n)
	}
	msg := widget.NewLabel(fmt.Sprintf("Delete “%s”?\n%s Ctrl+Z brings it back.", e.Title, what))
	msg.Wrapping = fyne.TextWrapWord
	wb.confirm = showSheet(wb.win.Canvas(), "Delete event", msg, "Delete", func() { wb.deleteEvent(e.ID) }, fyne.NewSize(480, 210))
}

// deleteEvent deletes event id at once.
func (wb *Workbench) deleteEvent(id string) {
	e, _ := wb.eventByID(id)
	if err := wb.project.DeleteEvent(id); err != nil {
		wb.onError(fmt.Errorf("the event was not deleted: %w", err))
		return
	}
	wb.status.setSaved(true)
	if wb.form.base.ID == id {
		wb.form.clear()
	}
	wb.selected = ""
	wb.eventRemoved(id)
	wb.SelectEvent("")
	wb.status.setMessage("Deleted “" + e.Title + "” (Ctrl+Z brings it back)")
}
