package mapview

import (
	"math"

	"github.com/paulmach/orb"

	"eventatlas/mapview/render"
)

// Margins of FitEvents, in logical pixels besides the share of the
// shorter side: room for a symbol (or a small bubble) drawn on the edge
// of the bound and, along the bottom, for the attribution strip.
const (
	fitMarginShare = 0.08 // of the shorter side
	fitSymbolRoom  = 14.0 // a marker's radius and outline, with its ring
	fitBottomStrip = 22.0 // the attribution line and the scale bar's text
)

// eventsInsets are the margins FitEvents keeps clear in a w×h map.
func eventsInsets(w, h int) render.Insets {
	m := fitMarginShare*math.Min(float64(w), float64(h)) + fitSymbolRoom
	return render.Insets{Left: m, Top: m, Right: m, Bottom: m + fitBottomStrip}
}

// fitInset shows b inside the map less the insets if the widget has a
// size; false when it has none yet.
func (m *Map) fitInset(b orb.Bound, w, h int, in render.Insets) bool {
	if w < 2 || h < 2 {
		return false
	}
	m.setView(render.FitBoundInset(b, w, h, m.scale(), in))
	return true
}
