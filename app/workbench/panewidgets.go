package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// paneEntry is a text entry in one of the window's panes (not in a sheet):
// the window's own keys, F1 and F11, work while it has the keyboard. A
// plain entry would take them as text keys and drop them.
type paneEntry struct {
	widget.Entry
	window func(*fyne.KeyEvent) bool
}

func newPaneEntry(window func(*fyne.KeyEvent) bool) *paneEntry {
	e := &paneEntry{window: window}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs the window's keys, and edits the text with the rest.
func (e *paneEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.window != nil && e.window(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

// paneSelect is a drop-down in one of the window's panes: F1 and F11 work
// while it has the keyboard.
type paneSelect struct {
	widget.Select
	window func(*fyne.KeyEvent) bool
}

func newPaneSelect(options []string, window func(*fyne.KeyEvent) bool) *paneSelect {
	s := &paneSelect{window: window}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey runs the window's keys; the rest work the drop-down.
func (s *paneSelect) TypedKey(ev *fyne.KeyEvent) {
	if s.window != nil && s.window(ev) {
		return
	}
	s.Select.TypedKey(ev)
}

// paneButton is a button in one of the window's panes: F1 and F11 work
// while it has the keyboard (as after Tab from the last filter field).
type paneButton struct {
	widget.Button
	window func(*fyne.KeyEvent) bool
}

func newPaneButton(icon fyne.Resource, tapped func(), window func(*fyne.KeyEvent) bool) *paneButton {
	b := &paneButton{window: window}
	b.Icon, b.OnTapped = icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey runs the window's keys; the rest work the button.
func (b *paneButton) TypedKey(ev *fyne.KeyEvent) {
	if b.window != nil && b.window(ev) {
		return
	}
	b.Button.TypedKey(ev)
}
