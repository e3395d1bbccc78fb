package workbench

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eventatlas/storage"
)

// reanchorUI is the state of Edit → Edit article text… and Event →
// Orphaned evidence….
type reanchorUI struct {
	textSheet    *sheet        // the last article text editor
	textEntry    *widget.Entry // its text
	orphanSheet  *sheet        // the last orphaned evidence list
	orphanList   []storage.Orphan
	orphanButton map[string][2]*widget.Button // re-attach and delete, by span id
}

// EditArticleText opens the current article's text in an editor; Save
// stores it and finds every evidence span again in the new text (see
// storage.Project.UpdateArticleText). Spans that cannot be found become
// orphaned evidence, listed by Event → Orphaned evidence….
func (wb *Workbench) EditArticleText() {
	if wb.current < 0 {
		wb.onError(ErrNoArticle)
		return
	}
	a := wb.articles[wb.current]
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetText(a.Text)
	note := widget.NewLabel("Evidence is found again in the new text; what cannot be found is listed in the Event menu under Orphaned evidence. Ctrl+Z undoes the change.")
	note.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(nil, note, nil, nil, container.NewScroll(e))
	wb.textEntry = e
	wb.textSheet = showSheet(wb.win.Canvas(), "Edit the text of “"+a.Title+"”", body, "Save",
		func() { wb.saveArticleText(a.ID, e.Text) }, fyne.NewSize(720, 560))
	wb.focus(e)
}

// saveArticleText stores text as the text of article id and says what
// became of its evidence.
func (wb *Workbench) saveArticleText(id, text string) {
	r, err := wb.project.UpdateArticleText(id, text)
	if err != nil {
		wb.onError(err)
		return
	}
	wb.status.setSaved(true)
	if err := wb.Reload(); err != nil {
		wb.onError(err)
		return
	}
	msg := "Article text saved: " + r.Summary()
	if len(r.Orphans) > 0 {
		msg += " — see Orphaned evidence in the Event menu"
	}
	wb.status.setMessage(msg)
}

// orphanCount is the number of orphaned evidence spans among the events.
func (wb *Workbench) orphanCount() int {
	n := 0
	for _, e := range wb.events {
		for _, s := range e.Spans {
			if s.Orphan {
				n++
			}
		}
	}
	return n
}

// orphansText is "1 orphaned span" or "N orphaned spans"; "" for none.
func orphansText(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 orphaned span"
	}
	return fmt.Sprintf("%d orphaned spans", n)
}
