package reader

import (
	"sort"
	"unicode"
)

// Marks used to make Fyne shape a run in the direction the reader resolved.
// Both are default-ignorable: no glyph, no advance.
const (
	rlm = "\u200f" // RIGHT-TO-LEFT MARK: makes the shaper's paragraph RTL
	zwj = "\u200d" // ZERO WIDTH JOINER: keeps a cut Arabic letter in its joining form
)

// vrun is one visual run of a bidi line: code points [start, end) of one
// direction, drawn as its own canvas.Text.
type vrun struct {
	start, end int
	rtl        bool
	x, w       float32 // left edge relative to the text column, and width
	text       string  // the text drawn (RLM first for a right-to-left run)
}

// vline is the visual layout of a line of a paragraph that holds
// right-to-left text.
type vline struct {
	rtl  bool   // the paragraph runs right to left (right-aligned)
	runs []vrun // left to right
}

// span is a horizontal extent relative to the text column.
type span struct{ x0, x1 float32 }

// paraOf returns the paragraph holding code point off.
func (d *document) paraOf(off int) para {
	i := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].end >= off })
	return d.paras[min(i, len(d.paras)-1)]
}

// paraBidi returns the resolved levels of paragraph p, computing them once.
func (d *document) paraBidi(p para) *paraBidi {
	if pb, ok := d.bidi[p.start]; ok {
		return pb
	}
	if d.bidi == nil {
		d.bidi = make(map[int]*paraBidi)
	}
	pb := resolveBidi(d.runes[p.start:p.end])
	d.bidi[p.start] = pb
	return pb
}

// visual returns the visual layout of bidi line l, cached until the next
// relayout.
func (r *Reader) visual(l line) *vline {
	if v, ok := r.vis[l.start]; ok {
		return v
	}
	p := r.doc.paraOf(l.start)
	pb := r.doc.paraBidi(p)
	r.levelBuf = pb.lineLevels(l.start-p.start, l.end-p.start, r.levelBuf)
	v := buildVisual(r.doc.runes, visualOrder(r.levelBuf, l.start), pb.rtl, r.lay.avail, r.body)
	if r.vis == nil {
		r.vis = make(map[int]*vline)
	}
	r.vis[l.start] = v
	return v
}

// buildVisual measures the runs (in visual order) of a line and places them
// from the left edge, or against the right edge avail when rtl.
func buildVisual(rs []rune, order []levelRun, rtl bool, avail float32, m *measurer) *vline {
	v := &vline{rtl: rtl, runs: make([]vrun, 0, len(order))}
	var x float32
	add := func(a, b int, isRTL bool) {
		run := vrun{start: a, end: b, rtl: isRTL, x: x}
		run.text = string(rs[a:b])
		if isRTL {
			run.text = rlm + run.text
		}
		run.w = m.measure(run.text)
		x += run.w
		v.runs = append(v.runs, run)
	}
	for _, o := range order {
		if o.level%2 == 0 {
			add(o.start, o.end, false)
			continue
		}
		cuts := scriptCuts(rs, o.start, o.end)
		for i := len(cuts) - 1; i > 0; i-- { // the logically first piece is on the right
			add(cuts[i-1], cuts[i], true)
		}
	}
	if rtl {
		for i := range v.runs {
			v.runs[i].x += avail - x
		}
	}
	return v
}

// scriptCuts splits the right-to-left run [a, b) where the script changes
// (Arabic, Hebrew, other), returning the boundaries a, …, b. Fyne shapes the
// pieces of one string that fall to different fonts (an Arabic letter from a
// system font, a period from the theme font) as separate runs and places
// them left to right in logical order, which would put a sentence's final
// period on the right; drawn as separate texts, each piece goes where the
// reader puts it. White space stays with the piece before it, except at the
// start of the run, where it is a piece of its own: Fyne draws a
// right-to-left string's leading spaces on its left.
func scriptCuts(rs []rune, a, b int) []int {
	key := func(c rune) int {
		switch {
		case isBreakSpace(c) || unicode.IsMark(c) || unicode.Is(unicode.Cf, c):
			return 0
		case unicode.Is(unicode.Arabic, c) || c == '\u0640':
			return 1
		case unicode.Is(unicode.Hebrew, c):
			return 2
		}
		return 3
	}
	cuts := []int{a}
	i := a
	for i < b && isBreakSpace(rs[i]) {
		i++
	}
	if i > a && i < b {
		cuts = append(cuts, i) // Fyne draws an RTL string's leading spaces on its left
	}
	cur := 0
	for ; i < b; i++ {
		k := key(rs[i])
		if k == 0 {
			continue
		}
		if cur != 0 && k != cur {
			cuts = append(cuts, i)
		}
		cur = k
	}
	return append(cuts, b)
}

// joins reports whether a and b are letters of a joining script that a cut
// between them would change the shape of (Arabic script).
func joins(a, b rune) bool {
	arabic := func(c rune) bool {
		return unicode.Is(unicode.Arabic, c) && (unicode.IsLetter(c) || unicode.IsMark(c)) || c == '\u200d' || c == '\u0640'
	}
	return arabic(a) && arabic(b)
}

// runPrefix is the width of the run's code points [run.start, k) as they are
// laid out in the whole run.
func (r *Reader) runPrefix(run vrun, k int) float32 {
	switch {
	case k <= run.start:
		return 0
	case k >= run.end:
		return run.w
	}
	s := string(r.doc.runes[run.start:k])
	if run.rtl {
		s = rlm + s
		if joins(r.doc.runes[k-1], r.doc.runes[k]) {
			s += zwj
		}
	}
	return r.body.measure(s)
}

// runX is the x (relative to the text column) of the boundary before code
// point k of run.
func (r *Reader) runX(run vrun, k int) float32 {
	if run.rtl {
		return run.x + run.w - r.runPrefix(run, k)
	}
	return run.x + r.runPrefix(run, k)
}

// caretX is the x, relative to the text column, of the boundary before
// code point off on line l: the leading edge of off's glyph, or the trailing
// edge of the line's last one.
func (r *Reader) caretX(l line, off int) float32 {
	if !l.bidi {
		return r.prefixWidth(l, off)
	}
	v := r.visual(l)
	off = clamp(off, l.start, l.end)
	for _, run := range v.runs {
		if run.start <= off && off < run.end {
			return r.runX(run, off)
		}
	}
	for _, run := range v.runs {
		if run.start < off && off <= run.end {
			return r.runX(run, off)
		}
	}
	if v.rtl {
		return r.lay.avail
	}
	return 0
}

// spans returns the visual pieces, left to right, of code points [s, e) on
// line l, relative to the text column; touching pieces are merged.
func (r *Reader) spans(l line, s, e int, out []span) []span {
	out = out[:0]
	if s >= l.end || e <= l.start || s >= e {
		return out
	}
	if !l.bidi {
		return append(out, span{r.prefixWidth(l, s), r.prefixWidth(l, e)})
	}
	for _, run := range r.visual(l).runs {
		a, b := max(s, run.start), min(e, run.end)
		if a >= b {
			continue
		}
		x0, x1 := r.runX(run, a), r.runX(run, b)
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		if n := len(out); n > 0 && x0-out[n-1].x1 < 0.5 {
			out[n-1].x1 = max(out[n-1].x1, x1)
			continue
		}
		out = append(out, span{x0, x1})
	}
	return out
}

// extent is the visual extent of line l's text before its hanging spaces.
func (r *Reader) extent(l line) (span, bool) {
	ps := r.spans(l, l.start, r.visibleEnd(l), r.spanBuf)
	r.spanBuf = ps
	if len(ps) == 0 {
		return span{}, false
	}
	return span{ps[0].x0, ps[len(ps)-1].x1}, true
}

// bidiColAt is colAt for a bidi line: the boundary nearest x in the run
// under x. Past the end side of a wrapped line's text it returns l.end.
func (r *Reader) bidiColAt(l line, x float32) int {
	v := r.visual(l)
	vis := r.visibleEnd(l)
	ext, ok := r.extent(l)
	if !ok {
		return l.start
	}
	if vis < l.end && ((!v.rtl && x > ext.x1) || (v.rtl && x < ext.x0)) {
		return l.end
	}
	x = min(max(x, ext.x0), ext.x1)
	best, bestD := l.start, float32(-1)
	for _, run := range v.runs {
		if run.start >= vis || x < run.x-0.5 || x > run.x+run.w+0.5 {
			continue
		}
		k, d := r.nearestInRun(run, min(run.end, vis), x)
		if bestD < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// nearestInRun returns the boundary of run in [run.start, end] nearest x and
// its distance.
func (r *Reader) nearestInRun(run vrun, end int, x float32) (int, float32) {
	t := run.along(x) // logical prefix width wanted
	lo := lastFitting(run.start, end, t, func(k int) float32 { return r.runPrefix(run, k) })
	d := t - r.runPrefix(run, lo)
	if lo < end {
		if d2 := r.runPrefix(run, lo+1) - t; d2 < d {
			return lo + 1, d2
		}
	}
	if d < 0 {
		d = -d
	}
	return lo, d
}

// along is how far x lies into run in reading order: from its left edge
// for a left-to-right run, from its right edge for a right-to-left one.
func (run vrun) along(x float32) float32 {
	if run.rtl {
		return run.x + run.w - x
	}
	return x - run.x
}

// bidiCharAt is charAt for a bidi line: the code point drawn at x, or -1.
func (r *Reader) bidiCharAt(l line, x float32) int {
	for _, run := range r.visual(l).runs {
		if x < run.x || x >= run.x+run.w {
			continue
		}
		t := run.along(x)
		return lastFitting(run.start, run.end-1, t, func(k int) float32 { return r.runPrefix(run, k) })
	}
	return -1
}

// stop is a caret position on a line for visual arrow-key movement.
type stop struct {
	x   float32
	off int
}

// visualStep moves the caret one position left (dir -1) or right (+1) on
// its bidi line, as gedit does; ok is false at the line's visual end, where
// the caller moves logically to the neighbouring line. The positions are
// the run boundaries where the caret of some offset is drawn (a boundary
// between runs of opposite direction is drawn at only one of its two
// places, so the other is not a stop).
func (r *Reader) visualStep(l line, dir int) (int, bool) {
	last := l.end
	if !l.paraEnd {
		last = l.end - 1 // l.end is drawn on the next line
	}
	var stops []stop
	for _, run := range r.visual(l).runs {
		for i := 0; i <= run.end-run.start; i++ {
			k := run.start + i
			if run.rtl {
				k = run.end - i
			}
			if k > last {
				continue
			}
			x := r.runX(run, k)
			if d := r.caretX(l, k) - x; d < -0.5 || d > 0.5 {
				continue // k's caret is drawn elsewhere
			}
			if n := len(stops); n > 0 && x-stops[n-1].x < 0.5 {
				continue
			}
			stops = append(stops, stop{x, k})
		}
	}
	for i, s := range stops {
		if s.off != r.caret {
			continue
		}
		if i+dir < 0 || i+dir >= len(stops) {
			return 0, false
		}
		return stops[i+dir].off, true
	}
	return 0, false
}

// headerVisual returns the visual layout of the header lines that hold
// right-to-left text (nil for the others, and nil when none does). Each line
// takes its base direction from its own first strong character.
func headerVisual(lines []string, avail float32, m *measurer) []*vline {
	var out []*vline
	for i, s := range lines {
		rs := []rune(s)
		rtl := false
		for _, c := range rs {
			if hasRTL(c) {
				rtl = true
				break
			}
		}
		if !rtl {
			continue
		}
		if out == nil {
			out = make([]*vline, len(lines))
		}
		pb := resolveBidi(rs)
		out[i] = buildVisual(rs, visualOrder(pb.lineLevels(0, len(rs), nil), 0), pb.rtl, avail, m)
	}
	return out
}
