package mapview

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/mapview/render"
)

// Map is the map widget: base map, events, labels, scale bar. Drag to pan,
// scroll to zoom around the pointer, double-tap to zoom in, tap to pick an
// event; when focused, + and − zoom, the arrow keys pan and 0 fits the
// region.
type Map struct {
	widget.BaseWidget

	// OnEventTapped is called with the id of the event tapped, or "" when
	// the tap hit no event.
	OnEventTapped func(id string)
	// OnCursor is called with the lon/lat under the pointer as it moves.
	OnCursor func(lonlat orb.Point)
	// KeepFocus leaves the keyboard focus where it is when the map is
	// tapped (a presentation steers the map with its own keys); by default
	// a tap focuses the map so + − 0 Z and the arrows work.
	KeepFocus bool
	// Steered makes the map its owner's to move (a presentation moves it
	// from slide to slide): drags, the wheel and double-clicks do nothing,
	// a click on a bubble or an empty spot neither zooms nor clears the
	// selection, and bubbles have no tooltip; a click on an event is still
	// reported (OnEventTapped).
	Steered bool
	// Magnify draws a Steered map's labels, symbols and lines this many
	// times their screen size, for a room watching a projector; 0 or 1
	// draws them at the screen's size. Only a Steered map is magnified (its
	// owner moves it; the pointer only picks events).
	Magnify float64
	// OnSecondaryTapped is called on a right-click that is not editing a
	// geometry, with the lon/lat clicked and the id of the event there (""
	// for none); see secondary.go.
	OnSecondaryTapped func(lonlat orb.Point, eventID string)
	// OnOtherKey is called with the keys the map has no use for while it
	// has the keyboard (F1, F11…), so that the window can act on them.
	OnOtherKey func(ev *fyne.KeyEvent)

	engine   *render.Map
	view     render.View         // centre and zoom; the size follows the widget
	pending  func(w, h int) bool // a fit to keep on resizing, until the user moves the map
	panCarry [2]float64          // the part of a drag below one device pixel, carried to the next drag event
	sel      string
	hover    string
	stack    []string // the events drawn on the spot under the pointer, when more than one (input.go)
	groupTip groupTip // the bubble or arrow under the pointer (input.go)
	infos    map[string]eventInfo
	version  int // counts SetEvents calls, to know when to redraw

	focused   bool
	mouse     fyne.Position
	mouseIn   bool
	dragging  bool
	rest      *time.Timer // redraws when a drag rests or a scroll burst ends
	restFn    func()
	restDelay time.Duration
	r         *mapRenderer

	tool          *tool       // drawing or editing in progress (draw.go)
	snaps         []orb.Point // snap targets
	sketchVersion int         // counts sketch changes, to know when to redraw
	tiles         tileLayer   // optional online tiles (tiles.go)
}

// eventInfo is what the hover tooltip says about an event.
type eventInfo struct {
	title, date, typ string
	geom             orb.Geometry // for EditGeometry
}

// Zoom step of ZoomIn and ZoomOut and the keyboard's pan step.
const (
	zoomStep = 2.0
	panStep  = 80.0
)

// New returns a map widget drawing with engine, showing the region.
func New(engine *render.Map) *Map {
	m := &Map{engine: engine, infos: map[string]eventInfo{}, restDelay: restDelay}
	m.view = render.FitBound(render.RegionBound(), 800, 600, 1)
	m.pending = m.fitRegion
	m.ExtendBaseWidget(m)
	return m
}

// size is the widget's size in whole logical pixels.
func (m *Map) size() (int, int) {
	s := m.Size()
	k := m.magnify()
	return int(math.Round(float64(s.Width) / k)), int(math.Round(float64(s.Height) / k))
}

// magnify is how many times its screen size the map draws everything
// (Magnify, for a Steered map), at least 1. The view is then that many
// times smaller in logical pixels and its pixel density that many times
// higher, so the image still fills the widget.
func (m *Map) magnify() float64 {
	if m.Steered && m.Magnify > 1 {
		return m.Magnify
	}
	return 1
}

// viewPoint is widget position p in the view's logical pixels.
func (m *Map) viewPoint(p fyne.Position) (float64, float64) {
	k := m.magnify()
	return float64(p.X) / k, float64(p.Y) / k
}

// scale is the canvas's pixel density, times magnify.
func (m *Map) scale() float64 {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(m); c != nil && c.Scale() > 0 {
			return float64(c.Scale()) * m.magnify()
		}
	}
	return m.magnify()
}

// View returns the view shown: centre, zoom, widget size and pixel density.
func (m *Map) View() render.View {
	v := m.view
	v.Width, v.Height = m.size()
	v.Scale = m.scale()
	return v
}

// SetView shows v's centre and zoom (its size is the widget's).
func (m *Map) SetView(v render.View) {
	m.pending = nil
	m.setView(v)
}

// setView stores a view, clamped, and redraws.
func (m *Map) setView(v render.View) {
	w, h := m.size()
	v.Width, v.Height, v.Scale = max(w, 1), max(h, 1), m.scale()
	v = v.Clamp()
	if v.Center != m.view.Center || v.Zoom != m.view.Zoom {
		// The map moved under the pointer: the tooltip waits for it to move.
		m.hover = ""
	}
	m.view.Center, m.view.Zoom = v.Center, v.Zoom
	m.Refresh()
}

// SetEvents shows events, styled by their type in tax.
func (m *Map) SetEvents(events []annotate.Event, tax annotate.Taxonomy) {
	m.engine.SetEvents(events, tax)
	m.infos = make(map[string]eventInfo, len(events))
	for i := range events {
		e := &events[i]
		date := ""
		if !e.DateStart.IsZero() {
			date = e.DateLabel()
		}
		m.infos[e.ID] = eventInfo{title: e.Title, date: date, typ: e.Type, geom: e.Geometry}
	}
	if _, ok := m.infos[m.hover]; !ok {
		m.hover = ""
	}
	m.version++
	m.Refresh()
}

// Select highlights event id ("" for none).
func (m *Map) Select(id string) {
	if id == m.sel {
		return
	}
	m.sel = id
	m.Refresh()
}

// Selected returns the id of the highlighted event, "" when none.
func (m *Map) Selected() string { return m.sel }

// CenterOn brings event id into view: a point or line that is off-screen
// (or close to the edge) is panned to the centre; an area, or a line, that
// does not fit is zoomed to fit. Nothing moves when it is already in view.
func (m *Map) CenterOn(id string) {
	b, ok := m.engine.EventBound(id)
	if !ok {
		return
	}
	v := m.View()
	// Clear of the edges, and of the scale bar and the attribution along
	// the bottom, with room for the symbol and its label.
	const margin, bottom = 48.0, 64.0
	x0, y0 := v.ToPixel(orb.Point{b.Min[0], b.Max[1]})
	x1, y1 := v.ToPixel(orb.Point{b.Max[0], b.Min[1]})
	inside := x0 >= margin && y0 >= margin && x1 <= float64(v.Width)-margin && y1 <= float64(v.Height)-bottom
	if inside {
		return
	}
	if x1-x0 > float64(v.Width)-2*margin || y1-y0 > float64(v.Height)-margin-bottom {
		f := render.FitBound(b, v.Width, v.Height, v.Scale)
		f.Zoom = math.Min(f.Zoom, math.Max(v.Zoom, 11))
		m.SetView(f)
		return
	}
	v.Center = b.Center()
	m.SetView(v)
}

// ZoomIn zooms in one level around the centre.
func (m *Map) ZoomIn() { m.zoomAtCentre(zoomStep) }

// ZoomOut zooms out one level around the centre.
func (m *Map) ZoomOut() { m.zoomAtCentre(1 / zoomStep) }

func (m *Map) zoomAtCentre(f float64) {
	v := m.View()
	m.SetView(v.ZoomAround(float64(v.Width)/2, float64(v.Height)/2, f))
}

// FitRegion shows the region: Dushanbe, Khatlon, Kunduz, Balkh. The fit
// is kept when the widget is resized, until the user moves the map.
func (m *Map) FitRegion() {
	m.pending = m.fitRegion
	m.fitRegion(m.size())
}

// FitEvents shows all events, or the region when there are none; like
// FitRegion the fit is kept on resizing until the user moves the map.
func (m *Map) FitEvents() {
	m.pending = m.fitEvents
	m.fitEvents(m.size())
}

func (m *Map) fitRegion(w, h int) bool { return m.fit(render.RegionBound(), w, h) }

func (m *Map) fitEvents(w, h int) bool {
	b, ok := m.engine.EventsBound()
	if !ok {
		b = render.RegionBound()
	}
	return m.fitInset(b, w, h, eventsInsets(w, h)) // fit.go: with a margin
}

// fit shows b if the widget has a size; false when it has none yet.
func (m *Map) fit(b orb.Bound, w, h int) bool {
	if w < 2 || h < 2 {
		return false
	}
	m.setView(render.FitBound(b, w, h, m.scale()))
	return true
}

// CreateRenderer implements fyne.Widget.
func (m *Map) CreateRenderer() fyne.WidgetRenderer {
	m.ExtendBaseWidget(m)
	r := newMapRenderer(m)
	m.r = r
	return r
}

// MinSize keeps the map usable.
func (m *Map) MinSize() fyne.Size {
	m.ExtendBaseWidget(m)
	return fyne.NewSize(160, 120)
}

// SetLegend shows (the default) or hides the legend of event types in the
// bottom-left corner.
func (m *Map) SetLegend(on bool) {
	if m.engine.Legend() == on {
		return
	}
	m.engine.SetLegend(on)
	m.version++
	m.Refresh()
}

// Legend reports whether the legend is shown.
func (m *Map) Legend() bool { return m.engine.Legend() }

// SetReserved names areas of the map, in the view's logical pixels, that
// something laid over it covers (a caption card): labels keep clear of
// them (render.Map.SetReserved), and the map is drawn again.
func (m *Map) SetReserved(rs ...render.Rect) {
	m.engine.SetReserved(rs...)
	m.version++
	m.Refresh()
}

// SetGrouping groups dense events at low zoom (the default: bubbles with a
// count, arrows between them for movements) or draws every event on its own.
func (m *Map) SetGrouping(on bool) {
	if m.engine.Clustering() == on {
		return
	}
	m.engine.SetClustering(on)
	m.version++
	m.Refresh()
}

// Grouping reports whether dense events are grouped.
func (m *Map) Grouping() bool { return m.engine.Clustering() }

// Zoom limits of ZoomToSelection.
const (
	selectionMargin  = 24   // logical pixels kept clear around the event, besides FitBound's own margin
	selectionMaxZoom = 12.0 // a point, or a small event, is shown at this zoom
)

// ZoomToSelection fits the selected event in view with a margin, zooming
// in no further than zoom 12 (so a point is shown at zoom 12 with its
// surroundings). Nothing happens when no event is selected.
func (m *Map) ZoomToSelection() {
	if v, ok := m.ViewOf(m.sel, selectionMaxZoom); ok {
		m.SetView(v)
	}
}

// ViewOf returns the view that shows event id whole, with a margin, at the
// map's current size, zoomed in no further than maxZoom; ok is false when
// the map has no such event.
func (m *Map) ViewOf(id string, maxZoom float64) (v render.View, ok bool) {
	b, ok := m.engine.EventBound(id)
	if !ok {
		return render.View{}, false
	}
	v = m.View()
	w, h := v.Width-2*selectionMargin, v.Height-2*selectionMargin
	f := render.FitBound(b, max(w, 16), max(h, 16), v.Scale)
	v.Center = f.Center
	v.Zoom = math.Min(f.Zoom, maxZoom)
	return v, true
}

// ShowPoint centres the map on pt, zooming in to zoom 10 if it is further
// out (a town with its neighbours).
func (m *Map) ShowPoint(pt orb.Point) {
	v := m.View()
	v.Center = pt
	v.Zoom = math.Max(v.Zoom, 10)
	m.SetView(v)
}
