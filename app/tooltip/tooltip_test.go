package tooltip

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// window puts a toolbar with two tip buttons (one at each end) above a
// label, in a 400×300 test window.
func window(t *testing.T) (fyne.Window, *Layer, *Button, *Button, *int) {
	t.Helper()
	test.NewTempApp(t)
	taps := 0
	var l *Layer
	zoom := NewButton(theme.ZoomInIcon(), "Zoom in (+)", nil, func() { taps++ })
	export := NewButton(theme.DocumentSaveIcon(), "Export map image…", nil, nil)
	bar := widget.NewToolbar(zoom, widget.NewToolbarSpacer(), export)
	l = NewLayer(container.NewBorder(bar, nil, nil, nil, widget.NewLabel("map")))
	zoom.layer, export.layer = l, l
	w := test.NewWindow(l)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(400, 300))
	t.Cleanup(w.Close)
	return w, l, zoom, export, &taps
}

func centre(o fyne.CanvasObject) fyne.Position {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return p.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}

func TestTipShowsUnderTheButtonAndGoes(t *testing.T) {
	old := Delay
	Delay = 0
	defer func() { Delay = old }()
	w, l, zoom, export, taps := window(t)
	c := w.Canvas()

	test.MoveMouse(c, centre(zoom))
	if got := l.Showing(); got != "Zoom in (+)" {
		t.Fatalf("resting on the zoom button shows %q", got)
	}
	pos, size := l.TipBounds()
	bottom := zoom.Position().Y + zoom.Size().Height
	if pos.Y < bottom || pos.Y > bottom+2*theme.Padding() {
		t.Errorf("tip at y=%v, want just under the button (its bottom is %v)", pos.Y, bottom)
	}
	if pos.X < 0 || size.Width < 40 || size.Height < 10 {
		t.Errorf("tip at %v size %v", pos, size)
	}

	// The export button is at the right edge: its tip stays inside.
	test.MoveMouse(c, centre(export))
	if got := l.Showing(); got != "Export map image…" {
		t.Fatalf("after moving to the export button the tip is %q", got)
	}
	pos, size = l.TipBounds()
	if right := pos.X + size.Width; right > 400 {
		t.Errorf("the export tip ends at x=%v, outside the 400 px window", right)
	}

	// Leaving hides it; a tap hides it and still runs the action.
	test.MoveMouse(c, fyne.NewPos(200, 200))
	if got := l.Showing(); got != "" {
		t.Errorf("after leaving the buttons the tip %q is still shown", got)
	}
	test.MoveMouse(c, centre(zoom))
	test.Tap(zoom)
	if got := l.Showing(); got != "" || *taps != 1 {
		t.Errorf("after a tap: tip %q, taps %d; want none and 1", got, *taps)
	}
}

func TestTipWaitsForThePointerToRest(t *testing.T) {
	old := Delay
	Delay = 50 * time.Millisecond
	defer func() { Delay = old }()
	w, l, zoom, _, _ := window(t)
	c := w.Canvas()

	test.MoveMouse(c, centre(zoom))
	if got := l.Showing(); got != "" {
		t.Errorf("the tip %q showed at once", got)
	}
	deadline := time.Now().Add(2 * time.Second)
	for l.Showing() == "" && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if got := l.Showing(); got != "Zoom in (+)" {
		t.Errorf("after resting, the tip is %q", got)
	}

	// Passing over a button on the way elsewhere shows nothing.
	test.MoveMouse(c, fyne.NewPos(200, 200))
	test.MoveMouse(c, centre(zoom))
	test.MoveMouse(c, fyne.NewPos(200, 200))
	time.Sleep(3 * Delay)
	if got := l.Showing(); got != "" {
		t.Errorf("a pointer passing over showed %q", got)
	}
}

// TestTipDoesNotTakeThePointer: the tip lies over the content, but a tap
// on the content under it still reaches the content.
func TestTipDoesNotTakeThePointer(t *testing.T) {
	old := Delay
	Delay = 0
	defer func() { Delay = old }()
	test.NewTempApp(t)
	tapped := 0
	under := widget.NewButton("under the tip", func() { tapped++ })
	var l *Layer
	b := NewButton(theme.ZoomInIcon(), "Zoom in (+)", nil, nil)
	l = NewLayer(container.NewVBox(widget.NewToolbar(b), under))
	b.layer = l
	w := test.NewWindow(l)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(300, 200))
	defer w.Close()
	test.MoveMouse(w.Canvas(), centre(b))
	pos, size := l.TipBounds()
	if l.Showing() == "" {
		t.Fatal("no tip")
	}
	// Tap inside the tip's box, over the button below it.
	at := pos.Add(fyne.NewPos(size.Width/2, size.Height/2))
	if at.Y < under.Position().Y {
		at.Y = under.Position().Y + 2
	}
	test.TapCanvas(w.Canvas(), at)
	if tapped != 1 {
		t.Errorf("a tap under the tip at %v did not reach the button (tip %v+%v, button at %v)", at, pos, size, under.Position())
	}
}

func TestButtonPassesWindowKeys(t *testing.T) {
	test.NewTempApp(t)
	taken := 0
	b := NewButton(theme.HelpIcon(), "Keyboard shortcuts (F1)", nil, nil)
	b.OnWindowKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyF11 {
			taken++
			return true
		}
		return false
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyA})
	if taken != 1 {
		t.Errorf("F11 on a focused button reached the window %d times, want 1", taken)
	}
}
