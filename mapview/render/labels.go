package render

import (
	"image"
	"math"
	"slices"
	"strings"

	"github.com/paulmach/orb"
)

// LabelKind is what a label names.
type LabelKind int

// Kinds of label, in the order they are usually placed.
const (
	LabelPlace LabelKind = iota
	LabelProvince
	LabelCountry
	LabelCrossing
)

// String names the kind.
func (k LabelKind) String() string {
	switch k {
	case LabelPlace:
		return "place"
	case LabelProvince:
		return "province"
	case LabelCountry:
		return "country"
	case LabelCrossing:
		return "crossing"
	}
	return "unknown"
}

// Rect is an axis-aligned box in logical pixels.
type Rect struct{ MinX, MinY, MaxX, MaxY float64 }

// Overlaps reports whether r and o share any area.
func (r Rect) Overlaps(o Rect) bool {
	return r.MinX < o.MaxX && o.MinX < r.MaxX && r.MinY < o.MaxY && o.MinY < r.MaxY
}

// LabelBox is a label placed on the map: its text and the box its text
// occupies (without the halo).
type LabelBox struct {
	Text string
	Kind LabelKind
	Box  Rect
}

// Labels returns the labels Render places for view v (with the events set
// and the selection of the last Render), in placement order, most
// important first. No two boxes overlap.
func (m *Map) Labels(v View) []LabelBox {
	m.mu.Lock()
	defer m.mu.Unlock()
	v = sane(v)
	ov := m.overlayFor(v, newXform(v), m.pinnedSelection(v, m.lastSel.Selected))
	s := v.scale()
	out := make([]LabelBox, len(ov.labels))
	for i, l := range ov.labels {
		out[i] = LabelBox{Text: l.text, Kind: l.kind, Box: Rect{l.box.x0 / s, l.box.y0 / s, l.box.x1 / s, l.box.y1 / s}}
	}
	return out
}

// PlaceDots returns where Render draws place dots and border crossings for
// view v (with the events set and the selection of the last Render), in
// logical pixels: the places a drawing can be seen to snap to.
func (m *Map) PlaceDots(v View) [][2]float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	v = sane(v)
	ov := m.overlayFor(v, newXform(v), m.pinnedSelection(v, m.lastSel.Selected))
	s := v.scale()
	out := make([][2]float64, 0, len(ov.dots)+len(ov.crossings))
	for _, list := range [][]dotAt{ov.dots, ov.crossings} {
		for _, d := range list {
			out = append(out, [2]float64{float64(d.x) / s, float64(d.y) / s})
		}
	}
	return out
}

// frect is a box in device pixels.
type frect struct{ x0, y0, x1, y1 float64 }

func (r frect) grow(d float64) frect { return frect{r.x0 - d, r.y0 - d, r.x1 + d, r.y1 + d} }
func (r frect) overlaps(o frect) bool {
	return r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1
}

// placer keeps the boxes already taken and answers whether a new one fits.
type placer struct {
	taken []frect
	soft  []frect // event symbols: avoided, unless a label is too important
	// clusters are the soft boxes of cluster bubbles, which an important
	// label placed over events keeps clear of (clearOf).
	clusters []frect
	hard     bool    // ignore the soft boxes
	pad      float64 // clear space around labels, device pixels
	inside   frect   // labels must lie within
}

// free reports whether every box lies inside the image and clear of the
// boxes taken.
func (pl *placer) free(rs ...frect) bool {
	for _, r := range rs {
		if r.x0 < pl.inside.x0 || r.y0 < pl.inside.y0 || r.x1 > pl.inside.x1 || r.y1 > pl.inside.y1 {
			return false
		}
		g := r.grow(pl.pad)
		for _, t := range pl.taken {
			if g.overlaps(t) {
				return false
			}
		}
		if !pl.hard {
			for _, t := range pl.soft {
				if r.overlaps(t) {
					return false
				}
			}
		}
	}
	return true
}

func (pl *placer) take(rs ...frect) { pl.taken = append(pl.taken, rs...) }

// clearOf is how far from point d a label must start to keep clear of the
// event symbols over d: r, or, when an important label is placed over
// events (hard) and a cluster covers d, the distance to that cluster's far
// side, so "Dushanbe" is written beside the cluster of its events instead
// of across its count.
func (pl *placer) clearOf(d vec, r float64) float64 {
	if !pl.hard {
		return r
	}
	x, y := float64(d.X), float64(d.Y)
	for _, s := range pl.clusters {
		if x >= s.x0 && x <= s.x1 && y >= s.y0 && y <= s.y1 {
			r = max(r, s.x1-x, x-s.x0, s.y1-y, y-s.y0)
		}
	}
	return r
}

// softCover is how much of r the event symbols cover, in square pixels
// (zero unless the placer ignores them).
func (pl *placer) softCover(r frect) float64 {
	if !pl.hard {
		return 0
	}
	a := 0.0
	for _, t := range pl.soft {
		if r.overlaps(t) {
			a += (min(r.x1, t.x1) - max(r.x0, t.x0)) * (min(r.y1, t.y1) - max(r.y0, t.y0))
		}
	}
	return a
}

// Label text styles, sizes in logical pixels. Labels are drawn over the
// event lines (overlay.drawOver), so their halos are wide enough, and place
// labels crossed by a line get a plate (label_lines.go), to part them.
func (m *Map) capitalStyle() textStyle {
	return textStyle{size: 14, color: m.style.PlaceLabel, halo: m.style.Halo, haloR: 2.4}
}
func (m *Map) seatStyle() textStyle {
	return textStyle{size: 12.5, color: m.style.PlaceLabel, halo: m.style.Halo, haloR: 2.2}
}
func (m *Map) minorStyle() textStyle {
	return textStyle{size: 11, color: m.style.MinorLabel, halo: m.style.Halo, haloR: 2}
}
func (m *Map) provinceStyle() textStyle {
	return textStyle{size: 11.5, color: m.style.ProvinceLabel, halo: m.style.Halo, haloR: 1.5, tracking: 0.5, oblique: true}
}
func (m *Map) countryStyle() textStyle {
	return textStyle{size: 15, color: m.style.CountryLabel, halo: m.style.Halo, haloR: 2.2, tracking: 3.2}
}

// placeShown says whether a place is important enough to label at zoom z.
func placeShown(p place, z float64) bool {
	switch p.rank {
	case 0:
		return true
	case 1:
		return z >= 5.5 || p.pop >= 300000
	case 2:
		return (z >= 6.5 && p.pop >= 60000) || (z >= 7.5 && p.pop >= 20000) || (z >= 8.5 && p.pop >= 5000) || z >= 9.5
	}
	return (z >= 7.5 && p.pop >= 60000) || (z >= 8.5 && p.pop >= 15000) || (z >= 9.5 && p.pop >= 3000) || z >= 10.5
}

// placeLabels fills ov.labels and ov.dots for view v, most important first.
func (m *Map) placeLabels(ov *overlay, v View, t xform, pl *placer) {
	s := t.scale
	view := t.worldBound(0)
	bd := m.base
	// A neighbour's place where its land has faded out (base_fade.go) is
	// not named: the name would float over nothing.
	fade, fading := fadeFor(t, image.Rect(0, 0, t.w, t.h), 0)
	fadedOut := func(p place) bool {
		if !fading || p.focus {
			return false
		}
		d := t.pt(p.world)
		return fade.weight(int(d.X), int(d.Y)) < 128
	}
	// Capitals and province seats first.
	placed := map[string]bool{}
	tryPlaces := func(ranks func(int) bool) {
		for _, p := range bd.places {
			if !ranks(p.rank) || !placeShown(p, v.Zoom) || !view.Contains(p.world) || fadedOut(p) {
				continue
			}
			ok := m.placePlace(ov, t, pl, p)
			if !ok && p.rank <= 1 && len(pl.soft) > 0 {
				// Capitals and province seats show over events rather than not at all.
				pl.hard = true
				ok = m.placePlace(ov, t, pl, p)
				pl.hard = false
			}
			if ok {
				placed[p.name] = true
			}
		}
	}
	tryPlaces(func(r int) bool { return r <= 1 })
	// Provinces of the focus countries, then countries, then other provinces.
	provs := make([]int, 0, len(bd.provinces))
	for i, pr := range bd.provinces {
		if view.Intersects(pr.bound) {
			provs = append(provs, i)
		}
	}
	slices.SortStableFunc(provs, func(a, b int) int {
		pa, pb := &bd.provinces[a], &bd.provinces[b]
		if pa.focus != pb.focus {
			if pa.focus {
				return -1
			}
			return 1
		}
		return cmpFloat(pb.area, pa.area)
	})
	inner := t.worldBound(-24 * s)
	provinces := func(focus bool) {
		if v.Zoom < 5.5 {
			return
		}
		for _, i := range provs {
			pr := &bd.provinces[i]
			if pr.focus != focus || (pr.name != "" && placed[pr.name] && pr.area*t.k*t.k < 40000*s*s) {
				continue
			}
			poly, pole, bounds := pr.poly, pr.pole, pr.polyB.outer()
			if !inner.Contains(pole) {
				// Zoomed in past the province's middle: label the part in
				// view, unless the label cannot fit in it.
				poly, bounds = visibleClip(pr.poly, pr.polyB, inner)
				big := largest(poly)
				if big == nil || !m.labelFits(t, pr.name, LabelProvince, m.provinceStyle(), bounds) {
					continue
				}
				pole, _ = poleOfInaccessibility(big, 3/t.k)
			}
			m.placeAreaB(ov, t, pl, pr.name, LabelProvince, m.provinceStyle(), poly, bounds, pole)
		}
	}
	// The focus countries' names before their provinces' (the provinces'
	// labels would take the middle of the country), the neighbours' after.
	m.placeCountries(ov, v, t, pl, true)
	provinces(true)
	m.placeCountries(ov, v, t, pl, false)
	provinces(false)
	tryPlaces(func(r int) bool { return r >= 2 })
	if v.Zoom >= 9 {
		for _, c := range bd.crossings {
			if view.Contains(c.world) {
				m.placeBeside(ov, t, pl, c.name, LabelCrossing, m.minorStyle(), t.pt(c.world), 8*s, nil)
			}
		}
	}
}

// placePlace labels a populated place beside its dot; false when no spot is free.
func (m *Map) placePlace(ov *overlay, t xform, pl *placer, p place) bool {
	st := m.minorStyle()
	switch p.rank {
	case 0:
		st = m.capitalStyle()
	case 1:
		st = m.seatStyle()
	}
	d := t.pt(p.world)
	ds := m.dotSprite(p.rank, t.scale)
	rd := float64(ds.radius)
	dot := frect{float64(d.X) - rd, float64(d.Y) - rd, float64(d.X) + rd, float64(d.Y) + rd}
	if !pl.free(dot) {
		return false
	}
	name := p.name
	if p.ascii != "" && !m.text.hasGlyphs(name) {
		name = p.ascii
	}
	if !m.placeBeside(ov, t, pl, name, LabelPlace, st, d, pl.clearOf(d, rd), &dot) {
		return false
	}
	ov.dots = append(ov.dots, dotAt{sprite: ds.sprite, x: int(math.Round(float64(d.X))), y: int(math.Round(float64(d.Y)))})
	return true
}

// placeBeside tries the eight positions around point d (radius r) for a
// label and takes the first free one, with extra (the point's own box) if
// given.
func (m *Map) placeBeside(ov *overlay, t xform, pl *placer, text string, kind LabelKind, st textStyle, d vec, r float64, extra *frect) bool {
	if text == "" {
		return false
	}
	ts := m.text.render(text, st, t.scale)
	w, h := float64(ts.boxW), float64(ts.boxH)
	x, y := float64(d.X), float64(d.Y)
	g := 2.5 * t.scale
	around := func(r float64) [][2]float64 {
		return [][2]float64{
			{x + r + g, y - h/2},               // right
			{x - r - g - w, y - h/2},           // left
			{x - w/2, y - r - g/2 - h},         // above
			{x - w/2, y + r + g/2},             // below
			{x + r*0.7 + g, y - r*0.7 - h},     // above right
			{x + r*0.7 + g, y + r*0.7},         // below right
			{x - r*0.7 - g - w, y - r*0.7 - h}, // above left
			{x - r*0.7 - g - w, y + r*0.7},     // below left
		}
	}
	cands := around(r)
	best, bestCover := -1, math.Inf(1)
	pick := func(from int) {
		for i := from; i < len(cands); i++ {
			c := cands[i]
			box := frect{c[0], c[1], c[0] + w, c[1] + h}
			if !pl.free(box) {
				continue
			}
			if cover := pl.softCover(box); cover < bestCover {
				best, bestCover = i, cover
				if cover == 0 {
					return
				}
			}
		}
	}
	pick(0)
	// An important label with much of it over events steps further out, a
	// few pixels at a time, to find a spot clear of the bubbles crowding
	// its town; a symbol touching its edge is no reason to move.
	for _, step := range []float64{6, 12, 20} {
		if !pl.hard || bestCover <= 0.15*w*h {
			break
		}
		n := len(cands)
		cands = append(cands, around(r+step*t.scale)...)
		pick(n)
	}
	if best < 0 {
		return false
	}
	box := frect{cands[best][0], cands[best][1], cands[best][0] + w, cands[best][1] + h}
	pl.take(box)
	if extra != nil {
		pl.take(*extra)
	}
	ov.labels = append(ov.labels, placedLabel{text: text, kind: kind, box: box, ts: ts, st: st})
	return true
}

// placeArea labels an area at its pole of inaccessibility, or near it, when
// the label fits inside the area and is free.
func (m *Map) placeArea(ov *overlay, t xform, pl *placer, text string, kind LabelKind, st textStyle, poly orb.MultiPolygon, pole orb.Point) bool {
	return m.placeAreaB(ov, t, pl, text, kind, st, poly, nil, pole)
}

// placeAreaB is placeArea for poly whose polygons have the bounds given
// (nil: found on first use).
func (m *Map) placeAreaB(ov *overlay, t xform, pl *placer, text string, kind LabelKind, st textStyle, poly orb.MultiPolygon, bounds []orb.Bound, pole orb.Point) bool {
	if text == "" {
		return false
	}
	if kind == LabelCountry {
		text = strings.ToUpper(text)
	}
	ts := m.text.render(text, st, t.scale)
	w, h := float64(ts.boxW), float64(ts.boxH)
	c := t.pt(pole)
	cx, cy := float64(c.X), float64(c.Y)
	for _, o := range [][2]float64{{0, 0}, {0, -1.3}, {0, 1.3}, {-0.35, 0}, {0.35, 0}, {0, -2.6}, {0, 2.6}, {-0.35, -1.3}, {0.35, 1.3}, {0.35, -1.3}, {-0.35, 1.3}} {
		x0, y0 := cx-w/2+o[0]*w, cy-h/2+o[1]*h
		box := frect{x0, y0, x0 + w, y0 + h}
		if !pl.free(box) {
			continue
		}
		if bounds == nil {
			bounds = make([]orb.Bound, len(poly))
			for i, p := range poly {
				bounds[i] = p.Bound()
			}
		}
		if !boxInside(t, poly, bounds, box) {
			continue
		}
		pl.take(box)
		ov.labels = append(ov.labels, placedLabel{text: text, kind: kind, box: box, ts: ts})
		return true
	}
	return false
}

// boxInside reports whether the corners, edge middles and centre of a device
// box all lie inside poly (world pixels), whose polygons have the bounds
// given (multiContains with the bounds computed once).
func boxInside(t xform, poly orb.MultiPolygon, bounds []orb.Bound, b frect) bool {
	mx, my := (b.x0+b.x1)/2, (b.y0+b.y1)/2
next:
	for _, p := range [][2]float64{{b.x0, b.y0}, {b.x1, b.y0}, {b.x0, b.y1}, {b.x1, b.y1}, {mx, b.y0}, {mx, b.y1}, {b.x0, my}, {b.x1, my}, {mx, my}} {
		w := t.world(p[0], p[1])
		for i, pg := range poly {
			if bounds[i].Contains(w) && polyContains(pg, w) {
				continue next
			}
		}
		return false
	}
	return true
}

// placeCountries labels the focus countries (focus) or the neighbours in
// view at the pole of the part of each that is visible, bigger parts
// first. A focus country large in view whose usual spots are taken is
// labelled at the free spot inside it nearest its pole (placeFocusCountry).
func (m *Map) placeCountries(ov *overlay, v View, t xform, pl *placer, focus bool) {
	view := t.worldBound(-4 * t.scale)
	band := max(0, bandFor(v)-2) // a coarser outline is plenty to place a label
	type cand struct {
		name   string
		poly   orb.MultiPolygon
		bounds []orb.Bound // of poly's polygons
		pole   orb.Point
		area   float64
		foc    bool
	}
	var cands []cand
	for i := range m.base.countries {
		c := &m.base.countries[i]
		if c.focus != focus || !view.Intersects(c.bound) {
			continue
		}
		vis, bounds := visibleClip(c.bands[band], c.bounds[band], view)
		big := largest(vis)
		if big == nil || !m.labelFits(t, c.name, LabelCountry, m.countryStyle(), bounds) {
			continue // placeAreaB could not place it
		}
		pole, _ := poleOfInaccessibility(big, 3/t.k)
		cands = append(cands, cand{name: c.name, poly: vis, bounds: bounds, pole: pole, area: multiArea(vis), foc: c.focus})
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		if a.foc != b.foc {
			if a.foc {
				return -1
			}
			return 1
		}
		return cmpFloat(b.area, a.area)
	})
	for _, c := range cands {
		if m.placeAreaB(ov, t, pl, c.name, LabelCountry, m.countryStyle(), c.poly, c.bounds, c.pole) || !c.foc {
			continue
		}
		m.placeFocusCountry(ov, t, pl, c.name, c.poly, c.bounds, c.pole)
	}
}

// visiblePart clips area mp to box and returns the clipped area and the pole
// of inaccessibility of its largest part; nil when nothing is in the box.
func visiblePart(mp orb.MultiPolygon, box orb.Bound, t xform) (orb.MultiPolygon, orb.Point) {
	vis, pole, _ := visiblePartB(mp, boundsOf(mp), box, t)
	return vis, pole
}

// visiblePartB is visiblePart for mp with ring bounds mb; it also returns
// the bounds of the clipped polygons (placeAreaB).
func visiblePartB(mp orb.MultiPolygon, mb multiBounds, box orb.Bound, t xform) (orb.MultiPolygon, orb.Point, []orb.Bound) {
	vis, bounds := visibleClip(mp, mb, box)
	big := largest(vis)
	if big == nil {
		return nil, orb.Point{}, nil
	}
	pole, _ := poleOfInaccessibility(big, 3/t.k)
	return vis, pole, bounds
}

// visibleClip is mp with ring bounds mb clipped to box, and the bounds of
// the clipped polygons' outer rings.
func visibleClip(mp orb.MultiPolygon, mb multiBounds, box orb.Bound) (orb.MultiPolygon, []orb.Bound) {
	var vis orb.MultiPolygon
	var bounds []orb.Bound
	for i, poly := range mp {
		if !box.Intersects(mb.polyBound(i)) {
			continue
		}
		var cp orb.Polygon
		var cb orb.Bound
		for ri, r := range poly {
			cr := clipRingB(box, r, mb[i][ri])
			if len(cr) < 4 {
				if ri == 0 {
					break
				}
				continue
			}
			if ri == 0 {
				if b := mb[i][0]; box.Contains(b.Min) && box.Contains(b.Max) {
					cb = b // not clipped
				} else {
					cb = cr.Bound()
				}
			}
			cp = append(cp, cr)
		}
		if len(cp) > 0 {
			vis = append(vis, cp)
			bounds = append(bounds, cb)
		}
	}
	return vis, bounds
}

// labelFits reports whether the label placeAreaB would write for text
// could lie inside an area whose polygons have the outer bounds given
// (world pixels): false when the bounds together are narrower or lower
// than the label, as then no box placeAreaB tries can have all its
// corners inside, and the area's pole need not be found.
func (m *Map) labelFits(t xform, text string, kind LabelKind, st textStyle, bounds []orb.Bound) bool {
	if text == "" || len(bounds) == 0 {
		return false
	}
	if kind == LabelCountry {
		text = strings.ToUpper(text)
	}
	ts := m.text.render(text, st, t.scale)
	u := bounds[0]
	for _, b := range bounds[1:] {
		u = unionBound(u, b)
	}
	// A margin of a millionth of a pixel for rounding.
	const eps = 1e-6
	return (u.Max[0]-u.Min[0])*t.k >= float64(ts.boxW)-eps && (u.Max[1]-u.Min[1])*t.k >= float64(ts.boxH)-eps
}
