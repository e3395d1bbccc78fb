package workbench

import "eventatlas/annotate"

// draftID is the highlight id of the new event's evidence before it is saved.
const draftID = "\x00draft"

// selectFromReader selects the event whose evidence was clicked in the
// reader, leaving the reader where it is (on that span, not its first).
func (wb *Workbench) selectFromReader(id string) {
	wb.pickedInReader = true
	defer func() { wb.pickedInReader = false }()
	wb.SelectEvent(id)
}

// SelectEvent makes id the selected event everywhere: the event table, the
// reader (switching to the article of its first span and scrolling to it),
// the map (centred on it) and the form, which shows it for editing. Edits
// the form held for another event are saved first when they are valid.
// An empty id clears the selection.
func (wb *Workbench) SelectEvent(id string) { wb.selectEvent(id, true) }

// selectEvent is SelectEvent; inTable is false when the event table has
// already selected and shown the event's row.
func (wb *Workbench) selectEvent(id string, inTable bool) {
	if id == draftID {
		wb.form.focusType()
		return
	}
	keepDraft := id == "" && wb.form.isDraft
	if wb.form.shown && wb.form.base.ID != id && !keepDraft {
		wb.leaveForm()
	}
	e, ok := wb.eventByID(id)
	if !ok {
		wb.selected = ""
		wb.setActive("")
		wb.mapView.Select("")
		wb.table.selectID("")
		wb.status.setMessage("")
		if !keepDraft {
			wb.form.clear()
		}
		return
	}
	wb.selected = id
	wb.showEvidenceOf(e)
	wb.setActive(id)
	wb.mapView.Select(id)
	wb.mapView.CenterOn(id)
	if inTable {
		wb.table.selectID(id)
	}
	if !wb.form.shown || wb.form.base.ID != id {
		wb.form.load(e, false, wb.suggestFor(e))
	}
	wb.status.setMessage(e.Type + " · " + e.Title)
}

// showEvidenceOf shows the article of e's first span in the reader and
// scrolls to e's first span in it; not when e was picked by a click on its
// evidence, which is where the reader should stay.
func (wb *Workbench) showEvidenceOf(e annotate.Event) {
	if len(e.Spans) == 0 || wb.pickedInReader {
		return
	}
	if wb.current < 0 || wb.articles[wb.current].ID != e.Spans[0].ArticleID {
		for i, a := range wb.articles {
			if a.ID == e.Spans[0].ArticleID {
				wb.current = i
				wb.markArticle(i)
				wb.showArticle()
			}
		}
	}
	for _, s := range e.Spans {
		if wb.current >= 0 && s.ArticleID == wb.articles[wb.current].ID {
			wb.reader.ScrollToOffset(s.Start)
			break
		}
	}
}

// suggestFor returns the places suggested for e's first span, for the
// form's place list.
func (wb *Workbench) suggestFor(e annotate.Event) []annotate.Place {
	if len(e.Spans) == 0 {
		return nil
	}
	s := e.Spans[0]
	for _, a := range wb.articles {
		if a.ID == s.ArticleID {
			return wb.gaz.Suggest(a.Text, s.Start, s.End)
		}
	}
	return nil
}

// Selected returns the id of the selected event, "" for none.
func (wb *Workbench) Selected() string { return wb.selected }

// SelectArticle shows the i-th article in the reader.
func (wb *Workbench) SelectArticle(i int) {
	if i < 0 || i >= len(wb.articles) || i == wb.current {
		return
	}
	wb.current = i
	wb.showArticle()
	// A message about the last article's selection or form is stale now;
	// the selected event's own line stays.
	if e, ok := wb.eventByID(wb.selected); !ok || wb.status.message.Text != e.Type+" · "+e.Title {
		wb.status.setMessage("")
	}
}

// hasSpanIn reports whether some of e's evidence is in the article id.
func hasSpanIn(e annotate.Event, articleID string) bool {
	for _, s := range e.Spans {
		if s.ArticleID == articleID {
			return true
		}
	}
	return false
}

// showNewArticle shows the article i that was just added, to be read and
// coded: the selected event goes (its edits saved first), since the new
// article holds none of its evidence. A user who switches articles keeps
// the event, to add evidence from another article.
func (wb *Workbench) showNewArticle(i int) {
	if e, ok := wb.eventByID(wb.selected); ok && !hasSpanIn(e, wb.articles[i].ID) {
		wb.selectEvent("", true)
	}
	wb.SelectArticle(i)
	wb.markArticle(i)
}

// SavePendingEdits saves the form's unsaved edits or new event when they
// are valid (and drops them, saying why, when not). Call it before the
// project closes, e.g. when the window does.
func (wb *Workbench) SavePendingEdits() { wb.leaveForm() }

// leaveForm is called before the form shows something else: its edits (or
// its new event) are saved when they are valid and dropped, with a message
// that says why, when they are not.
func (wb *Workbench) leaveForm() {
	f := wb.form
	if !f.shown || !f.dirty && !f.isDraft {
		return
	}
	what := "the edits to “" + f.base.Title + "”"
	if f.isDraft {
		what = "the new event"
	}
	e, err := f.collect()
	if err == nil {
		err = wb.project.SaveEvent(&e)
	}
	f.clear()
	wb.refreshDraftHighlight()
	if err != nil {
		wb.status.setMessage("Dropped " + what + ": " + err.Error())
		return
	}
	wb.status.setSaved(true)
	if rerr := wb.eventStored(e.ID); rerr != nil {
		wb.onError(rerr)
	}
	wb.status.setMessage("Saved " + what + " (Ctrl+Z undoes)")
}
