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
	submit func() // Enter: save the event
	cancel func() // Esc: drop the edits
	help   func() // F1: the shortcuts sheet
	win    fyne.Window
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
}

func newFieldEntry(h *keyHooks, placeholder string) *fieldEntry {
	e := &fieldEntry{hooks: h}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
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
	case fyne.KeyF1:
		run(e.hooks.help)
	default:
		e.Entry.TypedKey(ev)
	}
}

// choice is a drop-down of the event form. Typing a letter picks the next
// option that starts with it, ←→ step through the options, Enter saves the
// form, Esc cancels its edits.
type choice struct {
	widget.Select
	hooks *keyHooks
}

func newChoice(h *keyHooks, options []string, changed func(string)) *choice {
	c := &choice{hooks: h}
	c.Options = options
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey handles Enter, Esc and F1; the rest goes to the drop-down.
func (c *choice) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		run(c.hooks.submit)
	case fyne.KeyEscape:
		run(c.hooks.cancel)
	case fyne.KeyF1:
		run(c.hooks.help)
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
