package mapview

import (
	"fmt"
	"math"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/paulmach/orb"

	"eventatlas/mapview/render"
)

// Interface checks: the widget handles these inputs.
var (
	_ fyne.Draggable         = (*Map)(nil)
	_ fyne.Scrollable        = (*Map)(nil)
	_ fyne.Tappable          = (*Map)(nil)
	_ fyne.DoubleTappable    = (*Map)(nil)
	_ fyne.SecondaryTappable = (*Map)(nil)
	_ fyne.Focusable         = (*Map)(nil)
	_ desktop.Hoverable      = (*Map)(nil)
	_ desktop.Cursorable     = (*Map)(nil)
)

// restDelay is how long a drag must pause, or a burst of scrolling stop,
// before the map is drawn afresh (until then the last image is moved).
const restDelay = 120 * time.Millisecond

// Dragged pans the map with the pointer; the last image is moved until the
// drag ends or rests.
func (m *Map) Dragged(ev *fyne.DragEvent) {
	if m.Steered {
		return
	}
	if m.tool != nil && m.toolDragged(ev) {
		return
	}
	if !m.dragging && !m.KeepFocus {
		m.requestFocus() // the arrows pan after a drag, as after a click
	}
	m.dragging = true
	m.hover = ""
	m.pending = nil
	v := m.View()
	dx, dy := m.wholePixels(float64(ev.Dragged.DX), float64(ev.Dragged.DY), v.Scale)
	m.view.Center = v.Pan(-dx, -dy).Center
	m.mouse, m.mouseIn = ev.Position, true
	m.Refresh()
	m.later(func() { m.dragging = false; m.Refresh() })
}

// DragEnd draws the map at its new place.
func (m *Map) DragEnd() {
	if m.Steered {
		return
	}
	if m.tool != nil && m.toolDragEnd() {
		return
	}
	m.dragging = false
	m.panCarry = [2]float64{}
	m.stopLater()
	v := m.View()
	m.setView(v) // clamps the centre to the region
}

// wholePixels rounds a drag of (dx, dy) logical pixels to whole device
// pixels at scale, carrying the remainder to the next drag event, so the
// engine can shift its cached layers instead of drawing afresh.
func (m *Map) wholePixels(dx, dy, scale float64) (float64, float64) {
	if scale <= 0 {
		scale = 1
	}
	px := dx*scale + m.panCarry[0]
	py := dy*scale + m.panCarry[1]
	wx, wy := math.Round(px), math.Round(py)
	m.panCarry = [2]float64{px - wx, py - wy}
	return wx / scale, wy / scale
}

// Scrolled zooms around the pointer: up to zoom in, down to zoom out, by
// half a level per wheel notch and smoothly with a trackpad.
func (m *Map) Scrolled(ev *fyne.ScrollEvent) {
	if m.Steered {
		return
	}
	dy := float64(ev.Scrolled.DY)
	if dy == 0 {
		return
	}
	dy = math.Max(-100, math.Min(100, dy))
	pos := ev.Position
	if pos == (fyne.Position{}) && m.mouseIn {
		pos = m.mouse // some drivers do not say where the pointer is
	}
	v := m.View()
	v = v.ZoomAround(float64(pos.X), float64(pos.Y), math.Exp2(dy/50))
	m.pending = nil
	m.view.Center, m.view.Zoom = v.Clamp().Center, v.Clamp().Zoom
	// Preview by scaling the last image; draw afresh when scrolling stops.
	m.dragging = true
	m.hover = ""
	m.Refresh()
	m.later(m.endPreview)
	m.cursor(pos)
}

// endPreview draws the map afresh after a resting drag or a scroll burst
// and hit-tests the pointer again.
func (m *Map) endPreview() {
	m.dragging = false
	if m.mouseIn {
		x, y := m.viewPoint(m.mouse)
		m.hover, _ = m.engine.HitTest(m.View(), x, y)
	}
	m.Refresh()
}

// Tapped picks the event under the pointer, or zooms into a cluster.
func (m *Map) Tapped(ev *fyne.PointEvent) {
	if !m.KeepFocus {
		m.requestFocus()
	}
	if m.tool != nil {
		m.toolTapped(ev.Position)
		return
	}
	v := m.View()
	x, y := m.viewPoint(ev.Position)
	id, ok := m.engine.HitTest(v, x, y)
	if !ok && m.Steered {
		return // a steered map does not zoom into bubbles or lose its selection
	}
	if !ok {
		if g, isGroup := m.engine.GroupAt(v, x, y); isGroup {
			m.zoomToCluster(v, g.Bound, x, y)
			return
		}
		id = ""
	}
	// Events drawn on one spot: each click selects the next, and the
	// tooltip tells of it.
	if stack := m.engine.StackAt(v, x, y); len(stack) > 1 {
		id = nextInStack(stack, m.sel)
		m.stack, m.hover = stack, id
	}
	m.Select(id)
	if m.OnEventTapped != nil {
		m.OnEventTapped(id)
	}
}

// zoomToCluster zooms in on a cluster: to fit its events, at least two
// levels, around the tap.
func (m *Map) zoomToCluster(v render.View, b orb.Bound, x, y float64) {
	f := render.FitBound(b, v.Width, v.Height, v.Scale)
	if f.Zoom < v.Zoom+1 {
		f = v.ZoomAround(x, y, 4)
	}
	m.SetView(f)
}

// DoubleTapped zooms in one level around the pointer.
func (m *Map) DoubleTapped(ev *fyne.PointEvent) {
	if m.Steered {
		return
	}
	if m.tool != nil && !m.tool.edit {
		m.toolDoubleTapped(ev.Position)
		return
	}
	v := m.View()
	m.SetView(v.ZoomAround(float64(ev.Position.X), float64(ev.Position.Y), zoomStep))
}

// FocusGained shows the focus ring.
func (m *Map) FocusGained() { m.focused = true; m.Refresh() }

// FocusLost hides the focus ring.
func (m *Map) FocusLost() { m.focused = false; m.Refresh() }

// TypedRune handles + and − (zoom), 0 (fit the region) and Z (zoom to
// the selected event).
func (m *Map) TypedRune(r rune) {
	switch r {
	case '+', '=':
		m.ZoomIn()
	case '-', '_', '−':
		m.ZoomOut()
	case '0':
		m.FitRegion()
	case 'z', 'Z':
		m.ZoomToSelection()
	}
}

// TypedKey pans with the arrow keys.
func (m *Map) TypedKey(ev *fyne.KeyEvent) {
	if m.tool != nil && m.toolKey(ev) {
		return
	}
	dx, dy := 0.0, 0.0
	switch ev.Name {
	case fyne.KeyLeft:
		dx = -panStep
	case fyne.KeyRight:
		dx = panStep
	case fyne.KeyUp:
		dy = -panStep
	case fyne.KeyDown:
		dy = panStep
	default:
		if m.OnOtherKey != nil {
			m.OnOtherKey(ev)
		}
		return
	}
	m.SetView(m.View().Pan(dx, dy))
}

// TappedSecondary deletes the vertex under the pointer while drawing or
// editing a geometry, and otherwise reports the click (OnSecondaryTapped).
func (m *Map) TappedSecondary(ev *fyne.PointEvent) {
	if m.Steered {
		return
	}
	if m.tool != nil {
		m.toolSecondaryTapped(ev.Position)
		return
	}
	m.secondaryTapped(ev.Position)
}

// MouseIn starts hover tracking.
func (m *Map) MouseIn(ev *desktop.MouseEvent) { m.MouseMoved(ev) }

// MouseMoved reports the lon/lat under the pointer and highlights the event
// under it with a tooltip.
func (m *Map) MouseMoved(ev *desktop.MouseEvent) {
	m.mouse, m.mouseIn = ev.Position, true
	m.cursor(ev.Position)
	if m.tool != nil {
		m.toolMoved(ev.Position)
		return
	}
	if m.dragging { // the image is a preview: hit tests wait for the real one
		if m.hover != "" {
			m.hover = ""
			m.Refresh()
		}
		return
	}
	v := m.View()
	x, y := m.viewPoint(ev.Position)
	id, _ := m.engine.HitTest(v, x, y)
	m.stack = nil
	if id != "" { // only a symbol under the pointer can be one of a stack
		m.stack = m.engine.StackAt(v, x, y)
	}
	if slices.Contains(m.stack, m.sel) {
		id = m.sel // the tooltip tells of the event shown selected
	}
	var gt groupTip
	if id == "" && !m.Steered { // "Click to zoom in" is not true of a steered map
		if g, ok := m.engine.GroupAt(v, x, y); ok {
			gt = groupTip{g: g, v: v, at: ev.Position, ok: true}
		}
	}
	if id != m.hover || id != "" || gt.ok || m.groupTip.ok { // a new hover, or the tooltip follows the pointer
		m.hover, m.groupTip = id, gt
		m.Refresh()
	}
}

// groupTip is a bubble or an arrow under the pointer, for the tooltip: it
// holds while the view and the pointer stay where they were.
type groupTip struct {
	g  render.Group
	v  render.View
	at fyne.Position
	ok bool
}

// hoveredGroup returns the bubble or arrow the pointer rests on, if any.
func (m *Map) hoveredGroup() (render.Group, bool) {
	t := m.groupTip
	if !t.ok || m.hover != "" || m.tool != nil || m.dragging || !m.mouseIn || t.at != m.mouse || t.v != m.View() {
		return render.Group{}, false
	}
	return t.g, true
}

// groupText is what the tooltip says about a bubble or an arrow.
func groupText(g render.Group) (title, meta string) {
	switch {
	case g.Flow && g.Count == 1:
		title = "1 movement"
	case g.Flow:
		title = fmt.Sprintf("%d movements", g.Count)
	case g.Count == 1:
		title = "1 event"
	default:
		title = fmt.Sprintf("%d events", g.Count)
	}
	return title + typeBreakdown(g.ByType), "Click to zoom in" // grouptext.go
}

// MouseOut clears the hover highlight.
func (m *Map) MouseOut() {
	m.mouseIn = false
	if m.hover != "" {
		m.hover = ""
	}
	if m.tool != nil {
		m.updateSketch() // no rubber band outside the map
	}
	m.Refresh()
}

// Cursor is a pointing hand over an event.
func (m *Map) Cursor() desktop.Cursor {
	if m.tool != nil {
		if m.tool.active >= 0 || m.tool.drag >= 0 {
			return desktop.PointerCursor
		}
		return desktop.CrosshairCursor
	}
	if _, ok := m.hoveredGroup(); ok || m.hover != "" {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// cursor reports the lon/lat at pos.
func (m *Map) cursor(pos fyne.Position) {
	if m.OnCursor != nil {
		m.OnCursor(m.View().ToLonLat(float64(pos.X), float64(pos.Y)))
	}
}

// requestFocus focuses the map so the keyboard works after a click.
func (m *Map) requestFocus() {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(m); c != nil && c.Focused() != m {
			c.Focus(m)
		}
	}
}

// later runs f on the UI goroutine after the rest delay, replacing any f
// pending.
func (m *Map) later(f func()) {
	m.stopLater()
	m.restFn = f
	var t *time.Timer
	t = time.AfterFunc(m.restDelay, func() {
		fyne.Do(func() {
			if m.rest == t {
				m.settle()
			}
		})
	})
	m.rest = t
}

// settle runs the pending rest function now.
func (m *Map) settle() {
	f := m.restFn
	m.stopLater()
	if f != nil {
		f()
	}
}

func (m *Map) stopLater() {
	if m.rest != nil {
		m.rest.Stop()
	}
	m.rest, m.restFn = nil, nil
}

// nextInStack is the event a click on a stack selects: the one after the
// selected event, round to the top, or the top when none of them is
// selected.
func nextInStack(stack []string, selected string) string {
	if i := slices.Index(stack, selected); i >= 0 {
		return stack[(i+1)%len(stack)]
	}
	return stack[0]
}

// stackNote is what the tooltip adds for an event of a stack: its place in
// it and what a click does.
func stackNote(stack []string, id string) string {
	i := slices.Index(stack, id)
	if len(stack) < 2 || i < 0 {
		return ""
	}
	return fmt.Sprintf("%d of %d events here · click for the next", i+1, len(stack))
}
