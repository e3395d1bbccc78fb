package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Content returns the window's content: articles, the filter bar and the
// event table on the left; the reader with its find bar and the event form
// under it in the middle; the map on the right; a status line below.
func (wb *Workbench) Content() fyne.CanvasObject {
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	articles := container.NewBorder(container.NewVBox(wb.articlesHeading, wb.articleFilter.entry), nil, nil, nil, wb.articleList)
	events := container.NewBorder(container.NewVBox(heading("Events"), wb.filters.content), nil, nil, nil, wb.table.content)
	side := wb.panes.split("side", false, articles, events)

	readerPane := container.NewBorder(container.NewVBox(wb.readerToolbar(), wb.find.bar), nil, nil, nil, wb.reader)
	middle := wb.panes.split("middle", false, readerPane, wb.form.Object())
	wb.panes.formShown(wb.form.shown)

	mapPane := container.NewBorder(wb.mapToolbar(), nil, nil, nil, wb.mapView)
	right := wb.panes.split("right", true, middle, mapPane)
	main := wb.panes.split("main", true, side, right)
	wb.tips.SetContent(container.NewBorder(nil, wb.status, nil, nil, main))
	return wb.tips
}
