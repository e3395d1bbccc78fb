package render

import (
	"image"
	"image/color"

	"github.com/paulmach/orb"
)

// SketchKind is the kind of geometry a sketch is drawing.
type SketchKind int

// Kinds of sketch.
const (
	SketchPoint SketchKind = iota + 1
	SketchLine
	SketchPolygon
)

// Sketch is a geometry being drawn or edited, shown over everything else:
// its lines (a polygon filled lightly and closed back to its first vertex),
// a handle on every vertex and a thinner "rubber band" from the last vertex
// to the pointer.
type Sketch struct {
	Kind     SketchKind
	Vertices []orb.Point // lon/lat; a polygon's ring without the closing point
	// Cursor is where the pointer is; with Rubber set, a rubber band runs to
	// it from the last vertex (and, for a polygon, back to the first).
	Cursor orb.Point
	Rubber bool
	// Snapped marks Cursor with a ring: it has snapped to a place.
	Snapped bool
	// Active is the index of the vertex under the pointer or being dragged,
	// drawn larger; −1 (or out of range) for none.
	Active int
}

// SetSketch shows s over the map (nil hides it). The sketch is drawn on
// every frame, so it may change as often as the pointer moves; the Map keeps
// s, so the caller must not change it after passing it.
func (m *Map) SetSketch(s *Sketch) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.extra.sketch = s
}

// Colours of the sketch, chosen apart from the event type colours.
var (
	sketchLine   = color.NRGBA{0xD4, 0x00, 0x7A, 0xff} // magenta
	sketchCasing = color.NRGBA{0xff, 0xff, 0xff, 0xe0}
	sketchFill   = color.NRGBA{0xD4, 0x00, 0x7A, 0x38}
	sketchRubber = color.NRGBA{0xD4, 0x00, 0x7A, 0xb0}
	sketchHandle = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

// drawSketch paints the sketch, if any, onto img.
func (m *Map) drawSketch(img *image.RGBA, t xform) {
	s := m.extra.sketch
	if s == nil {
		return
	}
	pn := painter{dst: img}
	sc := float32(t.scale)
	pts := make([]vec, len(s.Vertices))
	for i, q := range s.Vertices {
		pts[i] = t.pt(toWorld(q))
	}
	cur := t.pt(toWorld(s.Cursor))
	var p path
	// The shape so far.
	if s.Kind == SketchPolygon && len(pts) >= 3 {
		p.reset()
		p.addPoly(pts...)
		pn.fill(&p, sketchFill)
	}
	line := pts
	if s.Kind == SketchPolygon && len(pts) >= 3 && !s.Rubber {
		line = append(append([]vec(nil), pts...), pts[0])
	}
	if s.Kind != SketchPoint && len(line) >= 2 {
		p.reset()
		p.stroke(line, 5*sc, joinRound, false)
		pn.fill(&p, sketchCasing)
		p.reset()
		p.stroke(line, 2.5*sc, joinRound, false)
		pn.fill(&p, sketchLine)
	}
	// The rubber band to the pointer.
	if s.Rubber && s.Kind != SketchPoint && len(pts) > 0 {
		band := []vec{pts[len(pts)-1], cur}
		if s.Kind == SketchPolygon && len(pts) >= 2 {
			band = append(band, pts[0])
		}
		p.reset()
		p.stroke(band, 3.5*sc, joinRound, false)
		pn.fill(&p, sketchCasing)
		p.reset()
		p.stroke(band, 1.5*sc, joinRound, false)
		pn.fill(&p, sketchRubber)
	}
	// Vertex handles.
	for i, q := range pts {
		r := 4 * sc
		if i == s.Active {
			r = 6 * sc
		}
		p.reset()
		p.disc(q, r+1.5*sc)
		pn.fill(&p, sketchLine)
		p.reset()
		p.disc(q, r)
		if i == s.Active {
			pn.fill(&p, sketchLine)
		} else {
			pn.fill(&p, sketchHandle)
		}
	}
	if s.Snapped {
		p.reset()
		p.addPoly(circlePts(cur, 9*sc, 0)...)
		p.addRing(circlePts(cur, 7*sc, 0), true)
		pn.fill(&p, sketchLine)
	}
}
