// Package tooltip shows a short description beside a control the pointer
// rests on, as desktop toolbars do. Fyne 2.8 has no tooltips of its own, and
// a pop-up would take the pointer's events from the control under it, so
// the tip is drawn in a layer above the window's content that takes no
// events.
package tooltip

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Layer is a window's content with room above it for one tip at a time.
type Layer struct {
	widget.BaseWidget
	content fyne.CanvasObject
	tip     *tipBox
	above   *fyne.Container // holds the tip where it is put
	stack   *fyne.Container // the content, then above
}

// NewLayer puts content under a tip layer; set the result as the window's
// content (or the part of it the tips should stay inside). Content may be
// nil and set later, for buttons made before it.
func NewLayer(content fyne.CanvasObject) *Layer {
	l := &Layer{tip: newTipBox()}
	l.tip.Hide()
	l.above = container.NewWithoutLayout(l.tip)
	l.stack = container.NewStack(l.above)
	l.ExtendBaseWidget(l)
	l.SetContent(content)
	return l
}

// SetContent puts content under the tips.
func (l *Layer) SetContent(content fyne.CanvasObject) {
	l.content = content
	if content == nil {
		l.stack.Objects = []fyne.CanvasObject{l.above}
	} else {
		l.stack.Objects = []fyne.CanvasObject{content, l.above}
	}
	l.stack.Refresh()
}

// CreateRenderer stacks the content and the tip.
func (l *Layer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(l.stack)
}

// Showing returns the text of the tip on show, "" when none is.
func (l *Layer) Showing() string {
	if !l.tip.Visible() {
		return ""
	}
	return l.tip.text.Text
}

// TipBounds returns where the tip is, in the layer's coordinates.
func (l *Layer) TipBounds() (fyne.Position, fyne.Size) {
	return l.tip.Position(), l.tip.Size()
}

// ShowFor shows text under the object o (or above it near the bottom of
// the layer), kept inside the layer.
func (l *Layer) ShowFor(o fyne.CanvasObject, text string) {
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(o).Subtract(d.AbsolutePositionForObject(l))
	l.tip.setText(text)
	size := l.tip.MinSize()
	gap := theme.Padding()
	x := at.X + (o.Size().Width-size.Width)/2
	y := at.Y + o.Size().Height + gap
	if y+size.Height > l.Size().Height {
		y = at.Y - size.Height - gap
	}
	x = clamp(x, gap, l.Size().Width-size.Width-gap)
	y = clamp(y, 0, l.Size().Height-size.Height)
	l.tip.Resize(size)
	l.tip.Move(fyne.NewPos(x, y))
	l.tip.Show()
	l.above.Refresh()
}

// Hide takes the tip away.
func (l *Layer) Hide() {
	if l.tip.Visible() {
		l.tip.Hide()
		l.above.Refresh()
	}
}

func clamp(v, lo, hi float32) float32 {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

// tipBox is the tip: a line of small text on the theme's overlay colour.
type tipBox struct {
	widget.BaseWidget
	text *canvas.Text
	back *canvas.Rectangle
}

func newTipBox() *tipBox {
	t := &tipBox{text: canvas.NewText("", color.Black), back: canvas.NewRectangle(color.White)}
	t.ExtendBaseWidget(t)
	return t
}

func (t *tipBox) setText(s string) {
	t.text.Text = s
	t.Refresh()
}

func (t *tipBox) CreateRenderer() fyne.WidgetRenderer {
	return &tipRenderer{t: t}
}

type tipRenderer struct{ t *tipBox }

func (r *tipRenderer) pad() fyne.Size {
	p := theme.InnerPadding() / 2
	return fyne.NewSize(p*2, p)
}

func (r *tipRenderer) Layout(size fyne.Size) {
	r.t.back.Resize(size)
	pad := r.pad()
	r.t.text.Move(fyne.NewPos(pad.Width/2, pad.Height/2))
	r.t.text.Resize(r.t.text.MinSize())
}

func (r *tipRenderer) MinSize() fyne.Size {
	r.applyTheme()
	return r.t.text.MinSize().Add(r.pad())
}

func (r *tipRenderer) applyTheme() {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.t.text.Color = th.Color(theme.ColorNameForeground, v)
	r.t.text.TextSize = th.Size(theme.SizeNameCaptionText) + 1
	r.t.back.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	r.t.back.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.t.back.StrokeWidth = 1
	r.t.back.CornerRadius = th.Size(theme.SizeNameInputRadius)
}

func (r *tipRenderer) Refresh() {
	r.applyTheme()
	r.t.text.Refresh()
	r.t.back.Refresh()
	r.Layout(r.t.Size())
}

func (r *tipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.back, r.t.text} }

func (r *tipRenderer) Destroy() {}
