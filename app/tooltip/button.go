package tooltip

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Delay is how long the pointer rests on a button before its tip shows.
var Delay = 600 * time.Millisecond

// Button is an icon button that names what it does in a tip when the
// pointer rests on it. It is also a toolbar item.
type Button struct {
	widget.Button
	// Tip is the text of the tip, e.g. "Zoom in (+)".
	Tip string
	// OnWindowKey, when set, gets the keys typed while the button has the
	// keyboard first (the window's F1, F11); it reports whether it took one.
	OnWindowKey func(*fyne.KeyEvent) bool
	layer       *Layer

	mu    sync.Mutex
	timer *time.Timer
	gen   int
}

// NewButton makes a flat icon button that runs tapped and shows tip in
// layer.
func NewButton(icon fyne.Resource, tip string, layer *Layer, tapped func()) *Button {
	b := &Button{Tip: tip, layer: layer}
	b.Icon = icon
	b.OnTapped = tapped
	b.Importance = widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

// ToolbarObject makes the button a toolbar item.
func (b *Button) ToolbarObject() fyne.CanvasObject { return b }

// TypedKey gives OnWindowKey the key first; the rest work the button.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	if b.OnWindowKey != nil && b.OnWindowKey(ev) {
		return
	}
	b.Button.TypedKey(ev)
}

// MouseIn starts the wait for the tip.
func (b *Button) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	if b.Tip == "" || b.layer == nil {
		return
	}
	if Delay <= 0 {
		b.layer.ShowFor(b, b.Tip)
		return
	}
	b.mu.Lock()
	b.gen++
	gen := b.gen
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(Delay, func() {
		fyne.Do(func() {
			b.mu.Lock()
			current := gen == b.gen
			b.mu.Unlock()
			if current && b.Visible() {
				b.layer.ShowFor(b, b.Tip)
			}
		})
	})
	b.mu.Unlock()
}

// MouseOut hides the tip.
func (b *Button) MouseOut() {
	b.Button.MouseOut()
	b.cancelTip()
}

// Tapped hides the tip and runs the action.
func (b *Button) Tapped(e *fyne.PointEvent) {
	b.cancelTip()
	b.Button.Tapped(e)
}

func (b *Button) cancelTip() {
	b.mu.Lock()
	b.gen++
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	b.mu.Unlock()
	if b.layer != nil && b.layer.Showing() == b.Tip {
		b.layer.Hide()
	}
}
