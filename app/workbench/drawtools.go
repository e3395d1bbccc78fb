package workbench

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"eventatlas/mapview"
)

// ErrNothingToDraw is reported when a drawing ends with neither a new event
// in the form nor an event selected to take the geometry.
var ErrNothingToDraw = errors.New("select an event, or start a new one from a selection, before drawing its geometry")

// toolButton is a map toolbar button that shows whether its tool is on.
type toolButton struct{ *widget.Button }

// ToolbarObject makes the button a toolbar item.
func (b toolButton) ToolbarObject() fyne.CanvasObject { return b.Button }

// drawTools are the map toolbar's drawing toggles.
type drawTools struct {
	point, line, area, edit toolButton
}

func (wb *Workbench) newDrawTools() *drawTools {
	mk := func(label string, icon fyne.Resource, run func()) toolButton {
		b := widget.NewButtonWithIcon(label, icon, run)
		b.Importance = widget.LowImportance
		return toolButton{b}
	}
	return &drawTools{
		point: mk("Point", theme.RadioButtonCheckedIcon(), func() { wb.ToggleDrawing(mapview.Point) }),
		line:  mk("Line", theme.ContentRemoveIcon(), func() { wb.ToggleDrawing(mapview.Line) }),
		area:  mk("Area", theme.CheckButtonIcon(), func() { wb.ToggleDrawing(mapview.Polygon) }),
		edit:  mk("Edit geometry", theme.DocumentCreateIcon(), wb.EditSelectedGeometry),
	}
}

// update shows the active tool highlighted.
func (d *drawTools) update(m *mapview.Map) {
	set := func(b toolButton, on bool) {
		imp := widget.LowImportance
		if on {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
	editing := m.Editing() != ""
	set(d.point, !editing && m.Tool() == mapview.Point)
	set(d.line, !editing && m.Tool() == mapview.Line)
	set(d.area, !editing && m.Tool() == mapview.Polygon)
	set(d.edit, editing)
}

// ToggleDrawing starts drawing a geometry of kind k on the map, or stops
// when that tool is already on. The drawn geometry goes to the new event
// in the form, else to the selected event.
func (wb *Workbench) ToggleDrawing(k mapview.Kind) {
	m := wb.mapView
	if m.Tool() == k && m.Editing() == "" {
		m.CancelTool()
		return
	}
	wb.updateSnapTargets()
	m.StartDrawing(k, func(g orb.Geometry) { wb.drawingDone(g, "drawn") }, wb.drawingCancelled)
	wb.draw.update(m)
	wb.focus(m)
	how := "tap each vertex; double-tap or Enter finishes"
	if k == mapview.Point {
		how = "tap the place"
	}
	wb.status.setMessage(fmt.Sprintf("Draw %s: %s, Esc cancels", map[mapview.Kind]string{
		mapview.Point: "a point", mapview.Line: "a line", mapview.Polygon: "an area"}[k], how))
}

// EditSelectedGeometry lets the selected event's geometry be edited on the
// map: drag a vertex, right-click to remove one, Enter to finish.
func (wb *Workbench) EditSelectedGeometry() {
	if wb.selected == "" {
		wb.onError(ErrNoEvent)
		return
	}
	if wb.mapView.Editing() == wb.selected {
		wb.mapView.CancelTool()
		return
	}
	wb.updateSnapTargets()
	done := func(g orb.Geometry) { wb.drawingDone(g, "edited") }
	if err := wb.mapView.EditGeometry(wb.selected, done, wb.drawingCancelled); err != nil {
		wb.onError(err)
		return
	}
	wb.draw.update(wb.mapView)
	wb.focus(wb.mapView)
	wb.status.setMessage("Edit the geometry: drag a vertex, right-click removes it, Enter finishes, Esc cancels")
}

// updateSnapTargets lets vertices snap to the gazetteer's places.
func (wb *Workbench) updateSnapTargets() {
	if wb.snapsSet {
		return
	}
	var pts []orb.Point
	for _, p := range wb.gaz.All() {
		pts = append(pts, p.Point)
	}
	wb.mapView.SetSnapTargets(pts)
	wb.snapsSet = true
}

func (wb *Workbench) drawingCancelled() {
	wb.draw.update(wb.mapView)
	wb.status.setMessage("Drawing cancelled")
}

// drawingDone gives the geometry drawn or edited (how) to the new event in
// the form, or saves it as the selected event's geometry. Either way the
// event's place, province, country and precision are derived from the
// geometry (see deriveDrawnPlace), in the same undo step as the geometry,
// and the status line says what became of them.
func (wb *Workbench) drawingDone(g orb.Geometry, how string) {
	wb.draw.update(wb.mapView)
	f := wb.form
	if f.shown && f.isDraft {
		f.geometry = g
		d := deriveDrawnPlace(wb.gaz, g, f.placeID, f.placeText, f.formPrecision())
		f.loading = true
		if d.found {
			f.showDrawnPlace(d)
		} else if f.placeID == "" {
			f.place.setText("")
		}
		f.loading = false
		f.edited()
		wb.status.setMessage("The new event gets the " + how + " " + geomText(g) + ". " + d.message(how) + ": Enter saves it")
		return
	}
	if wb.selected == "" {
		wb.onError(ErrNothingToDraw)
		return
	}
	id := wb.selected
	if f.shown && f.dirty && f.base.ID == id {
		wb.SavePendingEdits()
	}
	e, ok := wb.eventByID(id)
	if !ok {
		wb.onError(ErrNoEvent)
		return
	}
	e.Geometry = g
	d := deriveDrawnPlace(wb.gaz, g, e.PlaceID, e.PlaceName, e.GeoPrecision)
	d.apply(&e)
	if err := wb.store(&e); err != nil {
		wb.onError(err)
		return
	}
	wb.status.setMessage("Saved the " + geomText(g) + " of “" + e.Title + "”. " + d.message(how) + "; Ctrl+Z undoes")
}
