package workbench

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"eventatlas/app/present"
	"eventatlas/mapview/render"
)

// ErrNoMapEngine is reported by Present while NewMapEngine is nil.
var ErrNoMapEngine = errors.New("presentation: the app gave the workbench no way to draw a second map")

// presentedEvents are the events Present steps through: those the filter
// bar lets through.
func (wb *Workbench) presentedEvents() []present.Slide {
	if wb.folded == nil {
		wb.folded = foldCache{}
	}
	return present.Slides(filterEvents(wb.events, wb.filters.filter(), wb.folded), wb.articles)
}

// Present opens the presentation (Map → Present events, F11): a full-screen
// window that steps through the events the filter bar shows, in date order,
// flying the map to each and showing its quote.
func (wb *Workbench) Present() {
	if wb.NewMapEngine == nil {
		wb.onError(ErrNoMapEngine)
		return
	}
	engine, err := wb.NewMapEngine()
	if err != nil {
		wb.onError(err)
		return
	}
	title := strings.TrimSuffix(filepath.Base(wb.project.Path()), filepath.Ext(wb.project.Path()))
	wb.presentation = present.New(fyne.CurrentApp(), title, wb.presentedEvents(), wb.tax, engine)
	wb.presentation.SetScope(wb.scope(wb.filters.filter()))
	wb.presentation.Show()
}

// NewMapEngineFunc makes a map engine for a window of its own.
type NewMapEngineFunc func() (*render.Map, error)
