package workbench

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// ErrNoReattachSelection is reported by Re-attach without a selection in
// the orphan's article.
var ErrNoReattachSelection = errors.New("select the text that now reports the event in the reader first, then choose Re-attach")

// ShowOrphans lists the evidence whose quote was not found again after its
// article's text changed (Event → Orphaned evidence…), each with its old
// quote and context, to re-attach to the reader's selection or delete.
func (wb *Workbench) ShowOrphans() {
	orphans, err := wb.project.Orphans()
	if err != nil {
		wb.onError(err)
		return
	}
	wb.orphanList = orphans
	wb.orphanButton = map[string][2]*widget.Button{}
	rows := container.NewVBox()
	if len(orphans) == 0 {
		rows.Add(widget.NewLabel("No orphaned evidence: every span stands in its article's text."))
	} else {
		hint := widget.NewLabel("Close this list, select the words that now report the event in the reader, and choose Re-attach.")
		hint.Wrapping = fyne.TextWrapWord
		rows.Add(hint)
	}
	for _, o := range orphans {
		rows.Add(wb.orphanRow(o))
	}
	wb.orphanSheet = showSheet(wb.win.Canvas(), "Orphaned evidence", container.NewVScroll(rows), "", nil, fyne.NewSize(680, 480))
}

// orphanRow shows one orphan with its buttons.
func (wb *Workbench) orphanRow(o storage.Orphan) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(o.EventTitle+" — in “"+o.ArticleTitle+"”", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	quote := widget.NewLabel("…" + o.Span.Prefix + "[" + o.Span.Quote + "]" + o.Span.Suffix + "…")
	quote.Wrapping = fyne.TextWrapWord
	span := o.Span
	reattach := widget.NewButton("Re-attach to selection", func() { wb.reattachOrphan(span) })
	del := widget.NewButton("Delete evidence", func() { wb.confirmDeleteOrphan(o) })
	wb.orphanButton[span.ID] = [2]*widget.Button{reattach, del}
	return container.NewVBox(title, quote, container.NewHBox(reattach, del), widget.NewSeparator())
}

// reattachOrphan points the orphan span at the reader's selection.
func (wb *Workbench) reattachOrphan(s annotate.Span) {
	start, end := wb.reader.Selection()
	if start == end || wb.current < 0 || wb.articles[wb.current].ID != s.ArticleID {
		wb.onError(ErrNoReattachSelection)
		return
	}
	if err := wb.project.ReattachSpan(s.ID, start, end); err != nil {
		wb.onError(fmt.Errorf("the evidence was not re-attached: %w", err))
		return
	}
	wb.afterOrphanEdit(s.EventID, "Re-attached the evidence (Ctrl+Z undoes it)")
}

// confirmDeleteOrphan asks before deleting an orphan span.
func (wb *Workbench) confirmDeleteOrphan(o storage.Orphan) {
	msg := widget.NewLabel(fmt.Sprintf("Delete the evidence “%s” of “%s”?\nCtrl+Z brings it back.", o.Span.Quote, o.EventTitle))
	msg.Wrapping = fyne.TextWrapWord
	wb.confirm = showSheet(wb.win.Canvas(), "Delete evidence", msg, "Delete", func() {
		if err := wb.project.DeleteSpan(o.Span.ID); err != nil {
			wb.onError(fmt.Errorf("the evidence was not deleted: %w", err))
			return
		}
		wb.afterOrphanEdit(o.Span.EventID, "Deleted the evidence (Ctrl+Z brings it back)")
	}, fyne.NewSize(460, 200))
}

// afterOrphanEdit shows event eventID as stored after one of its orphans
// was fixed, and the list again when orphans remain.
func (wb *Workbench) afterOrphanEdit(eventID, msg string) {
	wb.status.setSaved(true)
	if err := wb.eventStored(eventID); err != nil {
		wb.onError(err)
		return
	}
	if wb.orphanSheet != nil {
		wb.orphanSheet.close()
	}
	if wb.orphanCount() > 0 {
		wb.ShowOrphans()
	}
	wb.status.setMessage(msg)
}
