package render

import (
	"testing"

	"eventatlas/annotate"
)

func TestLabelsDoNotOverlap(t *testing.T) {
	m := newTestMap(t)
	first := FitBound(RegionBound(), 1280, 800, 1)
	views := map[string]View{
		"first 1280x800":  first,
		"first 700x700":   FitBound(RegionBound(), 700, 700, 1),
		"first 640x400@2": FitBound(RegionBound(), 640, 400, 2),
		"zoom 5":          first.ZoomAround(640, 400, 1.0/8),
		"zoom 10":         first.ZoomAround(640, 400, 4),
		"zoom 12.5":       first.ZoomAround(700, 560, 24),
	}
	for name, v := range views {
		labels := m.Labels(v)
		if len(labels) == 0 {
			t.Errorf("%s: no labels", name)
		}
		for i, a := range labels {
			if a.Box.MinX < 0 || a.Box.MinY < 0 || a.Box.MaxX > float64(v.Width) || a.Box.MaxY > float64(v.Height) {
				t.Errorf("%s: %q at %+v is outside the %dx%d image", name, a.Text, a.Box, v.Width, v.Height)
			}
			for _, b := range labels[i+1:] {
				if a.Box.Overlaps(b.Box) {
					t.Errorf("%s: %q %+v overlaps %q %+v", name, a.Text, a.Box, b.Text, b.Box)
				}
			}
		}
	}
}

func TestFirstViewLabels(t *testing.T) {
	m := newTestMap(t)
	for _, sz := range [][2]int{{1280, 800}, {700, 700}} {
		v := FitBound(RegionBound(), sz[0], sz[1], 1)
		type key struct {
			text string
			kind LabelKind
		}
		got := map[key]bool{}
		for _, l := range m.Labels(v) {
			got[key{l.Text, l.Kind}] = true
		}
		for _, want := range []struct {
			text string
			kind LabelKind
		}{
			{"Dushanbe", LabelPlace}, {"Kunduz", LabelPlace}, {"Mazār-e Sharīf", LabelPlace},
			{"Khatlon", LabelProvince}, {"Balkh", LabelProvince}, {"AFGHANISTAN", LabelCountry}, {"TAJIKISTAN", LabelCountry},
		} {
			if !got[key{want.text, want.kind}] {
				t.Errorf("%dx%d: label %q (%v) missing; have %v", sz[0], sz[1], want.text, want.kind, got)
			}
		}
	}
}

func TestRectOverlaps(t *testing.T) {
	a := Rect{0, 0, 10, 10}
	for _, c := range []struct {
		b    Rect
		want bool
	}{
		{Rect{5, 5, 15, 15}, true},
		{Rect{10, 0, 20, 10}, false}, // touching edges do not overlap
		{Rect{2, 2, 3, 3}, true},
		{Rect{-5, 11, 5, 12}, false},
	} {
		if got := a.Overlaps(c.b); got != c.want || c.b.Overlaps(a) != c.want {
			t.Errorf("%v overlaps %v = %v, want %v", a, c.b, got, c.want)
		}
	}
}

// TestPlaceLabelsClearOfClusters: with dense events around the towns, the
// capital's and province seats' labels are written beside the cluster
// bubbles, not across their counts.
func TestPlaceLabelsClearOfClusters(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(syntheticEvents(400, 1, 0, 0), annotate.DefaultTaxonomy())
	for _, v := range []View{FitBound(RegionBound(), 640, 400, 1), FitBound(RegionBound(), 1280, 800, 1)} {
		m.Render(v, Selection{})
		seen := map[string]bool{}
		for _, l := range m.Labels(v) {
			if l.Kind != LabelPlace {
				continue
			}
			seen[l.Text] = true
			in, all := 0, 0
			for x := l.Box.MinX + 1; x < l.Box.MaxX-1; x += 2 {
				for y := l.Box.MinY + 1; y < l.Box.MaxY-1; y += 2 {
					all++
					if _, ok := m.GroupAt(v, x, y); ok {
						in++
					}
				}
			}
			// A corner may touch a neighbouring bubble; the text must not
			// run across one.
			if f := float64(in) / float64(max(all, 1)); f > 0.10 {
				t.Errorf("%dx%d: label %q at %+v: %.0f%% of it over cluster bubbles", v.Width, v.Height, l.Text, l.Box, 100*f)
			}
		}
		for _, want := range []string{"Dushanbe", "Kunduz"} {
			if !seen[want] {
				t.Errorf("%dx%d: no label %q", v.Width, v.Height, want)
			}
		}
	}
}
