package annotate

import (
	"fmt"
	"image/color"
	"strconv"
)

// Symbols lists every marker shape in the order editors offer them.
func Symbols() []Symbol {
	return []Symbol{SymbolCircle, SymbolSquare, SymbolTriangle, SymbolDiamond, SymbolStar, SymbolCross}
}

// Known reports whether s is one of Symbols.
func (s Symbol) Known() bool {
	for _, k := range Symbols() {
		if s == k {
			return true
		}
	}
	return false
}

// HexColor writes an opaque colour as "#RRGGBB".
func HexColor(c color.NRGBA) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// ParseHexColor reads "#RRGGBB" (either case) as an opaque colour.
func ParseHexColor(s string) (color.NRGBA, error) {
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{}, fmt.Errorf("colour %q is not of the form #RRGGBB", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, fmt.Errorf("colour %q is not of the form #RRGGBB", s)
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, nil
}
