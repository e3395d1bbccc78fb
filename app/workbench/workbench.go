// Package workbench is Event Atlas's main window: the article list, the
// reader, the event list and the map, kept in step around one selection.
package workbench

import (
	"fmt"
	"path/filepath"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
	"eventatlas/app/reader"
	"eventatlas/mapview"
	"eventatlas/mapview/render"
	"eventatlas/storage"
)

// Workbench holds the open project and every view of it. All methods run on
// the Fyne main goroutine.
type Workbench struct {
	win     fyne.Window
	project *storage.Project
	gaz     *gazetteer.Gazetteer
	tax     annotate.Taxonomy

	articles []annotate.Article
	events   []annotate.Event
	current  int    // index into articles of the article in the reader, -1 for none
	selected string // id of the selected event, "" for none

	articleList *widget.List
	eventList   *widget.List
	reader      *reader.Reader
	mapView     *mapview.Map
	status      *statusLine

	// onError shows an error to the user; tests replace it.
	onError func(error)
}

// New builds the workbench for project p in window w. Call Content for the
// window's content and Reload after p changes outside the workbench.
func New(w fyne.Window, p *storage.Project, g *gazetteer.Gazetteer, engine *render.Map) *Workbench {
	wb := &Workbench{win: w, project: p, gaz: g, tax: annotate.DefaultTaxonomy(), current: -1}
	wb.onError = wb.showError
	wb.reader = reader.New()
	wb.mapView = mapview.New(engine)
	wb.status = newStatusLine()
	wb.articleList = wb.newArticleList()
	wb.eventList = wb.newEventList()

	wb.reader.OnHighlightTapped = wb.SelectEvent
	wb.reader.OnSelectionChanged = func(start, end int) { wb.status.setSelection(end - start) }
	wb.mapView.OnEventTapped = wb.SelectEvent
	wb.mapView.OnCursor = wb.status.setCursor
	return wb
}

// Content returns the window's content: articles and events on the left,
// the reader in the middle, the map on the right, a status line below.
func (wb *Workbench) Content() fyne.CanvasObject {
	side := container.NewVSplit(
		container.NewBorder(widget.NewLabelWithStyle("Articles", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, wb.articleList),
		container.NewBorder(widget.NewLabelWithStyle("Events", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, wb.eventList),
	)
	side.SetOffset(0.35)
	left := container.NewHSplit(side, container.NewBorder(wb.readerToolbar(), nil, nil, nil, wb.reader))
	left.SetOffset(0.32)
	main := container.NewHSplit(left, container.NewBorder(wb.mapToolbar(), nil, nil, nil, wb.mapView))
	main.SetOffset(0.55)
	return container.NewBorder(nil, wb.status, nil, nil, main)
}

// Reload reads articles and events from the project again and refreshes
// every view, keeping the current article and selection where they still exist.
func (wb *Workbench) Reload() error {
	arts, err := wb.project.Articles()
	if err != nil {
		return err
	}
	evs, err := wb.project.Events()
	if err != nil {
		return err
	}
	currentID := ""
	if wb.current >= 0 && wb.current < len(wb.articles) {
		currentID = wb.articles[wb.current].ID
	}
	wb.articles, wb.events = arts, evs
	sort.SliceStable(wb.events, func(i, j int) bool { return wb.events[i].DateStart.Before(wb.events[j].DateStart) })
	wb.current = -1
	for i, a := range arts {
		if a.ID == currentID {
			wb.current = i
		}
	}
	if wb.current < 0 && len(arts) > 0 {
		wb.current = 0
	}
	wb.mapView.SetEvents(wb.events, wb.tax)
	wb.showArticle()
	wb.articleList.Refresh()
	wb.eventList.Refresh()
	if wb.current >= 0 {
		wb.articleList.Select(wb.current)
	}
	if _, ok := wb.eventByID(wb.selected); !ok {
		wb.selected = ""
	}
	wb.status.setProject(filepath.Base(wb.project.Path()), len(wb.events))
	return nil
}

// showArticle puts the current article in the reader with its highlights.
func (wb *Workbench) showArticle() {
	if wb.current < 0 {
		wb.reader.SetArticle(annotate.Article{Title: "No articles yet", Text: "Import an article to start coding events."})
		return
	}
	a := wb.articles[wb.current]
	wb.reader.SetArticle(a)
	wb.refreshHighlights()
	var marks []reader.Range
	for _, m := range wb.gaz.Match(a.Text) {
		marks = append(marks, reader.Range{Start: m.Start, End: m.End})
	}
	wb.reader.SetPlaceMarks(marks)
}

// refreshHighlights shows the evidence spans of the current article.
func (wb *Workbench) refreshHighlights() {
	if wb.current < 0 {
		return
	}
	id := wb.articles[wb.current].ID
	var hs []reader.Highlight
	for _, e := range wb.events {
		col := wb.tax.Lookup(e.Type).Color
		for _, s := range e.Spans {
			if s.ArticleID == id {
				hs = append(hs, reader.Highlight{Start: s.Start, End: s.End, Color: col, ID: e.ID})
			}
		}
	}
	wb.reader.SetHighlights(hs)
	wb.reader.SetActive(wb.selected)
}

func (wb *Workbench) eventByID(id string) (annotate.Event, bool) {
	for _, e := range wb.events {
		if e.ID == id && id != "" {
			return e, true
		}
	}
	return annotate.Event{}, false
}

// showError reports err in a dialog; the app keeps running.
func (wb *Workbench) showError(err error) {
	showErrorDialog(wb.win, err)
	wb.status.setMessage(fmt.Sprint(err))
}

// Project returns the open project.
func (wb *Workbench) Project() *storage.Project { return wb.project }

// SetProject closes the open project and shows p instead.
func (wb *Workbench) SetProject(p *storage.Project) error {
	if wb.project != nil && wb.project != p {
		wb.project.Close()
	}
	wb.project, wb.selected, wb.current, wb.articles = p, "", -1, nil
	if err := wb.Reload(); err != nil {
		return err
	}
	wb.mapView.FitRegion()
	return nil
}
