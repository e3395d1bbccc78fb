package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// option is one entry of a completer's list.
type option struct {
	label  string // shown in the list, and put in the entry when picked unless fill is set
	detail string // a note beside it, e.g. "city · Kunduz, Afghanistan"
	value  string // what the field stores: a type name, an actor or place id
	fill   string // put in the entry when picked, when it differs from label
}

// text is what picking o puts in the entry.
func (o option) text() string {
	if o.fill != "" {
		return o.fill
	}
	return o.label
}

// maxOptions is how many options a completer's list shows at most.
const maxOptions = 8

// completer is a text entry that offers completions in a list under it as
// the user types or presses ↓: ↑↓ move, Enter or Tab picks, Esc closes the
// list. With the list closed it behaves as a fieldEntry (Enter saves the
// form, Esc cancels it).
type completer struct {
	fieldEntry

	// suggest returns the options for the typed text ("" when the field is
	// empty or ↓ is pressed on text that was picked).
	suggest func(text string) []option
	// onPick is called after an option is picked and its label put in the entry.
	onPick func(option)
	// onEdit is called when the user changes the text by typing.
	onEdit func(text string)
	// onBackspaceEmpty is called for Backspace in an empty entry.
	onBackspaceEmpty func()

	opts  []option
	cur   int
	quiet bool // the text is being set by code: do not suggest
	pop   *widget.PopUp
	keys  *completerKeys
}

func newCompleter(h *keyHooks, placeholder string, suggest func(string) []option, onPick func(option)) *completer {
	c := &completer{suggest: suggest, onPick: onPick}
	c.hooks = h
	c.self = c
	c.PlaceHolder = placeholder
	c.OnChanged = c.changed
	c.ExtendBaseWidget(c)
	return c
}

// setText replaces the text without offering completions.
func (c *completer) setText(s string) {
	c.quiet = true
	c.SetText(s)
	c.quiet = false
}

func (c *completer) changed(text string) {
	if c.quiet {
		return
	}
	if c.onEdit != nil {
		c.onEdit(text)
	}
	c.offer(text)
}

// offer shows the options for text, or closes the list when there are none.
func (c *completer) offer(text string) {
	opts := c.suggest(text)
	if len(opts) > maxOptions {
		opts = opts[:maxOptions]
	}
	c.opts, c.cur = opts, 0
	if len(opts) == 0 {
		c.close()
		return
	}
	c.open()
}

// TypedKey opens the list on ↓ or ↑; other keys act as in a fieldEntry.
func (c *completer) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyUp:
		c.offer(c.Text)
	case fyne.KeyBackspace:
		if c.Text == "" && c.onBackspaceEmpty != nil {
			c.onBackspaceEmpty()
			return
		}
		c.fieldEntry.TypedKey(ev)
	default:
		c.fieldEntry.TypedKey(ev)
	}
}

// listShown reports whether the list of options is open.
func (c *completer) listShown() bool { return c.pop != nil && c.pop.Visible() }

// open shows the list under the entry (above it when there is no room
// below) and sends the keyboard to it.
func (c *completer) open() {
	cv := c.hooks.canvas()
	if cv == nil {
		return
	}
	if c.pop == nil {
		c.keys = newCompleterKeys(c)
		c.pop = widget.NewPopUp(c.keys, cv)
	}
	c.keys.list.Refresh()
	c.keys.list.ScrollToTop()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c)
	n := float32(len(c.opts))
	width := min(max(c.Size().Width, c.keys.measure()), max(cv.Size().Width*0.45, c.Size().Width))
	size := fyne.NewSize(width, (c.keys.rowHeight()+theme.Padding())*n+theme.Padding())
	below := pos.Add(fyne.NewPos(0, c.Size().Height))
	if below.Y+size.Height > cv.Size().Height && pos.Y-size.Height > 0 {
		below = pos.Subtract(fyne.NewPos(0, size.Height))
	}
	if below.X+size.Width > cv.Size().Width {
		below.X = max(0, cv.Size().Width-size.Width)
	}
	c.pop.ShowAtPosition(below)
	c.pop.Resize(size)
	cv.Focus(c.keys)
}

// close hides the list; the keyboard goes back to the entry.
func (c *completer) close() {
	if c.listShown() {
		c.pop.Hide()
	}
}

// move changes the highlighted option by d, staying in the list.
func (c *completer) move(d int) {
	if len(c.opts) == 0 {
		return
	}
	c.cur = min(max(c.cur+d, 0), len(c.opts)-1)
	c.keys.list.Refresh()
	c.keys.list.ScrollTo(c.cur)
}

// pick puts option i in the entry and reports it.
func (c *completer) pick(i int) {
	if i < 0 || i >= len(c.opts) {
		return
	}
	o := c.opts[i]
	c.close()
	c.setText(o.text())
	c.CursorColumn = len([]rune(o.text()))
	c.Refresh()
	if c.onPick != nil {
		c.onPick(o)
	}
}

// FocusLost closes the list when the focus moves elsewhere in the window.
func (c *completer) FocusLost() {
	c.fieldEntry.FocusLost()
	c.close()
}
