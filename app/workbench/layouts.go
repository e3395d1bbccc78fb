package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// rowLayout lays its objects out in one row, each at its minimum width
// (weight 0) or sharing the width left over in proportion to its weight.
// Heights are the row's.
type rowLayout struct{ weights []float32 }

// row returns a container laying objs out in a row with the given weights,
// one per object (missing weights are 0).
func row(weights []float32, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&rowLayout{weights: weights}, objs...)
}

func (l *rowLayout) weight(i int) float32 {
	if i < len(l.weights) {
		return l.weights[i]
	}
	return 0
}

// Layout implements fyne.Layout.
func (l *rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, total, n := float32(0), float32(0), 0
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		n++
		if w := l.weight(i); w > 0 {
			total += w
		} else {
			fixed += o.MinSize().Width
		}
	}
	free := size.Width - fixed - pad*float32(max(n-1, 0))
	x := float32(0)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if wt := l.weight(i); wt > 0 {
			w = max(free*wt/total, 0)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// MinSize implements fyne.Layout: the fixed widths, a little for each
// weighted object, and the tallest object's height.
func (l *rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w, h, n := float32(0), float32(0), 0
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		n++
		m := o.MinSize()
		if l.weight(i) > 0 {
			w += min(m.Width, 60)
		} else {
			w += m.Width
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+pad*float32(max(n-1, 0)), h)
}

// fixedWidth is a layout that gives its one object a set minimum width,
// for fields whose useful width does not follow their content (a date).
type fixedWidth struct{ w float32 }

// sized wraps o so that its minimum width is w.
func sized(w float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(&fixedWidth{w: w}, o)
}

// Layout implements fyne.Layout.
func (l *fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize implements fyne.Layout.
func (l *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.w, h)
}

// wrapLayout lays its objects out left to right at their minimum sizes,
// starting a new line when one would pass the right edge. Its minimum
// height is that of the lines it needed at the width it last had; when that
// changes, changed is called so the parent can make room.
type wrapLayout struct {
	width, height float32
	changed       func()
}

// place positions objs within width (moving them when move is set) and
// returns the height they take.
func (l *wrapLayout) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	x, y, lineH := float32(0), float32(0), float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, y, lineH = 0, y+lineH+pad, 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(min(m.Width, width), m.Height))
		}
		x += m.Width + pad
		lineH = max(lineH, m.Height)
	}
	return y + lineH
}

// Layout implements fyne.Layout.
func (l *wrapLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	h := l.place(objs, size.Width, true)
	if h != l.height && l.changed != nil {
		l.height = h
		l.changed()
	}
}

// MinSize implements fyne.Layout: as wide as the widest object, as high as
// the lines at the last width (one line before the first layout).
func (l *wrapLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	width := l.width
	if width <= 0 {
		width = float32(1 << 20)
	}
	l.height = l.place(objs, max(width, w), false)
	return fyne.NewSize(w, l.height)
}

// steadyStack lays its objects over one another, each the full size, like
// container.NewStack, but its minimum size counts the hidden ones too: the
// form and the hint shown in its place take the same room, so the panes
// beside them do not move when an event comes into the form or leaves it.
type steadyStack struct{}

// Layout gives every object the whole size.
func (steadyStack) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the largest minimum of the objects, shown or hidden.
func (steadyStack) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}
