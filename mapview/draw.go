package mapview

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/mapview/render"
)

// Kind is the kind of geometry a drawing tool makes.
type Kind int

// Kinds of tool: None when the map is just browsing.
const (
	None Kind = iota
	Point
	Line
	Polygon
)

// String names the kind: "none", "point", "line" or "polygon".
func (k Kind) String() string {
	switch k {
	case Point:
		return "point"
	case Line:
		return "line"
	case Polygon:
		return "polygon"
	}
	return "none"
}

// snapPx is how close, in logical pixels, the pointer must come to a snap
// target or a vertex to take it.
const snapPx = 10.0

// tool is a drawing or an editing in progress.
type tool struct {
	kind     Kind
	edit     bool // editing event id's geometry rather than drawing a new one
	id       string
	pts      []orb.Point // vertices; a polygon's ring without the closing point
	holes    []orb.Ring  // an edited polygon's holes, kept as they are
	onDone   func(orb.Geometry)
	onCancel func()

	active  int           // vertex under the pointer, or −1
	drag    int           // vertex being dragged, or −1
	dragAt  fyne.Position // where the dragged vertex is, in logical pixels
	panning bool
	cursor  orb.Point
	snapped bool
}

// StartDrawing starts drawing a new geometry of kind k: each tap places a
// vertex (snapped to a place within 10 px, see SetSnapTargets); a point is
// done at the first tap, a line or polygon at a double-tap or Enter. Esc
// cancels, Backspace takes back the last vertex, dragging a vertex moves it
// and dragging elsewhere pans. onDone gets an orb.Point, an orb.LineString
// or an orb.Polygon (closed, valid for annotate.ValidateGeometry); onCancel,
// which may be nil, is called if the drawing is cancelled instead. A tool
// already in progress is cancelled first. StartDrawing(None, ...) only
// cancels.
func (m *Map) StartDrawing(k Kind, onDone func(orb.Geometry), onCancel func()) {
	m.CancelTool()
	if k != Point && k != Line && k != Polygon {
		return
	}
	m.tool = &tool{kind: k, onDone: onDone, onCancel: onCancel, active: -1, drag: -1}
	m.hover = ""
	m.updateSketch()
}

// EditGeometry edits the geometry of event id (a point, a line or a
// polygon's outer ring): drag a vertex to move it, right-click it or press
// Delete over it to remove it, Enter to finish, Esc to cancel. onDone gets
// the new geometry; onCancel, which may be nil, is called if the edit is
// cancelled. Multi-geometries cannot be edited.
func (m *Map) EditGeometry(id string, onDone func(orb.Geometry), onCancel func()) error {
	info, ok := m.infos[id]
	if !ok || info.geom == nil {
		return fmt.Errorf("edit geometry: no event %q on the map", id)
	}
	t := &tool{edit: true, id: id, onDone: onDone, onCancel: onCancel, active: -1, drag: -1}
	switch g := info.geom.(type) {
	case orb.Point:
		t.kind, t.pts = Point, []orb.Point{g}
	case orb.LineString:
		t.kind, t.pts = Line, append([]orb.Point(nil), g...)
	case orb.Polygon:
		if len(g) == 0 || len(g[0]) < 4 {
			return errors.New("edit geometry: the polygon has no ring")
		}
		t.kind, t.pts = Polygon, append([]orb.Point(nil), g[0][:len(g[0])-1]...)
		t.holes = g[1:]
	default:
		return fmt.Errorf("edit geometry: a %s cannot be edited on the map", info.geom.GeoJSONType())
	}
	m.CancelTool()
	m.tool = t
	m.hover = ""
	m.updateSketch()
	return nil
}

// Tool returns the kind of geometry being drawn or edited, None when no
// tool is active.
func (m *Map) Tool() Kind {
	if m.tool == nil {
		return None
	}
	return m.tool.kind
}

// Editing returns the id of the event whose geometry is being edited, ""
// when none is.
func (m *Map) Editing() string {
	if m.tool == nil || !m.tool.edit {
		return ""
	}
	return m.tool.id
}

// CancelTool ends the drawing or editing in progress, if any, calling its
// onCancel.
func (m *Map) CancelTool() {
	t := m.tool
	if t == nil {
		return
	}
	m.endTool()
	if t.onCancel != nil {
		t.onCancel()
	}
}

// FinishTool ends the drawing or editing in progress as Enter does: onDone
// gets the geometry. It returns an error, and the tool stays active, when
// the geometry is not complete yet (a line needs two vertices, a polygon
// three).
func (m *Map) FinishTool() error {
	t := m.tool
	if t == nil {
		return errors.New("no drawing in progress")
	}
	g, err := t.geometry()
	if err != nil {
		return err
	}
	m.endTool()
	if t.onDone != nil {
		t.onDone(g)
	}
	return nil
}

// SetSnapTargets sets the points new and moved vertices snap to when the
// pointer comes within 10 px of one: the gazetteer's places.
func (m *Map) SetSnapTargets(pts []orb.Point) {
	m.snaps = append([]orb.Point(nil), pts...)
}

// endTool clears the tool and its sketch.
func (m *Map) endTool() {
	m.tool = nil
	m.engine.SetSketch(nil)
	m.sketchVersion++
	m.Refresh()
}

// geometry is the tool's geometry, checked.
func (t *tool) geometry() (orb.Geometry, error) {
	pts := dedupe(t.pts)
	var g orb.Geometry
	switch t.kind {
	case Point:
		if len(pts) == 0 {
			return nil, errors.New("place the point first")
		}
		g = pts[0]
	case Line:
		if len(pts) < 2 {
			return nil, errors.New("a line needs two points or more")
		}
		g = orb.LineString(pts)
	case Polygon:
		if len(pts) > 1 && pts[0] == pts[len(pts)-1] {
			pts = pts[:len(pts)-1]
		}
		if len(pts) < 3 {
			return nil, errors.New("an area needs three points or more")
		}
		ring := append(orb.Ring(pts), pts[0])
		g = append(orb.Polygon{ring}, t.holes...)
	}
	if err := annotate.ValidateGeometry(g); err != nil {
		return nil, err
	}
	return g, nil
}

// dedupe drops vertices equal to the one before.
func dedupe(pts []orb.Point) []orb.Point {
	out := make([]orb.Point, 0, len(pts))
	for _, p := range pts {
		if len(out) == 0 || out[len(out)-1] != p {
			out = append(out, p)
		}
	}
	return out
}

// updateSketch hands the tool's state to the engine and redraws.
func (m *Map) updateSketch() {
	t := m.tool
	if t == nil {
		return
	}
	s := &render.Sketch{Kind: sketchKind(t.kind), Vertices: append([]orb.Point(nil), t.pts...), Active: -1}
	if t.drag >= 0 {
		s.Active = t.drag
	} else if t.active >= 0 {
		s.Active = t.active
	}
	s.Cursor, s.Snapped = t.cursor, t.snapped
	if t.drag >= 0 && t.drag < len(t.pts) {
		s.Cursor = t.pts[t.drag]
	}
	s.Rubber = !t.edit && m.mouseIn && len(t.pts) > 0 && t.kind != Point && t.drag < 0
	m.engine.SetSketch(s)
	m.sketchVersion++
	m.Refresh()
}

// sketchKind is the engine's name for k.
func sketchKind(k Kind) render.SketchKind {
	switch k {
	case Point:
		return render.SketchPoint
	case Line:
		return render.SketchLine
	}
	return render.SketchPolygon
}
