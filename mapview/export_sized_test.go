package mapview

import (
	"bytes"
	"eventatlas/mapview/render"
	"image/png"
	"math"
	"testing"
)

// TestExportSizedPNG writes a 16:9 slide from an 800×600 map: the image
// has the size asked for, it is centred where the map is, and its zoom
// keeps all the map showed (the height is the bound here, so the zoom
// grows by log2(900/600)).
func TestExportSizedPNG(t *testing.T) {
	m, _ := newTestMap(t)
	v := m.View()
	var buf bytes.Buffer
	if err := m.ExportSizedPNG(&buf, 1600, 900, 2); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != 3200 || s.Y != 1800 {
		t.Errorf("exported %v, want 3200x1800", s)
	}
	// Each size holds all the map shows, centred where it is.
	shown := v.Bound()
	for _, size := range [][2]int{{1600, 900}, {800, 1600}, {1280, 1280}} {
		out, ok := m.sizedView(size[0], size[1], 1)
		if !ok {
			t.Fatal("no view")
		}
		b := out.Bound()
		const eps = 1e-6
		if b.Min[0] > shown.Min[0]+eps || b.Min[1] > shown.Min[1]+eps || b.Max[0] < shown.Max[0]-eps || b.Max[1] < shown.Max[1]-eps {
			t.Errorf("%v: exports %v, which does not hold the map's %v", size, b, shown)
		}
		if out.Center != v.Center {
			t.Errorf("%v: centred on %v, the map on %v", size, out.Center, v.Center)
		}
		// And no more than needed: one side fits exactly.
		if w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]; math.Abs(w-(shown.Max[0]-shown.Min[0])) > 1e-3 && math.Abs(h-(shown.Max[1]-shown.Min[1])) > 1e-3 {
			t.Errorf("%v: %g×%g degrees, the map shows %g×%g: neither side fits", size, w, h, shown.Max[0]-shown.Min[0], shown.Max[1]-shown.Min[1])
		}
	}
	for _, bad := range [][2]int{{100, 900}, {1600, 9000}} {
		if err := m.ExportSizedPNG(&buf, bad[0], bad[1], 2); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

// TestSetReservedRedraws: reserving an area draws the map again (the
// widget's image is cached by its view and version).
func TestSetReservedRedraws(t *testing.T) {
	m, _ := newTestMap(t)
	v := m.version
	m.SetReserved(render.Rect{MaxX: 100, MaxY: 100})
	if m.version == v {
		t.Error("SetReserved left the cached frame in place")
	}
}
