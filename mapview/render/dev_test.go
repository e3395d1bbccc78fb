package render

import (
	"image/png"
	"os"
	"testing"

	"eventatlas/annotate"
)

func TestDevRender(t *testing.T) {
	dir := os.Getenv("DEVOUT")
	if dir == "" {
		t.Skip("DEVOUT not set")
	}
	m := newTestMap(t)
	m.SetEvents(sampleEvents(), annotate.DefaultTaxonomy())
	for _, c := range []struct {
		name   string
		w, h   int
		s      float64
		dark   bool
		zoomBy float64
	}{{"first", 1280, 800, 1, false, 1}, {"small", 700, 700, 1, false, 1}, {"dark", 1280, 800, 1, true, 1}, {"hidpi", 640, 400, 2, false, 1}, {"zoomout", 900, 600, 1, false, 1.0 / 8}, {"zoomin", 900, 600, 1, false, 6}} {
		v := FitBound(RegionBound(), c.w, c.h, c.s)
		v = v.ZoomAround(float64(c.w)/2, float64(c.h)/2, c.zoomBy)
		if c.dark {
			m.SetStyle(DarkStyle())
		} else {
			m.SetStyle(LightStyle())
		}
		img := m.Render(v, Selection{Selected: "pt-kunduz", Hover: "move-dushanbe-kunduz"})
		f, _ := os.Create(dir + "/" + c.name + ".png")
		png.Encode(f, img)
		f.Close()
		t.Logf("%s zoom %.2f labels %d", c.name, v.Zoom, len(m.Labels(v)))
	}
}
