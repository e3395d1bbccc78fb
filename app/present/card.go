package present

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
	"eventatlas/mapview/render"
)

// card is the caption in the top-left corner of the presentation: the
// slide's number and date, its type after a dot of the type's colour, the
// title, the place, the quote and its source.
type card struct {
	box     *fyne.Container
	bg      *canvas.Rectangle
	swatch  *canvas.Image   // the type's map symbol
	kindRow *fyne.Container // the swatch and kind
	heading *widget.Label
	kind    *widget.Label
	title   *widget.Label
	place   *widget.Label
	quote   *widget.Label
	source  *widget.Label
	hint    *widget.Label // the keys, on screen only
}

// caption is what a card shows.
type caption struct {
	heading, kind, title, place, quote, source string
	hint                                       string          // the keys to step with; not in a saved slide
	colour                                     color.Color     // the type's; nil hides the swatch
	symbol                                     annotate.Symbol // the type's map symbol
}

func newCard() *card {
	c := &card{
		bg:      canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)),
		swatch:  canvas.NewImageFromImage(nil),
		heading: widget.NewLabel(""),
		kind:    widget.NewLabel(""),
		title:   widget.NewLabel(""),
		place:   widget.NewLabel(""),
		quote:   widget.NewLabel(""),
		source:  widget.NewLabel(""),
		hint:    widget.NewLabel(""),
	}
	c.bg.CornerRadius = theme.Size(theme.SizeNameInputRadius) * 2
	c.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	c.bg.StrokeWidth = 1
	c.title.TextStyle.Bold = true
	c.title.SizeName = theme.SizeNameSubHeadingText
	c.quote.TextStyle.Italic = true
	c.source.SizeName = theme.SizeNameCaptionText
	c.hint.SizeName = theme.SizeNameCaptionText
	for _, l := range []*widget.Label{c.heading, c.kind, c.title, c.place, c.quote, c.source, c.hint} {
		l.Wrapping = fyne.TextWrapWord
	}
	c.kindRow = container.NewBorder(nil, nil, container.New(dotLayout{}, c.swatch), nil, c.kind)
	body := container.NewVBox(c.heading, c.kindRow, c.title, c.place, c.quote, c.source, c.hint)
	c.box = container.NewStack(c.bg, container.NewPadded(body))
	return c
}

// show puts cap on the card, hiding the lines it leaves empty.
func (c *card) show(cap caption) {
	if cap.colour != nil {
		// The symbol the map and the event table draw the type with.
		col := color.NRGBAModel.Convert(cap.colour).(color.NRGBA)
		c.swatch.Image = render.SymbolIcon(cap.symbol, col, 10, 2)
		c.swatch.FillMode = canvas.ImageFillContain
		c.swatch.Show()
	} else {
		c.swatch.Hide()
	}
	c.swatch.Refresh()
	c.kind.SetText(cap.kind)
	if cap.kind == "" {
		c.kindRow.Hide()
	} else {
		c.kindRow.Show()
	}
	for _, l := range []struct {
		w    *widget.Label
		text string
	}{{c.heading, cap.heading}, {c.title, cap.title}, {c.place, cap.place}, {c.quote, cap.quote}, {c.source, cap.source}, {c.hint, cap.hint}} {
		l.w.SetText(l.text)
		if l.text == "" {
			l.w.Hide()
		} else {
			l.w.Show()
		}
	}
	c.box.Refresh()
}

// cardLayout places the card in the top-left corner, as wide as about two
// fifths of the window, and as tall as its wrapped text needs.
type cardLayout struct{}

// Layout implements fyne.Layout.
func (cardLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	pad := theme.Size(theme.SizeNamePadding) * 4
	w := cardWidth(size.Width)
	c := objs[0]
	// Wrapped labels know their height only once they have a width.
	c.Resize(fyne.NewSize(w, c.MinSize().Height))
	c.Resize(fyne.NewSize(w, c.MinSize().Height))
	c.Move(fyne.NewPos(pad, pad))
}

// MinSize implements fyne.Layout: the card may cover the map, so it asks for
// no room of its own.
func (cardLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

// cardWidth is the card's width in a window w wide.
func cardWidth(w float32) float32 {
	pad := theme.Size(theme.SizeNamePadding) * 4
	return max(0, min(max(w*0.4, 360), 760, w-2*pad))
}

// symbolRoom is how much larger than its shape a render.SymbolIcon is.
const symbolRoom = 1.8

// dotLayout holds the type's symbol at the start of the type line,
// where the text of the other lines starts, level with the middle of the
// type's first line (not of all its lines when it wraps).
type dotLayout struct{}

// line is the room theme's text size and the height of one line of text.
func (dotLayout) line() (size, height float32) {
	th := roomTheme{fyne.CurrentApp().Settings().Theme()}
	size = th.Size(theme.SizeNameText)
	return size, fyne.MeasureText("Ag", size, fyne.TextStyle{}).Height
}

// Layout implements fyne.Layout.
func (l dotLayout) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	th := roomTheme{fyne.CurrentApp().Settings().Theme()}
	size, h := l.line()
	d := size * 0.8
	in := th.Size(theme.SizeNameInnerPadding)
	// The symbol's image has room round the shape for its outline and
	// shadow: it is laid out larger, so that the shape is d across.
	big := d * symbolRoom
	for _, o := range objs {
		o.Resize(fyne.NewSize(big, big))
		// Left-aligned with the text of the lines above and below it.
		o.Move(fyne.NewPos(in+(d-big)/2, in+(h-d)/2+(d-big)/2))
	}
}

// MinSize implements fyne.Layout.
func (l dotLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	th := roomTheme{fyne.CurrentApp().Settings().Theme()}
	size, h := l.line()
	return fyne.NewSize(th.Size(theme.SizeNameInnerPadding)+size*0.8, h)
}

// sameRect lays its objects over obj, a child of a layer with the same
// origin as theirs: over its bottom edge, as wide as it (the message over
// the end of the card).
type sameRect struct{ obj fyne.CanvasObject }

// Layout implements fyne.Layout: as wide as obj and as tall as its own
// text, at obj's bottom edge, so a message ("Saved …") covers the end of
// the card, not the title the room is reading.
func (l sameRect) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	p, z := l.obj.Position(), l.obj.Size()
	for _, o := range objs {
		o.Resize(fyne.NewSize(z.Width, o.MinSize().Height))
		h := min(o.MinSize().Height, z.Height)
		o.Resize(fyne.NewSize(z.Width, h))
		o.Move(fyne.NewPos(p.X, p.Y+z.Height-h))
	}
}

// MinSize implements fyne.Layout: it asks for no room of its own.
func (sameRect) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

var (
	_ fyne.Layout = sameRect{}
	_ fyne.Layout = cardLayout{}
	_ fyne.Layout = dotLayout{}
)
