// Package workbench is Event Atlas's main window: the article list, the
// event table with its filter bar, the reader with its find bar and the
// event form under it, and the map, kept in step around one selection.
package workbench

import (
	"eventatlas/app/tooltip"
	"fmt"
	"image/color"
	"os"
	"os/user"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
	"eventatlas/app/present"
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
	events   []annotate.Event // every event, in storage order
	current  int              // index into articles of the article in the reader, -1 for none
	selected string           // id of the selected event, "" for none

	actors        []annotate.Actor // the actor registry, once read
	actorsLoaded  bool
	highlights    []reader.Highlight // the highlights the reader shows
	highlighted   string             // the id of the article they were set on, "" when the reader has none
	active        string             // the event whose spans the reader marks (setActive)
	reloads       int                // how many times Reload read the project (tests count them)
	mapIDs        []string           // the ids of the events the map was given, in order
	mapKeep       bool               // the next refresh may keep the map's events when their ids are the same (setMapEvents)
	articleCounts map[string]int     // events with evidence in each article, by id; nil when stale (lists.go)
	folded        foldCache          // the events' folded search text, for the filter

	articleList *articleRows
	// articleFilter narrows articleList; articlesHeading is its heading.
	articleFilter   *articleFilter
	articlesHeading *widget.Label
	table           *eventTable
	filters         *filterBar
	reader          *reader.Reader
	find            *findBar
	form            *eventForm
	mapView         *mapview.Map
	status          *statusLine
	tips            *tooltip.Layer // the toolbar buttons' tips, over the content

	mainMenu                 *fyne.MainMenu
	openProject, newProject  func()
	help, confirm            *sheet
	historySheet, errorSheet *sheet

	mergeSheet               *sheet         // the last merge's summary
	conflicts                *conflictsView // the conflicts sheet, once opened
	exportSheet, importSheet *sheet
	pasteSheet               *sheet
	pasteForm                *articleForm
	importing                bool                 // an import is running
	importBar                *widget.ProgressBar  // its progress
	importLabel              *widget.Label        // the file it is at
	importResults            []ImportResult       // the last import's results
	onImported               func([]ImportResult) // tests wait on it
	draw                     *drawTools           // the map's drawing toggles
	snapsSet                 bool                 // the map snaps to the gazetteer
	tilesSheet               *sheet               // Map → Online background tiles…
	tilesOn                  *widget.Check
	tilesURL                 *widget.Entry
	userPlaces               map[string]bool // ids of the user places put in the gazetteer (addplace.go)
	placeForm                *placeForm      // the last "Add place here" form
	placesView               *placesView     // the last Edit → Places… sheet
	pickedInReader           bool            // the selection being made came from a click on evidence
	onPlacesChanged          func()          // refreshes an open places sheet

	// ExportFunc writes the open project to path in format ("gpkg",
	// "geojson", "csv", "kml" or "jsonld") and says what it wrote (the
	// status line shows it); the app sets it. While it is nil, File →
	// Export project… reports ErrNoExporter.
	ExportFunc func(format, path string) (string, error)
	// ImportFunc imports the file at path (an article, GeoJSON or CSV events)
	// into the open project and says what came in; the app sets it.
	ImportFunc func(path string) (string, error)
	// NewMapEngine makes the map engine of the presentation window (Map →
	// Present events); the app sets it.
	NewMapEngine NewMapEngineFunc
	presentation *present.Show // the last presentation opened
	panes        panes         // the resizable splits, remembered between runs

	importUI   // the import preview and the article details form
	reanchorUI // the article text editor and the orphaned evidence list

	// onError shows an error to the user; tests replace it.
	onError func(error)
}

// New builds the workbench for project p in window w. Call Content for the
// window's content, MainMenu and AddShortcuts for the keyboard, and Reload
// after p changes outside the workbench.
func New(w fyne.Window, p *storage.Project, g *gazetteer.Gazetteer, engine *render.Map) *Workbench {
	wb := &Workbench{win: w, project: p, gaz: g, tax: annotate.DefaultTaxonomy(), current: -1,
		tips: tooltip.NewLayer(nil)}
	wb.onError = wb.showError
	wb.reader = reader.New()
	wb.mapView = mapview.New(engine)
	wb.restoreLegend()
	wb.status = newStatusLine()
	wb.articleFilter = newArticleFilter(wb)
	wb.articlesHeading = widget.NewLabelWithStyle("Articles", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	wb.articleList = wb.newArticleList()
	wb.table = newEventTable(wb)
	wb.filters = newFilterBar(wb)
	wb.find = newFindBar(wb)
	wb.form = newEventForm(wb)
	wb.draw = wb.newDrawTools()

	wb.reader.OnHighlightTapped = wb.selectFromReader
	wb.reader.OnSelectionChanged = func(start, end int) { wb.status.setSelection(end - start) }
	wb.mapView.OnEventTapped = wb.SelectEvent
	wb.mapView.OnCursor = wb.status.setCursor
	wb.mapView.OnSecondaryTapped = wb.mapSecondaryTapped
	wb.mapView.OnOtherKey = func(ev *fyne.KeyEvent) { wb.windowKey(ev) }
	p.SetAnnotator(annotatorName())
	w.SetOnDropped(wb.dropped)
	if err := wb.applyTilePrefs(); err != nil {
		wb.status.setMessage("Online tiles off: " + err.Error())
	}
	return wb
}

// annotatorName is who the edits are recorded as: $EVENTATLAS_ANNOTATOR, or
// the user's login name.
func annotatorName() string {
	if n := os.Getenv("EVENTATLAS_ANNOTATOR"); n != "" {
		return n
	}
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return ""
}

// Reload reads articles and events from the project again and refreshes
// every view, keeping the current article, the selection and the form's
// edits where they still apply. An edit of one event refreshes the views
// without reading everything (incremental.go).
func (wb *Workbench) Reload() error {
	d, err := readProject(wb.project)
	if err != nil {
		return err
	}
	return wb.apply(d)
}

// projectData is what Reload reads from a project.
type projectData struct {
	tax    annotate.Taxonomy
	taxErr error // the project's taxonomy could not be read: tax is the default
	arts   []annotate.Article
	evs    []annotate.Event
}

// readProject reads what the workbench shows from p; it touches no widget,
// so it may run on any goroutine.
func readProject(p *storage.Project) (projectData, error) {
	var d projectData
	if d.tax, d.taxErr = p.Taxonomy(); d.taxErr != nil {
		d.tax = annotate.DefaultTaxonomy()
	}
	var err error
	if d.arts, err = p.Articles(); err != nil {
		return d, err
	}
	d.evs, err = p.Events()
	return d, err
}

// apply shows what readProject read.
func (wb *Workbench) apply(d projectData) error {
	wb.tax = d.tax
	if d.taxErr != nil {
		wb.status.setMessage("Using the default event types: " + d.taxErr.Error())
	}
	arts, evs := d.arts, d.evs
	currentID := ""
	if wb.current >= 0 && wb.current < len(wb.articles) {
		currentID = wb.articles[wb.current].ID
	}
	wb.articles, wb.events = arts, evs
	wb.articleFilter.reindex()
	wb.reloads++
	wb.mapKeep = false
	wb.current = -1
	for i, a := range arts {
		if a.ID == currentID {
			wb.current = i
		}
	}
	if wb.current < 0 && len(arts) > 0 {
		wb.current = 0
	}
	wb.status.setProject(filepath.Base(wb.project.Path()))
	wb.refreshEvents()
	if wb.current >= 0 {
		wb.markArticle(wb.current)
	}
	return wb.syncUserPlaces()
}

// syncForm shows the stored state of the event in the form after a reload,
// unless the form holds edits or a new event; an event that is gone (an
// undone create) leaves the form empty.
func (wb *Workbench) syncForm() {
	f := wb.form
	if !f.shown || f.isDraft || f.dirty {
		return
	}
	if e, ok := wb.eventByID(f.base.ID); ok {
		f.load(e, false, f.suggested)
		return
	}
	f.clear()
}

// applyFilter shows the events that pass the filter bar in the table and
// on the map.
func (wb *Workbench) applyFilter() {
	f := wb.filters.filter()
	if wb.folded == nil {
		wb.folded = foldCache{}
	}
	rows := filterEvents(wb.events, f, wb.folded)
	wb.table.setEvents(rows)
	wb.setMapEvents(rows)
	wb.mapView.Select(wb.selected)
	wb.status.setCount(len(rows), len(wb.events))
}

// showArticle puts the current article in the reader with its highlights.
func (wb *Workbench) showArticle() {
	if wb.current < 0 {
		wb.reader.SetArticle(annotate.Article{Title: "No articles yet", Text: "Import an article to start coding events."})
		wb.highlights, wb.highlighted, wb.active = nil, "", ""
		return
	}
	a := wb.articles[wb.current]
	if wb.reader.Article().ID != a.ID || wb.reader.Article().Text != a.Text {
		wb.reader.SetArticle(a)
		wb.highlighted, wb.active = "", "" // SetArticle clears the highlights and the active event
		var marks []reader.Range
		for _, m := range wb.gaz.Match(a.Text) {
			marks = append(marks, reader.Range{Start: m.Start, End: m.End})
		}
		wb.reader.SetPlaceMarks(marks)
	} else if shown := wb.reader.Article(); !sameDetails(shown, a) {
		wb.reader.SetArticleDetails(a) // edited under Article details…
	}
	wb.refreshHighlights()
}

// refreshHighlights shows the evidence spans of the current article, and
// those of the new event the form holds.
func (wb *Workbench) refreshHighlights() {
	if wb.current < 0 {
		return
	}
	id := wb.articles[wb.current].ID
	var hs []reader.Highlight
	add := func(e annotate.Event, hid string) {
		col := wb.tax.Lookup(e.Type).Color
		for _, s := range e.Spans {
			if s.ArticleID == id && !s.Orphan { // an orphan's offsets are stale
				hs = append(hs, reader.Highlight{Start: s.Start, End: s.End, Color: col, ID: hid})
			}
		}
	}
	for _, e := range wb.events {
		add(e, e.ID)
	}
	if wb.form.shown && wb.form.isDraft {
		d := wb.form.base
		if et, ok := wb.form.lookupType(wb.form.typ.Text); ok {
			d.Type = et.Name
		}
		add(d, draftID)
	}
	// Redrawing the reader's highlights is slow; skip it when they are the
	// ones it shows.
	if wb.highlighted != id || !sameHighlights(hs, wb.highlights) {
		wb.reader.SetHighlights(hs)
	}
	wb.highlights, wb.highlighted = hs, id
	active := wb.selected
	if wb.form.shown && wb.form.isDraft {
		active = draftID
	}
	wb.setActive(active)
}

// setActive marks the spans of event id in the reader ("" for none),
// unless they are marked already.
func (wb *Workbench) setActive(id string) {
	if id == wb.active {
		return
	}
	wb.active = id
	wb.reader.SetActive(id)
}

// sameHighlights reports whether a and b are the same highlights in the
// same order.
func sameHighlights(a, b []reader.Highlight) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Start != y.Start || x.End != y.End || x.ID != y.ID || !sameColor(x.Color, y.Color) {
			return false
		}
	}
	return true
}

// sameColor reports whether a and b are the same colour.
func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// refreshDraftHighlight redraws the highlights after the new event changed.
func (wb *Workbench) refreshDraftHighlight() { wb.refreshHighlights() }

func (wb *Workbench) eventByID(id string) (annotate.Event, bool) {
	for _, e := range wb.events {
		if e.ID == id && id != "" {
			return e, true
		}
	}
	return annotate.Event{}, false
}

// focus gives o the keyboard.
func (wb *Workbench) focus(o fyne.Focusable) {
	if c := wb.win.Canvas(); c != nil {
		c.Focus(o)
	}
}

// focusReader gives the reader the keyboard.
func (wb *Workbench) focusReader() { wb.focus(wb.reader) }

// focusTable gives the event table the keyboard (Ctrl+T).
func (wb *Workbench) focusTable() { wb.focus(wb.table.list) }

// focusFilter puts the keyboard in the filter bar's words (Ctrl+Shift+F).
func (wb *Workbench) focusFilter() { wb.focus(wb.filters.text) }

// showError reports err in a dialog; the app keeps running.
func (wb *Workbench) showError(err error) {
	wb.errorSheet = showErrorSheet(wb.win, err)
	wb.status.setMessage(fmt.Sprint(err))
}

// Project returns the open project.
func (wb *Workbench) Project() *storage.Project { return wb.project }

// SetProject closes the open project and shows p instead.
func (wb *Workbench) SetProject(p *storage.Project) error {
	wb.SavePendingEdits()
	if wb.project != nil && wb.project != p {
		wb.project.Close()
	}
	wb.project, wb.selected, wb.current, wb.articles = p, "", -1, nil
	wb.articleFilter.entry.SetText("") // another project's articles: the filter starts afresh
	wb.actors, wb.actorsLoaded = nil, false
	p.SetAnnotator(annotatorName())
	wb.form.clear()
	wb.status.setMessage("Opened " + filepath.Base(p.Path())) // what was said of the last project is not true of this one
	// A large project is read in the background (openlarge.go); an error
	// found then is shown, one found at once is returned.
	var err error
	inCall := true
	wb.ReloadInBackground(func(e error) {
		switch {
		case e == nil:
			wb.mapView.FitRegion()
		case inCall:
			err = e
		default:
			wb.onError(e)
		}
	})
	inCall = false
	return err
}

// sameDetails reports whether a and b have the same header: title, outlet,
// date, URL and language.
func sameDetails(a, b annotate.Article) bool {
	return a.Title == b.Title && a.Outlet == b.Outlet && a.URL == b.URL && a.Language == b.Language && a.Published.Equal(b.Published)
}
