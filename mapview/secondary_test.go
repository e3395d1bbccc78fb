package mapview

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"
)

func TestSecondaryTapped(t *testing.T) {
	m, _ := newTestMap(t)
	v := m.View()
	kx, ky := v.ToPixel(orb.Point{68.857, 36.729}) // the "kunduz" event
	tests := []struct {
		name   string
		x, y   float32
		wantID string
	}{
		{"top left", 1, 1, ""},
		{"centre, in the area event", 400, 300, "area"},
		{"bottom right", 799, 599, ""},
		{"on an event", float32(math.Round(kx)), float32(math.Round(ky)), "kunduz"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got orb.Point
			gotID, calls := "?", 0
			m.OnSecondaryTapped = func(ll orb.Point, id string) { got, gotID, calls = ll, id, calls+1 }
			test.TapSecondaryAt(m, fyne.NewPos(tc.x, tc.y))
			if calls != 1 {
				t.Fatalf("OnSecondaryTapped called %d times, want 1", calls)
			}
			want := v.ToLonLat(float64(tc.x), float64(tc.y))
			if !near(got, want, 1e-6) {
				t.Errorf("right-click at (%v,%v) gave %v, want %v", tc.x, tc.y, got, want)
			}
			if px, py := v.ToPixel(got); math.Abs(px-float64(tc.x)) > 1e-6 || math.Abs(py-float64(tc.y)) > 1e-6 {
				t.Errorf("the lon/lat given is at pixel (%v,%v), not (%v,%v)", px, py, tc.x, tc.y)
			}
			if gotID != tc.wantID {
				t.Errorf("event id = %q, want %q", gotID, tc.wantID)
			}
			if here := m.PlaceHere(); !near(here, want, 1e-6) {
				t.Errorf("PlaceHere after the right-click = %v, want %v", here, want)
			}
		})
	}
}

func TestSecondaryTappedWhileDrawing(t *testing.T) {
	m, _ := newTestMap(t)
	calls := 0
	m.OnSecondaryTapped = func(orb.Point, string) { calls++ }
	m.StartDrawing(Point, nil, nil)
	test.TapSecondaryAt(m, fyne.NewPos(400, 300))
	if calls != 0 {
		t.Errorf("OnSecondaryTapped called %d times while drawing, want 0", calls)
	}
}

func TestPlaceHere(t *testing.T) {
	m, _ := newTestMap(t)
	if got, c := m.PlaceHere(), m.View().Center; !near(got, c, 1e-9) {
		t.Errorf("PlaceHere before the pointer came = %v, want the centre %v", got, c)
	}
	m.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(100, 200)}})
	m.MouseOut() // the pointer goes to the menu bar
	if got, want := m.PlaceHere(), m.View().ToLonLat(100, 200); !near(got, want, 1e-6) {
		t.Errorf("PlaceHere after the pointer left at (100,200) = %v, want %v", got, want)
	}
	m.Resize(fyne.NewSize(50, 50)) // the last position is now outside the map
	if got, c := m.PlaceHere(), m.View().Center; !near(got, c, 1e-9) {
		t.Errorf("PlaceHere with the pointer outside = %v, want the centre %v", got, c)
	}
}

func BenchmarkSecondaryTapped(b *testing.B) {
	m, _ := newTestMap(&testing.T{})
	m.OnSecondaryTapped = func(orb.Point, string) {}
	ev := &fyne.PointEvent{Position: fyne.NewPos(300, 200)}
	for b.Loop() {
		m.TappedSecondary(ev)
	}
}
