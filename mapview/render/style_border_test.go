package render

import (
	"image/color"
	"math"
	"testing"
)

// relLuminance is the WCAG relative luminance of c (alpha ignored).
func relLuminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is the WCAG contrast ratio of a and b.
func contrast(a, b color.NRGBA) float64 {
	la, lb := relLuminance(a), relLuminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestDarkBordersQuieterThanEvents: in the dark style the international
// borders stand out less than the events: the casing band over the land
// is a faint tint (no glow), and the border line's contrast with the land
// stays under a third of that of the events' white outline (the old
// style failed both).
func TestDarkBordersQuieterThanEvents(t *testing.T) {
	st := DarkStyle()
	for _, land := range []color.NRGBA{st.FocusLand, st.Land} {
		band := blendOver(st.BorderCasing, land)
		if c := contrast(band, land); c > 1.15 {
			t.Errorf("casing over land %v: contrast %.2f, want ≤ 1.15 (a glow)", land, c)
		}
		line, outline := contrast(st.BorderLine, land), contrast(st.EventOutline, land)
		if line > outline/3 {
			t.Errorf("border line over land %v: contrast %.2f, want ≤ a third of the event outline's %.2f", land, line, outline)
		}
	}
}
