package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"
)

// Backdrop draws a background layer, such as raster map tiles, under the
// base map's borders, labels and events.
type Backdrop interface {
	// Draw paints view v into dst (v.Width·Scale × v.Height·Scale device
	// pixels, already filled with the style's background) and returns the
	// credit line of what it drew ("" for none). It is called on every
	// frame, so it must not block: draw what is at hand and ask for a
	// redraw when more arrives.
	Draw(dst *image.RGBA, v View) (attribution string)
}

// extras is what Render draws besides the base map and the events: a
// backdrop under the borders and a sketch over everything. It is the one
// field the hooks in map.go add to Map.
type extras struct {
	backdrop Backdrop
	sketch   *Sketch

	credit   string  // the backdrop's attribution in the last frame
	creditSp *sprite // credit rendered, for creditKey
	creditK  creditKey
	lines    *image.RGBA // borders and a veil over the backdrop, for linesKey
	linesKey cacheKey
}

// creditKey identifies a rendered credit line.
type creditKey struct {
	text  string
	scale float64
	style string
}

// SetBackdrop draws b under the borders and labels instead of the land
// fills (nil draws the plain base map again). Neighbouring countries get a
// light veil so that the two focus countries stand out, and the backdrop's
// attribution is shown above the map's own.
func (m *Map) SetBackdrop(b Backdrop) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.extra.backdrop = b
	m.extra.credit = ""
}

// drawBackdrop replaces the base layer in img by the backdrop, veiled and
// with the borders drawn over it; without a backdrop it does nothing.
func (m *Map) drawBackdrop(img *image.RGBA, v View, t xform) {
	x := &m.extra
	x.credit = ""
	if x.backdrop == nil {
		return
	}
	draw.Draw(img, img.Rect, image.NewUniform(m.style.Background), image.Point{}, draw.Src)
	x.credit = x.backdrop.Draw(img, v)
	key := cacheKey{v: v, style: m.style, ok: true}
	if x.lines == nil || x.linesKey != key {
		if x.lines == nil || x.lines.Rect != img.Rect {
			x.lines = image.NewRGBA(img.Rect)
		}
		st := m.style
		m.style = backdropStyle(st)
		m.pn.dst = x.lines
		m.drawBase(x.lines, v, t)
		m.style = st
		m.pn.dst = img
		x.linesKey = key
	}
	(&sprite{img: x.lines}).drawAt(img, 0, 0)
}

// backdropStyle is st for drawing over a backdrop: no background, no fill
// on the focus countries and a veil of land colour over the others.
func backdropStyle(st Style) Style {
	st.Background = color.NRGBA{}
	st.NoData = color.NRGBA{}
	st.FocusLand = color.NRGBA{}
	st.Land.A = 96
	return st
}

// drawExtras paints what lies over the finished map: the sketch being
// drawn and the backdrop's attribution.
func (m *Map) drawExtras(img *image.RGBA, v View, t xform) {
	m.drawSketch(img, t)
	if m.extra.credit == "" {
		return
	}
	sp := m.creditSprite(m.extra.credit, t.scale)
	// Just above the map's own attribution, which has the same height.
	sp.drawAt(img, t.w, t.h-sp.img.Rect.Dy())
}

// creditSprite renders a credit line like the map's attribution; its
// anchor is the box's bottom-right corner.
func (m *Map) creditSprite(text string, s float64) *sprite {
	x := &m.extra
	k := creditKey{text, s, m.style.Name}
	if x.creditSp != nil && x.creditK == k {
		return x.creditSp
	}
	ts := m.text.render(text, textStyle{size: 10, color: m.style.AttributionFg}, s)
	px, py := int(math.Round(5*s)), int(math.Round(2*s))
	w, h := ts.boxW+2*px, ts.boxH+2*py
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fillRect(img, img.Rect, m.style.AttributionBox)
	ts.drawAt(img, px, py)
	x.creditSp, x.creditK = &sprite{img: img, ax: w, ay: h}, k
	return x.creditSp
}
