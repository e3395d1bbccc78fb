package render

import (
	"image"
	"math"

	"github.com/paulmach/orb"
)

// phaseTol is how far from a whole pixel (in device pixels) a pan may be
// and still be drawn by shifting the cached layers. The error is tracked
// across frames (see layerOrigin), so it never builds up past it.
const phaseTol = 0.02

// maxDirty is how many separate rectangles a shifted frame redraws; more
// are merged into their bounding box.
const maxDirty = 12

// layerOrigin is where the pixels of a cached layer lie in the world: the
// xform origin (ox, oy) they were drawn for, moved by every shift since.
type layerOrigin struct{ ox, oy float64 }

// originOf is the layer origin of a fresh drawing with t.
func originOf(t xform) layerOrigin { return layerOrigin{t.ox, t.oy} }

// shiftTo returns the whole-pixel offset that moves a layer drawn at o to
// the frame of view b (drawn with t), when the two differ only by such a
// translation smaller than the frame. a is the view o belongs to.
func (o layerOrigin) shiftTo(a, b View, t xform) (dx, dy int, ok bool) {
	if a.Zoom != b.Zoom || a.Width != b.Width || a.Height != b.Height || a.Scale != b.Scale {
		return 0, 0, false
	}
	fx, fy := o.ox-t.ox, o.oy-t.oy
	rx, ry := math.Round(fx), math.Round(fy)
	if math.Abs(fx-rx) > phaseTol || math.Abs(fy-ry) > phaseTol {
		return 0, 0, false
	}
	dx, dy = int(rx), int(ry)
	if dx == 0 && dy == 0 || abs(dx) >= t.w || abs(dy) >= t.h {
		return 0, 0, false
	}
	return dx, dy, true
}

// moved is o after a shift by (dx, dy) device pixels.
func (o layerOrigin) moved(dx, dy int) layerOrigin {
	return layerOrigin{o.ox - float64(dx), o.oy - float64(dy)}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// shiftPixels moves the content of img by (dx, dy) pixels in place; what
// moves out is lost and what is exposed keeps stale pixels (see exposed).
func shiftPixels(img *image.RGBA, dx, dy int) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	n := 4 * (w - abs(dx))
	sx, tx := 0, dx // source and target column
	if dx < 0 {
		sx, tx = -dx, 0
	}
	row := func(y int) {
		s := (y-dy)*img.Stride + 4*sx
		d := y*img.Stride + 4*tx
		copy(img.Pix[d:d+n], img.Pix[s:s+n])
	}
	if dy > 0 {
		for y := h - 1; y >= dy; y-- {
			row(y)
		}
		return
	}
	for y := 0; y < h+dy; y++ {
		row(y)
	}
}

// exposed returns the strips of a w×h frame left stale by a shift of
// (dx, dy): a column strip of full height and a row strip beside it, which
// do not overlap.
func exposed(w, h, dx, dy int) []image.Rectangle {
	var out []image.Rectangle
	switch {
	case dx > 0:
		out = append(out, image.Rect(0, 0, dx, h))
	case dx < 0:
		out = append(out, image.Rect(w+dx, 0, w, h))
	}
	x0, x1 := max(dx, 0), w+min(dx, 0) // the columns not in the column strip
	switch {
	case dy > 0:
		out = append(out, image.Rect(x0, 0, x1, dy))
	case dy < 0:
		out = append(out, image.Rect(x0, h+dy, x1, h))
	}
	return out
}

// redrawRects returns the rectangles of frame to redraw: the strips, and
// the dirty rectangles not inside one, merged where they overlap and into
// one bounding box when more than maxDirty remain. Rectangles may overlap:
// each is redrawn whole, so that only costs time.
func redrawRects(strips, dirty []image.Rectangle, frame image.Rectangle) []image.Rectangle {
	var out []image.Rectangle
next:
	for _, r := range dirty {
		r = r.Intersect(frame)
		if r.Empty() {
			continue
		}
		for _, s := range strips {
			if r.In(s) {
				continue next
			}
		}
		for i := 0; i < len(out); {
			if out[i].Overlaps(r) {
				r = r.Union(out[i])
				out[i] = out[len(out)-1]
				out = out[:len(out)-1]
				i = 0
				continue
			}
			i++
		}
		out = append(out, r)
	}
	if len(out) > maxDirty {
		u := out[0]
		for _, r := range out[1:] {
			u = u.Union(r)
		}
		out = []image.Rectangle{u}
	}
	return append(out, strips...)
}

// rectBound is the world extent of device rectangle r grown by pad device
// pixels; for the whole frame it is t.worldBound(pad).
func (t xform) rectBound(r image.Rectangle, pad float64) orb.Bound {
	return orb.Bound{
		Min: t.world(float64(r.Min.X)-pad, float64(r.Min.Y)-pad),
		Max: t.world(float64(r.Max.X)+pad, float64(r.Max.Y)+pad),
	}
}

// subRGBA is the part r of img, sharing its pixels.
func subRGBA(img *image.RGBA, r image.Rectangle) *image.RGBA {
	return img.SubImage(r).(*image.RGBA)
}

// shiftEventLayer draws the event layer of view v into img from the cached
// one when v is the cached view panned by whole pixels and nothing else in
// key changed: it moves the cached pixels and redraws the exposed strips
// and the places where the overlay's dots or the clusters changed (points
// entering the view can regroup clusters near its edge), base map first.
// It reports false, having changed nothing, when the layer cannot be
// shifted.
func (m *Map) shiftEventLayer(img *image.RGBA, v View, t xform, ov *overlay, key eventLayerKey) bool {
	el := &m.evLayer
	dx, dy, ok := m.eventLayerShift(v, t, key)
	if !ok || el.img.Rect != img.Rect {
		return false
	}
	cs := m.clustersFor(v, t, key.pinned)
	dirty := dotChanges(nil, el.ov, ov, dx, dy)
	dirty = m.clusterChanges(dirty, t, el.cs, cs, dx, dy)
	shiftPixels(el.img, dx, dy)
	for _, r := range redrawRects(exposed(t.w, t.h, dx, dy), dirty, el.img.Rect) {
		sub := subRGBA(el.img, r)
		m.pn.dst = sub
		m.drawBase(sub, v, t)
		ov.drawUnder(sub)
		m.drawEvents(v, t, key.pinned)
	}
	m.pn.dst = img
	copy(img.Pix, el.img.Pix)
	el.key, el.origin, el.ov, el.cs = key, el.origin.moved(dx, dy), ov, cs
	el.shifts++
	return true
}

// eventLayerShift returns the whole-pixel offset that moves the cached
// event layer to view v when it can be shifted there: v is its view panned
// by whole pixels and nothing else in key changed.
func (m *Map) eventLayerShift(v View, t xform, key eventLayerKey) (dx, dy int, ok bool) {
	el := &m.evLayer
	same := key
	same.v = el.key.v
	if el.img == nil || same != el.key {
		return 0, 0, false
	}
	return el.origin.shiftTo(el.key.v, v, t)
}

// dotChanges appends to dirty where the crossings and place dots of old,
// moved by (dx, dy), and those of cur differ.
func dotChanges(dirty []image.Rectangle, old, cur *overlay, dx, dy int) []image.Rectangle {
	type mark struct {
		s    *sprite
		x, y int
	}
	seen := map[mark]bool{}
	if old != nil {
		for _, l := range [][]dotAt{old.crossings, old.dots} {
			for _, d := range l {
				seen[mark{d.sprite, d.x + dx, d.y + dy}] = true
			}
		}
	}
	rect := func(k mark) image.Rectangle {
		return k.s.img.Rect.Add(image.Pt(k.x-k.s.ax, k.y-k.s.ay))
	}
	for _, l := range [][]dotAt{cur.crossings, cur.dots} {
		for _, d := range l {
			k := mark{d.sprite, d.x, d.y}
			if seen[k] {
				delete(seen, k)
				continue
			}
			dirty = append(dirty, rect(k))
		}
	}
	for k := range seen {
		dirty = append(dirty, rect(k))
	}
	return dirty
}

// clusterChanges appends to dirty where the clusters of old, moved by
// (dx, dy), and those of cur differ: the bubble and the extent of the
// members of every group found in only one of them.
func (m *Map) clusterChanges(dirty []image.Rectangle, t xform, old, cur *clusterSet, dx, dy int) []image.Rectangle {
	if old == nil && cur == nil {
		return dirty
	}
	byFirst := map[orb.Pointer]int{}
	var oldGroups, curGroups []cluster
	if old != nil {
		oldGroups = old.groups
	}
	if cur != nil {
		curGroups = cur.groups
	}
	for i, c := range oldGroups {
		byFirst[c.members[0]] = i
	}
	matched := make([]bool, len(oldGroups))
	shift := vec{float32(dx), float32(dy)}
	for _, c := range curGroups {
		if i, ok := byFirst[c.members[0]]; ok && !matched[i] && sameGroup(oldGroups[i], c, shift) {
			matched[i] = true
			continue
		}
		dirty = append(dirty, m.groupRect(t, c, c.center))
	}
	for i, c := range oldGroups {
		if !matched[i] {
			dirty = append(dirty, m.groupRect(t, c, c.center.add(shift)))
		}
	}
	return dirty
}

// sameGroup reports whether a, moved by shift, and b are the same bubble
// over the same members.
func sameGroup(a, b cluster, shift vec) bool {
	if len(a.members) != len(b.members) || !a.center.add(shift).near(b.center, 0.05) {
		return false
	}
	for i := range a.members {
		if a.members[i] != b.members[i] {
			return false
		}
	}
	return true
}

// groupRect is the device rectangle a cluster's bubble at center and its
// members' own markers can cover.
func (m *Map) groupRect(t xform, c cluster, center vec) image.Rectangle {
	pad := (markerRadius+markerOutline+3)*t.scale + 2
	a, b := t.pt(c.bound.Min), t.pt(c.bound.Max)
	r := image.Rect(int(math.Floor(float64(min(a.X, b.X))-pad)), int(math.Floor(float64(min(a.Y, b.Y))-pad)),
		int(math.Ceil(float64(max(a.X, b.X))+pad)), int(math.Ceil(float64(max(a.Y, b.Y))+pad)))
	br := float64(clusterRadius(len(c.members))+4)*t.scale + 2
	bub := image.Rect(int(math.Floor(float64(center.X)-br)), int(math.Floor(float64(center.Y)-br)),
		int(math.Ceil(float64(center.X)+br)), int(math.Ceil(float64(center.Y)+br)))
	return r.Union(bub)
}
