package workbench

import (
	"fmt"
	"strings"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// placeLabel names a place with its kind and where it is, so that Kunduz the
// city and Kunduz the province can be told apart.
func placeLabel(p annotate.Place) string {
	where := p.Country
	if p.Admin1 != "" && p.Admin1 != p.Name {
		where = p.Admin1 + ", " + p.Country
	}
	return fmt.Sprintf("%s — %s, %s", p.Name, p.Kind, where)
}

// placeWhere says what kind of place p is and where: "city, Kunduz, Afghanistan".
func placeWhere(p annotate.Place) string {
	_, where, _ := strings.Cut(placeLabel(p), " — ")
	return where
}

// placeGeometry is the geometry an event placed at p gets: the area of a
// province or country, the point of anything else.
func placeGeometry(p annotate.Place) orb.Geometry {
	if (p.Kind == annotate.KindProvince || p.Kind == annotate.KindCountry) && p.Geometry != nil {
		return p.Geometry
	}
	return p.Point
}

// placeOptions offers the places suggested for the evidence when the field
// is empty or shows the place picked, else the gazetteer's completions of
// the typed name.
func (f *eventForm) placeOptions(text string) []option {
	var places []annotate.Place
	if t := strings.TrimSpace(text); t == "" || t == f.placeText {
		places = f.suggested
	} else {
		places = f.wb.gaz.Search(t, maxOptions)
	}
	out := make([]option, len(places))
	for i, p := range places {
		out[i] = option{label: p.Name, detail: placeWhere(p), value: p.ID, fill: placeLabel(p)}
		// A draft with no place pre-filled has no best match to show.
		if i == 0 && len(f.suggested) > 0 && p.ID == f.suggested[0].ID && (!f.isDraft || p.ID == f.placeID) {
			out[i].detail += " · best match"
		}
	}
	return out
}

// pickPlace places the event at the picked place, with the geographic
// precision its kind implies.
func (f *eventForm) pickPlace(o option) {
	p, ok := f.wb.gaz.Place(o.value)
	if !ok {
		return
	}
	f.setPlace(p)
	f.edited()
}

// setPlace makes p the event's place.
func (f *eventForm) setPlace(p annotate.Place) {
	f.placeID, f.placeText, f.geometry = p.ID, placeLabel(p), placeGeometry(p)
	if p.Kind == annotate.KindCountry && f.wb != nil && f.wb.gaz != nil {
		// Known only to its country: a point at the capital, as ACLED
		// codes it, not the country's outline over the whole map (where
		// any click in the country would pick the event).
		if c, ok := f.wb.gaz.Capital(p.Country); ok {
			f.geometry = c.Point
		}
	}
	f.place.setText(f.placeText)
	setIndex(f.geo, int(p.GeoPrecision())-1)
}
