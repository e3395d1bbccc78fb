package render

import (
	"image"
	"image/color"
	"image/draw"

	"github.com/paulmach/orb"
)

// drawBase paints the base map into dst, which may be a part of the frame
// (only what can show in dst.Rect is drawn).
func (m *Map) drawBase(dst *image.RGBA, v View, t xform) {
	st := m.style
	// Outside the data lies muted land, not water: the region is no island.
	draw.Draw(dst, dst.Rect, image.NewUniform(st.NoData), image.Point{}, draw.Src)
	band := bandFor(v)
	box := t.rectBound(dst.Rect, 16)
	land := &m.pn.land // the neighbours, then the focus countries over them
	var buf []vec
	for k := range land {
		p := &land[k]
		p.reset()
		for i := range m.base.countries {
			c := &m.base.countries[i]
			if c.focus != (k == 1) || !box.Intersects(c.bound) {
				continue
			}
			buf = addMultiB(p, t, box, c.bands[band], c.bounds[band], buf)
		}
	}
	s := float32(t.scale)
	bd := m.base
	// Where the neighbours' data ends on screen, they are drawn first and
	// faded into the no-data colour (base_fade.go), then the focus countries
	// over them.
	if fade, ok := fadeFor(t, dst.Rect, float64(st.BorderCasingW*s)/2+1); ok {
		m.pn.scan.fill(dst, &land[0], st.Land)
		m.strokeArcs(t, box, bd.provLines[band][:bd.provSplit[band]], st.ProvinceWidth*s, st.ProvinceLine)
		m.pn.strokeLinesPair(m.pn.arcLinesIn(t, box, bd.borders[band][:bd.borderSplit[band]]), st.BorderCasingW*s, st.BorderCasing, st.BorderWidth*s, st.BorderLine)
		fade.apply(dst, st.NoData)
		m.pn.scan.fill(dst, &land[1], st.FocusLand)
		m.strokeArcs(t, box, bd.provLines[band][bd.provSplit[band]:], st.ProvinceWidth*s, st.ProvinceLine)
		m.pn.strokeLinesPair(m.pn.arcLinesIn(t, box, bd.borders[band][bd.borderSplit[band]:]), st.BorderCasingW*s, st.BorderCasing, st.BorderWidth*s, st.BorderLine)
		return
	}
	// Hard edges: every edge of the land lies under a border line, except
	// on the data's clip box, which is straight.
	m.pn.scan.fillMany(dst, []*path{&land[0], &land[1]}, []color.NRGBA{st.Land, st.FocusLand})
	m.strokeArcs(t, box, bd.provLines[band], st.ProvinceWidth*s, st.ProvinceLine)
	// The casing and the line over it in one pass (base_stroke2.go).
	m.pn.strokeLinesPair(m.pn.arcLinesIn(t, box, bd.borders[band]), st.BorderCasingW*s, st.BorderCasing, st.BorderWidth*s, st.BorderLine)
}

// addMulti adds the rings of mp, clipped to box and in device pixels, to p.
func addMulti(p *path, t xform, box orb.Bound, mp orb.MultiPolygon, buf []vec) []vec {
	return eachRing(t, box, mp, buf, func(pts []vec, hole bool) []vec {
		p.addRing(pts, hole)
		return pts // p copied the points: the buffer can be used again
	})
}

// eachRing calls fn with every ring of mp that is left after clipping to
// box, in device pixels, and whether it is a hole. The points are written
// into buf (nil: a new slice for each ring); fn returns the buffer for the
// next ring, or nil when it keeps the points.
func eachRing(t xform, box orb.Bound, mp orb.MultiPolygon, buf []vec, fn func(pts []vec, hole bool) []vec) []vec {
	for _, poly := range mp {
		if !box.Intersects(poly.Bound()) {
			continue
		}
		for ri, r := range poly {
			cr := clipRing(box, r)
			if len(cr) < 4 {
				continue
			}
			buf = fn(t.line(orb.LineString(cr), buf[:0]), ri > 0)
		}
	}
	return buf
}

// line converts world points to device pixels, dropping points less than a
// quarter pixel from the previous one.
func (t xform) line(l orb.LineString, buf []vec) []vec {
	for i, q := range l {
		d := t.pt(q)
		if i > 0 && i < len(l)-1 && d.near(buf[len(buf)-1], 0.25) {
			continue
		}
		buf = append(buf, d)
	}
	return buf
}

// strokeArcs draws the arcs inside box, w device pixels wide.
func (m *Map) strokeArcs(t xform, box orb.Bound, arcs []arc, w float32, col color.NRGBA) {
	if w <= 0 || col.A == 0 {
		return
	}
	m.pn.strokeLines(m.pn.arcLinesIn(t, box, arcs), w, col)
}

// arcLinesIn returns the arcs inside box clipped to it, in device pixels.
// The lines are the painter's scratch, good until the next call.
func (pn *painter) arcLinesIn(t xform, box orb.Bound, arcs []arc) [][]vec {
	pts, lines := pn.arcPts[:0], pn.arcLines[:0]
	var starts []int
	for _, a := range arcs {
		if !box.Intersects(a.bound) {
			continue
		}
		for _, l := range clipLine(box, a.line) {
			starts = append(starts, len(pts))
			pts = t.line(l, pts)
		}
	}
	// Slice the lines once pts has stopped growing.
	for i, s := range starts {
		e := len(pts)
		if i+1 < len(starts) {
			e = starts[i+1]
		}
		lines = append(lines, pts[s:e:e])
	}
	pn.arcPts, pn.arcLines = pts, lines
	return lines
}
