package reader

import (
	"image/color"
	"sort"
)

// maxDepth caps how many nested bands are drawn thinner inside each other.
const maxDepth = 3

// shownHighlight is a Highlight with its nesting depth: the number of longer
// spans it overlaps, which makes its band thinner so both stay visible.
type shownHighlight struct {
	Highlight
	depth int
}

// SetHighlights shows evidence spans as translucent bands behind the text.
// Spans that overlap a longer one are drawn on top as a thinner band with an
// underline in their own colour; overlaps also darken by stacking. Spans
// with Start >= End are ignored; the rest are clamped to the text.
func (r *Reader) SetHighlights(hs []Highlight) {
	n := r.textLen()
	shown := make([]shownHighlight, 0, len(hs))
	for _, h := range hs {
		h.Start, h.End = clamp(h.Start, 0, n), clamp(h.End, 0, n)
		if h.Start >= h.End {
			continue
		}
		if h.Color == nil {
			h.Color = color.Gray{Y: 0x80}
		}
		shown = append(shown, shownHighlight{Highlight: h})
	}
	// longest first, so outer bands are drawn before the ones inside them
	sort.SliceStable(shown, func(i, j int) bool {
		li, lj := shown[i].End-shown[i].Start, shown[j].End-shown[j].Start
		if li != lj {
			return li > lj
		}
		return shown[i].Start < shown[j].Start
	})
	for i := range shown {
		for j := 0; j < i; j++ {
			if shown[j].Start < shown[i].End && shown[i].Start < shown[j].End {
				shown[i].depth++
			}
		}
		shown[i].depth = min(shown[i].depth, maxDepth)
	}
	r.highlights = shown
	r.Refresh()
}

// SetActive marks the spans of event id (the selected event) with a strong
// border; "" clears it.
func (r *Reader) SetActive(id string) {
	r.active = id
	r.Refresh()
}

// highlightAt returns the ID of the shortest span holding code point c, or
// "" if none does.
func (r *Reader) highlightAt(c int) string {
	id, best := "", -1
	for _, h := range r.highlights {
		if h.Start <= c && c < h.End && (best < 0 || h.End-h.Start < best) {
			id, best = h.ID, h.End-h.Start
		}
	}
	return id
}

// SetPlaceMarks draws a dotted underline under each range (detected place
// names). Empty ranges are ignored.
func (r *Reader) SetPlaceMarks(marks []Range) {
	n := r.textLen()
	out := make([]Range, 0, len(marks))
	for _, m := range marks {
		m.Start, m.End = clamp(m.Start, 0, n), clamp(m.End, 0, n)
		if m.Start < m.End {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	r.marks = out
	r.Refresh()
}

// withAlpha returns c with its alpha replaced by a (non-premultiplied).
func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}
