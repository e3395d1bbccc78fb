package mapview

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/mapview/render"
)

// TestClicksStepThroughEventsOnOneSpot codes Kunduz twice more: a click on
// the spot selects each of its three events in turn, and the tooltip says
// which one of how many the pointer is on.
func TestClicksStepThroughEventsOnOneSpot(t *testing.T) {
	m, w := newTestMap(t)
	d := time.Date(2024, 5, 15, 0, 0, 0, 0, time.UTC)
	kunduz := orb.Point{68.857, 36.729}
	evs := append(testEvents(),
		annotate.Event{ID: "talks", Type: "Diplomacy", Title: "Talks in Kunduz", Geometry: kunduz, DateStart: d, DateEnd: d},
		annotate.Event{ID: "visit", Type: "Diplomacy", Title: "Visit to Kunduz", Geometry: kunduz, DateStart: d, DateEnd: d})
	m.SetEvents(evs, annotate.DefaultTaxonomy())
	m.SetView(render.View{Center: kunduz, Zoom: 11, Width: 800, Height: 600, Scale: 1})
	var got []string
	m.OnEventTapped = func(id string) { got = append(got, id) }
	x, y := m.View().ToPixel(kunduz)
	at := fyne.NewPos(float32(x), float32(y))
	for range 4 {
		test.TapAt(m, at)
		if m.hover != m.Selected() {
			t.Errorf("after a click the tooltip tells of %q, the selection is %q", m.hover, m.Selected())
		}
	}
	if want := "visit talks kunduz visit"; strings.Join(got, " ") != want {
		t.Errorf("four clicks selected %q, want %q", got, want)
	}
	test.MoveMouse(w.Canvas(), at)
	if m.hover != "visit" {
		t.Errorf("hover %q, want the selected event", m.hover)
	}
	if note := stackNote(m.stack, m.hover); note != "1 of 3 events here · click for the next" {
		t.Errorf("tooltip note %q", note)
	}
}

// TestSteeredMapIgnoresNavigation: a map its owner steers (a presentation)
// is not moved by a drag, the wheel or a double-click, a click on a bubble
// does not zoom into it, but a click on an event is still reported.
func TestSteeredMapIgnoresNavigation(t *testing.T) {
	m, w := newTestMap(t)
	m.Steered = true
	var tapped []string
	m.OnEventTapped = func(id string) { tapped = append(tapped, id) }
	before := m.View()
	test.Drag(w.Canvas(), fyne.NewPos(400, 300), 60, 20)
	m.DragEnd()
	m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(400, 300)}, Scrolled: fyne.NewDelta(0, -40)})
	m.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(400, 300)})
	test.TapAt(m, fyne.NewPos(3, 3)) // nothing there
	if got := m.View(); got != before {
		t.Errorf("the steered map moved: %+v, was %+v", got, before)
	}
	x, y := m.View().ToPixel(orb.Point{68.857, 36.729})
	test.TapAt(m, fyne.NewPos(float32(x), float32(y)))
	if len(tapped) != 1 || tapped[0] != "kunduz" {
		t.Errorf("OnEventTapped got %q, want only the click on Kunduz", tapped)
	}
}

// TestMagnifiedSteeredMap: a steered map magnified twice has a view half
// the widget's size at twice the density (its image still fills the
// widget), and a click where an event is drawn on the widget picks it.
func TestMagnifiedSteeredMap(t *testing.T) {
	m, _ := newTestMap(t)
	plain := m.View()
	m.Steered, m.Magnify = true, 2
	v := m.View()
	if v.Width != plain.Width/2 || v.Height != plain.Height/2 || v.Scale != 2*plain.Scale {
		t.Fatalf("magnified view %dx%d at %g, want %dx%d at %g", v.Width, v.Height, v.Scale, plain.Width/2, plain.Height/2, 2*plain.Scale)
	}
	var tapped []string
	m.OnEventTapped = func(id string) { tapped = append(tapped, id) }
	x, y := v.ToPixel(orb.Point{68.857, 36.729})
	test.TapAt(m, fyne.NewPos(float32(2*x), float32(2*y)))
	if len(tapped) != 1 || tapped[0] != "kunduz" {
		t.Errorf("a click on Kunduz as drawn picked %q", tapped)
	}
	m.Steered = false // magnifying is for steered maps only
	if got := m.View(); got.Width != plain.Width || got.Scale != plain.Scale {
		t.Errorf("an unsteered map is magnified: %+v", got)
	}
}
