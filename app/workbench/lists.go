package workbench

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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

// newEventList lists every event: a swatch in its type's colour, the date,
// the title and the place.
func (wb *Workbench) newEventList() *widget.List {
	l := widget.NewList(
		func() int { return len(wb.events) },
		func() fyne.CanvasObject {
			swatch := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
			swatch.SetMinSize(fyne.NewSquareSize(theme.Size(theme.SizeNameInlineIcon) / 2))
			swatch.CornerRadius = theme.Size(theme.SizeNameInlineIcon) / 4
			title := widget.NewLabel("event title")
			title.Truncation = fyne.TextTruncateEllipsis
			place := widget.NewLabel("place")
			place.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, container.NewCenter(swatch), place, title)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			e := wb.events[i]
			row.Objects[0].(*widget.Label).SetText(e.Title)
			row.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle).FillColor = wb.tax.Lookup(e.Type).Color
			row.Objects[1].(*fyne.Container).Objects[0].Refresh()
			row.Objects[2].(*widget.Label).SetText(e.PlaceName)
		},
	)
	l.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(wb.events) && wb.events[i].ID != wb.selected {
			wb.SelectEvent(wb.events[i].ID)
		}
	}
	return l
}
