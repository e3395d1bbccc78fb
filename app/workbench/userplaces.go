package workbench

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
)

// placesView is the Edit → Places… sheet: the project's own places, each
// with Edit…, Show on map and Delete.
type placesView struct {
	wb     *Workbench
	places []annotate.Place
	list   *widget.List
	empty  *widget.Label
	sheet  *sheet
}

// ShowPlaces lists the places added to this project (right-click on the
// map → Add place here): rename one, change its kind or province, show it
// on the map, or delete it. Every change is undoable.
func (wb *Workbench) ShowPlaces() {
	v := &placesView{wb: wb}
	v.empty = widget.NewLabel("No places of your own yet: right-click on the map to add one.")
	v.empty.Wrapping = fyne.TextWrapWord
	v.list = widget.NewList(
		func() int { return len(v.places) },
		func() fyne.CanvasObject {
			label := widget.NewLabel("")
			label.Truncation = fyne.TextTruncateEllipsis
			edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), nil)
			show := widget.NewButtonWithIcon("", theme.VisibilityIcon(), nil)
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			return container.NewBorder(nil, nil, nil, container.NewHBox(edit, show, del), label)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(v.places) {
				return
			}
			p := v.places[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(placeLine(p))
			btns := c.Objects[1].(*fyne.Container).Objects
			btns[0].(*widget.Button).OnTapped = func() { v.edit(p) }
			btns[1].(*widget.Button).OnTapped = func() { v.show(p) }
			btns[2].(*widget.Button).OnTapped = func() { v.delete(p) }
		},
	)
	v.reload()
	body := container.NewStack(v.list, container.NewCenter(v.empty))
	v.sheet = showSheet(wb.win.Canvas(), "Your places", body, "", nil, fyne.NewSize(640, 420))
	wb.placesView = v
	wb.onPlacesChanged = v.reload
}

// placeLine describes a place in the list: "Sherkhan Bandar crossing —
// Kunduz, Afghanistan (also: Shir Khan)".
func placeLine(p annotate.Place) string {
	var where []string
	for _, s := range []string{p.Admin1, p.Country} {
		if s != "" {
			where = append(where, s)
		}
	}
	line := p.Name
	if p.Kind != "" && p.Kind != annotate.KindUser {
		line += " (" + string(p.Kind) + ")"
	}
	if len(where) > 0 {
		line += " — " + strings.Join(where, ", ")
	}
	var others []string
	for _, n := range p.Names {
		if n != p.Name {
			others = append(others, n)
		}
	}
	if len(others) > 0 {
		line += " · also " + strings.Join(others, ", ")
	}
	return line
}

// reload reads the places again and shows them.
func (v *placesView) reload() {
	places, err := v.wb.project.Places()
	if err != nil {
		v.wb.onError(fmt.Errorf("cannot read the project's places: %w", err))
		return
	}
	v.places = places
	v.empty.Hidden = len(places) > 0
	v.empty.Refresh()
	v.list.Refresh()
}

func (v *placesView) edit(p annotate.Place) {
	v.sheet.close()
	v.wb.EditUserPlace(p)
}

func (v *placesView) show(p annotate.Place) {
	v.sheet.close()
	v.wb.mapView.ShowPoint(p.Point)
	v.wb.status.setMessage(fmt.Sprintf("%s: %.5f, %.5f (lat, lon)", p.Name, p.Point[1], p.Point[0]))
}

// delete removes p from the project and the gazetteer; Ctrl+Z brings it
// back.
func (v *placesView) delete(p annotate.Place) {
	if err := v.wb.DeleteUserPlace(p.ID); err != nil {
		v.wb.onError(err)
		return
	}
	v.wb.status.setMessage("Deleted place: " + p.Name + " (Ctrl+Z brings it back)")
	v.reload()
}

// DeleteUserPlace deletes the user place id from the project (undoable)
// and from the gazetteer, so the reader stops marking its name.
func (wb *Workbench) DeleteUserPlace(id string) error {
	if err := wb.project.DeletePlace(id); err != nil {
		return fmt.Errorf("cannot delete the place: %w", err)
	}
	return wb.syncUserPlaces()
}
