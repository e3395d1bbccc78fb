package render

import (
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// legendRows is how many rows the legend of overlay ov lists.
func legendRows(t *testing.T, ov *overlay, scale float64) int {
	t.Helper()
	if ov.legend.sprite == nil {
		t.Fatal("no legend")
	}
	h := float64(ov.legend.sprite.img.Rect.Dy()) / scale
	return int((h - 2*legendPad + 0.5) / legendRow)
}

// TestLegendListsFrameKinds: the movement and area rows are listed only
// when the frame draws a line or an area (not merely when the project has
// one, nor when only a line's bounding box reaches the view), and a
// "border crossing" row only when a crossing symbol is drawn.
func TestLegendListsFrameKinds(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents([]annotate.Event{
		ev("p", "Diplomacy", orb.Point{68.857, 36.729}),                                                                   // Kunduz
		ev("l", "Security incident", orb.LineString{{69.0, 38.0}, {70.0, 37.0}}),                                          // a diagonal
		ev("a", "Trade and economy", orb.Polygon{{{66.5, 36.0}, {67.0, 36.0}, {67.0, 36.5}, {66.5, 36.5}, {66.5, 36.0}}}), // west of Mazar
	}, annotate.DefaultTaxonomy())
	types := len(m.events.legend.types)
	at := func(lon, lat, zoom float64) View {
		return View{Center: orb.Point{lon, lat}, Zoom: zoom, Width: 800, Height: 600, Scale: 1}
	}
	for _, c := range []struct {
		name      string
		v         View
		crossings bool // set-up: the frame has crossing symbols
		want      int  // rows besides the types
	}{
		{"points only", at(68.857, 36.729, 11), false, 0},
		{"on the line", at(69.5, 37.5, 11), false, 1},
		{"inside the line's box, off the line", at(69.9, 37.9, 11), false, 0},
		{"inside the area", at(66.75, 36.25, 11), false, 1},
		{"at a crossing", at(68.6053, 37.1946, 11), true, 1},
		{"the region, ungrouped", FitBound(RegionBound(), 1280, 800, 1), true, 3},
	} {
		for _, clustering := range []bool{true, false} {
			m.SetClustering(clustering)
			ov := m.overlayFor(c.v, newXform(c.v), "")
			if got := len(ov.crossings) > 0; got != c.crossings {
				t.Fatalf("%s: set-up: crossings drawn %v, want %v", c.name, got, c.crossings)
			}
			if got := legendRows(t, ov, 1); got != types+c.want {
				t.Errorf("%s (grouping %v): legend has %d rows, want %d types + %d", c.name, clustering, got, types, c.want)
			}
		}
	}
}

// TestLegendCrossingRow: the crossing row shows the crossing symbol's
// purple in the legend panel.
func TestLegendCrossingRow(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents([]annotate.Event{ev("p", "Diplomacy", orb.Point{68.857, 36.729})}, annotate.DefaultTaxonomy())
	for _, st := range []Style{LightStyle(), DarkStyle()} {
		m.SetStyle(st)
		ls := m.events.legend
		without := m.drawLegend(ls, 1)
		ls.crossings = true
		with := m.drawLegend(ls, 1)
		purple := func(sp *sprite) int {
			img := image.NewRGBA(sp.img.Rect)
			sp.drawAt(img, 0, sp.ay)
			return countNear(img, img.Rect, st.Crossing)
		}
		if n := purple(without); n != 0 {
			t.Errorf("%s: %d crossing-purple pixels without crossings", st.Name, n)
		}
		if n := purple(with); n < 40 {
			t.Errorf("%s: %d crossing-purple pixels with the crossing row, want ≥ 40", st.Name, n)
		}
	}
}

// TestLegendOpaque: the legend panel hides the map under it: composited
// over black and over white, no pixel differs by more than 16 in any
// channel, in both styles (bug: lines showed through the text).
func TestLegendOpaque(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(sampleEvents(), annotate.DefaultTaxonomy())
	for _, st := range []Style{LightStyle(), DarkStyle()} {
		m.SetStyle(st)
		ls := m.events.legend
		ls.lines, ls.areas, ls.groups, ls.flows, ls.crossings = true, true, true, true, true
		sp := m.drawLegend(ls, 2)
		on := func(c color.Color) *image.RGBA {
			img := image.NewRGBA(sp.img.Rect)
			draw.Draw(img, img.Rect, image.NewUniform(c), image.Point{}, draw.Src)
			sp.drawAt(img, 0, sp.ay)
			return img
		}
		black, white := on(color.Black), on(color.White)
		worst := 0
		for i := range black.Pix {
			worst = max(worst, int(absDiff(black.Pix[i], white.Pix[i])))
		}
		if worst > 16 {
			t.Errorf("%s: the map shows through the legend: a channel differs by %d between black and white under it", st.Name, worst)
		}
	}
}
