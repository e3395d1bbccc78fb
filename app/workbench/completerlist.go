package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// completerKeys is the list a completer opens. While it is open it holds
// the keyboard focus (a pop-up has its own focus): it moves through the
// options with ↑↓, picks with Enter or Tab, closes with Esc, and sends
// everything else to the entry so that typing goes on filtering.
type completerKeys struct {
	widget.BaseWidget
	c      *completer
	list   *widget.List
	shift  bool
	labelW float32 // width of the label column, set when the list opens
}

var (
	_ fyne.Focusable      = (*completerKeys)(nil)
	_ fyne.Tabbable       = (*completerKeys)(nil)
	_ fyne.Shortcutable   = (*completerKeys)(nil)
	_ desktop.Keyable     = (*completerKeys)(nil)
	_ fyne.WidgetRenderer = (*completerRowsRenderer)(nil)
)

func newCompleterKeys(c *completer) *completerKeys {
	k := &completerKeys{c: c}
	k.list = widget.NewList(
		func() int { return len(c.opts) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
			label := widget.NewLabel("option")
			label.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabelWithStyle("detail", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(bg, container.New(&optionColumns{k: k}, label, detail))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(c.opts) {
				return
			}
			row := o.(*fyne.Container)
			bg := row.Objects[0].(*canvas.Rectangle)
			bg.FillColor = theme.Color(theme.ColorNameSelection)
			bg.Hidden = i != c.cur
			bg.Refresh()
			cols := row.Objects[1].(*fyne.Container)
			cols.Objects[0].(*widget.Label).SetText(c.opts[i].label)
			detail := cols.Objects[1].(*widget.Label)
			detail.SetText(c.opts[i].detail)
			detail.Hidden = c.opts[i].detail == ""
			cols.Refresh()
		},
	)
	k.list.OnSelected = func(i widget.ListItemID) {
		k.list.UnselectAll()
		c.pick(i)
	}
	k.list.HideSeparators = true
	k.ExtendBaseWidget(k)
	return k
}

// rowHeight is the height of one option in the list.
func (k *completerKeys) rowHeight() float32 {
	return k.list.CreateItem().MinSize().Height
}

// CreateRenderer shows the list.
func (k *completerKeys) CreateRenderer() fyne.WidgetRenderer {
	return &completerRowsRenderer{k: k}
}

// FocusGained implements fyne.Focusable.
func (k *completerKeys) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (k *completerKeys) FocusLost() { k.shift = false }

// AcceptsTab is true: Tab picks the highlighted option.
func (k *completerKeys) AcceptsTab() bool { return true }

// TypedRune types into the entry.
func (k *completerKeys) TypedRune(r rune) { k.c.Entry.TypedRune(r) }

// TypedShortcut sends paste, copy and the like to the entry.
func (k *completerKeys) TypedShortcut(s fyne.Shortcut) { k.c.Entry.TypedShortcut(s) }

// KeyDown tracks the shift keys for Shift+Tab and text selection.
func (k *completerKeys) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		k.shift = true
	}
	k.c.Entry.KeyDown(ev)
}

// KeyUp tracks the shift keys.
func (k *completerKeys) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		k.shift = false
	}
	k.c.Entry.KeyUp(ev)
}

// TypedKey moves, picks or closes; other keys edit the entry's text.
func (k *completerKeys) TypedKey(ev *fyne.KeyEvent) {
	c := k.c
	switch ev.Name {
	case fyne.KeyDown:
		c.move(1)
	case fyne.KeyUp:
		c.move(-1)
	case fyne.KeyPageDown:
		c.move(maxOptions)
	case fyne.KeyPageUp:
		c.move(-maxOptions)
	case fyne.KeyReturn, fyne.KeyEnter:
		c.pick(c.cur)
	case fyne.KeyTab:
		back := k.shift
		c.pick(c.cur)
		c.close()
		if cv := c.hooks.canvas(); cv != nil {
			if back {
				cv.FocusPrevious()
			} else {
				cv.FocusNext()
			}
		}
	case fyne.KeyEscape:
		c.close()
	case fyne.KeyF1, fyne.KeyF11:
		c.close()
		c.hooks.windowKey(ev)
	default:
		c.Entry.TypedKey(ev)
	}
}

// measure sizes the label column to the widest label and returns the width
// the list needs to show every option whole.
func (k *completerKeys) measure() float32 {
	pad := theme.InnerPadding() * 2
	lw, dw := float32(0), float32(0)
	for _, o := range k.c.opts {
		lw = max(lw, fyne.MeasureText(o.label, theme.TextSize(), fyne.TextStyle{}).Width)
		dw = max(dw, fyne.MeasureText(o.detail, theme.TextSize(), fyne.TextStyle{Italic: true}).Width)
	}
	k.labelW = lw + pad + theme.Padding()*2
	if dw == 0 {
		return k.labelW + theme.Padding()*2
	}
	return k.labelW + dw + pad + theme.Padding()*2
}

// optionColumns lays an option's label and detail out in two columns, the
// label's as wide as the widest label of the list.
type optionColumns struct{ k *completerKeys }

// Layout implements fyne.Layout.
func (l *optionColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	lw := min(l.k.labelW, size.Width)
	if !objs[1].Visible() {
		lw = size.Width
	}
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(lw, size.Height))
	objs[1].Move(fyne.NewPos(lw, 0))
	objs[1].Resize(fyne.NewSize(max(size.Width-lw, 0), size.Height))
}

// MinSize implements fyne.Layout.
func (l *optionColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(60, max(objs[0].MinSize().Height, objs[1].MinSize().Height))
}

// completerRowsRenderer lays the list over the whole pop-up.
type completerRowsRenderer struct{ k *completerKeys }

func (r *completerRowsRenderer) Layout(s fyne.Size)           { r.k.list.Resize(s) }
func (r *completerRowsRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, r.k.rowHeight()) }
func (r *completerRowsRenderer) Refresh()                     { r.k.list.Refresh() }
func (r *completerRowsRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.k.list} }
func (r *completerRowsRenderer) Destroy()                     {}
