package mapview

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"
)

// TestFitEventsMargin: "Fit all events" keeps every event clear of the
// edges by 8 % of the shorter side plus room for a symbol, and clear of
// the attribution strip along the bottom; the fit is tight (one pair of
// edges at the margin), for a landscape and a portrait map.
func TestFitEventsMargin(t *testing.T) {
	m, w := newTestMap(t)
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 500, Height: 900}} {
		w.Resize(size)
		m.FitEvents()
		v := m.View()
		if v.Width != int(size.Width) || v.Height != int(size.Height) {
			t.Fatalf("set-up: view %dx%d, want %v", v.Width, v.Height, size)
		}
		in := eventsInsets(v.Width, v.Height)
		if want := 0.08*math.Min(float64(v.Width), float64(v.Height)) + fitSymbolRoom; in.Left != want || in.Bottom != want+fitBottomStrip {
			t.Fatalf("insets %+v, want %.1f and %.1f at the bottom", in, want, want+fitBottomStrip)
		}
		left, top, right, bottom := math.Inf(1), math.Inf(1), math.Inf(1), math.Inf(1)
		for _, p := range []orb.Point{{69.5, 36.4}, {67.11, 36.71}, {68.857, 36.729}, {68.3, 37.3}, {68.6, 38.0}, {69.5, 37.9}, {68.0, 36.3}} {
			x, y := v.ToPixel(p)
			left, top = math.Min(left, x), math.Min(top, y)
			right, bottom = math.Min(right, float64(v.Width)-x), math.Min(bottom, float64(v.Height)-y)
		}
		const eps = 0.5
		if left < in.Left-eps || top < in.Top-eps || right < in.Right-eps || bottom < in.Bottom-eps {
			t.Errorf("%v: events %.1f, %.1f, %.1f, %.1f px from the left, top, right and bottom edges; want ≥ %.1f, %.1f, %.1f, %.1f",
				size, left, top, right, bottom, in.Left, in.Top, in.Right, in.Bottom)
		}
		if math.Min(left-in.Left, top-in.Top) > eps {
			t.Errorf("%v: not tight: %.1f px to spare across, %.1f up and down", size, left-in.Left, top-in.Top)
		}
	}
}
