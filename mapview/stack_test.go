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
