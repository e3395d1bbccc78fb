package workbench

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
	"eventatlas/app/reader"
)

// articleRows is the list of articles; F1 and F11 reach the window from it.
type articleRows struct {
	widget.List
	wb *Workbench
}

// TypedKey passes F1 and F11 to the window; Enter opens the row the
// keyboard is on (as Space does); the rest moves through the rows.
func (l *articleRows) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case l.wb.windowKey(ev):
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	default:
		l.List.TypedKey(ev)
	}
}

// focusArticles puts the keyboard in the article filter (Ctrl+Shift+T),
// from where ↓ goes into the list.
func (wb *Workbench) focusArticles() {
	wb.focus(wb.articleFilter.entry)
}

// newArticleList lists the project's articles with their event counts.
func (wb *Workbench) newArticleList() *articleRows {
	l := &articleRows{wb: wb}
	l.Length = func() int { return wb.articleFilter.rows() }
	l.CreateItem = func() fyne.CanvasObject {
		title := widget.NewLabel("article title")
		title.Truncation = fyne.TextTruncateEllipsis
		count := widget.NewLabel("0 ev")
		return container.NewBorder(nil, nil, nil, count, title)
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		row := o.(*fyne.Container)
		a := wb.articles[wb.articleFilter.article(i)]
		title := row.Objects[0].(*widget.Label)
		title.Alignment = fyne.TextAlignLeading
		if reader.RightToLeft(a.Title) {
			title.Alignment = fyne.TextAlignTrailing // a Dari or Pashto headline
		}
		title.SetText(a.Title)
		row.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%d ev", wb.eventsIn(a.ID)))
	}
	l.OnSelected = func(row widget.ListItemID) { wb.SelectArticle(wb.articleFilter.article(row)) }
	l.ExtendBaseWidget(l)
	return l
}

// eventsIn returns how many events have evidence in article id. The counts
// are made once for all articles after the events change (refreshEvents
// forgets them), not once per row shown.
func (wb *Workbench) eventsIn(id string) int {
	if wb.articleCounts == nil {
		wb.articleCounts = make(map[string]int, len(wb.articles))
		for i := range wb.events {
			spans := wb.events[i].Spans
			for j, s := range spans {
				if !slices.ContainsFunc(spans[:j], func(o annotate.Span) bool { return o.ArticleID == s.ArticleID }) {
					wb.articleCounts[s.ArticleID]++
				}
			}
		}
	}
	return wb.articleCounts[id]
}
