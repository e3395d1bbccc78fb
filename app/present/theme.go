package present

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// roomScale is how much larger the caption's text is than the workbench's,
// so it reads from the back of a room.
const roomScale = 1.6

// roomTheme is the app's theme with the text sizes scaled by roomScale.
type roomTheme struct{ fyne.Theme }

// Size implements fyne.Theme.
func (t roomTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNamePadding, theme.SizeNameInnerPadding:
		return s * roomScale
	}
	return s
}

// roomMagnify is how many times their desktop size the presentation's map
// draws place names, symbols, lines and the scale bar: readable from the
// back of a room on a projector, like the caption's large type.
const roomMagnify = 1.4
