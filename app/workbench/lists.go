package workbench

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// newArticleList lists the project's articles with their event counts.
func (wb *Workbench) newArticleList() *widget.List {
	l := widget.NewList(
		func() int { return len(wb.articles) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("article title")
			title.Truncation = fyne.TextTruncateEllipsis
			count := widget.NewLabel("0 ev")
			return container.NewBorder(nil, nil, nil, count, title)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			a := wb.articles[i]
			row.Objects[0].(*widget.Label).SetText(a.Title)
			n := 0
			for _, e := range wb.events {
				for _, s := range e.Spans {
					if s.ArticleID == a.ID {
						n++
						break
					}
				}
			}
			row.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%d ev", n))
		},
	)
	l.OnSelected = func(i widget.ListItemID) { wb.SelectArticle(i) }
	return l
}
