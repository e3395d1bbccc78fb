package reader

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// pool hands out reusable canvas objects, so scrolling allocates nothing
// once the visible lines have been drawn.
type pool[T any] struct {
	items []T
	n     int
	make  func() T
}

func (p *pool[T]) next() T {
	if p.n == len(p.items) {
		p.items = append(p.items, p.make())
	}
	p.n++
	return p.items[p.n-1]
}

// renderer draws the header, the visible lines and their decorations.
type renderer struct {
	r        *Reader
	objects  []fyne.CanvasObject
	back     []fyne.CanvasObject // bands, drawn under the text
	front    []fyne.CanvasObject // text, caret and scroll bar
	rects    pool[*canvas.Rectangle]
	texts    pool[*canvas.Text]
	dots     pool[*canvas.Raster]
	dotColor color.Color
	spanBuf  []span
}

func newRenderer(r *Reader) *renderer {
	rd := &renderer{r: r, dotColor: color.Black}
	rd.rects.make = func() *canvas.Rectangle { return canvas.NewRectangle(color.Transparent) }
	rd.texts.make = func() *canvas.Text { return canvas.NewText("", color.Black) }
	rd.dots.make = func() *canvas.Raster {
		return canvas.NewRasterWithPixels(func(x, _, _, h int) color.Color {
			if x%(2*max(h, 1)) < max(h, 1) {
				return rd.dotColor
			}
			return color.Transparent
		})
	}
	rd.update()
	return rd
}

// Destroy implements fyne.WidgetRenderer.
func (rd *renderer) Destroy() {}

// Objects returns the objects of the visible part only.
func (rd *renderer) Objects() []fyne.CanvasObject { return rd.objects }

// Layout re-wraps the text for the new size and redraws.
func (rd *renderer) Layout(fyne.Size) { rd.update() }

// MinSize is small: the reader scrolls its own content.
func (rd *renderer) MinSize() fyne.Size {
	ts := rd.r.Theme().Size(theme.SizeNameText)
	return fyne.NewSize(ts*12, ts*6)
}

// Refresh redraws after a change of state or theme.
func (rd *renderer) Refresh() {
	rd.update()
	canvas.Refresh(rd.r)
}

// text places a pooled text object.
func (rd *renderer) text(s string, pos fyne.Position, size float32, bold bool, c color.Color, w, h float32) {
	t := rd.texts.next()
	t.Text, t.TextSize, t.Color = s, size, c
	t.TextStyle = fyne.TextStyle{Bold: bold}
	t.Move(pos)
	t.Resize(fyne.NewSize(w, h))
	rd.front = append(rd.front, t)
}

// rect places a pooled rectangle in the back (under text) or front layer.
func (rd *renderer) rect(pos fyne.Position, size fyne.Size, fill, stroke color.Color, strokeW, radius float32, front bool) {
	b := rd.rects.next()
	b.FillColor, b.StrokeColor, b.StrokeWidth, b.CornerRadius = fill, stroke, strokeW, radius
	if stroke == nil {
		b.StrokeColor = color.Transparent
	}
	b.Move(pos)
	b.Resize(size)
	if front {
		rd.front = append(rd.front, b)
	} else {
		rd.back = append(rd.back, b)
	}
}

// update rebuilds the object list for the current scroll position.
func (rd *renderer) update() {
	r := rd.r
	size := r.Size()
	r.relayout(size.Width)
	r.applyPendingScroll()
	r.keepCaretOnResize(size.Height)
	rd.rects.n, rd.texts.n, rd.dots.n = 0, 0, 0
	rd.back, rd.front = rd.back[:0], rd.front[:0]

	th, v := r.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	rd.dotColor = withAlpha(fg, 0xb0)
	rd.header(th, v, size)
	rd.body(th, v, size, fg)

	if top, h, ok := r.thumb(); ok {
		w := th.Size(theme.SizeNameScrollBarSmall) * 2
		rd.rect(fyne.NewPos(size.Width-w-2, top), fyne.NewSize(w, h),
			th.Color(theme.ColorNameScrollBar, v), nil, 0, w/2, true)
	}
	rd.objects = append(append(rd.objects[:0], rd.back...), rd.front...)
}

// headerLines draws the wrapped lines of the title or the meta line from y0
// (content coordinates), lineH apart: a right-to-left line (vis[i] set) as
// its visual runs, any other as one text.
func (rd *renderer) headerLines(lines []string, vis []*vline, y0, lineH, textSize float32, bold bool, c color.Color, size fyne.Size) {
	r, m := rd.r, rd.r.lay.m
	for i, s := range lines {
		y := y0 + float32(i)*lineH - r.scrollY
		if y+lineH <= 0 || y >= size.Height {
			continue
		}
		if i < len(vis) && vis[i] != nil {
			for _, run := range vis[i].runs {
				rd.text(run.text, fyne.NewPos(m.padX+run.x, y), textSize, bold, c, run.w, lineH)
			}
			continue
		}
		rd.text(s, fyne.NewPos(m.padX, y), textSize, bold, c, r.lay.avail, lineH)
	}
}

// header draws the title, the meta line and the rule under them.
func (rd *renderer) header(th fyne.Theme, v fyne.ThemeVariant, size fyne.Size) {
	r, l := rd.r, &rd.r.lay
	m := l.m
	rd.headerLines(l.title, l.titleVis, l.titleY, m.titleH, m.titleSize, true, th.Color(theme.ColorNameForeground, v), size)
	rd.headerLines(l.meta, l.metaVis, l.metaY, m.metaH, m.metaSize, false, th.Color(theme.ColorNamePlaceHolder, v), size)
	if len(l.title)+len(l.meta) > 0 {
		if y := l.sepY - r.scrollY; y > -1 && y < size.Height {
			rd.rect(fyne.NewPos(m.padX, y), fyne.NewSize(l.avail, 1),
				th.Color(theme.ColorNameSeparator, v), nil, 0, 0, false)
		}
	}
}
