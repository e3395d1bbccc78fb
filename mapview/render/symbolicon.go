package render

import (
	"image"
	"image/color"

	"eventatlas/annotate"
)

// SymbolIcon draws marker sym in colour col as the map draws an event of
// that type — the same shape, white outline and soft shadow — for lists
// beside the map (the event table), where a shape tells types apart that
// colour alone does not (Okabe–Ito's vermilion and orange, for a reader
// with a colour-vision deficiency). radius is in logical pixels, scale the
// device pixels per logical pixel; the icon is square, the marker centred.
func SymbolIcon(sym annotate.Symbol, col color.NRGBA, radius float32, scale float64) *image.RGBA {
	return markerSprite(sym, col, color.NRGBA{0xff, 0xff, 0xff, 0xff}, radius, 1.2, scale).img
}
