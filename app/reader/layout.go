package reader

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// metrics are the theme-derived sizes of the reading pane.
type metrics struct {
	textSize, titleSize, metaSize float32
	textH, titleH, metaH          float32 // heights of one rendered line of text
	base                          float32 // body text baseline from the line top
	lineH, paraGap                float32 // body line pitch and paragraph gap
	padX, padTop, barW            float32
}

func (r *Reader) computeMetrics() metrics {
	th := r.Theme()
	m := metrics{
		textSize:  th.Size(theme.SizeNameText),
		titleSize: th.Size(theme.SizeNameSubHeadingText),
		metaSize:  th.Size(theme.SizeNameCaptionText),
		padX:      th.Size(theme.SizeNameInnerPadding) * 2,
		padTop:    th.Size(theme.SizeNameInnerPadding) * 2,
		barW:      th.Size(theme.SizeNameScrollBar),
	}
	size, base := fyne.CurrentApp().Driver().RenderedTextSize("Mg", m.textSize, fyne.TextStyle{}, nil)
	m.textH, m.base = size.Height, base
	m.titleH = fyne.MeasureText("Mg", m.titleSize, fyne.TextStyle{Bold: true}).Height
	m.metaH = fyne.MeasureText("Mg", m.metaSize, fyne.TextStyle{}).Height
	ls := th.Size(theme.SizeNameLineSpacing)
	m.lineH = m.textH + ls*1.5
	m.paraGap = th.Size(theme.SizeNameInnerPadding) * 1.5
	return m
}

// layout is the wrapped text for one width.
type layout struct {
	m        metrics
	width    float32 // widget width the lines were wrapped for
	avail    float32 // text column width
	title    []string
	meta     []string
	titleVis []*vline // visual runs of title lines holding RTL text, else nil
	metaVis  []*vline
	titleY   float32
	metaY    float32
	sepY     float32 // the rule between header and body
	lines    []line
	contentH float32
}

// bodyMeasurer returns the measurer of the body text style, replacing it
// when the theme's text size changed.
func (r *Reader) bodyMeasurer() *measurer {
	if size := r.Theme().Size(theme.SizeNameText); r.body == nil || r.body.size != size {
		r.body = newMeasurer(size, fyne.TextStyle{})
	}
	return r.body
}

// relayout wraps the text to width if the width, theme or text changed.
// Until the widget has a width nothing is wrapped (the lines stay empty).
func (r *Reader) relayout(width float32) {
	if width <= 0 {
		return
	}
	m := r.computeMetrics()
	if !r.dirty && width == r.lay.width && m == r.lay.m {
		return
	}
	if r.body == nil || r.body.size != m.textSize {
		r.doc = tokenize(r.article.Text, r.bodyMeasurer())
	}
	body := r.bodyMeasurer()
	l := layout{m: m, width: width}
	l.avail = width - 2*m.padX - m.barW
	if min := m.textSize * 4; l.avail < min {
		l.avail = min
	}
	y := m.padTop
	if r.article.Title != "" {
		tm := newMeasurer(m.titleSize, fyne.TextStyle{Bold: true})
		l.title = wrapString(r.article.Title, l.avail, tm)
		l.titleVis = headerVisual(l.title, l.avail, tm)
	}
	l.titleY = y
	y += float32(len(l.title)) * m.titleH
	if meta := headerMeta(r.article); meta != "" {
		mm := newMeasurer(m.metaSize, fyne.TextStyle{})
		l.meta = wrapString(meta, l.avail, mm)
		l.metaVis = headerVisual(l.meta, l.avail, mm)
		y += m.paraGap / 3
	}
	l.metaY = y
	y += float32(len(l.meta)) * m.metaH
	if len(l.title)+len(l.meta) > 0 {
		y += m.paraGap
		l.sepY = y
		y += m.paraGap + 1
	}
	l.lines = make([]line, 0, len(r.doc.runes)/40+len(r.doc.paras))
	seen := false
	for _, p := range r.doc.paras {
		n := len(l.lines)
		l.lines = wrapPara(&r.doc, p, l.avail, body, l.lines)
		if !p.blank && seen {
			y += m.paraGap
		}
		for i := n; i < len(l.lines); i++ {
			l.lines[i].y = y
			if !l.lines[i].blank {
				y += m.lineH
			}
		}
		seen = seen || !p.blank
	}
	l.contentH = y + m.padTop
	r.lay, r.dirty, r.vis = l, false, nil
	r.clampScroll()
}

// lineOf returns the index of the line holding code point off.
func (r *Reader) lineOf(off int) int {
	ls := r.lay.lines
	i := sort.Search(len(ls), func(i int) bool { return ls[i].start > off }) - 1
	return clamp(i, 0, len(ls)-1)
}

// visibleLines returns the range [i0, i1) of lines intersecting the view.
func (r *Reader) visibleLines(viewH float32) (int, int) {
	ls, m := r.lay.lines, r.lay.m
	top, bottom := r.scrollY, r.scrollY+viewH
	i0 := sort.Search(len(ls), func(i int) bool { return ls[i].y+m.lineH > top })
	i1 := sort.Search(len(ls), func(i int) bool { return ls[i].y >= bottom })
	return i0, max(i0, i1)
}

// prefixWidth is the measured width of line l's text up to code point off.
func (r *Reader) prefixWidth(l line, off int) float32 {
	off = clamp(off, l.start, l.end)
	return r.body.measure(string(r.doc.runes[l.start:off]))
}

// lineAtY returns the index of the line under content height y, skipping
// blank lines; ok is false for an empty text.
func (r *Reader) lineAtY(y float32) (int, bool) {
	ls, m := r.lay.lines, r.lay.m
	if len(ls) == 0 {
		return 0, false
	}
	i := sort.Search(len(ls), func(i int) bool { return !ls[i].blank && ls[i].y+m.lineH > y })
	if i == len(ls) {
		i = len(ls) - 1
		for i > 0 && ls[i].blank {
			i--
		}
	}
	return i, true
}

// colAt returns the code-point boundary of line l nearest to x (relative to
// the text column), by binary search on measured prefix widths (on a bidi
// line, within the visual run under x).
func (r *Reader) colAt(l line, x float32) int {
	if l.bidi {
		return r.bidiColAt(l, x)
	}
	end := r.visibleEnd(l)
	if end < l.end && x > r.prefixWidth(l, end) {
		return l.end // past the text of a wrapped line: through its hanging spaces
	}
	lo := lastFitting(l.start, end, x, func(k int) float32 { return r.prefixWidth(l, k) })
	if lo < end {
		left, right := r.prefixWidth(l, lo), r.prefixWidth(l, lo+1)
		if x-left > right-x {
			lo++
		}
	}
	return lo
}

// offsetAt maps a position in widget coordinates to the nearest code-point
// boundary of the text.
func (r *Reader) offsetAt(p fyne.Position) int {
	m := r.lay.m
	y := p.Y + r.scrollY
	if len(r.lay.lines) == 0 || y < r.lay.lines[0].y {
		return 0
	}
	i, ok := r.lineAtY(y)
	if !ok {
		return 0
	}
	l := r.lay.lines[i]
	if y >= l.y+m.lineH && i == len(r.lay.lines)-1 {
		return r.textLen()
	}
	return r.colAt(l, p.X-m.padX)
}

// charAt returns the code point drawn under p, or -1 when p is not over text.
func (r *Reader) charAt(p fyne.Position) int {
	m := r.lay.m
	y := p.Y + r.scrollY
	i, ok := r.lineAtY(y)
	if !ok {
		return -1
	}
	l := r.lay.lines[i]
	x := p.X - m.padX
	if l.bidi && y >= l.y && y < l.y+m.lineH {
		return r.bidiCharAt(l, x)
	}
	if y < l.y || y >= l.y+m.lineH || x < 0 || x >= r.prefixWidth(l, l.end) {
		return -1
	}
	return lastFitting(l.start, l.end-1, x, func(k int) float32 { return r.prefixWidth(l, k) })
}

// lastFitting returns the largest k in [lo, hi] with width(k) <= x, or lo
// when there is none, by binary search; width must not shrink as k grows
// (a measured prefix).
func lastFitting(lo, hi int, x float32, width func(int) float32) int {
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if width(mid) <= x {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}
