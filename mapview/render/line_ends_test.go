package render

import (
	"image/color"
	"math"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// TestLineStopsAtMarkerRim draws a movement ending (and one starting) at
// another event's point marker: the arrowhead must show beside the marker,
// its tip at the rim, instead of lying hidden under it.
func TestLineStopsAtMarkerRim(t *testing.T) {
	tax := annotate.DefaultTaxonomy()
	lineCol := tax.Lookup("Security incident").Color
	end := orb.Point{68.78, 38.55}
	from := orb.Point{68.3, 38.2}
	for _, c := range []struct {
		name     string
		clusters bool
		marker   bool // a point of another event at the line's end
		sel      Selection
		wantHead bool
	}{
		{"marker at end, clusters", true, true, Selection{}, true},
		{"marker at end, no clusters", false, true, Selection{}, true},
		{"marker at end, line selected", true, true, Selection{Selected: "move"}, true},
		{"marker at end, line hovered, no clusters", false, true, Selection{Hover: "move"}, true},
		{"no marker", true, false, Selection{}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			events := []annotate.Event{ev("move", "Security incident", orb.LineString{from, end})}
			if c.marker {
				events = append(events, ev("pt", "Diplomacy", end))
			}
			m := newTestMap(t)
			m.SetClustering(c.clusters)
			m.SetEvents(events, tax)
			v := View{Center: orb.Point{68.6, 38.4}, Zoom: 9, Width: 400, Height: 300, Scale: 1}
			img := m.Render(v, c.sel)
			ex, ey := v.ToPixel(end)
			fx, fy := v.ToPixel(from)
			ctr := vec{float32(math.Round(ex)), float32(math.Round(ey))} // the marker's centre
			u := vec{float32(ex - fx), float32(ey - fy)}.unit()
			n := u.perp()
			rim := float32(markerRadius + markerOutline + 1)
			// 6 px behind the tip at the rim the head is about 3.3 px wide
			// each side, the shaft 1.3 px; without a marker the head lies
			// at the end and this is casing.
			back := ctr.sub(u.mul(rim + 6))
			for _, side := range []float32{-2.2, 2.2} {
				p := back.add(n.mul(side))
				got := img.RGBAAt(int(p.X), int(p.Y))
				if near := colourNear(got, lineCol, 40); near != c.wantHead {
					t.Errorf("pixel (%d, %d) beside the line's end: %v, line colour %v; want the head's colour: %v",
						int(p.X), int(p.Y), got, lineCol, c.wantHead)
				}
			}
			if !c.marker {
				// The tip is at the end itself.
				p := vec{float32(ex), float32(ey)}.sub(u.mul(2))
				if got := img.RGBAAt(int(p.X), int(p.Y)); !colourNear(got, lineCol, 40) {
					t.Errorf("tip pixel (%d, %d): %v, want the line colour %v", int(p.X), int(p.Y), got, lineCol)
				}
			}
		})
	}
}

// colourNear reports whether c is within tol of n in every channel.
func colourNear(c color.RGBA, n color.NRGBA, tol int) bool {
	d := func(a, b uint8) bool { return math.Abs(float64(a)-float64(b)) <= float64(tol) }
	return d(c.R, n.R) && d(c.G, n.G) && d(c.B, n.B)
}

func TestTrimToRim(t *testing.T) {
	for _, c := range []struct {
		name  string
		pts   []vec
		c     vec
		r     float32
		start bool
		want  []vec
	}{
		{"end on the centre", []vec{{0, 0}, {20, 0}}, vec{20, 0}, 5, false, []vec{{0, 0}, {15, 0}}},
		{"start on the centre", []vec{{0, 0}, {20, 0}}, vec{0, 0}, 5, true, []vec{{5, 0}, {20, 0}}},
		{"end off the centre", []vec{{0, 0}, {0, 20}}, vec{3, 20}, 5, false, []vec{{0, 0}, {0, 16}}},
		{"last vertex inside too", []vec{{0, 0}, {10, 0}, {18, 0}, {20, 0}}, vec{20, 0}, 5, false, []vec{{0, 0}, {10, 0}, {15, 0}}},
		{"all inside", []vec{{0, 0}, {2, 0}}, vec{1, 0}, 5, false, []vec{{0, 0}, {2, 0}}},
	} {
		got := trimToRim(c.pts, c.c, c.r, c.start)
		ok := len(got) == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			ok = got[i].near(c.want[i], 1e-3)
		}
		if !ok {
			t.Errorf("%s: trimToRim = %v, want %v", c.name, got, c.want)
		}
	}
}
