package mapview

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// TestHoverGroupShowsCount: over a bubble the tooltip says how many events
// it holds, over an arrow between two bubbles how many movements, with
// their types (all Diplomacy here; see TestTypeBreakdown), both with
// a pointing hand and "Click to zoom in"; a tap on the arrow zooms in; off
// them the tooltip goes.
func TestHoverGroupShowsCount(t *testing.T) {
	m, w := newTestMap(t)
	a, b := orb.Point{68.0, 37.5}, orb.Point{69.6, 37.5}
	var events []annotate.Event
	for i := range 8 { // eight points at each town: two bubbles
		for j, p := range []orb.Point{a, b} {
			events = append(events, annotate.Event{ID: fmt.Sprintf("p%d-%d", j, i), Type: "Diplomacy", Title: "x",
				Geometry: orb.Point{p[0] + float64(i)*0.002, p[1]}})
		}
	}
	for i := range 3 { // three movements from a to b: one arrow
		events = append(events, annotate.Event{ID: fmt.Sprintf("m%d", i), Type: "Diplomacy", Title: "move",
			Geometry: orb.LineString{{a[0] + 0.003, a[1]}, {b[0] + 0.003, b[1]}}})
	}
	m.SetEvents(events, annotate.DefaultTaxonomy())
	v := m.View()
	ax, ay := v.ToPixel(orb.Point{a[0] + 0.007, a[1]})
	bx, by := v.ToPixel(orb.Point{b[0] + 0.007, b[1]})
	for _, c := range []struct {
		name        string
		x, y        float64
		title, meta string
	}{
		{"bubble", ax, ay, "", "Click to zoom in"},
		{"arrow", (ax + bx) / 2, (ay + by) / 2, "3 movements · all Diplomacy", "Click to zoom in"},
		{"nothing", (ax + bx) / 2, ay - 120, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			test.MoveMouse(w.Canvas(), fyne.NewPos(float32(c.x), float32(c.y)))
			shown := m.r.tipTitle.Visible()
			if c.meta == "" {
				if shown || m.Cursor() != desktop.DefaultCursor {
					t.Errorf("tooltip %v %q, cursor %v; want none", shown, m.r.tipTitle.Text, m.Cursor())
				}
				return
			}
			g, ok := m.engine.GroupAt(v, c.x, c.y)
			if !ok {
				t.Fatalf("nothing grouped at (%.0f, %.0f)", c.x, c.y)
			}
			want := c.title
			if want == "" {
				want = fmt.Sprintf("%d events · all Diplomacy", g.Count)
				if g.Count < 8 {
					t.Errorf("the bubble holds %d events, want at least its 8 points", g.Count)
				}
			}
			if !shown || m.r.tipTitle.Text != want || m.r.tipMeta.Text != c.meta {
				t.Errorf("tooltip %v %q / %q, want %q / %q", shown, m.r.tipTitle.Text, m.r.tipMeta.Text, want, c.meta)
			}
			if m.Cursor() != desktop.PointerCursor {
				t.Errorf("cursor %v over a %s, want the pointing hand", m.Cursor(), c.name)
			}
		})
	}
	// A view change under the still pointer takes the tooltip away.
	test.MoveMouse(w.Canvas(), fyne.NewPos(float32(ax), float32(ay)))
	m.SetView(v.Pan(3, 0))
	m.Refresh()
	if m.r.tipTitle.Visible() {
		t.Errorf("tooltip %q stays after the map moved", m.r.tipTitle.Text)
	}
	// A tap on the arrow zooms in.
	m.SetView(v)
	test.TapAt(m, fyne.NewPos(float32((ax+bx)/2), float32((ay+by)/2)))
	if m.View().Zoom <= v.Zoom {
		t.Errorf("zoom %g after tapping the arrow at zoom %g", m.View().Zoom, v.Zoom)
	}
}

// TestSteeredMapShowsNoTooltip: a presentation's map shows no tooltip by
// the pointer, which the room would see on the projected slide.
func TestSteeredMapShowsNoTooltip(t *testing.T) {
	m, w := newTestMap(t)
	p := orb.Point{68.78, 38.54}
	m.SetEvents([]annotate.Event{{ID: "e", Type: "Diplomacy", Title: "Talks", Geometry: p}}, annotate.DefaultTaxonomy())
	x, y := m.View().ToPixel(p)
	test.MoveMouse(w.Canvas(), fyne.NewPos(float32(x), float32(y)))
	if !m.r.tipTitle.Visible() || m.r.tipTitle.Text != "Talks" {
		t.Fatalf("a desktop map shows tooltip %v %q over its event", m.r.tipTitle.Visible(), m.r.tipTitle.Text)
	}
	m.Steered = true
	test.MoveMouse(w.Canvas(), fyne.NewPos(float32(x)+1, float32(y)))
	if m.r.tipTitle.Visible() {
		t.Errorf("a steered map shows tooltip %q", m.r.tipTitle.Text)
	}
}
