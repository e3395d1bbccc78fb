package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// sheet is a modal pane over the window (a help sheet, a confirmation, a
// history) that the keyboard can answer: Enter presses its default button,
// Esc closes it.
type sheet struct {
	pop  *widget.PopUp
	def  *sheetButton
	esc  *sheetButton // the button that closes the sheet; nil for a one-button sheet
	onOK func()
	// onClose, when set, runs whenever the sheet closes, by either button
	// or a key.
	onClose func()
}

// openSheets are the sheets shown on each canvas, until they close.
var openSheets = map[fyne.Canvas]map[*sheet]bool{}

// sheetOpen reports whether a sheet is showing on c.
func sheetOpen(c fyne.Canvas) bool {
	for s := range openSheets[c] {
		if s.pop.Visible() {
			return true
		}
	}
	return false
}

// showSheet shows body under title with the buttons; the first button is
// the default, which gets the keyboard. A nil ok makes a sheet with one
// "Close" button. size is the sheet's size.
func showSheet(c fyne.Canvas, title string, body fyne.CanvasObject, okLabel string, ok func(), size fyne.Size) *sheet {
	s := &sheet{onOK: ok}
	s.pop = widget.NewModalPopUp(nil, c)
	closeLabel := "Cancel"
	if ok == nil {
		okLabel, closeLabel = "Close", ""
	}
	s.def = newSheetButton(s, okLabel, s.accept)
	s.def.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{layout.NewSpacer()}
	if closeLabel != "" {
		s.esc = newSheetButton(s, closeLabel, s.close)
		buttons = append(buttons, s.esc)
	}
	buttons = append(buttons, s.def)
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.pop.Content = container.NewBorder(heading, row([]float32{1}, buttons...), nil, nil, body)
	s.pop.Resize(size)
	s.pop.Show()
	if openSheets[c] == nil {
		openSheets[c] = map[*sheet]bool{}
	}
	openSheets[c][s] = true
	c.Focus(s.def)
	return s
}

func (s *sheet) accept() {
	s.close()
	if s.onOK != nil {
		s.onOK()
	}
}

func (s *sheet) close() {
	s.pop.Hide()
	delete(openSheets[s.pop.Canvas], s)
	if s.onClose != nil {
		s.onClose()
	}
}

// sheetButton is a button of a sheet: Enter presses the sheet's default
// button, Esc closes the sheet.
type sheetButton struct {
	widget.Button
	s *sheet
}

func newSheetButton(s *sheet, label string, tapped func()) *sheetButton {
	b := &sheetButton{s: s}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey handles Enter and Esc.
func (b *sheetButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.s.def.OnTapped()
	case fyne.KeyEscape, fyne.KeyF1:
		b.s.close()
	default:
		b.Button.TypedKey(ev)
	}
}
