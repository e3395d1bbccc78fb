package reader

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// inputState is the state of the mouse and keyboard gestures in progress.
type inputState struct {
	pressed   bool   // primary button down over the text
	dragged   bool   // the pointer moved since the press
	barDrag   bool   // the press landed on the scroll bar
	shift     bool   // a shift key is held (keyboard selection)
	pressHigh string // highlight under the press, "" if none
}

// Selection returns the selected code points [start, end); start == end when
// nothing is selected (the caret position).
func (r *Reader) Selection() (start, end int) {
	return min(r.anchor, r.caret), max(r.anchor, r.caret)
}

// SetSelection selects code points [start, end) (swapped when reversed,
// clamped to the text) and scrolls the end into view. OnSelectionChanged is
// not called.
func (r *Reader) SetSelection(start, end int) {
	if start > end {
		start, end = end, start
	}
	n := r.textLen()
	r.anchor, r.caret = clamp(start, 0, n), clamp(end, 0, n)
	r.notified = [2]int{r.anchor, r.caret}
	r.Refresh()
}

// SelectedText returns the text of the selection ("" when empty).
func (r *Reader) SelectedText() string {
	s, e := r.Selection()
	return string(r.doc.runes[s:e])
}

// SelectAll selects the whole text.
func (r *Reader) SelectAll() {
	r.anchor, r.caret = 0, r.textLen()
	r.Refresh()
	r.notify()
}

// notify calls OnSelectionChanged if the selection differs from the last
// one reported.
func (r *Reader) notify() {
	s, e := r.Selection()
	if r.notified == [2]int{s, e} {
		return
	}
	r.notified = [2]int{s, e}
	if r.OnSelectionChanged != nil {
		r.OnSelectionChanged(s, e)
	}
}

// MouseDown starts a selection at the pointer (shift extends the current
// one), or a scroll-bar drag when it lands on the scroll bar.
func (r *Reader) MouseDown(ev *desktop.MouseEvent) {
	r.requestFocus()
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	r.input.pressed, r.input.dragged = true, false
	r.input.barDrag = r.onScrollBar(ev.Position)
	if r.input.barDrag {
		r.scrollBarPress(ev.Position)
		return
	}
	r.input.pressHigh = ""
	if c := r.charAt(ev.Position); c >= 0 {
		r.input.pressHigh = r.highlightAt(c)
	}
	off := r.offsetAt(ev.Position)
	if ev.Modifier&fyne.KeyModifierShift == 0 {
		r.anchor = off
	}
	r.caret = off
	r.Refresh()
}

// MouseUp ends a press. A click without a drag on a highlighted character
// calls OnHighlightTapped.
func (r *Reader) MouseUp(ev *desktop.MouseEvent) {
	if !r.input.pressed {
		return
	}
	r.input.pressed = false
	if r.input.barDrag {
		return
	}
	if !r.input.dragged && r.input.pressHigh != "" && r.OnHighlightTapped != nil {
		if c := r.charAt(ev.Position); c >= 0 && r.highlightAt(c) == r.input.pressHigh {
			r.OnHighlightTapped(r.input.pressHigh)
		}
	}
	r.notify()
}

// Dragged extends the selection to the pointer, scrolling when the pointer
// leaves the pane, or drags the scroll bar thumb.
func (r *Reader) Dragged(ev *fyne.DragEvent) {
	if !r.input.pressed { // a drag the widget did not see start
		r.input.pressed, r.input.barDrag = true, false
		r.anchor = r.offsetAt(ev.Position.Subtract(ev.Dragged))
	}
	r.input.dragged = true
	if r.input.barDrag {
		r.scrollBarDrag(ev.Dragged.DY)
		return
	}
	if h := r.Size().Height; ev.Position.Y < 0 {
		r.scrollY += ev.Position.Y / 2
	} else if ev.Position.Y > h {
		r.scrollY += (ev.Position.Y - h) / 2
	}
	r.clampScroll()
	r.caret = r.offsetAt(ev.Position)
	r.Refresh()
}

// DragEnd finishes a drag selection.
func (r *Reader) DragEnd() {
	r.input.pressed = false
	r.input.barDrag = false
	r.notify()
}

// DoubleTapped selects the word (or run of spaces, or punctuation mark)
// under the pointer.
func (r *Reader) DoubleTapped(ev *fyne.PointEvent) {
	c := r.charAt(ev.Position)
	if c < 0 {
		return
	}
	r.anchor, r.caret = wordBounds(r.doc.runes, c)
	r.Refresh()
	r.notify()
}

// runeClass groups code points for word selection: 1 word, 2 space, 3 other.
func runeClass(c rune) int {
	switch {
	case unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || c == '_' ||
		c == '\u200c' || c == '\u200d': // ZWNJ and ZWJ join Persian word parts
		return 1
	case isBreakSpace(c):
		return 2
	}
	return 3
}

// wordBounds returns the run of code points around i of i's class; an
// apostrophe between letters belongs to the word ("Taliban’s"). Other
// punctuation is selected alone.
func wordBounds(rs []rune, i int) (int, int) {
	in := func(k int) bool {
		if k < 0 || k >= len(rs) || rs[k] == '\n' {
			return false
		}
		cls := runeClass(rs[i])
		if cls == 1 && (rs[k] == '\'' || rs[k] == '’') {
			return k > 0 && k+1 < len(rs) && runeClass(rs[k-1]) == 1 && runeClass(rs[k+1]) == 1
		}
		return cls != 3 && runeClass(rs[k]) == cls
	}
	if !in(i) {
		return i, i + 1
	}
	s, e := i, i+1
	for in(s - 1) {
		s--
	}
	for in(e) {
		e++
	}
	return s, e
}

func (r *Reader) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r)
	}
}
