package render

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"eventatlas/annotate"
)

// legendSet is what the legend lists for an event set: the types that have
// events, in taxonomy order (types the taxonomy does not know follow in the
// order they first appear), and whether any event is a line or an area.
type legendSet struct {
	types        []annotate.EventType
	lines, areas bool
	// groups and flows: the frame shows bubbles, and arrows between them;
	// crossings: it shows a border-crossing symbol. These, and lines and
	// areas, are set per frame by placeLegend: a row is listed only when
	// the frame draws its kind.
	groups, flows, crossings bool
}

// empty reports whether there is nothing to list: no events at all, so
// no legend even when the frame shows border crossings.
func (ls legendSet) empty() bool { return len(ls.types) == 0 && !ls.lines && !ls.areas }

// legendTypes returns the styles of the type names present, in taxonomy
// order, followed by the unknown ones in the order given.
func legendTypes(present []string, tax annotate.Taxonomy) []annotate.EventType {
	has := make(map[string]bool, len(present))
	for _, n := range present {
		has[n] = true
	}
	var out []annotate.EventType
	known := map[string]bool{}
	for _, et := range tax {
		known[et.Name] = true
		if has[et.Name] {
			out = append(out, et)
		}
	}
	for _, n := range present {
		if !known[n] {
			et := tax.Lookup(n)
			if et.Name == "" {
				et.Name = "(no type)"
			}
			out = append(out, et)
		}
	}
	return out
}

// SetLegend shows (the default) or hides the legend: a panel in the
// bottom-left corner, above the scale bar, listing the event types with
// their symbols, then the kinds the frame draws: movements, areas,
// bubbles, arrows between bubbles and border crossings.
func (m *Map) SetLegend(on bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.noLegend = !on
}

// SetInset makes the map an inset of another (a locator in a corner): no
// scale bar, attribution line or legend, which the map it sits on has.
func (m *Map) SetInset(on bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.inset = on
}

// SetReserved names areas of the frame, in logical pixels, that something
// laid over the map will cover — a presentation's caption card, a locator:
// place and country labels keep clear of them, so no name is hidden under
// the card. None by default.
func (m *Map) SetReserved(rs ...Rect) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reserved = append(m.reserved[:0], rs...)
	m.reservedKey = fmt.Sprint(rs)
}

// Legend reports whether the legend is shown.
func (m *Map) Legend() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return !m.noLegend
}

// Legend sizes in logical pixels.
const (
	legendPad    = 6.0  // inside the panel
	legendRow    = 16.5 // height of one entry
	legendSym    = 5.0  // marker radius
	legendColumn = 22.0 // from the panel's inner edge to the names
	legendText   = 11.0 // font size
)

// legendSprite draws the legend for ls, or returns nil when there is
// nothing to list; its anchor is the panel's bottom-left corner.
func (m *Map) legendSprite(ls legendSet, s float64) *sprite {
	if ls.empty() {
		return nil
	}
	// Cached among the markers, by everything the panel shows: a fresh
	// frame (a new zoom) would otherwise draw it again.
	k := legendKey(ls, m.style, s)
	if sp, ok := m.markers[k]; ok {
		return sp
	}
	sp := m.drawLegend(ls, s)
	m.markers[k] = sp
	return sp
}

// legendKey is the markers key of the legend for ls in style st at scale
// s: its sym spells out the rows (names, symbols and colours), the
// style's name and the colours the panel is drawn in; col is its fill.
func legendKey(ls legendSet, st Style, s float64) markerKey {
	b := append(make([]byte, 0, 64+24*len(ls.types)), "\x00legend\x00"...)
	b = append(b, st.Name...)
	for _, et := range ls.types {
		b = append(b, 0)
		b = append(b, et.Name...)
		b = append(b, 0)
		b = append(b, et.Symbol...)
		b = append(b, et.Color.R, et.Color.G, et.Color.B, et.Color.A)
	}
	b = append(b, 0, legendFlag(ls.lines, 'L'), legendFlag(ls.areas, 'A'), legendFlag(ls.groups, 'G'), legendFlag(ls.flows, 'F'), legendFlag(ls.crossings, 'C'), st.PolygonAlpha)
	for _, c := range []color.NRGBA{st.LegendText, st.Halo, st.ClusterFill, st.FlowInk, st.EventOutline, st.LineCasing, st.Crossing, st.CrossingIcon} {
		b = append(b, c.R, c.G, c.B, c.A)
	}
	return markerKey{sym: annotate.Symbol(b), col: st.LegendBox, scale: s}
}

// legendFlag is c when on, else '-'.
func legendFlag(on bool, c byte) byte {
	if on {
		return c
	}
	return '-'
}

// drawLegend draws the legend panel for ls (legendSprite).
func (m *Map) drawLegend(ls legendSet, s float64) *sprite {
	type row struct {
		name string
		draw func(img *image.RGBA, cx, cy, s float64)
	}
	var rows []row
	for _, et := range ls.types {
		sp := m.marker(et.Symbol, et.Color, legendSym, s)
		rows = append(rows, row{et.Name, func(img *image.RGBA, cx, cy, _ float64) {
			sp.drawAt(img, int(math.Round(cx)), int(math.Round(cy)))
		}})
	}
	if ls.lines {
		rows = append(rows, row{"movement", m.legendLine})
	}
	if ls.areas {
		rows = append(rows, row{"area", m.legendArea})
	}
	if ls.groups {
		rows = append(rows, row{"grouped events", m.legendGroup})
	}
	if ls.flows {
		rows = append(rows, row{"grouped movements", m.legendFlow})
	}
	if ls.crossings {
		cs := m.crossingSprite(s)
		rows = append(rows, row{"border crossing", func(img *image.RGBA, cx, cy, _ float64) {
			cs.drawAt(img, int(math.Round(cx)), int(math.Round(cy)))
		}})
	}
	st := textStyle{size: legendText, color: m.style.LegendText}
	textW := 0
	texts := make([]*textSprite, len(rows))
	for i, r := range rows {
		texts[i] = m.text.render(r.name, st, s)
		textW = max(textW, texts[i].boxW)
	}
	w := int(math.Ceil((2*legendPad+legendColumn)*s)) + textW
	h := int(math.Ceil((2*legendPad + legendRow*float64(len(rows))) * s))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fillRect(img, img.Rect, m.style.LegendBox)
	for i, r := range rows {
		cy := (legendPad + legendRow*(float64(i)+0.5)) * s
		r.draw(img, (legendPad+legendColumn/2-1)*s, cy, s)
		ts := texts[i]
		ty := cy - (ts.inkY0+ts.inkY1)/2 // centre the letters on the row
		ts.drawAt(img, int(math.Round((legendPad+legendColumn)*s)), int(math.Round(ty)))
	}
	return &sprite{img: img, ax: 0, ay: h}
}

// legendLine draws the movement sample centred on (cx, cy): a short line
// with an arrowhead in the legend's text colour, cased like event lines
// but in the halo colour, so it stays slim on a dark map.
func (m *Map) legendLine(img *image.RGBA, cx, cy, scale float64) {
	s := float32(scale)
	c := vec{float32(cx), float32(cy)}
	pts := []vec{{c.X - 8*s, c.Y}, {c.X + 8*s, c.Y}}
	w := float32(lineWidth) * 0.8 * s
	tri, back, _ := arrowHead(pts, w)
	tri = [3]vec{tri[0], tri[0].add(tri[1].sub(tri[0]).mul(0.7)), tri[0].add(tri[2].sub(tri[0]).mul(0.7))}
	shaft := trimEnd(pts, back*0.7)
	pn := painter{dst: img}
	var p path
	p.stroke(shaft, w+2*float32(lineCasing)*s, joinRound, false)
	p.addPoly(tri[:]...)
	p.stroke(append(tri[:], tri[0]), 2*float32(lineCasing)*s, joinRound, true)
	pn.fill(&p, m.style.Halo)
	p.reset()
	p.stroke(shaft, w, joinRound, false)
	p.addPoly(tri[:]...)
	pn.fill(&p, m.style.LegendText)
}

// legendGroup draws the bubble sample centred on (cx, cy): a small disc
// in the bubbles' fill with a ring in the legend's text colour.
func (m *Map) legendGroup(img *image.RGBA, cx, cy, scale float64) {
	s := float32(scale)
	c := vec{float32(cx), float32(cy)}
	pn := painter{dst: img}
	var p path
	p.disc(c, 6.5*s)
	pn.fill(&p, m.style.EventOutline)
	p.reset()
	p.disc(c, 5.5*s)
	pn.fill(&p, m.style.LegendText)
	p.reset()
	p.disc(c, 3.6*s)
	pn.fill(&p, m.style.ClusterFill)
}

// legendFlow draws the grouped-movement sample centred on (cx, cy): a
// wide arrow in the flows' ink, cased like them.
func (m *Map) legendFlow(img *image.RGBA, cx, cy, scale float64) {
	s := float32(scale)
	c := vec{float32(cx), float32(cy)}
	pts := []vec{{c.X - 8*s, c.Y}, {c.X + 8*s, c.Y}}
	w := 3.2 * s
	tri, back, _ := arrowHead(pts, w)
	tri = [3]vec{tri[0], tri[0].add(tri[1].sub(tri[0]).mul(0.55)), tri[0].add(tri[2].sub(tri[0]).mul(0.55))}
	shaft := trimEnd(pts, back*0.55)
	pn := painter{dst: img}
	var p path
	p.stroke(shaft, w+2*float32(lineCasing)*s, joinRound, false)
	p.addPoly(tri[:]...)
	p.stroke(append(tri[:], tri[0]), 2*float32(lineCasing)*s, joinRound, true)
	pn.fill(&p, m.style.LineCasing)
	p.reset()
	p.stroke(shaft, w, joinRound, false)
	p.addPoly(tri[:]...)
	pn.fill(&p, m.style.FlowInk)
}

// legendArea draws the area sample centred on (cx, cy): a translucent
// square with an outline, like event areas.
func (m *Map) legendArea(img *image.RGBA, cx, cy, scale float64) {
	s := float32(scale)
	c := vec{float32(cx), float32(cy)}
	sq := []vec{{c.X - 7*s, c.Y - 5.5*s}, {c.X + 7*s, c.Y - 5.5*s}, {c.X + 7*s, c.Y + 5.5*s}, {c.X - 7*s, c.Y + 5.5*s}}
	pn := painter{dst: img}
	var p path
	p.addPoly(sq...)
	fill := m.style.LegendText
	fill.A = m.style.PolygonAlpha
	pn.fill(&p, fill)
	p.reset()
	p.stroke(append(sq, sq[0]), float32(areaOutline)*s, joinRound, true)
	pn.fill(&p, color.NRGBA{m.style.LegendText.R, m.style.LegendText.G, m.style.LegendText.B, 0xff})
}

// placeLegend puts the legend with its bottom-left corner at (10, bottom)
// logical pixels and marks it taken so labels keep clear; a legend taller
// than half the image or wider than 40% of it is left out, so a small map
// keeps its events in view.
func (m *Map) placeLegend(ov *overlay, v View, t xform, selected string, bottom float64, pl *placer) {
	if m.noLegend || m.inset {
		return
	}
	// The rows of the kinds this frame draws: movements and areas drawn on
	// their own, bubbles, arrows between them, border crossings (placed
	// in ov before the legend).
	ls := m.events.legend
	cs := m.clustersFor(v, t, selected)
	ls.lines, ls.areas = m.shapesShown(t, cs) // legend_frame.go
	if cs != nil {
		ls.groups = len(cs.groups) > 0
		// An arrow of one event between bubbles is a movement; one of
		// several is a grouped movement.
		for i := range cs.flows {
			if len(cs.flows[i].items) > 1 {
				ls.flows = true
			} else {
				ls.lines = true
			}
		}
	}
	ls.crossings = len(ov.crossings) > 0
	sp := m.legendSprite(ls, t.scale)
	if sp == nil {
		return
	}
	w, h := float64(sp.img.Rect.Dx()), float64(sp.img.Rect.Dy())
	x := 10 * t.scale
	if bottom-h < x || h > 0.5*float64(t.h) || w > 0.4*float64(t.w) {
		return
	}
	ov.legend = dotAt{sprite: sp, x: int(math.Round(x)), y: int(math.Round(bottom))}
	pl.take(frect{x, bottom - h, x + w, bottom})
}
