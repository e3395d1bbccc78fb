package workbench

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// keyHooks are what the form's fields do with the keys that act on the
// whole form rather than on one field.
type keyHooks struct {
	submit func()                    // Enter: save the event
	cancel func()                    // Esc: drop the edits
	window func(*fyne.KeyEvent) bool // F1, F11: the window's own keys
	win    fyne.Window
	// reveal scrolls the form to a field that got the keyboard.
	reveal func(fyne.CanvasObject)
}

// windowKey runs the window's action for ev (F1 the shortcuts, F11 the
// presentation) when the hooks have one.
func (h *keyHooks) windowKey(ev *fyne.KeyEvent) {
	if h != nil && h.window != nil {
		h.window(ev)
	}
}

// revealed scrolls the form to o when the hooks can.
func (h *keyHooks) revealed(o fyne.CanvasObject) {
	if h != nil && h.reveal != nil {
		h.reveal(o)
	}
}

// canvas is the window's canvas. (The driver's CanvasForObject knows only
// objects drawn at least once, which a field of a form just shown is not.)
func (h *keyHooks) canvas() fyne.Canvas {
	if h == nil || h.win == nil {
		return nil
	}
	return h.win.Canvas()
}

// run calls f when it is set.
func run(f func()) {
	if f != nil {
		f()
	}
}

// fieldEntry is a text entry of the event form: Enter saves the form, Esc
// cancels its edits and F1 shows the shortcuts. In a multi-line entry
// Shift+Enter starts a new line and Tab moves on to the next field.
type fieldEntry struct {
	widget.Entry
	hooks *keyHooks
	shift bool
	self  fyne.CanvasObject // the widget in the form: this entry, or the completer holding it
}

func newFieldEntry(h *keyHooks, placeholder string) *fieldEntry {
	e := &fieldEntry{hooks: h}
	e.self = e
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained scrolls the form to the entry.
func (e *fieldEntry) FocusGained() {
	e.Entry.FocusGained()
	e.hooks.revealed(e.self)
}

// AcceptsTab is false: Tab always moves to the next field.
func (e *fieldEntry) AcceptsTab() bool { return false }

// KeyDown tracks the shift keys.
func (e *fieldEntry) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp tracks the shift keys.
func (e *fieldEntry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

// FocusLost forgets the shift state.
func (e *fieldEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
}

// TypedKey handles Enter, Esc and F1; the rest edits the text.
func (e *fieldEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.MultiLine && e.shift {
			e.Entry.TypedKey(ev)
			return
		}
		run(e.hooks.submit)
	case fyne.KeyEscape:
		run(e.hooks.cancel)
	case fyne.KeyF1, fyne.KeyF11:
		e.hooks.windowKey(ev)
	default:
		e.Entry.TypedKey(ev)
	}
}

// choice is a drop-down of the event form. Typing a letter picks the next
// option that starts with it, ←→ step through the options, Enter saves the
// form, Esc cancels its edits. Space, ↑, ↓ or a click open its list with
// the current value checked and highlighted, so that ↑↓ move from it.
type choice struct {
	widget.Select
	hooks *keyHooks
	pop   *widget.PopUpMenu
}

func newChoice(h *keyHooks, options []string, changed func(string)) *choice {
	c := &choice{hooks: h}
	c.Options = options
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained scrolls the form to the drop-down.
func (c *choice) FocusGained() {
	c.Select.FocusGained()
	c.hooks.revealed(c)
}

// Tapped takes the keyboard and opens the list.
func (c *choice) Tapped(*fyne.PointEvent) {
	if c.Disabled() {
		return
	}
	if cv := c.hooks.canvas(); cv != nil && cv.Focused() != c {
		cv.Focus(c)
	}
	c.showList()
}

// showList opens the options under the drop-down, the current one checked
// and highlighted.
func (c *choice) showList() {
	cv := c.hooks.canvas()
	if cv == nil || len(c.Options) == 0 {
		return
	}
	cur := c.SelectedIndex()
	items := make([]*fyne.MenuItem, len(c.Options))
	for i, o := range c.Options {
		items[i] = fyne.NewMenuItem(o, func() { c.SetSelected(o) })
		items[i].Checked = i == cur
	}
	pop := widget.NewPopUpMenu(fyne.NewMenu("", items...), cv)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).Add(fyne.NewPos(0, c.Size().Height))
	pop.ShowAtPosition(pos)
	pop.Resize(fyne.NewSize(max(c.Size().Width, pop.MinSize().Width), pop.MinSize().Height))
	for i := 0; i <= cur; i++ {
		pop.ActivateNext()
	}
	c.pop = pop
}

// TypedKey opens the list on Space, ↑ or ↓ and handles Enter, Esc and F1;
// the rest goes to the drop-down.
func (c *choice) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown:
		c.showList()
	case fyne.KeyReturn, fyne.KeyEnter:
		run(c.hooks.submit)
	case fyne.KeyEscape:
		run(c.hooks.cancel)
	case fyne.KeyF1, fyne.KeyF11:
		c.hooks.windowKey(ev)
	default:
		c.Select.TypedKey(ev)
	}
}

// TypedRune selects the next option starting with r, case-insensitively.
func (c *choice) TypedRune(r rune) {
	if i := nextStartingWith(c.Options, c.SelectedIndex(), r); i >= 0 {
		c.SetSelectedIndex(i)
	}
}

// nextStartingWith returns the index of the first option after from (wrapping
// round) whose first letter is r, ignoring case, or -1.
func nextStartingWith(options []string, from int, r rune) int {
	want := unicode.ToLower(r)
	for k := 1; k <= len(options); k++ {
		i := (from + k + len(options)) % len(options)
		if first, _ := utf8.DecodeRuneInString(options[i]); unicode.ToLower(first) == want {
			return i
		}
	}
	return -1
}
