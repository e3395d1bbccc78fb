package render

import (
	"image"

	"github.com/paulmach/orb"
)

// eventLayerKey identifies a cached event layer: the view and style, the
// event set, whether points are clustered, and the selection as far as it
// changes the clustering (a selected point is never grouped).
type eventLayerKey struct {
	cacheKey
	es      *eventSet
	cluster bool
	pinned  string
}

// eventLayer is the frame as drawn up to the plain events: base map, place
// dots and crossings, and every event without highlights. A frame whose
// view, events and clustering are those of the last one (a hover or
// selection change) starts from it and only draws the highlights and the
// labels; one panned by whole pixels shifts it (shift.go).
type eventLayer struct {
	key eventLayerKey
	img *image.RGBA
	pts viewPoints // points near the last view drawn

	origin layerOrigin // where img's pixels lie (shift.go)
	ov     *overlay    // the overlay drawn under the events in img
	cs     *clusterSet // the clustering drawn in img; nil without clusters
	shifts int         // frames drawn by shifting, for tests
}

// pinnedSelection is the part of selected that affects how the events of
// view v are clustered: the id when clustering is on at this zoom and the
// event has points or could be absorbed into a bubble or a flow
// (absorbable), "" otherwise.
func (m *Map) pinnedSelection(v View, selected string) string {
	if selected == "" || !m.cluster || v.Zoom >= clusterMaxZoom || m.events.nPts == 0 {
		return ""
	}
	i, ok := m.events.byID[selected]
	if !ok || !m.absorbable(v, i) {
		return ""
	}
	return selected
}

// eventLayerKeyFor is the key of the event layer of view v with pinned
// selection pinned.
func (m *Map) eventLayerKeyFor(v View, pinned string) eventLayerKey {
	return eventLayerKey{cacheKey{v: v, style: m.style, ok: true}, m.events, m.cluster, pinned}
}

// eventLayerFits reports whether the cached event layer may be copied or
// shifted into img: there is no backdrop (which may change from frame to
// frame) and the layer has img's size.
func (m *Map) eventLayerFits(img *image.RGBA) bool {
	el := &m.evLayer
	return m.extra.backdrop == nil && el.img != nil && el.img.Rect == img.Rect && el.img.Stride == img.Stride
}

// drawEventLayer draws onto img, which holds the base layer, what lies
// under the highlights: the overlay's dots and the plain events. It copies
// the cached layer when the last frame had the same key, and caches what it
// draws. With a backdrop, which may change from frame to frame, it always
// draws and caches nothing.
func (m *Map) drawEventLayer(img *image.RGBA, v View, t xform, ov *overlay, pinned string) {
	key := m.eventLayerKeyFor(v, pinned)
	cacheable := m.extra.backdrop == nil
	el := &m.evLayer
	if m.eventLayerFits(img) && el.key == key {
		copy(img.Pix, el.img.Pix)
		return
	}
	if m.eventLayerFits(img) && m.shiftEventLayer(img, v, t, ov, key) {
		return
	}
	ov.drawUnder(img)
	m.drawEvents(v, t, pinned)
	if !cacheable {
		el.img = nil
		return
	}
	if el.img == nil || el.img.Rect != img.Rect || el.img.Stride != img.Stride {
		el.img = image.NewRGBA(img.Rect)
	}
	copy(el.img.Pix, img.Pix)
	el.key = key
	el.origin, el.ov, el.cs = originOf(t), ov, m.clustersFor(v, t, pinned)
}

// viewPoints is the result of the last query of the points around a view,
// shared by the clustering, the point symbols and the label obstacles of
// one frame.
type viewPoints struct {
	es   *eventSet
	box  orb.Bound
	refs []orb.Pointer
}

// pointsNear returns the points within 48 logical pixels of view t, sorted
// by event order (later events draw on top). The slice is shared: callers
// must not change it.
func (m *Map) pointsNear(t xform) []orb.Pointer {
	box := t.worldBound(48 * t.scale)
	vp := &m.evLayer.pts
	if vp.es == m.events && vp.box == box && vp.refs != nil {
		return vp.refs
	}
	// A scan of the points in event order beats the quadtree and a sort:
	// a view holds a good part of them.
	refs := vp.refs[:0]
	for _, r := range m.events.refs {
		if box.Contains(r.p) {
			refs = append(refs, r)
		}
	}
	*vp = viewPoints{es: m.events, box: box, refs: refs}
	return refs
}
