package workbench

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// findBar is the bar over the reader that finds words in the article
// (Ctrl+F): each match is selected in turn, so Ctrl+E makes an event of it.
type findBar struct {
	wb      *Workbench
	entry   *findEntry
	count   *widget.Label
	bar     *fyne.Container
	matches []int
	cur     int
}

func newFindBar(wb *Workbench) *findBar {
	b := &findBar{wb: wb}
	b.entry = &findEntry{b: b}
	b.entry.PlaceHolder = "Find in article"
	b.entry.ExtendBaseWidget(b.entry)
	b.entry.OnChanged = b.search
	b.count = widget.NewLabel("")
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { b.step(-1) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { b.step(1) })
	done := widget.NewButtonWithIcon("", theme.CancelIcon(), b.close)
	for _, btn := range []*widget.Button{prev, next, done} {
		btn.Importance = widget.LowImportance
	}
	b.bar = container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.SearchIcon()),
		container.NewHBox(b.count, prev, next, done), b.entry)
	b.bar.Hide()
	return b
}

// OpenFind shows the find bar over the reader with the keyboard in it (Ctrl+F).
func (wb *Workbench) OpenFind() {
	b := wb.find
	b.bar.Show()
	wb.focus(b.entry)
	b.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	b.search(b.entry.Text)
}

// search finds q and selects the first match.
func (b *findBar) search(q string) {
	b.matches, b.cur = b.wb.reader.Find(q), 0
	if len(b.matches) > 0 {
		b.show()
		return
	}
	if q == "" {
		b.count.SetText("")
	} else {
		b.count.SetText("no matches")
	}
}

// step shows the next (d = 1) or previous (d = −1) match, wrapping round.
func (b *findBar) step(d int) {
	if len(b.matches) == 0 {
		return
	}
	b.cur = (b.cur + d + len(b.matches)) % len(b.matches)
	b.show()
}

func (b *findBar) show() {
	b.wb.reader.ShowMatch(b.cur)
	b.count.SetText(fmt.Sprintf("%d of %d", b.cur+1, len(b.matches)))
	start, end := b.wb.reader.Selection()
	b.wb.status.setSelection(end - start)
}

// close hides the bar and the marks of the matches and gives the keyboard
// back to the reader, the current match still selected.
func (b *findBar) close() {
	b.bar.Hide()
	b.wb.reader.Find("") // the other matches are no longer marked
	b.matches = nil
	b.wb.focusReader()
}

// findEntry is the find bar's entry: Enter or ↓ goes to the next match,
// Shift+Enter or ↑ to the previous one, Esc closes the bar.
type findEntry struct {
	widget.Entry
	b     *findBar
	shift bool
}

// KeyDown tracks the shift keys.
func (e *findEntry) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp tracks the shift keys.
func (e *findEntry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

// TypedKey steps through the matches or closes the bar.
func (e *findEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.shift {
			e.b.step(-1)
		} else {
			e.b.step(1)
		}
	case fyne.KeyDown:
		e.b.step(1)
	case fyne.KeyUp:
		e.b.step(-1)
	case fyne.KeyEscape:
		e.b.close()
	case fyne.KeyF1, fyne.KeyF11:
		e.b.wb.windowKey(ev)
	default:
		e.Entry.TypedKey(ev)
	}
}
