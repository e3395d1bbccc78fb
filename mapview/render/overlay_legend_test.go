package render

import (
	"bytes"
	"testing"

	"eventatlas/annotate"
)

// TestLegendSpriteCached checks that the legend panel is drawn once per
// legend, style and scale: asked again it is the same sprite, with the
// pixels of a panel drawn afresh, and any change of what it shows gives
// another.
func TestLegendSpriteCached(t *testing.T) {
	m := newTestMap(t)
	tax := annotate.DefaultTaxonomy()
	m.SetEvents(syntheticEvents(200, 0.90, 0.07, 0.03), tax)
	ls := m.events.legend
	if ls.empty() {
		t.Fatal("the synthetic events have no legend")
	}
	a := m.legendSprite(ls, 1)
	if b := m.legendSprite(ls, 1); b != a {
		t.Fatal("the same legend was drawn again")
	}
	if fresh := m.drawLegend(ls, 1); fresh.img.Rect != a.img.Rect || !bytes.Equal(fresh.img.Pix, a.img.Pix) || fresh.ay != a.ay {
		t.Fatal("the cached legend differs from one drawn afresh")
	}
	fewer := ls
	fewer.types = ls.types[:len(ls.types)-1]
	noLines := ls
	noLines.lines = !ls.lines
	recoloured := ls
	recoloured.types = append([]annotate.EventType(nil), ls.types...)
	recoloured.types[0].Color.R ^= 0x40
	seen := map[*sprite]string{a: "original"}
	for name, c := range map[string]struct {
		ls    legendSet
		style Style
		scale float64
	}{
		"fewer types": {fewer, LightStyle(), 1}, "lines flag": {noLines, LightStyle(), 1},
		"colour": {recoloured, LightStyle(), 1}, "dark style": {ls, DarkStyle(), 1}, "scale 2": {ls, LightStyle(), 2},
	} {
		m.SetStyle(c.style)
		sp := m.legendSprite(c.ls, c.scale)
		if other, ok := seen[sp]; ok {
			t.Errorf("%s: got the legend of %s", name, other)
		}
		seen[sp] = name
		if fresh := m.drawLegend(c.ls, c.scale); !bytes.Equal(fresh.img.Pix, sp.img.Pix) {
			t.Errorf("%s: the cached legend differs from one drawn afresh", name)
		}
	}
}
