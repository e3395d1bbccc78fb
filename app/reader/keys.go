package reader

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// FocusGained shows the caret.
func (r *Reader) FocusGained() {
	r.focused = true
	r.Refresh()
}

// FocusLost hides the caret.
func (r *Reader) FocusLost() {
	r.focused = false
	r.input.shift = false
	r.Refresh()
}

// TypedRune ignores typing: the text is read-only.
func (r *Reader) TypedRune(rune) {}

// KeyDown tracks the shift keys for keyboard selection.
func (r *Reader) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		r.input.shift = true
	}
}

// KeyUp tracks the shift keys for keyboard selection.
func (r *Reader) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		r.input.shift = false
	}
}

// TypedKey moves the caret: arrows by a character or a line, Home/End to the
// line's ends, Page Up/Down by a screen. With shift held the selection
// extends; without it the selection collapses to the caret.
func (r *Reader) TypedKey(ev *fyne.KeyEvent) {
	if len(r.lay.lines) == 0 {
		r.forwardKey(ev)
		return
	}
	caret, page := r.caret, r.Size().Height*0.9
	switch ev.Name {
	case fyne.KeyLeft:
		caret = r.arrowMove(-1)
	case fyne.KeyRight:
		caret = r.arrowMove(1)
	case fyne.KeyUp:
		caret = r.verticalMove(-1)
	case fyne.KeyDown:
		caret = r.verticalMove(1)
	case fyne.KeyHome:
		caret = r.lay.lines[r.lineOf(caret)].start
	case fyne.KeyEnd:
		caret = r.visibleEnd(r.lay.lines[r.lineOf(caret)])
	case fyne.KeyPageUp:
		r.scrollBy(-page)
		return
	case fyne.KeyPageDown:
		r.scrollBy(page)
		return
	default:
		r.forwardKey(ev)
		return
	}
	r.moveCaret(caret, r.input.shift)
}

// moveCaret moves the caret to off, extending the selection when extend is
// set and collapsing it to the caret otherwise, and reports the change.
func (r *Reader) moveCaret(off int, extend bool) {
	r.caret = clamp(off, 0, r.textLen())
	if !extend {
		r.anchor = r.caret
	}
	r.ensureVisible(r.caret)
	r.Refresh()
	r.notify()
}

// wordMove returns the caret moved by Ctrl+Left (dir -1) or Ctrl+Right (+1):
// to the start of the word before it or the end of the word after it (see
// words.go for what a word is). On a right-to-left paragraph the keys move
// visually, as the plain arrows do: Ctrl+Left goes on to the next word's
// end and Ctrl+Right back to the previous word's start.
func (r *Reader) wordMove(dir int) int {
	if l := r.lay.lines[r.lineOf(r.caret)]; l.bidi && r.visual(l).rtl {
		dir = -dir
	}
	if dir > 0 {
		return nextWordEnd(r.doc.runes, r.caret)
	}
	return prevWordStart(r.doc.runes, r.caret)
}

// wordKey handles Ctrl+Left/Right (move the caret by a word) and
// Ctrl+Shift+Left/Right (extend the selection by a word); it reports
// whether s was one of them.
func (r *Reader) wordKey(s *desktop.CustomShortcut) bool {
	mod := s.Modifier &^ fyne.KeyModifierShift
	if mod != fyne.KeyModifierControl || len(r.lay.lines) == 0 {
		return false
	}
	var dir int
	switch s.KeyName {
	case fyne.KeyLeft:
		dir = -1
	case fyne.KeyRight:
		dir = 1
	default:
		return false
	}
	r.moveCaret(r.wordMove(dir), s.Modifier&fyne.KeyModifierShift != 0)
	return true
}

// arrowMove returns the caret moved by the Left (dir -1) or Right (+1) key.
// Like gedit, the arrows move visually: on a line holding right-to-left
// text Left goes to the position on the left, whatever the logical order.
// At a line's visual end the caret moves on logically (back on a
// left-to-right line's left end, forward on a right-to-left one's), which
// reaches the neighbouring line; plain left-to-right lines move logically.
func (r *Reader) arrowMove(dir int) int {
	l := r.lay.lines[r.lineOf(r.caret)]
	if !l.bidi {
		return r.caret + dir
	}
	if off, ok := r.visualStep(l, dir); ok {
		return off
	}
	if r.visual(l).rtl {
		return r.caret - dir
	}
	return r.caret + dir
}

// verticalMove returns the offset on the line dir lines away from the
// caret's, at the caret's x.
func (r *Reader) verticalMove(dir int) int {
	i := r.lineOf(r.caret)
	x := r.caretX(r.lay.lines[i], r.caret)
	j := i + dir
	for j >= 0 && j < len(r.lay.lines) && r.lay.lines[j].blank {
		j += dir
	}
	if j < 0 {
		return 0
	}
	if j >= len(r.lay.lines) {
		return r.textLen()
	}
	return r.colAt(r.lay.lines[j], x)
}

// TypedShortcut handles Ctrl+A (select all), Ctrl+C (copy the selection),
// Ctrl+Left/Right (move the caret by a word) and Ctrl+Shift+Left/Right
// (extend the selection by a word); other shortcuts go on to the window's canvas so the app's
// shortcuts keep working while the reader has focus.
func (r *Reader) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutSelectAll:
		r.SelectAll()
	case *fyne.ShortcutCopy:
		text := r.SelectedText()
		if text == "" {
			return
		}
		cb := sc.Clipboard
		if cb == nil {
			cb = fyne.CurrentApp().Clipboard()
		}
		cb.SetContent(text)
	case *desktop.CustomShortcut:
		if !r.wordKey(sc) {
			r.forwardShortcut(s)
		}
	default:
		r.forwardShortcut(s)
	}
}

// forwardShortcut passes a shortcut the reader does not use on to the
// window's canvas.
func (r *Reader) forwardShortcut(s fyne.Shortcut) {
	type shortcutHandler interface{ TypedShortcut(fyne.Shortcut) }
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(r).(shortcutHandler); ok {
		c.TypedShortcut(s)
	}
}

// visibleEnd is the end of line l before the spaces a wrapped line hangs
// past the margin, so the caret stays on l rather than the next line.
func (r *Reader) visibleEnd(l line) int {
	end := l.end
	if !l.paraEnd {
		for end > l.start && isBreakSpace(r.doc.runes[end-1]) {
			end--
		}
	}
	return end
}

// forwardKey passes a key the reader does not use (F1, Delete, Escape…) on to
// the window, as TypedShortcut does with shortcuts, so window-wide keys work
// while the reader has the keyboard.
func (r *Reader) forwardKey(ev *fyne.KeyEvent) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	if c := app.Driver().CanvasForObject(r); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(ev)
	}
}
