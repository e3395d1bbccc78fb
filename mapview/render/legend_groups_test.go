package render

import (
	"testing"

	"eventatlas/annotate"
)

// TestLegendListsGroups: at the region view of a dense map the legend gets
// two more rows, "grouped events" and "grouped movements"; zoomed in past
// clusterMaxZoom, or with clustering off, it has neither. The region view
// also has a "border crossing" row.
func TestLegendListsGroups(t *testing.T) {
	m := newTestMap(t)
	m.SetEvents(syntheticEvents(3000, 0.90, 0.07, 0.03), annotate.DefaultTaxonomy())
	region := FitBound(RegionBound(), 1280, 800, 1)
	close := region
	close.Zoom = clusterMaxZoom + 0.5
	rowsOf := func(v View, clustering bool) int {
		m.SetClustering(clustering)
		ov := m.overlayFor(v, newXform(v), "")
		if ov.legend.sprite == nil {
			t.Fatalf("no legend at zoom %g", v.Zoom)
		}
		h := float64(ov.legend.sprite.img.Rect.Dy()) / v.Scale
		return int((h - 2*legendPad + 0.5) / legendRow)
	}
	plain := len(m.events.legend.types) + 2 // + movement, area
	crossing := 1                           // the region view shows border crossings; the close view none
	if ov := m.overlayFor(close, newXform(close), ""); len(ov.crossings) != 0 {
		t.Fatalf("set-up: %d crossings in the close view", len(ov.crossings))
	}
	for _, c := range []struct {
		name       string
		v          View
		clustering bool
		want       int
	}{
		{"region view, grouped", region, true, plain + crossing + 2},
		{"the same view, clustering off", region, false, plain + crossing}, // no stale overlay
		{"zoomed in", close, true, plain},
		{"region view, grouped again", region, true, plain + crossing + 2},
	} {
		if got := rowsOf(c.v, c.clustering); got != c.want {
			t.Errorf("%s: legend has %d rows, want %d", c.name, got, c.want)
		}
	}
}
