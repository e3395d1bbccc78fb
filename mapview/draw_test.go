package mapview

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// drawing collects what a tool hands back.
type drawing struct {
	done      []orb.Geometry
	cancelled int
}

func (d *drawing) onDone(g orb.Geometry) { d.done = append(d.done, g) }
func (d *drawing) onCancel()             { d.cancelled++ }

// lonlatAt is the lon/lat under logical pixel (x, y) of m.
func lonlatAt(m *Map, x, y float32) orb.Point {
	return m.View().ToLonLat(float64(x), float64(y))
}

func pos(x, y float32) fyne.Position { return fyne.NewPos(x, y) }

// tolerance of lon/lat comparisons: well under a pixel at the region's zoom.
const tol = 1e-6

func TestDrawLineAndPolygon(t *testing.T) {
	pts := []fyne.Position{pos(200, 200), pos(400, 220), pos(380, 400)}
	for _, c := range []struct {
		name   string
		kind   Kind
		finish func(m *Map, w fyne.Window)
		want   []fyne.Position // vertices, in order
	}{
		{"line, double-tap on the last vertex", Line, func(m *Map, w fyne.Window) {
			m.DoubleTapped(&fyne.PointEvent{Position: pos(381, 399)})
		}, pts},
		{"line, double-tap adds a vertex", Line, func(m *Map, w fyne.Window) {
			m.DoubleTapped(&fyne.PointEvent{Position: pos(250, 450)})
		}, append(append([]fyne.Position(nil), pts...), pos(250, 450))},
		{"line, Enter", Line, func(m *Map, w fyne.Window) {
			w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}, pts},
		{"polygon closes", Polygon, func(m *Map, w fyne.Window) {
			m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
		}, append(append([]fyne.Position(nil), pts...), pts[0])},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, w := newTestMap(t)
			var d drawing
			m.StartDrawing(c.kind, d.onDone, d.onCancel)
			if m.Tool() != c.kind {
				t.Fatalf("Tool() = %v, want %v", m.Tool(), c.kind)
			}
			for _, p := range pts {
				test.TapAt(m, p)
			}
			if len(d.done) != 0 {
				t.Fatal("finished before the double-tap")
			}
			c.finish(m, w)
			if len(d.done) != 1 || d.cancelled != 0 {
				t.Fatalf("onDone called %d times, onCancel %d times", len(d.done), d.cancelled)
			}
			if err := annotate.ValidateGeometry(d.done[0]); err != nil {
				t.Errorf("geometry invalid: %v", err)
			}
			var got []orb.Point
			switch g := d.done[0].(type) {
			case orb.LineString:
				got = g
			case orb.Polygon:
				got = g[0]
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %d vertices %v, want %d", len(got), got, len(c.want))
			}
			for i, p := range c.want {
				if want := lonlatAt(m, p.X, p.Y); !near(got[i], want, tol) {
					t.Errorf("vertex %d is %v, want %v", i, got[i], want)
				}
			}
			if d.done[0].GeoJSONType() != map[Kind]string{Line: "LineString", Polygon: "Polygon"}[c.kind] {
				t.Errorf("got a %s", d.done[0].GeoJSONType())
			}
			if m.Tool() != None {
				t.Errorf("tool still %v after finishing", m.Tool())
			}
		})
	}
}

func TestDrawPointAndTooFewVertices(t *testing.T) {
	m, _ := newTestMap(t)
	var d drawing
	m.StartDrawing(Point, d.onDone, d.onCancel)
	test.TapAt(m, pos(300, 300))
	if len(d.done) != 1 || !near(d.done[0].(orb.Point), lonlatAt(m, 300, 300), tol) {
		t.Fatalf("point drawing gave %v", d.done)
	}
	// A polygon of two vertices cannot finish: the tool stays.
	m.StartDrawing(Polygon, d.onDone, d.onCancel)
	test.TapAt(m, pos(100, 100))
	test.TapAt(m, pos(200, 100))
	if err := m.FinishTool(); err == nil || err.Error() != "an area needs three points or more" {
		t.Errorf("FinishTool with two vertices: %v", err)
	}
	m.DoubleTapped(&fyne.PointEvent{Position: pos(201, 101)})
	if len(d.done) != 1 || m.Tool() != Polygon {
		t.Errorf("a two-vertex polygon finished (%d done, tool %v)", len(d.done), m.Tool())
	}
	// Backspace takes back the last vertex.
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if n := len(m.tool.pts); n != 1 {
		t.Errorf("%d vertices after Backspace, want 1", n)
	}
}

func TestEscCancels(t *testing.T) {
	m, w := newTestMap(t)
	var d drawing
	m.StartDrawing(Line, d.onDone, d.onCancel)
	test.TapAt(m, pos(200, 200))
	test.TapAt(m, pos(300, 200))
	// Tapping focused the map, so keys reach it.
	f := w.Canvas().Focused()
	if f != m {
		t.Fatalf("focused %v, want the map", f)
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.cancelled != 1 || len(d.done) != 0 || m.Tool() != None {
		t.Errorf("after Esc: %d cancelled, %d done, tool %v", d.cancelled, len(d.done), m.Tool())
	}
	// Taps select events again.
	id := ""
	m.OnEventTapped = func(s string) { id = s }
	x, y := m.View().ToPixel(orb.Point{68.857, 36.729})
	test.TapAt(m, pos(float32(x), float32(y)))
	if id != "kunduz" {
		t.Errorf("tap after cancelling picked %q", id)
	}
	// Starting a tool cancels the one in progress.
	m.StartDrawing(Line, d.onDone, d.onCancel)
	m.StartDrawing(Polygon, d.onDone, d.onCancel)
	if d.cancelled != 2 || m.Tool() != Polygon {
		t.Errorf("restarting: %d cancelled, tool %v", d.cancelled, m.Tool())
	}
}

func TestSnapping(t *testing.T) {
	m, _ := newTestMap(t)
	// A place the map draws (its dot) is a target; a place it does not
	// draw at this zoom (a hidden village) is not.
	dots := m.engine.PlaceDots(m.View())
	var dot [2]float64
	for _, d := range dots {
		if d[0] > 100 && d[0] < 700 && d[1] > 100 && d[1] < 500 {
			dot = d
			break
		}
	}
	if dot == ([2]float64{}) {
		t.Fatal("the test map draws no place dot in its middle")
	}
	target := lonlatAt(m, float32(dot[0]), float32(dot[1]))
	hx, hy := float32(dot[0]), float32(dot[1]+80)
	for _, d := range dots {
		if math.Abs(d[0]-float64(hx)) < 20 && math.Abs(d[1]-float64(hy)) < 20 {
			t.Fatal("the hidden target's spot has a dot")
		}
	}
	hidden := lonlatAt(m, hx, hy)
	m.SetSnapTargets([]orb.Point{target, hidden})
	var d drawing
	m.StartDrawing(Line, d.onDone, d.onCancel)
	test.TapAt(m, pos(float32(dot[0])+6, float32(dot[1])-5)) // 7.8 px from the dot: snaps
	test.TapAt(m, pos(hx+4, hy-3))                           // 5 px from the hidden village: does not
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	l := d.done[0].(orb.LineString)
	if !near(l[0], target, tol) {
		t.Errorf("vertex near a drawn place is %v, want the place %v", l[0], target)
	}
	if !near(l[1], lonlatAt(m, hx+4, hy-3), tol) {
		t.Errorf("vertex near a place the map does not draw moved: %v", l[1])
	}
	// The pointer shows the snap ring in the sketch as it moves.
	m.StartDrawing(Line, d.onDone, d.onCancel)
	m.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos(float32(dot[0])+3, float32(dot[1])+3)}})
	if !m.tool.snapped || !near(m.tool.cursor, target, tol) {
		t.Errorf("moving near a drawn place: snapped %v at %v", m.tool.snapped, m.tool.cursor)
	}
}

func TestEditGeometry(t *testing.T) {
	m, w := newTestMap(t)
	var d drawing
	if err := m.EditGeometry("nope", d.onDone, d.onCancel); err == nil {
		t.Error("editing a missing event gave no error")
	}
	// Drag the line's middle vertex.
	if err := m.EditGeometry("move", d.onDone, d.onCancel); err != nil {
		t.Fatal(err)
	}
	if m.Tool() != Line || m.Editing() != "move" {
		t.Fatalf("Tool %v, Editing %q", m.Tool(), m.Editing())
	}
	before := m.View()
	x, y := m.View().ToPixel(orb.Point{68.0, 36.3})
	test.Drag(w.Canvas(), pos(float32(x), float32(y)), 30, -20)
	if m.View() != before {
		t.Error("dragging a vertex panned the map")
	}
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	l := d.done[0].(orb.LineString)
	want := lonlatAt(m, float32(x)+30, float32(y)-20)
	if len(l) != 3 || !near(l[1], want, tol) || l[0] != (orb.Point{69.5, 36.4}) || l[2] != (orb.Point{67.11, 36.71}) {
		t.Errorf("edited line %v, want the middle vertex at %v", l, want)
	}
	// Dragging elsewhere still pans.
	m.EditGeometry("move", d.onDone, d.onCancel)
	test.Drag(w.Canvas(), pos(700, 500), 30, 0)
	if m.View().Center == before.Center {
		t.Error("dragging off the vertices did not pan")
	}
	m.CancelTool()
	if d.cancelled != 1 {
		t.Errorf("cancel called %d times", d.cancelled)
	}
}

func TestDeleteVertex(t *testing.T) {
	m, _ := newTestMap(t)
	var d drawing
	m.EditGeometry("area", d.onDone, d.onCancel)
	ring := []orb.Point{{68.3, 37.3}, {69.3, 37.3}, {69.5, 37.9}, {68.6, 38.0}}
	// Right-click on the second vertex.
	x, y := m.View().ToPixel(ring[1])
	test.TapSecondaryAt(m, pos(float32(x)+2, float32(y)))
	// Delete over the third (now second) one.
	x, y = m.View().ToPixel(ring[2])
	m.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos(float32(x), float32(y)-3)}})
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if n := len(m.tool.pts); n != 3 {
		t.Fatalf("%d vertices left, want 3 (a polygon keeps three)", n)
	}
	// A polygon keeps three vertices.
	x, y = m.View().ToPixel(ring[0])
	test.TapSecondaryAt(m, pos(float32(x), float32(y)))
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p := d.done[0].(orb.Polygon)
	want := orb.Ring{ring[0], ring[2], ring[3], ring[0]}
	if len(p) != 1 || len(p[0]) != 4 {
		t.Fatalf("polygon %v, want ring %v", p, want)
	}
	for i := range want {
		if p[0][i] != want[i] {
			t.Errorf("ring %v, want %v", p[0], want)
			break
		}
	}
}
