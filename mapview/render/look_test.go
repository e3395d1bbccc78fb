package render

import (
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// TestFocusCountriesNamed: at region scale the focus countries are named
// even where their usual spots are taken by place labels, provinces and
// event bubbles (the app's fit-region panel, the wide region view, a view
// of all Afghanistan), and their labels lie inside the frame.
func TestFocusCountriesNamed(t *testing.T) {
	dense := syntheticEvents(3000, 0.90, 0.07, 0.03)
	for _, c := range []struct {
		name   string
		events []annotate.Event
		v      View
		want   []string
	}{
		{"app panel, region, sample", sampleEvents(), FitBound(RegionBound(), 576, 770, 1), []string{"AFGHANISTAN", "TAJIKISTAN"}},
		{"app panel, region, dense", dense, FitBound(RegionBound(), 576, 770, 1), []string{"AFGHANISTAN", "TAJIKISTAN"}},
		{"wide region, dense", dense, FitBound(RegionBound(), 1280, 800, 1), []string{"AFGHANISTAN", "TAJIKISTAN"}},
		{"all Afghanistan, sample", sampleEvents(), View{Center: orb.Point{67, 33.5}, Zoom: 5.6, Width: 1280, Height: 800, Scale: 1}, []string{"AFGHANISTAN", "TAJIKISTAN"}},
		{"all Afghanistan, dense", dense, View{Center: orb.Point{67, 33.5}, Zoom: 5.6, Width: 1280, Height: 800, Scale: 1}, []string{"AFGHANISTAN"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newTestMap(t)
			m.SetEvents(c.events, annotate.DefaultTaxonomy())
			m.Render(c.v, Selection{})
			got := map[string]Rect{}
			for _, l := range m.Labels(c.v) {
				if l.Kind == LabelCountry {
					got[l.Text] = l.Box
				}
			}
			for _, name := range c.want {
				b, ok := got[name]
				if !ok {
					t.Errorf("%s not labelled; country labels %v", name, got)
					continue
				}
				if b.MinX < 0 || b.MinY < 0 || b.MaxX > float64(c.v.Width) || b.MaxY > float64(c.v.Height) {
					t.Errorf("%s at %v: outside the %dx%d frame", name, b, c.v.Width, c.v.Height)
				}
			}
		})
	}
}

// TestScaleBarOverEvents: the scale bar has a backing of the legend's
// colour drawn over the events, so a line and an area under it do not show
// through, in both styles.
func TestScaleBarOverEvents(t *testing.T) {
	for _, st := range []Style{LightStyle(), DarkStyle()} {
		t.Run(st.Name, func(t *testing.T) {
			m := newTestMap(t)
			m.SetStyle(st)
			m.SetLegend(false)
			v := kunduzView(640, 400, 9)
			sw, ne := v.ToLonLat(0, 400), v.ToLonLat(200, 330)
			mid := v.ToLonLat(0, 385)
			far := v.ToLonLat(640, 385)
			m.SetEvents([]annotate.Event{
				ev("area", "Security incident", orb.Polygon{{sw, {ne[0], sw[1]}, ne, {sw[0], ne[1]}, sw}}),
				ev("line", "Diplomacy", orb.LineString{{mid[0] - 1, mid[1]}, {far[0] + 1, far[1]}}),
			}, annotate.DefaultTaxonomy())
			img := m.Render(v, Selection{})
			sb := m.scaleBarSprite(v, newXform(v))
			w, h := sb.img.Rect.Dx(), sb.img.Rect.Dy()
			// The line runs 15 px above the bottom, through the bar's box
			// (10 px above the bottom, h tall); its right end is clear of
			// the bar and the text.
			box := st.LegendBox
			for _, p := range []image.Point{{10 + w - 2, 400 - 15}, {10 + w - 2, 400 - 10 - h + 2}} {
				got := img.RGBAAt(p.X, p.Y)
				want := blendOver(box, color.NRGBA{got.R, got.G, got.B, 255})
				if !near3(got, box, 14) {
					t.Errorf("pixel %v in the scale bar's box: %v, want the backing %v (over the events: %v)", p, got, box, want)
				}
			}
		})
	}
}

// near3 reports whether c's colour channels are within tol of n's.
func near3(c color.RGBA, n color.NRGBA, tol int) bool {
	d := func(a, b uint8) bool { return math.Abs(float64(a)-float64(b)) <= float64(tol) }
	return d(c.R, n.R) && d(c.G, n.G) && d(c.B, n.B)
}

// borderScan returns the pixels of img on the vertical line at lon from
// lat0 to lat1 under view v.
func borderScan(img *image.RGBA, v View, lon, lat0, lat1 float64) []color.RGBA {
	x, y0 := v.ToPixel(orb.Point{lon, lat0})
	_, y1 := v.ToPixel(orb.Point{lon, lat1})
	var out []color.RGBA
	for y := int(math.Min(y0, y1)); y <= int(math.Max(y0, y1)); y++ {
		out = append(out, img.RGBAAt(int(x), y))
	}
	return out
}

// TestFocusBorderOverAreas: an event area across the Panj does not hide
// the Tajik–Afghan border: a scan across it still meets a pixel of the
// border line's colour, in both styles and at region and close zoom.
func TestFocusBorderOverAreas(t *testing.T) {
	// Khatlon's southern edge is the border; the area reaches across it.
	area := ev("area", "Diplomacy", orb.Polygon{{{68.0, 36.8}, {70.0, 36.8}, {70.0, 37.8}, {68.0, 37.8}, {68.0, 36.8}}})
	for _, st := range []Style{LightStyle(), DarkStyle()} {
		for _, z := range []float64{7, 9} {
			m := newTestMap(t)
			m.SetStyle(st)
			m.SetLegend(false)
			m.SetEvents([]annotate.Event{area}, annotate.DefaultTaxonomy())
			v := View{Center: orb.Point{68.9, 37.2}, Zoom: z, Width: 400, Height: 300, Scale: 1}
			img := m.Render(v, Selection{})
			found := false
			for _, c := range borderScan(img, v, 68.95, 36.95, 37.45) {
				if near3(c, st.BorderLine, 16) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s zoom %g: no pixel of the border colour %v across the Panj under the area", st.Name, z, st.BorderLine)
			}
		}
	}
}

// TestDarkBordersLighterThanLand: in the dark style an international
// border is lighter than the land on both sides, at region and close zoom
// (a scan across the Tajik–Uzbek border west of Dushanbe).
func TestDarkBordersLighterThanLand(t *testing.T) {
	st := DarkStyle()
	if relLuminance(st.BorderLine) <= relLuminance(st.FocusLand) {
		t.Fatalf("border %v not lighter than the land %v", st.BorderLine, st.FocusLand)
	}
	for _, z := range []float64{6, 7.5, 9} {
		m := newTestMap(t)
		m.SetStyle(st)
		m.SetLegend(false)
		v := View{Center: orb.Point{68.2, 38.6}, Zoom: z, Width: 400, Height: 300, Scale: 1}
		img := m.Render(v, Selection{})
		x0, y := v.ToPixel(orb.Point{67.9, 38.6})
		x1, _ := v.ToPixel(orb.Point{68.5, 38.6})
		best := 0.0
		for x := int(x0); x <= int(x1); x++ {
			c := img.RGBAAt(x, int(y))
			best = math.Max(best, relLuminance(color.NRGBA{c.R, c.G, c.B, 255}))
		}
		if land := relLuminance(st.FocusLand); best < 2.5*land {
			t.Errorf("zoom %g: the lightest pixel across the border has luminance %.3f, want ≥ 2.5× the land's %.3f", z, best, land)
		}
	}
}

// TestDarkLinesNoGlare: in the dark style event lines have a dark casing,
// so no pixel across a line is lighter than the line's own colour; in the
// light style the casing stays white.
func TestDarkLinesNoGlare(t *testing.T) {
	for _, c := range []struct {
		st    Style
		glare bool // a pixel lighter than the line beside it
	}{{DarkStyle(), false}, {LightStyle(), true}} {
		m := newTestMap(t)
		m.SetStyle(c.st)
		m.SetLegend(false)
		m.SetClustering(false)
		m.SetEvents([]annotate.Event{ev("line", "Diplomacy", orb.LineString{{68.0, 37.6}, {69.5, 37.6}})}, annotate.DefaultTaxonomy())
		v := View{Center: orb.Point{68.5, 37.6}, Zoom: 9, Width: 400, Height: 300, Scale: 1}
		img := m.Render(v, Selection{})
		col := annotate.DefaultTaxonomy().Lookup("Diplomacy").Color
		lum := relLuminance(col)
		x, y := v.ToPixel(orb.Point{68.5, 37.6})
		// A column of the line clear of labels, which are drawn over it.
		labels := m.Labels(v)
		for clear := false; !clear && x < 300; x++ {
			clear = true
			for _, l := range labels {
				if l.Box.Overlaps(Rect{x - 4, y - 8, x + 4, y + 8}) {
					clear = false
				}
			}
		}
		bright := false
		for dy := -5; dy <= 5; dy++ {
			p := img.RGBAAt(int(x), int(y)+dy)
			if relLuminance(color.NRGBA{p.R, p.G, p.B, 255}) > 3*lum+0.05 {
				bright = true
			}
		}
		if bright != c.glare {
			t.Errorf("%s: a pixel across the line much lighter than the line %v: %v, want %v", c.st.Name, col, bright, c.glare)
		}
	}
}

// TestNoDataIsLand: outside the base map's data the map is painted in
// the no-data colour, close to the neighbours' land and not the water
// colour, in both styles.
func TestNoDataIsLand(t *testing.T) {
	for _, st := range []Style{LightStyle(), DarkStyle()} {
		if near3(color.RGBA{st.NoData.R, st.NoData.G, st.NoData.B, 255}, st.Background, 6) {
			t.Errorf("%s: no-data colour %v is the water colour %v", st.Name, st.NoData, st.Background)
		}
		if !near3(color.RGBA{st.NoData.R, st.NoData.G, st.NoData.B, 255}, st.Land, 20) {
			t.Errorf("%s: no-data colour %v is not close to the land %v", st.Name, st.NoData, st.Land)
		}
		m := newTestMap(t)
		m.SetStyle(st)
		v := View{Center: orb.Point{67, 33.5}, Zoom: 5.6, Width: 640, Height: 480, Scale: 1}
		img := m.Render(v, Selection{})
		x, y := v.ToPixel(orb.Point{72.5, 30.5}) // south-east of Afghanistan, beyond the data
		if got := img.RGBAAt(int(x), int(y)); !near3(got, st.NoData, 2) {
			t.Errorf("%s: pixel beyond the data %v, want the no-data colour %v", st.Name, got, st.NoData)
		}
	}
}

// TestPlaceLabelOverLines: a place label written over event lines is not
// struck through: no pixel in its box keeps a line's colour.
func TestPlaceLabelOverLines(t *testing.T) {
	m := newTestMap(t)
	m.SetLegend(false)
	m.SetClustering(false)
	v := kunduzView(500, 360, 9)
	var events []annotate.Event
	// Horizontal lines every 3 px over the whole view, ending outside it.
	for y := 0; y < 360; y += 3 {
		a, b := v.ToLonLat(-40, float64(y)), v.ToLonLat(540, float64(y))
		events = append(events, ev("l"+string(rune('a'+y%26))+string(rune('a'+y/26)), "Security incident", orb.LineString{a, b}))
	}
	m.SetEvents(events, annotate.DefaultTaxonomy())
	img := m.Render(v, Selection{})
	col := annotate.DefaultTaxonomy().Lookup("Security incident").Color
	n := 0
	for _, l := range m.Labels(v) {
		if l.Kind != LabelPlace {
			continue
		}
		n++
		for y := int(l.Box.MinY) + 1; y < int(l.Box.MaxY)-1; y++ {
			for x := int(l.Box.MinX) + 1; x < int(l.Box.MaxX)-1; x++ {
				if c := img.RGBAAt(x, y); near3(c, col, 40) {
					t.Fatalf("%q: pixel (%d, %d) %v in the line colour %v", l.Text, x, y, c, col)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no place labelled")
	}
}
