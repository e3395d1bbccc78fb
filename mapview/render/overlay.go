package render

import (
	"fmt"
	"image"
	"math"

	"github.com/paulmach/orb"

	"eventatlas/assets"
)

// overlay is what is drawn over the events for one view: border crossings,
// place dots, labels, the scale bar and the attribution line.
type overlay struct {
	crossings []dotAt
	dots      []dotAt
	labels    []placedLabel
	scaleBar  dotAt
	attrib    dotAt
	legend    dotAt // nil sprite when off or empty (legend.go)
}

// dotAt is a sprite placed with its anchor at device pixel (x, y).
type dotAt struct {
	sprite *sprite
	x, y   int
}

// placedLabel is a label with its text box in device pixels.
type placedLabel struct {
	text string
	kind LabelKind
	box  frect
	ts   *textSprite
	st   textStyle // of ts; set for labels beside a point (placeBeside)
}

// drawUnder paints what lies under the events: crossings and place dots.
func (ov *overlay) drawUnder(dst *image.RGBA) {
	for _, d := range ov.crossings {
		d.sprite.drawAt(dst, d.x, d.y)
	}
	for _, d := range ov.dots {
		d.sprite.drawAt(dst, d.x, d.y)
	}
}

// drawOver paints what lies over the events: labels, scale bar, attribution.
func (ov *overlay) drawOver(dst *image.RGBA) {
	for _, l := range ov.labels {
		l.ts.drawAt(dst, int(math.Round(l.box.x0)), int(math.Round(l.box.y0)))
	}
	ov.scaleBar.sprite.drawAt(dst, ov.scaleBar.x, ov.scaleBar.y)
	ov.legend.sprite.drawAt(dst, ov.legend.x, ov.legend.y)
	ov.attrib.sprite.drawAt(dst, ov.attrib.x, ov.attrib.y)
}

// overlayKey identifies a cached overlay: labels keep clear of the event
// symbols, so they depend on the events and the selection too.
type overlayKey struct {
	cacheKey
	es       *eventSet
	selected string
	legend   bool
	inset    bool
	reserved string
	cluster  bool   // labels avoid bubbles, and the legend lists them, only when grouping
	credit   string // the backdrop's credit line, which labels keep clear of
}

// maxLabelObstacles is how many single event symbols labels avoid; with
// more, labels only avoid clusters (placement would get slow and sparse).
const maxLabelObstacles = 3000

// overlayFor returns the overlay of view v with selection sel, cached for
// the last one.
func (m *Map) overlayFor(v View, t xform, selected string) *overlay {
	key := overlayKey{cacheKey{v: v, style: m.style, ok: true}, m.events, selected, !m.noLegend, m.inset, m.reservedKey, m.cluster, m.extra.credit}
	if m.overlay != nil && m.overKey == key {
		return m.overlay
	}
	ov := &overlay{}
	s := t.scale
	margin := 2 * s
	pl := &placer{pad: 3 * s, inside: frect{margin, margin, float64(t.w) - margin, float64(t.h) - margin}}
	for _, r := range m.reserved { // what lies over the map: a caption card, a locator
		pl.take(frect{r.MinX * s, r.MinY * s, r.MaxX * s, r.MaxY * s})
	}
	// Attribution and scale bar first: labels keep clear of them. An inset
	// map (SetInset) has neither: the map it sits on has them.
	if !m.inset {
		at := m.attribution(t)
		ov.attrib = dotAt{sprite: at, x: t.w, y: t.h}
		pl.take(frect{float64(t.w - at.img.Rect.Dx()), float64(t.h - at.img.Rect.Dy()), float64(t.w), float64(t.h)})
		if m.extra.credit != "" { // the tile provider's credit, drawn above the attribution (drawExtras)
			cr := m.creditSprite(m.extra.credit, t.scale)
			top := float64(t.h - at.img.Rect.Dy() - cr.img.Rect.Dy())
			pl.take(frect{float64(t.w - cr.img.Rect.Dx()), top, float64(t.w), float64(t.h - at.img.Rect.Dy())})
		}
		sb := m.scaleBarSprite(v, t)
		ov.scaleBar = dotAt{sprite: sb, x: int(10 * s), y: t.h - int(math.Round(10*s))}
		pl.take(frect{10 * s, float64(t.h) - 10*s - float64(sb.img.Rect.Dy()), 10*s + float64(sb.img.Rect.Dx()), float64(t.h) - 10*s})
	}
	// Border crossings are always drawn, but in an inset, where their
	// icons would read as events.
	view := t.worldBound(8 * s)
	cs := m.crossingSprite(t.scale)
	for _, c := range m.base.crossings {
		if m.inset {
			break
		}
		if !view.Contains(c.world) {
			continue
		}
		d := t.pt(c.world)
		x, y := int(math.Round(float64(d.X))), int(math.Round(float64(d.Y)))
		ov.crossings = append(ov.crossings, dotAt{sprite: cs, x: x, y: y})
		r := float64(cs.ax)
		pl.take(frect{float64(x) - r, float64(y) - r, float64(x) + r, float64(y) + r})
	}
	// The legend after the crossings: it lists them when the frame has any.
	if !m.inset {
		m.placeLegend(ov, v, t, selected, float64(t.h)-10*s-float64(ov.scaleBar.sprite.img.Rect.Dy())-4*s, pl)
	}
	m.eventObstacles(v, t, selected, pl)
	m.placeLabels(ov, v, t, pl)
	m.plateCrossedLabels(ov, v, t, selected) // label_lines.go
	m.overlay, m.overKey = ov, key
	return ov
}

// dotSpriteR is a place dot with its radius in device pixels.
type dotSpriteR struct {
	*sprite
	radius float32
}

// dotSprite returns the dot marking a labelled place of the given rank: a
// ringed dot for a capital, a dot with a halo ring otherwise.
func (m *Map) dotSprite(rank int, scale float64) dotSpriteR {
	k := markerKey{sym: "place", col: m.style.PlaceDot, scale: scale, radius: float32(rank)}
	if sp, ok := m.markers[k]; ok {
		return dotSpriteR{sp, dotRadius(rank) * float32(scale)}
	}
	s := float32(scale)
	r := dotRadius(rank) * s
	half := int(math.Ceil(float64(r+2*s))) + 1
	img := image.NewRGBA(image.Rect(0, 0, 2*half, 2*half))
	pn := painter{dst: img}
	c := vec{float32(half), float32(half)}
	var p path
	p.addPoly(circlePts(c, r+1.1*s, 0)...)
	pn.fill(&p, m.style.PlaceDotRing)
	p.reset()
	p.addPoly(circlePts(c, r, 0)...)
	if rank == 0 {
		p.addRing(circlePts(c, r-1.5*s, 0), true)
		p.addPoly(circlePts(c, r*0.42, 0)...)
	}
	pn.fill(&p, m.style.PlaceDot)
	sp := &sprite{img: img, ax: half, ay: half}
	m.markers[k] = sp
	return dotSpriteR{sp, r}
}

func dotRadius(rank int) float32 {
	switch rank {
	case 0:
		return 4.6
	case 1:
		return 3.1
	}
	return 2.3
}

// crossingSprite is the border-crossing symbol: a rounded badge with a
// white bridge (deck over an arch).
func (m *Map) crossingSprite(scale float64) *sprite {
	k := markerKey{sym: "crossing", col: m.style.Crossing, scale: scale}
	if sp, ok := m.markers[k]; ok {
		return sp
	}
	s := float32(scale)
	half := int(math.Ceil(float64(9*s))) + 1
	img := image.NewRGBA(image.Rect(0, 0, 2*half, 2*half))
	pn := painter{dst: img}
	c := vec{float32(half), float32(half)}
	var p path
	badge := roundedRect(c, 7*s, 6*s, 2.5*s)
	p.addPoly(badge...)
	p.stroke(append(badge, badge[0]), 2.4*s, joinRound, true)
	pn.fill(&p, m.style.EventOutline)
	p.reset()
	p.addPoly(badge...)
	pn.fill(&p, m.style.Crossing)
	p.reset()
	// Deck.
	p.addPoly(vec{c.X - 5*s, c.Y - 2.2*s}, vec{c.X + 5*s, c.Y - 2.2*s}, vec{c.X + 5*s, c.Y - 0.9*s}, vec{c.X - 5*s, c.Y - 0.9*s})
	// Arch below the deck and the piers at its ends.
	var arch []vec
	for i := 0; i <= 12; i++ {
		a := math.Pi + math.Pi*float64(i)/12
		arch = append(arch, vec{c.X + 3.6*s*float32(math.Cos(a)), c.Y + 3.6*s + 3.2*s*float32(math.Sin(a))})
	}
	p.stroke(arch, 1.3*s, joinRound, false)
	pn.fill(&p, m.style.CrossingIcon)
	sp := &sprite{img: img, ax: half, ay: half}
	m.markers[k] = sp
	return sp
}

// roundedRect is a rectangle of half sizes hw, hh with corner radius r.
func roundedRect(c vec, hw, hh, r float32) []vec {
	var pts []vec
	corners := []struct {
		x, y float32
		a0   float64
	}{{hw - r, hh - r, 0}, {-hw + r, hh - r, math.Pi / 2}, {-hw + r, -hh + r, math.Pi}, {hw - r, -hh + r, 3 * math.Pi / 2}}
	for _, k := range corners {
		for i := 0; i <= 4; i++ {
			a := k.a0 + math.Pi/2*float64(i)/4
			pts = append(pts, vec{c.X + k.x + r*float32(math.Cos(a)), c.Y + k.y + r*float32(math.Sin(a))})
		}
	}
	return pts
}

// attribution renders assets.Attribution, small, on a translucent box; its
// anchor is the box's bottom-right corner.
func (m *Map) attribution(t xform) *sprite {
	s := t.scale
	st := textStyle{size: 10, color: m.style.AttributionFg}
	ts := m.text.render(assets.Attribution, st, s)
	px, py := int(math.Round(5*s)), int(math.Round(2*s))
	w, h := ts.boxW+2*px, ts.boxH+2*py
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fillRect(img, img.Rect, m.style.AttributionBox)
	ts.drawAt(img, px, py)
	return &sprite{img: img, ax: w, ay: h}
}

// scaleBarSprite draws a scale bar of a round length (1, 2 or 5 × 10ⁿ m)
// at most about 110 logical pixels long, measured at the view's centre, on
// a backing of the legend's colour; its anchor is the bottom-left corner.
func (m *Map) scaleBarSprite(v View, t xform) *sprite {
	s := t.scale
	metresPerPx := 2 * math.Pi * 6378137 * math.Cos(v.Center[1]*math.Pi/180) / (tileSize * math.Exp2(v.Zoom))
	maxM := 110 * metresPerPx
	step := math.Pow(10, math.Floor(math.Log10(maxM)))
	length := step
	for _, f := range []float64{5, 2, 1} {
		if f*step <= maxM {
			length = f * step
			break
		}
	}
	px := length / metresPerPx * s
	label := fmt.Sprintf("%g km", length/1000)
	if length < 1000 {
		label = fmt.Sprintf("%g m", length)
	}
	ts := m.text.render(label, textStyle{size: 10.5, color: m.style.ScaleBar, halo: m.style.Halo, haloR: 1.5}, s)
	pad := 3 * s
	w := int(math.Ceil(math.Max(px, float64(ts.boxW)) + 2*pad))
	h := int(math.Ceil(float64(ts.boxH) + 9*s + 2*pad))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	// A backing like the legend's: lines and bubbles under the bar must
	// not cross its text.
	fillRect(img, img.Rect, m.style.LegendBox)
	pn := painter{dst: img}
	var p path
	x0, x1 := float32(pad), float32(pad+px)
	yb := float32(float64(h) - pad - 1.5*s)
	tick := float32(5 * s)
	bar := []vec{{x0, yb - tick}, {x0, yb}, {x1, yb}, {x1, yb - tick}}
	p.stroke(bar, float32(3.6*s), joinRound, false)
	pn.fill(&p, m.style.Halo)
	p.reset()
	p.stroke(bar, float32(1.5*s), joinBevel, false)
	pn.fill(&p, m.style.ScaleBar)
	ts.drawAt(img, int(pad+2*s), int(float64(yb)-float64(tick)-float64(ts.boxH)+1*s))
	return &sprite{img: img, ax: 0, ay: h}
}

// eventObstacles marks the event clusters, point symbols and arrowheads in
// view as taken, so labels are placed beside them rather than over them.
func (m *Map) eventObstacles(v View, t xform, selected string, pl *placer) {
	if m.events.nPts == 0 {
		if len(m.events.items) > 0 {
			m.lineHeadObstacles(t, nil, pl, maxLabelObstacles)
		}
		return
	}
	cs := m.clustersFor(v, t, selected)
	m.lineHeadObstacles(t, cs, pl, maxLabelObstacles)
	if cs != nil {
		for _, c := range cs.groups {
			r := float64(clusterRadius(len(c.members))+1.6) * t.scale
			box := frect{float64(c.center.X) - r, float64(c.center.Y) - r, float64(c.center.X) + r, float64(c.center.Y) + r}
			pl.soft = append(pl.soft, box)
			pl.clusters = append(pl.clusters, box)
		}
	}
	view := t.worldBound(0)
	near := m.pointsNear(t)
	if len(near) > maxLabelObstacles {
		// Labels avoid single symbols only when the view holds few points.
		n := 0
		for _, ref := range near {
			if view.Contains(ref.Point()) {
				if n++; n > maxLabelObstacles {
					return
				}
			}
		}
	}
	r := (markerRadius + markerOutline) * t.scale
	add := func(p orb.Point) {
		if !view.Contains(p) {
			return
		}
		d := t.pt(p)
		pl.soft = append(pl.soft, frect{float64(d.X) - r, float64(d.Y) - r, float64(d.X) + r, float64(d.Y) + r})
	}
	if cs != nil { // only the points drawn on their own
		for _, pr := range cs.singles {
			add(pr.p)
		}
		return
	}
	for _, ref := range near {
		add(ref.Point())
	}
}
