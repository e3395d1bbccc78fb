package mapview

import (
	"bytes"
	"image/png"
	"math"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/assets"
	"eventatlas/mapview/render"
)

// The engine is built once: building it projects the whole base map.
var (
	engineOnce   sync.Once
	sharedEngine *render.Map
	engineErr    error
)

// newTestMap returns a map widget of 800x600 in a test window, with the
// sample events, and its window.
func newTestMap(t *testing.T) (*Map, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	engineOnce.Do(func() {
		bm, err := assets.LoadBaseMap()
		if err == nil {
			sharedEngine, err = render.NewMap(bm, nil)
		}
		engineErr = err
	})
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	m := New(sharedEngine)
	t.Cleanup(func() { // the engine is shared: no sketch or tiles left behind
		m.SetTiles(nil)
		sharedEngine.SetSketch(nil)
	})
	m.restDelay = time.Hour // tests settle previews themselves
	m.SetEvents(testEvents(), annotate.DefaultTaxonomy())
	w := test.NewTempWindow(t, m)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	return m, w
}

func testEvents() []annotate.Event {
	d := time.Date(2024, 5, 14, 0, 0, 0, 0, time.UTC)
	mk := func(id, typ, title string, g orb.Geometry) annotate.Event {
		return annotate.Event{ID: id, Type: typ, Title: title, Geometry: g, DateStart: d, DateEnd: d}
	}
	return []annotate.Event{
		mk("kunduz", "Diplomacy", "Tajik delegation visits Kunduz", orb.Point{68.857, 36.729}),
		mk("area", "Security cooperation", "Joint patrols in Khatlon", orb.Polygon{{{68.3, 37.3}, {69.3, 37.3}, {69.5, 37.9}, {68.6, 38.0}, {68.3, 37.3}}}),
		mk("move", "Trade and economy", "Convoy to Mazar", orb.LineString{{69.5, 36.4}, {68.0, 36.3}, {67.11, 36.71}}),
	}
}

func near(a, b orb.Point, tol float64) bool {
	return math.Abs(a[0]-b[0]) <= tol && math.Abs(a[1]-b[1]) <= tol
}

func TestFirstViewShowsRegion(t *testing.T) {
	m, _ := newTestMap(t)
	v := m.View()
	if v.Width != 800 || v.Height != 600 {
		t.Fatalf("view size %dx%d, want 800x600", v.Width, v.Height)
	}
	want := render.FitBound(render.RegionBound(), 800, 600, 1)
	if math.Abs(v.Zoom-want.Zoom) > 1e-9 || !near(v.Center, want.Center, 1e-9) {
		t.Errorf("first view %+v, want %+v", v, want)
	}
}

func TestDragPans(t *testing.T) {
	m, w := newTestMap(t)
	before := m.View()
	test.Drag(w.Canvas(), fyne.NewPos(400, 300), 50, -30)
	after := m.View()
	// The content followed the pointer: what was at (400, 300) is now at (450, 270).
	want := before.Pan(-50, 30).Center
	if !near(after.Center, want, 1e-9) {
		t.Errorf("centre %v, want %v", after.Center, want)
	}
	x, y := after.ToPixel(before.ToLonLat(400, 300))
	if math.Abs(x-450) > 1e-6 || math.Abs(y-270) > 1e-6 {
		t.Errorf("the point under the pointer moved to (%g, %g), want (450, 270)", x, y)
	}
	if after.Zoom != before.Zoom {
		t.Errorf("zoom changed from %g to %g", before.Zoom, after.Zoom)
	}
	if m.dragging {
		t.Error("still dragging after DragEnd")
	}
}

func TestScrollZoomsAroundPointer(t *testing.T) {
	m, w := newTestMap(t)
	for _, c := range []struct {
		x, y, dy float32
	}{{200, 150, 25}, {700, 500, -25}, {400, 300, 3.5}, {100, 500, 100}} {
		before := m.View()
		under := before.ToLonLat(float64(c.x), float64(c.y))
		m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(c.x, c.y)}, Scrolled: fyne.NewDelta(0, c.dy)})
		m.settle()
		after := m.View()
		if got := after.ToLonLat(float64(c.x), float64(c.y)); !near(got, under, 1e-7) {
			t.Errorf("scroll %g at (%g, %g): %v is now under the pointer, was %v", c.dy, c.x, c.y, got, under)
		}
		if want := before.Zoom + float64(c.dy)/50; math.Abs(after.Zoom-want) > 1e-9 {
			t.Errorf("scroll %g: zoom %g, want %g", c.dy, after.Zoom, want)
		}
	}
	// test.Scroll gives no position: the pointer's last position is used.
	test.MoveMouse(w.Canvas(), fyne.NewPos(300, 200))
	before := m.View()
	under := before.ToLonLat(300, 200)
	test.Scroll(w.Canvas(), fyne.NewPos(300, 200), 0, -25)
	m.settle()
	if got := m.View().ToLonLat(300, 200); !near(got, under, 1e-7) {
		t.Errorf("test.Scroll: %v under the pointer, was %v", got, under)
	}
	if m.dragging {
		t.Error("preview not settled")
	}
}

func TestTapSelectsEvent(t *testing.T) {
	m, _ := newTestMap(t)
	var got []string
	m.OnEventTapped = func(id string) { got = append(got, id) }
	v := m.View()
	kx, ky := v.ToPixel(orb.Point{68.857, 36.729})
	lx, ly := v.ToPixel(orb.Point{68.0, 36.3})
	ax, ay := v.ToPixel(orb.Point{69.0, 37.5})
	ex, ey := v.ToPixel(orb.Point{70.6, 38.9})
	for _, c := range []struct {
		x, y float64
		want string
	}{
		{kx + 3, ky - 2, "kunduz"},
		{lx, ly + 2, "move"},
		{ax, ay, "area"},
		{ex, ey, ""},
	} {
		got = nil
		test.TapAt(m, fyne.NewPos(float32(c.x), float32(c.y)))
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("tap at (%.0f, %.0f): OnEventTapped(%q), want %q", c.x, c.y, got, c.want)
		}
		if m.Selected() != c.want {
			t.Errorf("selected %q, want %q", m.Selected(), c.want)
		}
	}
}

func TestKeyboard(t *testing.T) {
	m, w := newTestMap(t)
	w.Canvas().Focus(m)
	if !m.focused {
		t.Fatal("the map did not take the focus")
	}
	z := m.View().Zoom
	test.Type(m, "+")
	if got := m.View().Zoom; math.Abs(got-(z+1)) > 1e-9 {
		t.Errorf("+: zoom %g, want %g", got, z+1)
	}
	test.Type(m, "-")
	test.Type(m, "-")
	if got := m.View().Zoom; math.Abs(got-(z-1)) > 1e-9 {
		t.Errorf("- -: zoom %g, want %g", got, z-1)
	}
	before := m.View()
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if want := before.Pan(panStep, 0).Center; !near(m.View().Center, want, 1e-9) {
		t.Errorf("right arrow: centre %v, want %v", m.View().Center, want)
	}
	test.Type(m, "0")
	want := render.FitBound(render.RegionBound(), 800, 600, 1)
	if v := m.View(); math.Abs(v.Zoom-want.Zoom) > 1e-9 || !near(v.Center, want.Center, 1e-9) {
		t.Errorf("0: view %+v, want the region %+v", v, want)
	}
}

func TestDragFocusesTheMapAndOtherKeysPassOn(t *testing.T) {
	m, w := newTestMap(t)
	w.Canvas().Unfocus()
	test.Drag(w.Canvas(), fyne.NewPos(400, 300), 30, 10)
	m.DragEnd()
	if w.Canvas().Focused() != m {
		t.Fatal("a drag did not give the map the keyboard: the arrows would not pan")
	}
	var other []fyne.KeyName
	m.OnOtherKey = func(ev *fyne.KeyEvent) { other = append(other, ev.Name) }
	before := m.View()
	for _, k := range []fyne.KeyName{fyne.KeyF11, fyne.KeyLeft, fyne.KeyF1} {
		m.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if len(other) != 2 || other[0] != fyne.KeyF11 || other[1] != fyne.KeyF1 {
		t.Errorf("OnOtherKey got %v, want [F11 F1] (the arrow pans the map)", other)
	}
	if m.View().Center == before.Center {
		t.Error("Left did not pan the map")
	}
}

func TestDoubleTapZoomsIn(t *testing.T) {
	m, _ := newTestMap(t)
	before := m.View()
	under := before.ToLonLat(600, 150)
	m.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(600, 150)})
	after := m.View()
	if math.Abs(after.Zoom-(before.Zoom+1)) > 1e-9 || !near(after.ToLonLat(600, 150), under, 1e-7) {
		t.Errorf("double tap: zoom %g (was %g), %v under the pointer (was %v)", after.Zoom, before.Zoom, after.ToLonLat(600, 150), under)
	}
}

func TestHoverShowsTooltipAndCursor(t *testing.T) {
	m, w := newTestMap(t)
	var cursor orb.Point
	m.OnCursor = func(p orb.Point) { cursor = p }
	v := m.View()
	kx, ky := v.ToPixel(orb.Point{68.857, 36.729})
	test.MoveMouse(w.Canvas(), fyne.NewPos(float32(kx), float32(ky)))
	if m.hover != "kunduz" {
		t.Fatalf("hover %q, want kunduz", m.hover)
	}
	if !near(cursor, orb.Point{68.857, 36.729}, 0.01) {
		t.Errorf("OnCursor %v", cursor)
	}
	if !m.r.tipTitle.Visible() || m.r.tipTitle.Text != "Tajik delegation visits Kunduz" || m.r.tipMeta.Text != "14 May 2024 · Diplomacy" {
		t.Errorf("tooltip %v %q / %q", m.r.tipTitle.Visible(), m.r.tipTitle.Text, m.r.tipMeta.Text)
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(5, 5))
	if m.hover != "" || m.r.tipTitle.Visible() {
		t.Errorf("after moving off: hover %q, tooltip shown %v", m.hover, m.r.tipTitle.Visible())
	}
}

func TestCenterOn(t *testing.T) {
	m, _ := newTestMap(t)
	// Already in view: nothing moves.
	before := m.View()
	m.CenterOn("kunduz")
	if m.View() != before {
		t.Errorf("CenterOn moved a visible event's view: %+v", m.View())
	}
	// Off-screen point: panned to the centre.
	far := before
	far.Center, far.Zoom = orb.Point{64, 40}, 10
	m.SetView(far)
	m.CenterOn("kunduz")
	if v := m.View(); !near(v.Center, orb.Point{68.857, 36.729}, 1e-9) || v.Zoom != 10 {
		t.Errorf("CenterOn point: %+v", v)
	}
	// An area larger than the view is fitted.
	m.CenterOn("area")
	v := m.View()
	vb := v.Bound()
	if !vb.Contains(orb.Point{68.3, 37.3}) || !vb.Contains(orb.Point{69.5, 38.0}) {
		t.Errorf("CenterOn area: view %v does not show the area", vb)
	}
	m.CenterOn("no such event")
	if m.View() != v {
		t.Error("CenterOn an unknown id moved the map")
	}
	// A point in view but down by the attribution strip is brought up.
	low := v
	low.Zoom, low.Center = 10, orb.Point{68.857, 36.729}
	low.Center = low.Pan(0, -float64(low.Height)/2+40).Center // Kunduz 40 px above the bottom
	m.SetView(low)
	if _, y := m.View().ToPixel(orb.Point{68.857, 36.729}); y < float64(low.Height)-60 || y > float64(low.Height) {
		t.Fatalf("set-up: Kunduz at y %.0f of %d", y, low.Height)
	}
	m.CenterOn("kunduz")
	if !near(m.View().Center, orb.Point{68.857, 36.729}, 1e-9) {
		t.Errorf("CenterOn left a point under the attribution strip: centre %v", m.View().Center)
	}
}

func TestFitEventsAndZoomButtons(t *testing.T) {
	m, _ := newTestMap(t)
	m.FitEvents()
	vb := m.View().Bound()
	for _, p := range []orb.Point{{69.5, 36.4}, {67.11, 36.71}, {69.5, 38.0}} {
		if !vb.Contains(p) {
			t.Errorf("FitEvents: %v not in %v", p, vb)
		}
	}
	z := m.View().Zoom
	m.ZoomIn()
	m.ZoomOut()
	m.ZoomOut()
	if got := m.View().Zoom; math.Abs(got-(z-1)) > 1e-9 {
		t.Errorf("zoom %g, want %g", got, z-1)
	}
}

func TestExportPNG(t *testing.T) {
	m, _ := newTestMap(t)
	var buf bytes.Buffer
	if err := m.ExportPNG(&buf, 2); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != 1600 || s.Y != 1200 {
		t.Errorf("exported %v, want 1600x1200", s)
	}
	if err := m.ExportPNG(&buf, 0); err == nil {
		t.Error("scale 0 accepted")
	}
}

func TestThemeSelectsStyle(t *testing.T) {
	m, w := newTestMap(t)
	fyne.CurrentApp().Settings().SetTheme(theme.LightTheme())
	m.Refresh()
	if got := m.engine.Style().Name; got != "light" {
		t.Errorf("style %q under the light theme", got)
	}
	fyne.CurrentApp().Settings().SetTheme(theme.DarkTheme())
	m.Refresh()
	if got := m.engine.Style().Name; got != "dark" {
		t.Errorf("style %q under the dark theme", got)
	}
	// The image shown is the engine's: its top-left pixel is the dark background or land.
	c := w.Canvas().Capture()
	r, g, b, _ := c.At(400, 300).RGBA()
	if (r+g+b)/3 > 0x8000 {
		t.Errorf("captured centre pixel is light under the dark theme: %v", c.At(400, 300))
	}
}

func TestTapClusterZoomsIn(t *testing.T) {
	m, _ := newTestMap(t)
	var events []annotate.Event
	for i := range 8 {
		events = append(events, annotate.Event{ID: string(rune('a' + i)), Type: "Diplomacy", Title: "x", Geometry: orb.Point{69.9 + float64(i)*0.002, 37.0}})
	}
	m.SetEvents(events, annotate.DefaultTaxonomy())
	called := false
	m.OnEventTapped = func(string) { called = true }
	v := m.View()
	x, y := v.ToPixel(orb.Point{69.907, 37.0})
	test.TapAt(m, fyne.NewPos(float32(x), float32(y)))
	if called {
		t.Error("tapping a cluster called OnEventTapped")
	}
	if m.View().Zoom < v.Zoom+1 {
		t.Errorf("zoom %g after tapping a cluster at zoom %g", m.View().Zoom, v.Zoom)
	}
}

// TestTooltipLeavesWhenMapMoves: a view change under a still pointer (keys,
// a presentation's flight) takes the tooltip away; moving the pointer brings
// back the tooltip of whatever is under it now.
func TestTooltipLeavesWhenMapMoves(t *testing.T) {
	m, w := newTestMap(t)
	v := m.View()
	kx, ky := v.ToPixel(orb.Point{68.857, 36.729})
	pos := fyne.NewPos(float32(kx), float32(ky))
	test.MoveMouse(w.Canvas(), pos)
	if m.hover != "kunduz" {
		t.Fatalf("hover %q, want kunduz", m.hover)
	}
	m.SetView(v.Pan(300, 0))
	if m.hover != "" || m.r.tipTitle.Visible() {
		t.Errorf("after the map moved: hover %q, tooltip shown %v", m.hover, m.r.tipTitle.Visible())
	}
	m.SetView(v)
	test.MoveMouse(w.Canvas(), pos.AddXY(1, 0))
	if m.hover != "kunduz" {
		t.Errorf("pointer moved back over Kunduz: hover %q", m.hover)
	}
}
