package workbench

// SelectEvent makes id the selected event everywhere: the event list, the
// reader (switching to the article of its first span and scrolling to it) and
// the map (centred on it). An empty id clears the selection.
func (wb *Workbench) SelectEvent(id string) {
	e, ok := wb.eventByID(id)
	if !ok {
		wb.selected = ""
		wb.reader.SetActive("")
		wb.mapView.Select("")
		wb.eventList.UnselectAll()
		wb.status.setMessage("")
		return
	}
	wb.selected = id
	if len(e.Spans) > 0 {
		span := e.Spans[0]
		if wb.current < 0 || wb.articles[wb.current].ID != span.ArticleID {
			for i, a := range wb.articles {
				if a.ID == span.ArticleID {
					wb.current = i
					wb.articleList.Select(i)
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
	wb.reader.SetActive(id)
	wb.mapView.Select(id)
	wb.mapView.CenterOn(id)
	for i, ev := range wb.events {
		if ev.ID == id {
			wb.eventList.Select(i)
		}
	}
	wb.status.setMessage(e.Type + " · " + e.Title)
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
}
