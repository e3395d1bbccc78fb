package render

import (
	"bytes"
	"testing"

	"eventatlas/annotate"
)

// TestEventLayerCacheMatchesFreshFrame draws a view, then the same view
// with other selections, hovers and events, and checks each frame is
// pixel for pixel the frame a new Map draws directly.
func TestEventLayerCacheMatchesFreshFrame(t *testing.T) {
	v := FitBound(RegionBound(), 640, 400, 1)
	tax := annotate.DefaultTaxonomy()
	evs := sampleEvents()
	m := newTestMap(t)
	m.SetEvents(evs, tax)
	m.Render(v, Selection{})
	for _, c := range []struct {
		name   string
		sel    Selection
		events []annotate.Event
	}{
		{"hover an area", Selection{Hover: "area-khatlon"}, evs},
		{"select a point", Selection{Selected: "pt-kunduz"}, evs},
		{"select a line, hover a point", Selection{Selected: "move-dushanbe-kunduz", Hover: "pt-mazar"}, evs},
		{"nothing", Selection{}, evs},
		{"fewer events", Selection{}, evs[:3]},
		{"many events", Selection{Hover: "e7"}, syntheticEvents(500, 0.9, 0.07, 0.03)},
	} {
		t.Run(c.name, func(t *testing.T) {
			m.SetEvents(c.events, tax)
			got := m.Render(v, c.sel)
			fresh := newTestMap(t)
			fresh.SetEvents(c.events, tax)
			want := fresh.Render(v, c.sel)
			if !bytes.Equal(got.Pix, want.Pix) {
				_, frac := compareImages(want, got)
				t.Errorf("cached frame differs from a fresh one (%.3f%% of pixels beyond tolerance)", 100*frac)
			}
		})
	}
}

// TestPinnedSelection checks which selections change the clustering.
func TestPinnedSelection(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(sampleEvents(), annotate.DefaultTaxonomy())
	low := FitBound(RegionBound(), 640, 400, 1)
	high := low
	high.Zoom = clusterMaxZoom
	for _, c := range []struct {
		v    View
		sel  string
		want string
	}{
		{low, "pt-kunduz", "pt-kunduz"},
		{low, "area-khatlon", ""},
		{low, "no-such-id", ""},
		{low, "", ""},
		{high, "pt-kunduz", ""},
	} {
		if got := m.pinnedSelection(c.v, c.sel); got != c.want {
			t.Errorf("pinnedSelection(zoom %g, %q) = %q, want %q", c.v.Zoom, c.sel, got, c.want)
		}
	}
	m.SetClustering(false)
	if got := m.pinnedSelection(low, "pt-kunduz"); got != "" {
		t.Errorf("pinnedSelection with clustering off = %q, want \"\"", got)
	}
}
