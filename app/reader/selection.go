package reader

import (
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

	from     int  // the boundary a mouse selection grows from
	snapFrom bool // from snaps to a word too (a plain press, not shift+click)
	exact    bool // Alt or Ctrl was held at the press: no word snapping
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

// ClearSelection collapses the selection to a caret at its end, so that
// nothing is selected, and reports it with OnSelectionChanged(end, end)
// when something was selected. The workbench calls it after an event is
// saved from the selection, so the same words are not coded twice by
// accident.
func (r *Reader) ClearSelection() {
	_, e := r.Selection()
	r.anchor, r.caret = e, e
	r.Refresh()
	r.notify()
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
// one to the word under the pointer; Ctrl or Alt turns word snapping off
// for the whole gesture), or a scroll-bar drag when it lands on the scroll bar.
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
	r.input.exact = ev.Modifier&exactModifiers != 0
	off := r.offsetAt(ev.Position)
	if ev.Modifier&fyne.KeyModifierShift == 0 {
		r.input.from, r.input.snapFrom = off, true
	} else {
		r.input.from, r.input.snapFrom = r.anchor, false
	}
	r.selectTo(off)
	r.Refresh()
}

// exactModifiers are the keys that, held when the mouse button is pressed,
// make the selection character-exact instead of snapped to words. Ctrl is
// the one to document: releasing Alt alone after the drag also activates
// Fyne's menu bar.
const exactModifiers = fyne.KeyModifierControl | fyne.KeyModifierAlt

// selectTo sets the selection for a mouse gesture from r.input.from to
// boundary off. Mouse selections snap to whole words (see snapToWords and
// the rule in words.go) unless Ctrl or Alt was held at the press, so a
// quote is never cut mid-word; a press and release at one point selects
// nothing. Only the modifiers reported with the press count, not keys
// tracked since, so a key stuck down cannot turn snapping off unseen.
func (r *Reader) selectTo(off int) {
	if r.input.exact {
		r.anchor, r.caret = r.input.from, off
		return
	}
	r.anchor, r.caret = snapToWords(r.doc.runes, r.input.from, off, r.input.snapFrom)
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

// Dragged extends the selection to the pointer, snapped to whole words
// unless Ctrl or Alt is held (see selectTo), scrolling when the pointer
// leaves the pane, or drags the scroll bar thumb.
func (r *Reader) Dragged(ev *fyne.DragEvent) {
	if !r.input.pressed { // a drag the widget did not see start
		r.input.pressed, r.input.barDrag = true, false
		r.input.from = r.offsetAt(ev.Position.Subtract(ev.Dragged))
		r.input.snapFrom, r.input.exact = true, false
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
	r.selectTo(r.offsetAt(ev.Position))
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

func (r *Reader) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r)
	}
}
