package render

import (
	"image"
	"image/color"
	"math"
	"slices"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// Event symbol sizes in logical pixels.
const (
	markerRadius  = 7
	markerOutline = 1.6
	lineWidth     = 2.6
	lineCasing    = 1.5 // edge (Style.LineCasing) on each side of a line
	areaOutline   = 1.8
)

// emphasis is how strongly an event is highlighted.
type emphasis int

const (
	plain emphasis = iota
	hovered
	selected
)

// drawEvents paints the events in view without highlights: areas (one
// translucent shape per type, then their outlines), then lines, then the
// flows between clusters, then points or clusters; the lines and areas a
// cluster or a flow absorbs are left out (flow_absorb.go). pinned is the
// selected event, kept out of clusters (see pinnedSelection). Only what
// can show in m.pn.dst, which may be a part of the frame, is drawn.
func (m *Map) drawEvents(v View, t xform, pinned string) {
	es := m.events
	if len(es.items) == 0 {
		return
	}
	box := t.rectBound(m.pn.dst.Rect, 48*t.scale)
	var shapes []int
	shapes = es.shapesIn(shapes, box) // flow_shapes.go
	cs := m.clustersFor(v, t, pinned) // lines and areas drawn in bubbles and flows are left out
	var areas, lines []int
	for _, i := range shapes {
		it := &es.items[i]
		if cs != nil && cs.absorbed != nil && cs.absorbed[i] {
			continue
		}
		if len(it.polys) > 0 {
			areas = append(areas, i)
		}
		if len(it.lines) > 0 {
			lines = append(lines, i)
		}
	}
	slices.Sort(areas)
	slices.Sort(lines)
	areaItems := make([]*evItem, len(areas))
	for k, i := range areas {
		areaItems[k] = &es.items[i]
	}
	m.drawAreas(t, box, areaItems) // areas.go
	// Over the translucent fills, under the lines; drawn whether or not an
	// area lies in dst, so a frame drawn in parts (shift.go) matches.
	m.drawFocusBorders(v, t)
	lineItems := make([]*evItem, len(lines))
	for k, i := range lines {
		lineItems[k] = &es.items[i]
	}
	// Lines stop at the rims of the markers drawn on their ends (line_ends.go).
	m.drawLines(t, box, lineItems, plain, m.newLineEnds(t, t.worldBound(48*t.scale), cs, true))
	m.drawFlows(t, cs) // flow_draw.go: over lines and areas, under bubbles
	m.drawPoints(v, t, box, pinned)
}

// drawFocusBorders draws the international borders of the focus
// countries again, over the event areas, so that a translucent fill along
// the Panj does not hide the Tajik–Afghan border: the line a little heavier
// than the base map's, on a casing of the halo colour. It is drawn in
// every frame with events, so the border looks the same with or without
// an area over it.
func (m *Map) drawFocusBorders(v View, t xform) {
	st := m.style
	bd := m.base
	band := bandFor(v)
	s := float32(t.scale)
	box := t.rectBound(m.pn.dst.Rect, 16)
	lines := m.pn.arcLinesIn(t, box, bd.borders[band][bd.borderSplit[band]:])
	casing := st.Halo
	casing.A = 110
	m.pn.strokeLinesPair(lines, (st.BorderWidth+2)*s, casing, focusBorderWidth(st)*s, st.BorderLine)
}

// focusBorderWidth is how wide drawFocusBorders draws a focus country's
// border over the event areas, logical pixels.
func focusBorderWidth(st Style) float32 { return st.BorderWidth * 1.3 }

// drawHighlights redraws the hovered and the selected event on top of the
// others with a ring or a glow.
func (m *Map) drawHighlights(t xform, sel Selection) {
	es := m.events
	if len(es.items) == 0 {
		return
	}
	box := t.worldBound(48 * t.scale)
	for _, h := range []struct {
		id string
		e  emphasis
	}{{sel.Hover, hovered}, {sel.Selected, selected}} {
		if h.id == "" || (h.e == hovered && h.id == sel.Selected) {
			continue
		}
		if i, ok := es.byID[h.id]; ok {
			m.drawHighlight(t, box, &es.items[i], h.e)
		}
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// drawArea fills an event's polygons translucently and outlines them.
func (m *Map) drawArea(t xform, box orb.Bound, it *evItem, e emphasis) {
	p := &m.path
	p.reset()
	var buf []vec
	buf = addMulti(p, t, box, it.polys, buf)
	fill := it.col
	fill.A = m.style.PolygonAlpha
	m.pn.fillHard(p, fill) // the edges lie under the outline
	s := float32(t.scale)
	w := float32(areaOutline) * s
	if e != plain {
		w *= 1.6
	}
	m.pn.strokeLines(ringLines(t, box, it.polys), w, it.col)
}

// ringLines returns the rings of mp clipped to box, in device pixels.
func ringLines(t xform, box orb.Bound, mp orb.MultiPolygon) [][]vec {
	var out [][]vec
	for _, poly := range mp {
		if !box.Intersects(poly.Bound()) {
			continue
		}
		for _, r := range poly {
			if cr := clipRing(box, r); len(cr) >= 4 {
				out = append(out, t.line(orb.LineString(cr), nil))
			}
		}
	}
	return out
}

// drawLines draws the lines of items with a casing (Style.LineCasing) and an arrowhead
// at the end of each (movements go from the first point to the last). One
// pass draws every casing under every line, which is both cleaner where
// lines cross and much faster than drawing them one by one. A line whose
// first or last point lies under another event's point marker (found by
// ends, line_ends.go) stops at the marker's rim, so its arrowhead shows.
func (m *Map) drawLines(t xform, box orb.Bound, items []*evItem, e emphasis, ends *lineEnds) {
	s := float32(t.scale)
	w := float32(lineWidth) * s
	if e != plain {
		w *= 1.3
	}
	edge := 2 * float32(lineCasing) * s
	type stroke struct {
		pts []vec
		ci  uint8
	}
	var shafts []stroke
	var heads []lineHead
	ll := &m.pn.layer
	ll.cols = ll.cols[:0]
	lo := vec{math.MaxFloat32, math.MaxFloat32}
	hi := vec{-math.MaxFloat32, -math.MaxFloat32}
	for _, it := range items {
		ci := ll.colour(it.col)
		for _, l := range it.lines {
			tipIn := box.Contains(l[len(l)-1])
			pieces := clipLine(box, l)
			for pi, cl := range pieces {
				pts := t.line(cl, nil)
				if pi == 0 && box.Contains(l[0]) {
					if c, ok := ends.marker(it, l[0]); ok {
						pts = trimToRim(pts, c, ends.r, true)
					}
				}
				if pi == len(pieces)-1 && tipIn {
					if c, ok := ends.marker(it, l[len(l)-1]); ok {
						pts = trimToRim(pts, c, ends.r, false)
					}
				}
				for _, p := range pts {
					lo.X, lo.Y = min(lo.X, p.X), min(lo.Y, p.Y)
					hi.X, hi.Y = max(hi.X, p.X), max(hi.Y, p.Y)
				}
				tri, back, ok := arrowHead(pts, w)
				if !ok || !tipIn || pi != len(pieces)-1 {
					shafts = append(shafts, stroke{pts, ci})
					continue
				}
				shafts = append(shafts, stroke{trimEnd(pts, back), ci})
				heads = append(heads, lineHead{tri, ci})
			}
		}
	}
	if len(shafts) == 0 {
		return
	}
	e2 := float64(w+edge) + 2
	r := image.Rect(int(math.Floor(float64(lo.X)-e2)), int(math.Floor(float64(lo.Y)-e2)),
		int(math.Ceil(float64(hi.X)+e2)), int(math.Ceil(float64(hi.Y)+e2))).Intersect(m.pn.dst.Rect)
	if r.Empty() {
		return
	}
	rc, rb := (w+edge)/2, w/2
	var segs []lineSeg
	for k := len(shafts) - 1; k >= 0; k-- { // topmost first (lineLayer.capsuleIn)
		sh := shafts[k]
		for i := 1; i < len(sh.pts); i++ {
			segs = append(segs, lineSeg{sh.pts[i-1], sh.pts[i], sh.ci})
		}
	}
	ll.drawAll(r, segs, rc, rb, heads, edge/2, m.pn.dst, m.style.LineCasing) // linebins.go
}

// marker returns the cached sprite of a symbol in a colour.
func (m *Map) marker(sym annotate.Symbol, col color.NRGBA, radius float32, scale float64) *sprite {
	k := markerKey{sym: sym, col: col, scale: scale, radius: radius}
	if s, ok := m.markers[k]; ok {
		return s
	}
	if len(m.markers) > 512 {
		clear(m.markers)
	}
	s := markerSprite(sym, col, m.style.EventOutline, radius, markerOutline, scale)
	m.markers[k] = s
	return s
}

// drawMarker draws an event's point symbol at device position d.
func (m *Map) drawMarker(it *evItem, d vec, radius float32, scale float64) {
	m.marker(it.sym, it.col, radius, scale).drawAt(m.pn.dst, int(math.Round(float64(d.X))), int(math.Round(float64(d.Y))))
}

// drawHighlight redraws an event on top with a ring (points) or a glow
// (lines and areas) in the selection colour.
func (m *Map) drawHighlight(t xform, box orb.Bound, it *evItem, e emphasis) {
	s := float32(t.scale)
	ring := m.style.SelectRing
	if e == hovered {
		ring = m.style.HoverRing
	}
	if len(it.polys) > 0 || len(it.lines) > 0 {
		var rings, lines [][]vec
		rings = ringLines(t, box, it.polys)
		for _, l := range it.lines {
			for _, cl := range clipLine(box, l) {
				lines = append(lines, t.line(cl, nil))
			}
		}
		g := ring
		g.A = uint8(float32(g.A) * 0.28)
		m.pn.strokeLines(rings, 9*s, g)
		m.pn.strokeLines(lines, (lineWidth+2*lineCasing+7)*s, g)
		if len(it.polys) > 0 {
			m.drawArea(t, box, it, e)
		}
		if len(it.lines) > 0 {
			m.drawLines(t, box, []*evItem{it}, e, m.frameLineEnds(t))
		}
	}
	for _, p := range it.points {
		if !box.Contains(p) {
			continue
		}
		d := t.pt(p)
		r := (markerRadius + 5.5) * s
		halo := &m.path
		halo.reset()
		halo.addPoly(circlePts(d, r+2*s, 0)...)
		halo.addRing(circlePts(d, r-2.5*s, 0), true)
		m.pn.fill(halo, color.NRGBA{m.style.EventOutline.R, m.style.EventOutline.G, m.style.EventOutline.B, 200})
		halo.reset()
		w := 2.2 * s
		if e == hovered {
			w = 1.6 * s
		}
		halo.addPoly(circlePts(d, r+w/2, 0)...)
		halo.addRing(circlePts(d, r-w/2, 0), true)
		m.pn.fill(halo, ring)
		m.drawMarker(it, d, markerRadius, t.scale)
	}
}
