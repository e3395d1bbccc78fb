package render

import (
	"image/color"
	"testing"

	"eventatlas/annotate"
)

// TestSymbolIconShapes draws each symbol: the centre has the type's
// colour, and the shapes differ (a circle and a square do not cover the
// same pixels).
func TestSymbolIconShapes(t *testing.T) {
	col := color.NRGBA{0xD5, 0x5E, 0x00, 0xff}
	covered := map[annotate.Symbol]int{}
	for _, sym := range []annotate.Symbol{annotate.SymbolCircle, annotate.SymbolSquare, annotate.SymbolTriangle,
		annotate.SymbolDiamond, annotate.SymbolStar, annotate.SymbolCross} {
		img := SymbolIcon(sym, col, 6, 2)
		b := img.Bounds()
		if b.Dx() != b.Dy() || b.Dx() < 24 {
			t.Fatalf("%s: icon %v", sym, b)
		}
		c := img.RGBAAt(b.Dx()/2, b.Dy()/2)
		if c.R != col.R || c.G != col.G || c.B != col.B {
			t.Errorf("%s: centre %v, want the type colour", sym, c)
		}
		for y := 0; y < b.Dy(); y++ {
			for x := 0; x < b.Dx(); x++ {
				if p := img.RGBAAt(x, y); p.R == col.R && p.G == col.G && p.B == col.B && p.A == 0xff {
					covered[sym]++
				}
			}
		}
	}
	if covered[annotate.SymbolCircle] == covered[annotate.SymbolSquare] || covered[annotate.SymbolTriangle] >= covered[annotate.SymbolSquare] {
		t.Errorf("the shapes cover %v pixels of the type colour: they should differ", covered)
	}
}
