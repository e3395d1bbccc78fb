package render

import (
	"image"
	"image/color"
	"image/draw"

	"github.com/paulmach/orb"
)

// baseLayer returns the static base map for v: background, land, province
// lines and borders. The last one drawn is cached.
func (m *Map) baseLayer(v View, t xform) *image.RGBA {
	key := cacheKey{v: v, style: m.style, ok: true}
	if m.baseImg != nil && m.baseKey == key {
		return m.baseImg
	}
	img := m.baseImg
	if img != nil && m.baseKey.ok && m.baseKey.style == m.style && img.Rect.Dx() == t.w && img.Rect.Dy() == t.h {
		if dx, dy, ok := m.baseOrigin.shiftTo(m.baseKey.v, v, t); ok {
			// A pan by whole pixels: move the pixels, draw what is exposed.
			shiftPixels(img, dx, dy)
			for _, r := range exposed(t.w, t.h, dx, dy) {
				sub := subRGBA(img, r)
				m.pn.dst = sub
				m.drawBase(sub, v, t)
			}
			m.pn.dst = img
			m.baseImg, m.baseKey, m.baseOrigin = img, key, m.baseOrigin.moved(dx, dy)
			return img
		}
	}
	if img == nil || img.Rect.Dx() != t.w || img.Rect.Dy() != t.h {
		img = image.NewRGBA(image.Rect(0, 0, t.w, t.h))
	}
	m.pn.dst = img
	m.drawBase(img, v, t)
	m.baseImg, m.baseKey, m.baseOrigin = img, key, originOf(t)
	return img
}

// drawBase paints the base map into dst, which may be a part of the frame
// (only what can show in dst.Rect is drawn).
func (m *Map) drawBase(dst *image.RGBA, v View, t xform) {
	st := m.style
	draw.Draw(dst, dst.Rect, image.NewUniform(st.Background), image.Point{}, draw.Src)
	band := bandFor(v)
	box := t.rectBound(dst.Rect, 16)
	var land [2]path // the neighbours, then the focus countries over them
	var buf []vec
	for k := range land {
		p := &land[k]
		p.reset()
		for i := range m.base.countries {
			c := &m.base.countries[i]
			if c.focus != (k == 1) || !box.Intersects(c.bound) {
				continue
			}
			buf = addMulti(p, t, box, c.bands[band], buf)
		}
	}
	// Hard edges: every edge of the land lies under a border line, except
	// on the data's clip box, which is straight.
	m.pn.scan.fillMany(dst, []*path{&land[0], &land[1]}, []color.NRGBA{st.Land, st.FocusLand})
	s := float32(t.scale)
	m.strokeArcs(t, box, m.base.provLines[band], st.ProvinceWidth*s, st.ProvinceLine)
	m.strokeArcs(t, box, m.base.borders[band], st.BorderCasingW*s, st.BorderCasing)
	m.strokeArcs(t, box, m.base.borders[band], st.BorderWidth*s, st.BorderLine)
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
	var lines [][]vec
	for _, a := range arcs {
		if !box.Intersects(a.bound) {
			continue
		}
		for _, l := range clipLine(box, a.line) {
			lines = append(lines, t.line(l, nil))
		}
	}
	m.pn.strokeLines(lines, w, col)
}
