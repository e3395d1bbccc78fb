package reader

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Alpha values of the highlight bands.
const (
	bandAlpha   = 0x55 // a highlight's fill
	activeAlpha = 0x80 // the active event's fill
)

// body draws the visible lines with their highlight bands, selection,
// place-mark underlines and the caret.
func (rd *renderer) body(th fyne.Theme, v fyne.ThemeVariant, size fyne.Size, fg color.Color) {
	r := rd.r
	lines := r.lay.lines
	i0, i1 := r.visibleLines(size.Height)
	if i0 >= i1 {
		return
	}
	vs, ve := lines[i0].start, lines[i1-1].end
	hs := make([]shownHighlight, 0, 8)
	for _, h := range r.highlights {
		if h.Start <= ve && h.End > vs {
			hs = append(hs, h)
		}
	}
	var ms []Range
	for _, mk := range r.marks {
		if mk.Start <= ve && mk.End > vs {
			ms = append(ms, mk)
		}
	}
	var found []int // the Find matches in view
	for _, s := range r.matches {
		if s <= ve && s+r.matchLen > vs {
			found = append(found, s)
		}
	}
	findColor := th.Color(theme.ColorNameWarning, v)
	selS, selE := r.Selection()
	selColor := th.Color(theme.ColorNameSelection, v)
	for i := i0; i < i1; i++ {
		l := lines[i]
		if l.blank {
			continue
		}
		y := l.y - r.scrollY
		for _, h := range hs {
			rd.band(l, y, h)
		}
		for _, s := range found {
			rd.match(l, y, s, s+r.matchLen, s == selS && s+r.matchLen == selE, findColor)
		}
		if selS < selE {
			rd.selection(l, y, selS, selE, selColor)
		}
		for _, mk := range ms {
			rd.mark(l, y, mk)
		}
		m := r.lay.m
		if l.bidi {
			for _, run := range r.visual(l).runs {
				rd.text(run.text, fyne.NewPos(m.padX+run.x, y), m.textSize, false, fg, run.w, m.textH)
			}
			continue
		}
		rd.text(string(r.doc.runes[l.start:l.end]), fyne.NewPos(m.padX, y), m.textSize, false, fg, r.lay.avail, m.textH)
	}
	if r.focused {
		rd.caret(th.Color(theme.ColorNamePrimary, v), size)
	}
}

// pieces returns the x extents of code points [s, e) on line l, relative
// to the widget, left to right: one piece on a left-to-right line, one per
// visual run they fall in (touching ones merged) on a bidi line.
func (rd *renderer) pieces(l line, s, e int) []span {
	ps := rd.r.spans(l, s, e, rd.spanBuf)
	rd.spanBuf = ps
	pad := rd.r.lay.m.padX
	for i := range ps {
		ps[i].x0 += pad
		ps[i].x1 += pad
	}
	return ps
}

// band draws highlight h's part on line l: a translucent band, thinner and
// underlined when nested in a longer span, bordered when its event is active.
func (rd *renderer) band(l line, y float32, h shownHighlight) {
	for _, p := range rd.pieces(l, h.Start, h.End) {
		rd.bandPiece(y, p.x0, p.x1, h)
	}
}

// bandPiece draws one visual piece [x0, x1) of highlight h's band.
func (rd *renderer) bandPiece(y, x0, x1 float32, h shownHighlight) {
	m := rd.r.lay.m
	gap := m.lineH - m.textH
	inset := float32(h.depth) * m.textH * 0.12
	top, bottom := y-gap*0.3+inset, y+m.textH+gap*0.3-inset
	pos, size := fyne.NewPos(x0-1, top), fyne.NewSize(x1-x0+2, bottom-top)
	if h.ID != "" && h.ID == rd.r.active {
		rd.rect(pos, size, withAlpha(h.Color, activeAlpha), withAlpha(h.Color, 0xff), 2, 3, false)
	} else {
		rd.rect(pos, size, withAlpha(h.Color, bandAlpha), nil, 0, 3, false)
	}
	if h.depth > 0 {
		rd.rect(fyne.NewPos(x0, bottom-2), fyne.NewSize(x1-x0, 2), withAlpha(h.Color, 0xff), nil, 0, 0, false)
	}
}

// selection draws the selected part of line l, one rectangle per visual
// piece; a selection that runs past the end of a paragraph also covers a
// space's width for the line break, at the line's end side.
func (rd *renderer) selection(l line, y float32, s, e int, c color.Color) {
	a, b := max(s, l.start), min(e, l.end)
	nl := l.paraEnd && s <= l.end && e > l.end
	if a >= b && !nl {
		return
	}
	m := rd.r.lay.m
	gap := m.lineH - m.textH
	if !l.bidi {
		x0 := m.padX + rd.r.prefixWidth(l, a)
		x1 := m.padX + rd.r.prefixWidth(l, b)
		if nl {
			x1 += m.textSize / 3
		}
		rd.rect(fyne.NewPos(x0, y-gap/2), fyne.NewSize(x1-x0, m.lineH), c, nil, 0, 0, false)
		return
	}
	if a < b {
		for _, p := range rd.pieces(l, a, b) {
			rd.rect(fyne.NewPos(p.x0, y-gap/2), fyne.NewSize(p.x1-p.x0, m.lineH), c, nil, 0, 0, false)
		}
	}
	if nl {
		ext, ok := rd.r.extent(l)
		x := m.padX + ext.x1
		if rd.r.visual(l).rtl {
			x = m.padX + ext.x0 - m.textSize/3
		}
		if !ok {
			x = m.padX + rd.r.caretX(l, l.end)
		}
		rd.rect(fyne.NewPos(x, y-gap/2), fyne.NewSize(m.textSize/3, m.lineH), c, nil, 0, 0, false)
	}
}

// mark draws the dotted underline of place mark mk on line l.
func (rd *renderer) mark(l line, y float32, mk Range) {
	for _, p := range rd.pieces(l, mk.Start, mk.End) {
		rd.markPiece(y, p.x0, p.x1)
	}
}

// markPiece draws one visual piece [x0, x1) of a place mark's underline.
func (rd *renderer) markPiece(y, x0, x1 float32) {
	m := rd.r.lay.m
	d := rd.dots.next()
	size := fyne.NewSize(x1-x0, 2)
	if d.Size() != size {
		d.Resize(size)
		canvas.Refresh(d)
	}
	d.Move(fyne.NewPos(x0, y+m.base+(m.textH-m.base)/2))
	rd.front = append(rd.front, d)
}

// caret draws the insertion point at the moving end of the selection.
func (rd *renderer) caret(c color.Color, size fyne.Size) {
	r := rd.r
	if len(r.lay.lines) == 0 {
		return
	}
	l := r.lay.lines[r.lineOf(r.caret)]
	y := l.y - r.scrollY
	if y+r.lay.m.lineH < 0 || y > size.Height {
		return
	}
	x := r.lay.m.padX + r.caretX(l, r.caret)
	rd.rect(fyne.NewPos(x-0.75, y), fyne.NewSize(1.5, r.lay.m.textH), c, nil, 0, 0, true)
}

// match draws a Find match [s, e) on line l: every match in the theme's
// warning hue, so that they stand apart from evidence and the selection,
// the current one (the selection) outlined as well.
func (rd *renderer) match(l line, y float32, s, e int, current bool, c color.Color) {
	m := rd.r.lay.m
	gap := m.lineH - m.textH
	top, bottom := y-gap*0.3, y+m.textH+gap*0.3
	for _, p := range rd.pieces(l, s, e) {
		pos, size := fyne.NewPos(p.x0-1, top), fyne.NewSize(p.x1-p.x0+2, bottom-top)
		if current {
			rd.rect(pos, size, withAlpha(c, 0x70), withAlpha(c, 0xff), 2, 3, false)
		} else {
			rd.rect(pos, size, withAlpha(c, 0x60), nil, 0, 3, false)
		}
	}
}
