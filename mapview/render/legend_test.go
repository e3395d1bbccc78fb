package render

import (
	"image"
	"image/color"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// legendBox is where the legend lies in an image drawn for view v: the
// bottom-left area above the scale bar, as wide as 40% of the image.
func legendBox(v View) image.Rectangle {
	return image.Rect(0, 0, v.Width*2/5, v.Height-20)
}

// countNear counts the pixels of img inside r within 12 of c in every channel.
func countNear(img *image.RGBA, r image.Rectangle, c color.NRGBA) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			o := img.PixOffset(x, y)
			p := img.Pix[o : o+3]
			if absDiff(p[0], c.R) <= 12 && absDiff(p[1], c.G) <= 12 && absDiff(p[2], c.B) <= 12 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestLegend(t *testing.T) {
	tax := annotate.DefaultTaxonomy()
	diplomacy, incident, trade := tax.Lookup("Diplomacy").Color, tax.Lookup("Security incident").Color, tax.Lookup("Trade and economy").Color
	// Events far to the east, away from the legend's corner.
	events := []annotate.Event{
		ev("d", "Diplomacy", orb.Point{69.6, 37.9}),
		ev("i", "Security incident", orb.Point{69.7, 37.6}),
		ev("l", "Security incident", orb.LineString{{69.5, 37.4}, {69.8, 37.3}}),
	}
	v := View{Center: orb.Point{68.75, 37.4}, Zoom: 8, Width: 800, Height: 600, Scale: 1}
	box := legendBox(v)
	for _, c := range []struct {
		name     string
		on       bool
		dark     bool
		present  []color.NRGBA // type colours that must show in the box
		absent   []color.NRGBA
		wantRows []string
	}{
		{"light", true, false, []color.NRGBA{diplomacy, incident}, []color.NRGBA{trade}, []string{"Diplomacy", "Security incident", "movement"}},
		{"dark", true, true, []color.NRGBA{diplomacy, incident}, []color.NRGBA{trade}, []string{"Diplomacy", "Security incident", "movement"}},
		{"off", false, false, nil, []color.NRGBA{diplomacy, incident, trade}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newTestMap(t)
			if c.dark {
				m.SetStyle(DarkStyle())
			}
			m.SetEvents(events, tax)
			m.SetLegend(c.on)
			if m.Legend() != c.on {
				t.Fatalf("Legend() = %v, want %v", m.Legend(), c.on)
			}
			img := m.Render(v, Selection{})
			for _, col := range c.present {
				if n := countNear(img, box, col); n < 20 {
					t.Errorf("colour %v: %d pixels in the legend box, want ≥ 20", col, n)
				}
			}
			for _, col := range c.absent {
				if n := countNear(img, box, col); n > 0 {
					t.Errorf("colour %v: %d pixels in the legend box, want none", col, n)
				}
			}
			panel := countNear(img, box, blendOver(m.Style().LegendBox, m.Style().FocusLand))
			if c.on && panel < 2000 {
				t.Errorf("legend panel: %d pixels of its colour, want ≥ 2000", panel)
			}
			var rows []string
			if c.on {
				for _, et := range m.events.legend.types {
					rows = append(rows, et.Name)
				}
				if m.events.legend.lines {
					rows = append(rows, "movement")
				}
				if m.events.legend.areas {
					rows = append(rows, "area")
				}
			}
			if !slices.Equal(rows, c.wantRows) {
				t.Errorf("rows %q, want %q", rows, c.wantRows)
			}
		})
	}
}

// blendOver is c drawn over opaque bg.
func blendOver(c, bg color.NRGBA) color.NRGBA {
	a := uint32(c.A)
	mix := func(x, y uint8) uint8 { return uint8((uint32(x)*a + uint32(y)*(255-a)) / 255) }
	return color.NRGBA{mix(c.R, bg.R), mix(c.G, bg.G), mix(c.B, bg.B), 0xff}
}

func TestLegendTypes(t *testing.T) {
	tax := annotate.DefaultTaxonomy()
	for _, c := range []struct {
		present []string
		want    []string
	}{
		{nil, nil},
		{[]string{"Other", "Diplomacy"}, []string{"Diplomacy", "Other"}},
		{[]string{"Zeta", "Protest and unrest", "", "Security incident"}, []string{"Security incident", "Protest and unrest", "Zeta", "(no type)"}},
	} {
		var got []string
		for _, et := range legendTypes(c.present, tax) {
			got = append(got, et.Name)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("legendTypes(%q) = %q, want %q", c.present, got, c.want)
		}
	}
}

func BenchmarkLegendSprite(b *testing.B) {
	m := newTestMap(b)
	m.SetEvents(sampleEvents(), annotate.DefaultTaxonomy())
	for b.Loop() {
		m.legendSprite(m.events.legend, 1)
	}
}
