package workbench

import (
	"errors"
	"eventatlas/annotate"
	"github.com/paulmach/orb"
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
	slides := present.Slides(filterEvents(wb.events, wb.filters.filter(), wb.folded), wb.articles)
	for i := range slides {
		slides[i].From = wb.movementStart(slides[i].Event)
	}
	return slides
}

// movementStart names the place a movement's line starts at, as the
// gazetteer finds it there; "" for other events.
func (wb *Workbench) movementStart(e annotate.Event) string {
	line, ok := e.Geometry.(orb.LineString)
	if !ok || len(line) < 2 || wb.gaz == nil {
		return ""
	}
	gp, ok := wb.gaz.PlaceForGeometry(line[0])
	if !ok {
		return ""
	}
	return gp.Place.Name
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
