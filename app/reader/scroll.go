package reader

import "fyne.io/fyne/v2"

// Scrolled scrolls the text by the wheel or touchpad delta.
func (r *Reader) Scrolled(ev *fyne.ScrollEvent) {
	r.scrollBy(-ev.Scrolled.DY)
}

// ScrollToOffset brings the line holding code point offset into view, a
// third of the way down the pane; a line already in full view stays where
// it is (the text does not jump under the reader's eyes). Before the reader
// has a size the request is kept and applied at the first layout.
func (r *Reader) ScrollToOffset(offset int) {
	r.pendingScroll, r.revealed = offset, offset
	if size := r.Size(); size.Width > 0 && size.Height > 0 {
		r.relayout(size.Width)
		r.applyPendingScroll()
		r.Refresh()
	}
}

// ScrollOffset returns the vertical scroll position in pixels from the top.
func (r *Reader) ScrollOffset() float32 { return r.scrollY }

// scrollBy moves the view by dy pixels (positive scrolls down).
func (r *Reader) scrollBy(dy float32) {
	r.revealed = -1 // the user looks elsewhere now
	old := r.scrollY
	r.scrollY += dy
	r.clampScroll()
	if r.scrollY != old {
		r.Refresh()
	}
}

// maxScroll is how far the view can scroll down.
func (r *Reader) maxScroll() float32 {
	return max(0, r.lay.contentH-r.Size().Height)
}

func (r *Reader) clampScroll() {
	r.scrollY = min(max(r.scrollY, 0), r.maxScroll())
}

// ensureVisible scrolls as little as needed to show the line holding off.
func (r *Reader) ensureVisible(off int) {
	if len(r.lay.lines) == 0 {
		return
	}
	m := r.lay.m
	l := r.lay.lines[r.lineOf(off)]
	h := r.Size().Height
	switch {
	case l.y-m.padTop < r.scrollY:
		r.scrollY = l.y - m.padTop
	case l.y+m.lineH+m.padTop > r.scrollY+h:
		r.scrollY = l.y + m.lineH + m.padTop - h
	}
	r.clampScroll()
}

// keepCaretOnResize keeps the caret — or the evidence ScrollToOffset last
// showed, until the user scrolls — in view when the reader gets shorter
// (the event form opening under it, a window made smaller): if its line was
// in view at the old height it stays in view at height h.
func (r *Reader) keepCaretOnResize(h float32) {
	old := r.shownH
	r.shownH = h
	if h <= 0 || old <= h || len(r.lay.lines) == 0 {
		return
	}
	at := r.caret
	if r.revealed >= 0 {
		at = clamp(r.revealed, 0, r.textLen())
	}
	l := r.lay.lines[r.lineOf(at)]
	if !(l.y+r.lay.m.lineH > r.scrollY && l.y < r.scrollY+old) {
		return // out of view before: it stays so
	}
	if r.revealed >= 0 && l.y+r.lay.m.lineH+r.lay.m.padTop > r.scrollY+h {
		// Evidence pushed below the fold: show it a third of the way
		// down, with the lines after it, not on the bottom edge.
		r.scrollY = l.y - h/3
		r.clampScroll()
		return
	}
	r.ensureVisible(at)
}

// applyPendingScroll runs a ScrollToOffset that arrived before the layout.
func (r *Reader) applyPendingScroll() {
	if r.pendingScroll < 0 || len(r.lay.lines) == 0 || r.Size().Height <= 0 {
		return
	}
	l := r.lay.lines[r.lineOf(clamp(r.pendingScroll, 0, r.textLen()))]
	r.pendingScroll = -1
	if h := r.Size().Height; l.y-r.lay.m.padTop >= r.scrollY && l.y+r.lay.m.lineH+r.lay.m.padTop <= r.scrollY+h {
		return // in view already
	}
	r.scrollY = l.y - r.Size().Height/3
	r.clampScroll()
}

// thumb returns the scroll bar thumb's top and height, ok false when the
// whole text fits.
func (r *Reader) thumb() (top, height float32, ok bool) {
	h := r.Size().Height
	if r.lay.contentH <= h || h <= 0 {
		return 0, 0, false
	}
	height = max(h*h/r.lay.contentH, r.lay.m.barW*2)
	top = r.scrollY / r.maxScroll() * (h - height)
	return top, height, true
}

// onScrollBar reports whether p is over the scroll bar's track.
func (r *Reader) onScrollBar(p fyne.Position) bool {
	_, _, ok := r.thumb()
	return ok && p.X >= r.Size().Width-r.lay.m.barW
}

// scrollBarPress starts a thumb drag, or pages when the track is clicked
// outside the thumb.
func (r *Reader) scrollBarPress(p fyne.Position) {
	top, height, _ := r.thumb()
	switch {
	case p.Y < top:
		r.scrollBy(-r.Size().Height * 0.9)
	case p.Y > top+height:
		r.scrollBy(r.Size().Height * 0.9)
	}
}

// scrollBarDrag moves the view with the thumb by dy pixels.
func (r *Reader) scrollBarDrag(dy float32) {
	_, height, ok := r.thumb()
	if !ok {
		return
	}
	track := r.Size().Height - height
	if track <= 0 {
		return
	}
	r.scrollBy(dy * r.maxScroll() / track)
}
