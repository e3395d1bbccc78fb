package render

import "image"

// How a frame is composed (map.go, eventlayer.go, shift.go): the event
// layer caches the frame up to the plain events (base map, place dots,
// events). A frame of its view (a selection or hover change) copies it; a
// frame of its view panned by whole pixels shifts it and draws the base
// map and the events only where the frame changed; any other frame (a zoom
// or a first frame) draws the base map straight into the destination, the
// events over it, and caches the result. The base map has no layer of its
// own, so a zoom or a pan copies none; only when a view is drawn again
// without its event layer (another selection that changes the clustering,
// new events) is its base map kept, for the next such frames.

// eventLayerReused reports whether drawEventLayer will make img wholly from
// the cached event layer, copied or shifted, so that img need not hold the
// base map first: the tests drawEventLayer makes, without drawing.
func (m *Map) eventLayerReused(img *image.RGBA, v View, t xform, pinned string) bool {
	if !m.eventLayerFits(img) {
		return false
	}
	key := m.eventLayerKeyFor(v, pinned)
	if m.evLayer.key == key {
		return true
	}
	_, _, ok := m.eventLayerShift(v, t, key)
	return ok
}

// baseInto puts the base map of view v into img: a copy of the one kept
// for v, or drawn afresh. When v is the last frame's view drawn again (the
// event layer changed under it), what is drawn is kept for the next time.
func (m *Map) baseInto(img *image.RGBA, v View, t xform) {
	key := cacheKey{v: v, style: m.style, ok: true}
	if m.baseImg != nil && m.baseKey == key && m.baseImg.Rect == img.Rect && m.baseImg.Stride == img.Stride {
		copy(img.Pix, m.baseImg.Pix)
		return
	}
	m.drawBase(img, v, t)
	if m.prevKey != key {
		return // a new view: likely one of many (a zoom), keep nothing
	}
	if m.baseImg == nil || m.baseImg.Rect != img.Rect || m.baseImg.Stride != img.Stride {
		m.baseImg = image.NewRGBA(img.Rect)
	}
	copy(m.baseImg.Pix, img.Pix)
	m.baseKey = key
}
