package workbench

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
	"eventatlas/app/reader"
)

// placeKinds are the kinds a user may give a place, as the form lists them.
var placeKinds = []string{string(annotate.KindUser), string(annotate.KindCity), string(annotate.KindCrossing)}

// errNoPlaceName is the form's answer to a place without a name.
var errNoPlaceName = errors.New("give the place a name")

// placeForm is the "Add place here" sheet: a name, other names, a kind and
// where the place is, prefilled from the province under the point.
type placeForm struct {
	wb              *Workbench
	at              orb.Point
	id              string // the place edited; "" for a new one
	name, others    *widget.Entry
	country, admin1 *widget.Entry
	kind            *widget.Select
	problem         *widget.Label // what keeps the place from being saved
	sheet           *sheet
	saved           annotate.Place // the place saved, once it is
	lastErr         error
}

// addPlaceHere opens the form at the last point the pointer was on the map,
// or the map's centre (Map → Add place here…).
func (wb *Workbench) addPlaceHere() { wb.AddPlaceAt(wb.mapView.PlaceHere()) }

// mapSecondaryTapped opens the "Add place here" form where the map was
// right-clicked.
func (wb *Workbench) mapSecondaryTapped(lonlat orb.Point, _ string) { wb.AddPlaceAt(lonlat) }

// AddPlaceAt opens the form that adds a user place at lonlat, with the
// country and province of the point filled in.
func (wb *Workbench) AddPlaceAt(lonlat orb.Point) {
	country, admin1 := wb.adminAt(lonlat)
	wb.openPlaceForm(annotate.Place{Point: lonlat, Kind: annotate.KindUser, Country: country, Admin1: admin1},
		"Add place here", "Add place")
}

// EditUserPlace opens the place form on a user place: its names, kind and
// province can be changed; it stays where it is.
func (wb *Workbench) EditUserPlace(p annotate.Place) {
	wb.openPlaceForm(p, "Edit place", "Save place")
}

// openPlaceForm shows the place form filled with p; a p without an ID is
// a new place.
func (wb *Workbench) openPlaceForm(p annotate.Place, title, okLabel string) {
	f := &placeForm{at: p.Point, id: p.ID, wb: wb}
	f.name = widget.NewEntry()
	f.name.SetPlaceHolder("Name (required)")
	f.name.SetText(p.Name)
	f.others = widget.NewEntry()
	f.others.SetPlaceHolder("Other names, comma-separated")
	var others []string
	for _, n := range p.Names {
		if n != p.Name {
			others = append(others, n)
		}
	}
	f.others.SetText(strings.Join(others, ", "))
	f.kind = widget.NewSelect(placeKinds, nil)
	f.kind.SetSelected(string(firstNonEmpty(string(p.Kind), string(annotate.KindUser))))
	f.country = widget.NewEntry()
	f.country.SetText(p.Country)
	f.admin1 = widget.NewEntry()
	f.admin1.SetText(p.Admin1)
	f.problem = widget.NewLabel("")
	form := widget.NewForm(
		widget.NewFormItem("Name", f.name),
		widget.NewFormItem("Other names", f.others),
		widget.NewFormItem("Kind", f.kind),
		widget.NewFormItem("Country", f.country),
		widget.NewFormItem("Province", f.admin1),
		widget.NewFormItem("At", widget.NewLabel(fmt.Sprintf("%.5f, %.5f (lat, lon)", p.Point[1], p.Point[0]))),
	)
	body := container.NewVBox(form, f.problem)
	f.sheet = showSheet(wb.win.Canvas(), title, body, okLabel, f.submit, fyne.NewSize(460, 340))
	f.name.OnSubmitted = func(string) { f.sheet.accept() }
	wb.placeForm = f
	wb.focus(f.name)
}

// place is the place the form describes.
func (f *placeForm) place() annotate.Place {
	id := f.id
	if id == "" {
		id = uuid.NewString()
	}
	p := annotate.Place{
		ID:       id,
		Name:     strings.TrimSpace(f.name.Text),
		Kind:     annotate.PlaceKind(f.kind.Selected),
		Country:  strings.TrimSpace(f.country.Text),
		Admin1:   strings.TrimSpace(f.admin1.Text),
		Point:    f.at,
		Geometry: f.at,
	}
	if p.Kind == "" {
		p.Kind = annotate.KindUser
	}
	if p.Kind == annotate.KindCity {
		p.Rank = 4 // an ordinary town (see the gazetteer's city ranks)
	}
	p.Names = []string{p.Name}
	for _, n := range strings.Split(f.others.Text, ",") {
		if n = strings.TrimSpace(n); n != "" && n != p.Name {
			p.Names = append(p.Names, n)
		}
	}
	return p
}

// submit saves the place; on a problem the sheet stays open and says what
// is wrong.
func (f *placeForm) submit() {
	p := f.place()
	if p.Name == "" {
		f.fail(errNoPlaceName)
		return
	}
	saved, err := f.wb.SaveUserPlace(p)
	if err != nil {
		f.fail(err)
		return
	}
	f.saved, f.lastErr = saved, nil
}

func (f *placeForm) fail(err error) {
	f.lastErr = err
	f.problem.SetText(err.Error())
	f.sheet.pop.Show()
	f.wb.focus(f.name)
}

// SaveUserPlace stores p in the project (undoable) and adds it to the
// gazetteer so the reader marks it and suggestions offer it; events and
// articles do not change, so nothing else is read again. It returns p as
// stored.
func (wb *Workbench) SaveUserPlace(p annotate.Place) (annotate.Place, error) {
	if strings.TrimSpace(p.Name) == "" {
		return p, errNoPlaceName
	}
	if err := wb.project.SavePlace(&p); err != nil {
		return p, err
	}
	wb.gaz.Add(p)
	wb.trackUserPlace(p.ID)
	if err := wb.syncUserPlaces(); err != nil {
		return p, err
	}
	wb.refreshPlaceMarks() // the sync marks names again only when it changed the gazetteer
	wb.status.setMessage("Saved place: " + p.Name)
	if wb.onPlacesChanged != nil {
		wb.onPlacesChanged()
	}
	return p, nil
}

func (wb *Workbench) trackUserPlace(id string) {
	if wb.userPlaces == nil {
		wb.userPlaces = map[string]bool{}
	}
	wb.userPlaces[id] = true
}

// syncUserPlaces makes the gazetteer hold the open project's user places
// and no others the workbench added (from an earlier project, or undone),
// and marks place names in the reader again when they changed.
func (wb *Workbench) syncUserPlaces() error {
	places, err := wb.project.Places()
	if err != nil {
		return fmt.Errorf("cannot read the project's places: %w", err)
	}
	keep := make(map[string]bool, len(places))
	changed := false
	for _, p := range places {
		keep[p.ID] = true
		if old, ok := wb.gaz.Place(p.ID); !ok || !samePlace(old, p) {
			wb.gaz.Add(p)
			changed = true
		}
		wb.trackUserPlace(p.ID)
	}
	for id := range wb.userPlaces {
		if !keep[id] {
			wb.gaz.Remove(id)
			delete(wb.userPlaces, id)
			changed = true
		}
	}
	if changed {
		wb.refreshPlaceMarks()
	}
	return nil
}

// samePlace reports whether the gazetteer's a is stored place b as added.
func samePlace(a, b annotate.Place) bool {
	if a.Name != b.Name || a.Kind != b.Kind || a.Point != b.Point || a.Country != b.Country || a.Admin1 != b.Admin1 {
		return false
	}
	names := map[string]bool{}
	for _, n := range a.Names {
		names[n] = true
	}
	for _, n := range b.Names {
		if !names[n] {
			return false
		}
	}
	return true
}

// refreshPlaceMarks marks the gazetteer's place names in the article shown.
func (wb *Workbench) refreshPlaceMarks() {
	if wb.current < 0 || wb.current >= len(wb.articles) {
		return
	}
	wb.reader.SetPlaceMarks(placeMarks(wb.gaz.Match(wb.articles[wb.current].Text)))
}

// adminAt returns the country and province of the gazetteer's province area
// holding pt, or the country of its country area when no province does.
func (wb *Workbench) adminAt(pt orb.Point) (country, admin1 string) {
	return wb.gaz.AdminAt(pt)
}

// placeMarks are the reader ranges of the place names matched in a text.
func placeMarks(ms []gazetteer.Match) []reader.Range {
	marks := make([]reader.Range, len(ms))
	for i, m := range ms {
		marks[i] = reader.Range{Start: m.Start, End: m.End}
	}
	return marks
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
