package workbench

import (
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
)

// drawnPlace is what a geometry drawn or moved on the map makes of an
// event's place (see gazetteer.PlaceForGeometry).
type drawnPlace struct {
	found   bool                    // the geometry lies in a known country
	changed bool                    // the place differs from the event's
	at      gazetteer.GeometryPlace // the derived place
	prec    annotate.GeoPrecision   // the precision the event gets
	cur     string                  // the event's place name before
	// across names the other countries an area reaches into:
	// a record holds one country, so the status line says so.
	across []string
}

// deriveDrawnPlace places geometry g drawn for an event at the place curID
// with precision curPrec. When the derived place is the event's own, the
// user's precision stays unless the geometry now says it is coarser (a
// point moved 5 km out of Dushanbe is near it, not at it).
func deriveDrawnPlace(gaz *gazetteer.Gazetteer, g orb.Geometry, curID, curName string, curPrec annotate.GeoPrecision) drawnPlace {
	gp, ok := gaz.PlaceForGeometry(g)
	d := drawnPlace{found: ok, at: gp, prec: gp.Precision, cur: curName}
	if !ok {
		return d
	}
	d.changed = gp.Place.ID != curID
	if !d.changed && curPrec >= annotate.GeoExact {
		d.prec = max(curPrec, gp.Precision)
	}
	d.across = countriesAcross(gaz, g, gp.Place.Country)
	return d
}

// countriesAcross lists the countries other than home that the vertices of
// an area lie in (at most 64 of them looked at, spread along its outline).
func countriesAcross(gaz *gazetteer.Gazetteer, g orb.Geometry, home string) []string {
	var pts []orb.Point
	switch g := g.(type) {
	case orb.Polygon: // a line crossing the border is a movement: it says so itself
		if len(g) > 0 {
			pts = g[0]
		}
	case orb.MultiPolygon:
		for _, p := range g {
			if len(p) > 0 {
				pts = append(pts, p[0]...)
			}
		}
	default:
		return nil
	}
	step := max(1, len(pts)/64)
	var out []string
	for i := 0; i < len(pts); i += step {
		if c, _ := gaz.AdminAt(pts[i]); c != "" && c != home && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// apply places e at the derived place.
func (d drawnPlace) apply(e *annotate.Event) {
	if !d.found {
		return
	}
	p := d.at.Place
	e.PlaceID, e.PlaceName, e.Admin1, e.Country = p.ID, p.Name, p.Admin1, p.Country
	e.GeoPrecision = d.prec
}

// message says what became of the place: "Place now Kunduz (near) —
// Kunduz, Afghanistan, from the drawn point". how is "drawn" or "edited".
func (d drawnPlace) message(how string) string {
	from := "the " + how + " " + d.at.From
	if d.at.From == "" {
		from = "the " + how + " geometry"
	}
	switch {
	case !d.found && d.cur != "":
		return "No known country holds " + from + ": the place stays " + d.cur + " — check it"
	case !d.found:
		return "No known country holds " + from + ": choose the place"
	case !d.changed:
		return "Place stays " + d.at.Place.Name + " (" + d.prec.String() + ")"
	}
	p := d.at.Place
	var where []string
	if p.Admin1 != "" && p.Kind != annotate.KindCountry {
		where = append(where, p.Admin1)
	}
	if p.Country != "" {
		where = append(where, p.Country)
	}
	msg := "Place now " + p.Name + " (" + d.prec.String() + ") — " + strings.Join(where, ", ") + ", from " + from
	if len(d.across) > 0 {
		// First: the status line cuts long messages.
		msg = "Part of it lies in " + strings.Join(d.across, " and ") + ", a record holds one country: check the place. " + msg
	}
	return msg
}

// showDrawnPlace shows the derived place in the form, keeping the drawn
// geometry.
func (f *eventForm) showDrawnPlace(d drawnPlace) {
	if !d.found {
		return
	}
	f.placeID, f.placeText = d.at.Place.ID, placeLabel(d.at.Place)
	f.place.setText(f.placeText)
	setIndex(f.geo, int(d.prec)-1)
}

// formPrecision is the geographic precision chosen in the form, 0 for none.
func (f *eventForm) formPrecision() annotate.GeoPrecision {
	return annotate.GeoPrecision(f.geo.SelectedIndex() + 1)
}
