package render

import (
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

func TestStackAt(t *testing.T) {
	m := newTestMap(t)
	kunduz := orb.Point{68.857, 36.729}
	evs := append(sampleEvents(),
		ev("talks-kunduz", "Diplomacy", kunduz),                  // the same spot as pt-kunduz
		ev("visit-kunduz", "Diplomacy", kunduz),                  // and again
		ev("near-kunduz", "Diplomacy", orb.Point{68.87, 36.729}), // 9 px east at zoom 10
	)
	m.SetEvents(evs, annotate.DefaultTaxonomy())
	v := View{Center: kunduz, Zoom: 10, Width: 1280, Height: 800, Scale: 1} // every event drawn
	kx, ky := v.ToPixel(kunduz)
	fx, fy := v.ToPixel(orb.Point{66.0, 36.0})
	for _, c := range []struct {
		name string
		x, y float64
		want []string
	}{
		{"three events on one spot, top first", kx, ky, []string{"visit-kunduz", "talks-kunduz", "pt-kunduz"}},
		{"3 px off: the same stack", kx - 3, ky, []string{"visit-kunduz", "talks-kunduz", "pt-kunduz"}},
		{"nothing there", fx, fy, nil},
	} {
		if got := m.StackAt(v, c.x, c.y); !slices.Equal(got, c.want) {
			t.Errorf("%s: StackAt = %q, want %q", c.name, got, c.want)
		}
	}
	// The top of the stack is what HitTest picks.
	if id, _ := m.HitTest(v, kx, ky); id != "visit-kunduz" {
		t.Errorf("HitTest = %q, want the top of the stack", id)
	}
	// The event a few pixels away stands alone.
	nx, ny := v.ToPixel(orb.Point{68.87, 36.729})
	if got := m.StackAt(v, nx+2, ny); got != nil {
		t.Errorf("near-kunduz, 9 px away, stacked: %q", got)
	}
}
