package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Preference keys of the window's layout, kept between runs.
const (
	prefSplitPrefix = "layout.split." // + the split's name: its offset
	prefLegend      = "map.legend"    // whether the map shows its legend
	prefGrouping    = "map.grouping"  // whether the map groups dense events
)

// collapsedForm is the middle split's offset while the event form is
// empty: the reader gets the room, the hint keeps a line.
const collapsedForm = 0.88

// panes are the window's resizable splits, remembered between runs.
type panes struct {
	splits map[string]*container.Split
	// formOffset is the middle split's offset with an event in the form;
	// while the form is empty the split is collapsed and this keeps the
	// user's choice for when an event comes back.
	formOffset float64
	collapsed  bool
}

// defaultOffsets are the splits' offsets on the first run.
var defaultOffsets = map[string]float64{"side": 0.2, "middle": 0.6, "right": 0.55, "main": 0.32}

// split makes the named split with the remembered (or default) offset.
func (p *panes) split(name string, horizontal bool, a, b fyne.CanvasObject) *container.Split {
	var s *container.Split
	if horizontal {
		s = container.NewHSplit(a, b)
	} else {
		s = container.NewVSplit(a, b)
	}
	off := defaultOffsets[name]
	if app := fyne.CurrentApp(); app != nil {
		if v := app.Preferences().FloatWithFallback(prefSplitPrefix+name, off); v > 0.05 && v < 0.95 {
			off = v
		}
	}
	s.SetOffset(off)
	if p.splits == nil {
		p.splits = map[string]*container.Split{}
	}
	p.splits[name] = s
	if name == "middle" {
		p.formOffset = off
	}
	return s
}

// formShown collapses the middle split while the event form is empty and
// gives back the user's offset when an event comes into it.
func (p *panes) formShown(on bool) {
	s := p.splits["middle"]
	if s == nil || on == !p.collapsed {
		return
	}
	if on {
		p.collapsed = false
		s.SetOffset(p.formOffset)
		return
	}
	p.formOffset = s.Offset
	p.collapsed = true
	s.SetOffset(max(collapsedForm, s.Offset))
}

// save keeps the splits' offsets (the middle one as it is with a form) and
// the legend switch for the next run.
func (wb *Workbench) saveLayout() {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	prefs := app.Preferences()
	for name, s := range wb.panes.splits {
		off := s.Offset
		if name == "middle" && wb.panes.collapsed {
			off = wb.panes.formOffset
		}
		prefs.SetFloat(prefSplitPrefix+name, off)
	}
	prefs.SetBool(prefLegend, wb.mapView.Legend())
	prefs.SetBool(prefGrouping, wb.mapView.Grouping())
}

// restoreLegend shows or hides the legend, and groups dense events or not,
// as at the last run.
func (wb *Workbench) restoreLegend() {
	if app := fyne.CurrentApp(); app != nil {
		wb.mapView.SetLegend(app.Preferences().BoolWithFallback(prefLegend, true))
		wb.mapView.SetGrouping(app.Preferences().BoolWithFallback(prefGrouping, true))
	}
}

// toggleGrouping groups dense events on the map, or draws each on its own,
// and remembers it.
func (wb *Workbench) toggleGrouping() {
	wb.mapView.SetGrouping(!wb.mapView.Grouping())
	if app := fyne.CurrentApp(); app != nil {
		app.Preferences().SetBool(prefGrouping, wb.mapView.Grouping())
	}
}

// toggleLegend shows or hides the map's legend and remembers it.
func (wb *Workbench) toggleLegend() {
	wb.mapView.SetLegend(!wb.mapView.Legend())
	if app := fyne.CurrentApp(); app != nil {
		app.Preferences().SetBool(prefLegend, wb.mapView.Legend())
	}
}

// SaveLayout keeps the window's split positions for the next run; the app
// calls it when the window closes.
func (wb *Workbench) SaveLayout() { wb.saveLayout() }
