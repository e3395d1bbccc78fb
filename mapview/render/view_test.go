package render

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func TestProjectRoundTrip(t *testing.T) {
	views := []View{
		{Center: orb.Point{68.5, 37.5}, Zoom: 8, Width: 1280, Height: 800, Scale: 1},
		{Center: orb.Point{68.5, 37.5}, Zoom: 5.3, Width: 700, Height: 700, Scale: 2},
		{Center: orb.Point{69.17, 34.53}, Zoom: 13.7, Width: 333, Height: 211, Scale: 1.5},
	}
	points := []orb.Point{{68.78, 38.54}, {68.86, 36.73}, {67.11, 36.71}, {60, 29}, {76, 42}, {0, 0}}
	for _, v := range views {
		for _, p := range points {
			x, y := v.ToPixel(p)
			q := v.ToLonLat(x, y)
			if math.Abs(q[0]-p[0]) > 1e-9 || math.Abs(q[1]-p[1]) > 1e-9 {
				t.Errorf("zoom %g: %v -> (%g, %g) -> %v", v.Zoom, p, x, y, q)
			}
		}
		// The centre is in the middle of the image.
		x, y := v.ToPixel(v.Center)
		if math.Abs(x-float64(v.Width)/2) > 1e-6 || math.Abs(y-float64(v.Height)/2) > 1e-6 {
			t.Errorf("centre at (%g, %g), want (%d, %d)", x, y, v.Width/2, v.Height/2)
		}
	}
}

func TestToPixelKnownValues(t *testing.T) {
	// At zoom 0 with a 256 px image centred on (0, 0) the world maps onto the image.
	v := View{Center: orb.Point{0, 0}, Zoom: 0, Width: 256, Height: 256, Scale: 1}
	for _, c := range []struct {
		p    orb.Point
		x, y float64
	}{
		{orb.Point{0, 0}, 128, 128},
		{orb.Point{-180, 0}, 0, 128},
		{orb.Point{90, 0}, 192, 128},
		{orb.Point{0, 85.0511287798}, 128, 0},
	} {
		x, y := v.ToPixel(c.p)
		if math.Abs(x-c.x) > 1e-6 || math.Abs(y-c.y) > 1e-6 {
			t.Errorf("ToPixel(%v) = (%g, %g), want (%g, %g)", c.p, x, y, c.x, c.y)
		}
	}
	// One zoom level doubles distances.
	v2 := v
	v2.Zoom = 1
	x, _ := v2.ToPixel(orb.Point{90, 0})
	if math.Abs(x-(128+128)) > 1e-6 {
		t.Errorf("zoom 1: x = %g, want 256", x)
	}
}

func TestZoomAroundKeepsPointUnderCursor(t *testing.T) {
	v := FitBound(RegionBound(), 1280, 800, 1)
	for _, c := range []struct{ x, y, f float64 }{
		{100, 100, 2}, {640, 400, 0.5}, {1200, 750, 1.37}, {3, 790, 0.81}, {640, 400, 1.1},
	} {
		before := v.ToLonLat(c.x, c.y)
		z := v.ZoomAround(c.x, c.y, c.f)
		after := z.ToLonLat(c.x, c.y)
		if math.Abs(before[0]-after[0]) > 1e-9 || math.Abs(before[1]-after[1]) > 1e-9 {
			t.Errorf("ZoomAround(%g, %g, %g): %v moved to %v", c.x, c.y, c.f, before, after)
		}
		if want := v.Zoom + math.Log2(c.f); math.Abs(z.Zoom-want) > 1e-9 {
			t.Errorf("zoom %g, want %g", z.Zoom, want)
		}
	}
	// The zoom is limited.
	if z := v.ZoomAround(10, 10, 1e6).Zoom; z != MaxZoom {
		t.Errorf("zoom %g, want %g", z, MaxZoom)
	}
	if z := v.ZoomAround(10, 10, 1e-6).Zoom; z != MinZoom {
		t.Errorf("zoom %g, want %g", z, MinZoom)
	}
}

func TestPan(t *testing.T) {
	v := FitBound(RegionBound(), 800, 600, 1)
	p := v.Pan(30, -20)
	// What was at (430, 280) is now in the middle.
	want := v.ToLonLat(430, 280)
	if math.Abs(p.Center[0]-want[0]) > 1e-9 || math.Abs(p.Center[1]-want[1]) > 1e-9 {
		t.Errorf("centre %v, want %v", p.Center, want)
	}
	x, y := p.ToPixel(v.Center)
	if math.Abs(x-370) > 1e-6 || math.Abs(y-320) > 1e-6 {
		t.Errorf("old centre at (%g, %g), want (370, 320)", x, y)
	}
}

func TestFitBoundContainsBound(t *testing.T) {
	bounds := []orb.Bound{
		RegionBound(),
		{Min: orb.Point{68.5, 36.5}, Max: orb.Point{69.1, 36.9}},
		{Min: orb.Point{60.5, 29.4}, Max: orb.Point{75.2, 41.1}},
		{Min: orb.Point{68.857, 36.729}, Max: orb.Point{68.857, 36.729}},
	}
	for _, b := range bounds {
		for _, sz := range [][2]int{{1280, 800}, {700, 700}, {300, 900}} {
			v := FitBound(b, sz[0], sz[1], 1)
			vb := v.Bound()
			if !vb.Contains(b.Min) || !vb.Contains(b.Max) {
				t.Errorf("FitBound(%v, %v) shows %v", b, sz, vb)
			}
			if v.Zoom < MinZoom || v.Zoom > MaxZoom {
				t.Errorf("zoom %g outside limits", v.Zoom)
			}
		}
	}
	// A point is shown at zoom 12.
	if v := FitBound(bounds[3], 800, 600, 1); v.Zoom != 12 {
		t.Errorf("point zoom %g, want 12", v.Zoom)
	}
	// The region's first view is not zoomed out needlessly: the bound fills most of one side.
	v := FitBound(RegionBound(), 1280, 800, 1)
	x0, y0 := v.ToPixel(orb.Point{65.8, 39.2})
	x1, y1 := v.ToPixel(orb.Point{71.2, 35.9})
	if x1-x0 < 1280*0.85 && y1-y0 < 800*0.85 {
		t.Errorf("region spans %gx%g px of 1280x800", x1-x0, y1-y0)
	}
}

func TestRegionBoundShowsTheRegion(t *testing.T) {
	b := RegionBound()
	for name, p := range map[string]orb.Point{
		"Dushanbe": {68.78, 38.54}, "Kunduz": {68.86, 36.73}, "Mazar-i-Sharif": {67.11, 36.71}, "Balkh": {66.90, 36.76},
		"Khatlon west": {67.3, 37.5}, "Khatlon east": {70.3, 38.0}, "Khatlon south": {68.5, 36.9}, "Khatlon north": {69.0, 38.6},
	} {
		if !b.Contains(p) {
			t.Errorf("%s %v is outside %v", name, p, b)
		}
	}
}

func TestClamp(t *testing.T) {
	for _, c := range []struct {
		in   View
		zoom float64
		ctr  orb.Point
	}{
		{View{Center: orb.Point{68, 37}, Zoom: 20, Width: 10, Height: 10}, MaxZoom, orb.Point{68, 37}},
		{View{Center: orb.Point{68, 37}, Zoom: 1}, MinZoom, orb.Point{68, 37}},
		{View{Center: orb.Point{-120, 80}, Zoom: 8}, 8, orb.Point{60, 42}},
		{View{Center: orb.Point{math.NaN(), 0}, Zoom: math.NaN()}, MinZoom, RegionBound().Center()},
	} {
		got := c.in.Clamp()
		if got.Zoom != c.zoom || got.Center != c.ctr || got.Width < 1 || got.Height < 1 || got.Scale != 1 {
			t.Errorf("Clamp(%+v) = %+v, want zoom %g centre %v", c.in, got, c.zoom, c.ctr)
		}
	}
}
