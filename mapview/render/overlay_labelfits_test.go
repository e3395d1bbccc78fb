package render

import (
	"testing"
)

// TestLabelFitsSkipsOnlyHopeless checks, over zooms and pans, that every
// province or country part labelFits turns down is one placeAreaB could
// not label anyway (at the part's pole, with nothing else on the map),
// and that it turns down some and lets others through.
func TestLabelFitsSkipsOnlyHopeless(t *testing.T) {
	m := newTestMap(t)
	base := FitBound(RegionBound(), 1280, 800, 1)
	rejected, accepted := 0, 0
	for _, dz := range []float64{0, 0.5, 1, 1.6, 2.3} {
		for _, pan := range [][2]float64{{0, 0}, {400, 150}, {-500, -200}} {
			v := base.Pan(pan[0], pan[1])
			v.Zoom += dz
			tx := newXform(v)
			s := tx.scale
			pl := &placer{pad: 3 * s, inside: frect{2 * s, 2 * s, float64(tx.w) - 2*s, float64(tx.h) - 2*s}}
			inner := tx.worldBound(-24 * s)
			for _, pr := range m.base.provinces {
				if !tx.worldBound(0).Intersects(pr.bound) || inner.Contains(pr.pole) {
					continue
				}
				vis, bounds := visibleClip(pr.poly, pr.polyB, inner)
				if largest(vis) == nil {
					continue
				}
				if m.labelFits(tx, pr.name, LabelProvince, m.provinceStyle(), bounds) {
					accepted++
					continue
				}
				rejected++
				poly, pole, pb := visiblePartB(pr.poly, pr.polyB, inner, tx)
				if m.placeAreaB(&overlay{}, tx, pl, pr.name, LabelProvince, m.provinceStyle(), poly, pb, pole) {
					t.Errorf("zoom %+g pan %v: province %q skipped but placeable", dz, pan, pr.name)
				}
			}
			view := tx.worldBound(-4 * s)
			band := max(0, bandFor(v)-2)
			for i := range m.base.countries {
				c := &m.base.countries[i]
				if !view.Intersects(c.bound) {
					continue
				}
				vis, bounds := visibleClip(c.bands[band], c.bounds[band], view)
				if largest(vis) == nil {
					continue
				}
				if m.labelFits(tx, c.name, LabelCountry, m.countryStyle(), bounds) {
					accepted++
					continue
				}
				rejected++
				poly, pole, pb := visiblePartB(c.bands[band], c.bounds[band], view, tx)
				if m.placeAreaB(&overlay{}, tx, pl, c.name, LabelCountry, m.countryStyle(), poly, pb, pole) {
					t.Errorf("zoom %+g pan %v: country %q skipped but placeable", dz, pan, c.name)
				}
			}
		}
	}
	if rejected == 0 || accepted == 0 {
		t.Fatalf("labelFits rejected %d parts and accepted %d: the test needs both", rejected, accepted)
	}
	t.Logf("rejected %d, accepted %d", rejected, accepted)
}
