package mapview

import (
	"math"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"
)

// The input handlers in input.go hand events to these while a tool is
// active.

// snap returns the lon/lat at logical pixel pos, moved onto the nearest
// snap target within snapPx, and whether it moved.
//
// Only places the map draws at this zoom are targets: a click must not
// land on a village the user cannot see.
func (m *Map) snap(pos fyne.Position) (orb.Point, bool) {
	v := m.View()
	x, y := float64(pos.X), float64(pos.Y)
	best, bestD := orb.Point{}, snapPx*snapPx
	found := false
	var dots [][2]float64
	for _, p := range m.snaps {
		px, py := v.ToPixel(p)
		d := (px-x)*(px-x) + (py-y)*(py-y)
		if d > bestD {
			continue
		}
		if dots == nil {
			dots = m.engine.PlaceDots(v)
		}
		if !drawnAt(dots, px, py) {
			continue
		}
		best, bestD, found = p, d, true
	}
	if found {
		return best, true
	}
	return v.ToLonLat(x, y), false
}

// drawnAt reports whether one of dots lies within a pixel and a half of
// (x, y).
func drawnAt(dots [][2]float64, x, y float64) bool {
	for _, d := range dots {
		if dx, dy := d[0]-x, d[1]-y; dx*dx+dy*dy <= 2.25 {
			return true
		}
	}
	return false
}

// vertexAt returns the index of the tool's vertex nearest pos within
// snapPx, or −1.
func (m *Map) vertexAt(pos fyne.Position) int {
	if m.tool == nil {
		return -1
	}
	v := m.View()
	best, bestD := -1, snapPx*snapPx
	for i, p := range m.tool.pts {
		px, py := v.ToPixel(p)
		dx, dy := px-float64(pos.X), py-float64(pos.Y)
		if d := dx*dx + dy*dy; d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

// toolTapped places a vertex while drawing; a point is then done.
func (m *Map) toolTapped(pos fyne.Position) {
	t := m.tool
	if t.edit {
		return
	}
	p, snapped := m.snap(pos)
	t.cursor, t.snapped = p, snapped
	if t.kind == Point {
		t.pts = []orb.Point{p}
		m.FinishTool()
		return
	}
	if n := len(t.pts); n > 0 && m.samePlace(t.pts[n-1], pos) {
		return // a second click on the last vertex adds nothing
	}
	t.pts = append(t.pts, p)
	m.updateSketch()
}

// toolDoubleTapped places the last vertex (unless it is where the last one
// is) and finishes the drawing.
func (m *Map) toolDoubleTapped(pos fyne.Position) {
	t := m.tool
	if t.edit {
		return
	}
	if n := len(t.pts); t.kind == Point || n == 0 || !m.samePlace(t.pts[n-1], pos) {
		p, _ := m.snap(pos)
		if t.kind == Point {
			t.pts = nil
		}
		t.pts = append(t.pts, p)
	}
	if m.FinishTool() != nil {
		m.updateSketch() // not enough vertices yet: keep drawing
	}
}

// samePlace reports whether lon/lat p is within snapPx of pos.
func (m *Map) samePlace(p orb.Point, pos fyne.Position) bool {
	x, y := m.View().ToPixel(p)
	return math.Hypot(x-float64(pos.X), y-float64(pos.Y)) <= snapPx
}

// toolDragged moves the vertex the drag started on, or pans when it started
// elsewhere; it reports whether it handled the drag. The vertex follows the
// drag's movements from where it was, so a grab a few pixels off it does
// not make it jump.
func (m *Map) toolDragged(ev *fyne.DragEvent) bool {
	t := m.tool
	if t.drag < 0 && !t.panning {
		start := ev.Position.Subtract(fyne.NewPos(ev.Dragged.DX, ev.Dragged.DY))
		i := m.vertexAt(start)
		if i < 0 {
			i = m.vertexAt(ev.Position)
		}
		if i < 0 {
			t.panning = true
			return false
		}
		t.drag = i
		x, y := m.View().ToPixel(t.pts[i])
		t.dragAt = fyne.NewPos(float32(x), float32(y))
	}
	if t.panning {
		return false
	}
	t.dragAt = t.dragAt.Add(fyne.NewPos(ev.Dragged.DX, ev.Dragged.DY))
	t.pts[t.drag], t.snapped = m.snap(t.dragAt)
	m.mouse, m.mouseIn = ev.Position, true
	m.updateSketch()
	return true
}

// toolDragEnd ends a vertex drag; it reports whether there was one.
func (m *Map) toolDragEnd() bool {
	t := m.tool
	moved := t.drag >= 0
	t.drag, t.panning, t.snapped = -1, false, false
	if moved {
		t.active = m.vertexAt(m.mouse)
		m.updateSketch()
	}
	return moved
}

// toolMoved follows the pointer: the rubber band, the snap ring and the
// vertex under the pointer.
func (m *Map) toolMoved(pos fyne.Position) {
	t := m.tool
	t.cursor, t.snapped = m.snap(pos)
	t.active = m.vertexAt(pos)
	if t.edit {
		t.snapped = false
	}
	m.updateSketch()
}

// deleteVertex removes vertex i if the geometry keeps enough of them (two
// for a line, three for a polygon; a point's cannot be removed).
func (m *Map) deleteVertex(i int) bool {
	t := m.tool
	least := map[Kind]int{Point: 2, Line: 3, Polygon: 4}[t.kind] // vertices needed before removing one
	if i < 0 || i >= len(t.pts) || len(t.pts) < least && t.edit {
		return false
	}
	t.pts = append(t.pts[:i], t.pts[i+1:]...)
	t.active = -1
	m.updateSketch()
	return true
}

// toolSecondaryTapped deletes the vertex under the pointer.
func (m *Map) toolSecondaryTapped(pos fyne.Position) {
	m.deleteVertex(m.vertexAt(pos))
}

// toolKey handles Enter (finish), Esc (cancel), Delete (remove the vertex
// under the pointer) and Backspace (remove the last vertex while drawing,
// the one under the pointer while editing).
func (m *Map) toolKey(ev *fyne.KeyEvent) bool {
	t := m.tool
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		m.FinishTool()
	case fyne.KeyEscape:
		m.CancelTool()
	case fyne.KeyDelete:
		m.deleteVertex(t.active)
	case fyne.KeyBackspace:
		if t.edit {
			m.deleteVertex(t.active)
		} else if len(t.pts) > 0 {
			m.deleteVertex(len(t.pts) - 1)
		}
	default:
		return false
	}
	return true
}
