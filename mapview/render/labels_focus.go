package render

import (
	"math"
	"slices"
	"strings"

	"github.com/paulmach/orb"
)

// focusLabelRoom is how many times its label's box the visible part of a
// focus country must cover for the label to be placed anywhere inside it
// (placeFocusCountry): a country large in view is always named.
const focusLabelRoom = 6

// placeFocusCountry labels a focus country whose usual spots around its
// pole (placeAreaB) are taken, when its visible part poly (bounds: of its
// polygons) is large in view: it tries spots on a grid over the part,
// nearest the pole first, and takes the first free one lying inside the
// country. When event symbols leave no spot, the one they cover least is
// taken, as capitals do; when labels leave none, a tighter label is tried.
// It reports whether the label was placed.
func (m *Map) placeFocusCountry(ov *overlay, t xform, pl *placer, name string, poly orb.MultiPolygon, bounds []orb.Bound, pole orb.Point) bool {
	// The usual style, then a tighter one for a country shown small.
	compact := m.countryStyle()
	compact.size, compact.tracking = 13, 1.2
	for _, st := range []textStyle{m.countryStyle(), compact} {
		if m.placeFocusCountryIn(ov, t, pl, name, st, poly, bounds, pole) {
			return true
		}
	}
	return false
}

// placeFocusCountryIn is placeFocusCountry with the label in style st.
func (m *Map) placeFocusCountryIn(ov *overlay, t xform, pl *placer, name string, st textStyle, poly orb.MultiPolygon, bounds []orb.Bound, pole orb.Point) bool {
	text := strings.ToUpper(name)
	ts := m.text.render(text, st, t.scale)
	w, h := float64(ts.boxW), float64(ts.boxH)
	if w <= 0 || h <= 0 || multiArea(poly)*t.k*t.k < focusLabelRoom*w*h || len(bounds) == 0 {
		return false
	}
	u := bounds[0]
	for _, b := range bounds[1:] {
		u = unionBound(u, b)
	}
	lo, hi := t.pt(u.Min), t.pt(u.Max)
	x0, y0 := max(float64(lo.X), pl.inside.x0), max(float64(lo.Y), pl.inside.y0)
	x1, y1 := min(float64(hi.X), pl.inside.x1)-w, min(float64(hi.Y), pl.inside.y1)-h
	if x1 < x0 || y1 < y0 {
		return false
	}
	// A grid of a quarter of the label's width by half its height, at most
	// about 4000 spots.
	sx, sy := w/4, h/2
	for (x1-x0)/sx*(y1-y0)/sy > 4000 {
		sx, sy = sx*1.5, sy*1.5
	}
	c := t.pt(pole)
	cx, cy := float64(c.X)-w/2, float64(c.Y)-h/2
	var spots []frect
	for y := y0; y <= y1; y += sy {
		for x := x0; x <= x1; x += sx {
			spots = append(spots, frect{x, y, x + w, y + h})
		}
	}
	slices.SortFunc(spots, func(a, b frect) int {
		return cmpFloat(math.Hypot(a.x0-cx, a.y0-cy), math.Hypot(b.x0-cx, b.y0-cy))
	})
	take := func(box frect) bool {
		pl.take(box)
		ov.labels = append(ov.labels, placedLabel{text: text, kind: LabelCountry, box: box, ts: ts})
		return true
	}
	for _, box := range spots {
		if pl.free(box) && boxInside(t, poly, bounds, box) {
			return take(box)
		}
	}
	// Over events, where they cover least.
	pl.hard = true
	defer func() { pl.hard = false }()
	best, bestCover := -1, math.Inf(1)
	for i, box := range spots {
		if !pl.free(box) {
			continue
		}
		if cv := pl.softCover(box); cv < bestCover && boxInside(t, poly, bounds, box) {
			best, bestCover = i, cv
			if cv == 0 {
				break
			}
		}
	}
	if best < 0 {
		return false
	}
	return take(spots[best])
}
