package render

import (
	"image"
	"image/color"
	"testing"

	"github.com/paulmach/orb"
)

func TestNeighbourFadeWeight(t *testing.T) {
	f := neighbourFade{x0: 100, y0: 50, x1: 500, y1: 450, w: 40}
	for _, c := range []struct {
		name string
		x, y int
		want uint32
	}{
		{"outside, left", 90, 200, 0},
		{"on the left edge", 99, 200, 0},
		{"a quarter in", 109, 200, 36}, // d = 9.5/40: 256·d²(3−2d) = 36.5
		{"half way in from the top", 300, 69, 123},
		{"the fade's width in", 140, 200, 256},
		{"middle", 300, 250, 256},
		{"corner: the nearer edge counts", 101, 60, 1},
	} {
		if got := f.weight(c.x, c.y); got != c.want {
			t.Errorf("%s: weight(%d, %d) = %d, want %d", c.name, c.x, c.y, got, c.want)
		}
	}
}

func TestFadeForFindsTheBandInTheFrame(t *testing.T) {
	frame := image.Rect(0, 0, 640, 480)
	for _, c := range []struct {
		name string
		v    View
		want bool
	}{
		{"far out: the box's edges are in the frame", View{Center: orb.Point{67.5, 36}, Zoom: 5.2, Width: 640, Height: 480, Scale: 1}, true},
		{"Kunduz close up: the edges are far away", kunduzView(640, 480, 10), false},
		{"out at sea beyond the box", View{Center: orb.Point{50, 20}, Zoom: 9, Width: 640, Height: 480, Scale: 1}, false},
		{"on the box's western edge", View{Center: orb.Point{60, 36}, Zoom: 9, Width: 640, Height: 480, Scale: 1}, true},
	} {
		if _, got := fadeFor(newXform(c.v), frame, 2); got != c.want {
			t.Errorf("%s: fade in the frame = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestNeighboursFadeAtTheClipBox renders the region from far out and checks
// that the neighbours' land fades into the no-data colour at the edge of their
// data while the focus countries beside the same edge keep their colour.
func TestNeighboursFadeAtTheClipBox(t *testing.T) {
	m := newTestMap(t)
	v := View{Center: orb.Point{67.5, 36}, Zoom: 5.2, Width: 640, Height: 480, Scale: 1}
	img := m.Render(v, Selection{})
	tr := newXform(v)
	st := m.style
	at := func(lon, lat float64) color.NRGBA {
		p := tr.pt(toWorld(orb.Point{lon, lat}))
		c := img.RGBAAt(int(p.X), int(p.Y))
		return color.NRGBA{c.R, c.G, c.B, c.A}
	}
	near := func(a, b color.NRGBA, tol int) bool {
		d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
		return d(a.R, b.R) <= tol && d(a.G, b.G) <= tol && d(a.B, b.B) <= tol
	}
	for _, c := range []struct {
		name     string
		lon, lat float64
		want     color.NRGBA
		tol      int
	}{
		{"Iran at the western edge of the data: no-data colour", 60.15, 34.5, st.NoData, 3},
		{"Pakistan at the southern edge: no-data colour", 71.5, 33.08, st.NoData, 3},
		{"Uzbekistan, well inside: neighbours' land", 64.5, 39.5, st.Land, 0},
		{"Afghanistan beside the southern edge: focus land", 64.8, 33.12, st.FocusLand, 0},
		{"Afghanistan south of the edge: focus land", 65.5, 31.5, st.FocusLand, 0},
	} {
		if got := at(c.lon, c.lat); !near(got, c.want, c.tol) {
			t.Errorf("%s (%.2f, %.2f): %v, want %v", c.name, c.lon, c.lat, got, c.want)
		}
	}
	// Half way through the fade, Uzbekistan below the northern edge is
	// between the two colours.
	top := tr.pt(toWorld(orb.Point{63, clipBox.Max[1]}))
	c := img.RGBAAt(int(top.X), int(top.Y)+fadeWidth/2)
	if mid := (color.NRGBA{c.R, c.G, c.B, c.A}); near(mid, st.Land, 3) || near(mid, st.NoData, 3) {
		t.Errorf("Uzbekistan half way into the fade: %v, want between %v and %v", mid, st.NoData, st.Land)
	}
}

// TestFadedNeighbourPlacesUnnamed: from far out, a neighbour's city where
// its land has faded out (Islamabad, by the southern edge of the data) is
// not named, while one well inside (Tashkent) and the focus countries'
// cities beyond the edge (Kandahar) are.
func TestFadedNeighbourPlacesUnnamed(t *testing.T) {
	m := newTestMap(t)
	v := View{Center: orb.Point{67.5, 36}, Zoom: 5.2, Width: 640, Height: 480, Scale: 1}
	got := map[string]bool{}
	for _, l := range m.Labels(v) {
		if l.Kind == LabelPlace {
			got[l.Text] = true
		}
	}
	if got["Islamabad"] {
		t.Error("Islamabad, where Pakistan has faded out, is named")
	}
	for _, want := range []string{"Tashkent", "Kandahār", "Kabul"} {
		if !got[want] {
			t.Errorf("%s is not named; have %v", want, got)
		}
	}
}
