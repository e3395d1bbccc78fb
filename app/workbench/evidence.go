package workbench

import (
	"fmt"

	"eventatlas/annotate"
)

// AddSelectionAsEvidence adds the reader's selection as more evidence to
// the selected event (Ctrl+Shift+E), or to the new event the form holds. An
// event can hold spans from several articles. The change is saved at once
// and can be undone.
func (wb *Workbench) AddSelectionAsEvidence() {
	start, end := wb.reader.Selection()
	span, err := wb.spanOf(start, end)
	if err != nil {
		wb.onError(err)
		return
	}
	f := wb.form
	if f.shown && f.isDraft {
		if hasSpan(f.base.Spans, span) {
			wb.status.setMessage("That text is already evidence for the new event")
			return
		}
		span.EventID = f.base.ID
		f.base.Spans = append(f.base.Spans, span)
		f.updateHeading()
		wb.refreshDraftHighlight()
		wb.status.setMessage(fmt.Sprintf("Evidence added to the new event (%d spans)", len(f.base.Spans)))
		return
	}
	e, ok := wb.eventByID(wb.selected)
	if !ok {
		wb.onError(ErrNoEvent)
		return
	}
	if hasSpan(e.Spans, span) {
		wb.status.setMessage("That text is already evidence for “" + e.Title + "”")
		return
	}
	span.EventID = e.ID
	e.Spans = append(e.Spans, span)
	if err := wb.project.SaveEvent(&e); err != nil {
		wb.status.setSaved(false)
		wb.onError(fmt.Errorf("the evidence was not saved: %w", err))
		return
	}
	wb.status.setSaved(true)
	if f.shown && f.base.ID == e.ID {
		f.base.Spans, f.base.Updated = e.Spans, e.Updated
		f.updateHeading()
	}
	if err := wb.eventStored(e.ID); err != nil {
		wb.onError(err)
		return
	}
	wb.setActive(e.ID)
	wb.status.setMessage(fmt.Sprintf("Evidence added to “%s” (%d spans; Ctrl+Z undoes)", e.Title, len(e.Spans)))
}

// hasSpan reports whether spans already hold s's range of s's article.
func hasSpan(spans []annotate.Span, s annotate.Span) bool {
	for _, o := range spans {
		if o.ArticleID == s.ArticleID && o.Start == s.Start && o.End == s.End {
			return true
		}
	}
	return false
}
