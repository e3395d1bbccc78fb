package render

import (
	"errors"
	"image"
	"sync"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/assets"
)

// Selection names the events drawn with a highlight: the selected one and
// the one under the pointer. Empty strings select nothing.
type Selection struct {
	Selected, Hover string // event ids
}

// Map draws the base map and a set of events. It is safe for concurrent use;
// calls are serialised.
type Map struct {
	mu           sync.Mutex
	base         *baseData
	text         *typesetter
	style        Style
	events       *eventSet
	cluster      bool
	noLegend     bool      // SetLegend(false) (legend.go)
	inset        bool      // SetInset(true): no scale bar, attribution or legend (overlay.go)
	reserved     []Rect    // SetReserved: areas labels keep clear of, logical pixels
	reservedKey  string    // reserved, as the overlay cache compares it
	lastSel      Selection // of the last Render, for hit tests
	clusterCache *clusterSet
	cells        *cellIndex // points by clustering cell (clustercells.go)

	markers map[markerKey]*sprite
	bubbles map[string]*sprite // cluster bubbles by count and type mix
	// clusterCounts is drawCluster's scratch: members by colour.
	clusterCounts []int
	// baseImg is the base map of view baseKey, kept only once a view is
	// drawn again without its event layer (base_compose.go); prevKey is
	// the view of the last frame.
	baseImg          *image.RGBA
	baseKey, prevKey cacheKey
	overKey          overlayKey
	overlay          *overlay

	pn      painter
	path    path
	evLayer eventLayer // eventlayer.go

	extra extras // backdrop and sketch (backdrop.go, sketch.go)
}

// cacheKey identifies a cached layer: the view and the style it was drawn for.
type cacheKey struct {
	v     View
	style Style
	ok    bool
}

// NewMap prepares base map bm for drawing with the TrueType/OpenType font
// fontTTF for labels (nil selects Go Regular, which has Latin and Cyrillic).
// It projects and simplifies the base map once, which takes a fraction of a
// second.
func NewMap(bm *assets.BaseMap, fontTTF []byte) (*Map, error) {
	if bm == nil {
		return nil, errors.New("render: no base map")
	}
	bd, err := buildBase(bm)
	if err != nil {
		return nil, err
	}
	ts, err := newTypesetter(fontTTF)
	if err != nil {
		return nil, err
	}
	m := &Map{base: bd, text: ts, style: LightStyle(), cluster: true, markers: map[markerKey]*sprite{}, bubbles: map[string]*sprite{}}
	m.events = buildEvents(nil, nil)
	return m, nil
}

// SetStyle changes how the map looks (LightStyle or DarkStyle).
func (m *Map) SetStyle(s Style) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.style = s
}

// Style returns the current style.
func (m *Map) Style() Style {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.style
}

// SetClustering turns grouping of dense point events at low zoom on (the
// default) or off.
func (m *Map) SetClustering(on bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.cluster = on
}

// Clustering reports whether dense events are grouped (see SetClustering).
func (m *Map) Clustering() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.cluster
}

// SetEvents replaces the events drawn, styled by their type in tax, and
// rebuilds the spatial index. Events without a valid geometry are skipped.
// The slice is not kept.
func (m *Map) SetEvents(events []annotate.Event, tax annotate.Taxonomy) {
	es := buildEvents(events, tax)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.events = es
}

// EventBound returns the lon/lat bound of event id.
func (m *Map) EventBound(id string) (orb.Bound, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	i, ok := m.events.byID[id]
	if !ok || id == "" {
		return orb.Bound{}, false
	}
	return m.events.items[i].lonlat, true
}

// EventsBound returns the lon/lat bound of all events; false when there are none.
func (m *Map) EventsBound() (orb.Bound, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.events.bound, m.events.any
}

// Render draws view v with selection sel into a new image of
// Width·Scale × Height·Scale pixels. The frame up to the plain events (base
// map, place dots, events) and the labels are cached for the last view, so
// redrawing the same view with another selection or hover only draws the
// highlights and the labels, and a view panned by whole pixels only draws
// what it exposes (base_compose.go).
func (m *Map) Render(v View, sel Selection) *image.RGBA {
	return m.RenderTo(nil, v, sel)
}

// RenderTo is Render drawing into dst when dst has the image's size (a new
// image is made otherwise), so a caller drawing many frames can reuse two
// buffers. It returns the image drawn.
func (m *Map) RenderTo(dst *image.RGBA, v View, sel Selection) *image.RGBA {
	m.mu.Lock()
	defer m.mu.Unlock()
	v = sane(v)
	t := newXform(v)
	img := dst
	if r := image.Rect(0, 0, t.w, t.h); img == nil || img.Rect != r || img.Stride != 4*t.w {
		img = image.NewRGBA(r)
	}
	m.pn.dst = img
	m.lastSel = sel
	pinned := m.pinnedSelection(v, sel.Selected)
	if m.extra.backdrop == nil && !m.eventLayerReused(img, v, t, pinned) {
		m.baseInto(img, v, t) // base_compose.go
	}
	m.prevKey = cacheKey{v: v, style: m.style, ok: true}
	m.drawBackdrop(img, v, t) // backdrop.go: no-op without a backdrop
	ov := m.overlayFor(v, t, pinned)
	m.drawEventLayer(img, v, t, ov, pinned) // eventlayer.go: cached under the highlights
	m.drawHighlights(t, sel)
	ov.drawOver(img)
	m.drawExtras(img, v, t) // backdrop.go: the sketch and the backdrop's credit
	m.pn.dst = nil
	return img
}

// sane fixes a view that cannot be drawn: no size, no scale, NaN zoom.
func sane(v View) View {
	c := v.Clamp()
	// Keep the caller's centre unless it is NaN: a view may look past the data.
	if v.Center[0] == v.Center[0] && v.Center[1] == v.Center[1] {
		c.Center = v.Center
	}
	c.Center[1] = clampf(c.Center[1], -85, 85)
	return c
}
