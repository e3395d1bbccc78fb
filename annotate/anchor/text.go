package anchor

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"eventatlas/annotate"
)

// text is an article prepared once for re-anchoring many spans.
type text struct {
	orig  []rune         // the text as given: results index it
	sym   []int32        // the text, line endings folded to "\n", as symbols
	alpha map[rune]int32 // each distinct code point of the folded text → its symbol
	pos   []int          // pos[i] is the index in orig of sym[i]; nil when nothing was folded
	// runeOf is alpha inverted, built when first needed.
	runeOf []rune
}

// prepare folds line endings and maps the code points to dense symbols.
func prepare(s string) *text {
	t := &text{orig: []rune(s), alpha: map[rune]int32{}}
	folded := t.orig
	if strings.IndexByte(s, '\r') >= 0 {
		folded, t.pos = fold(t.orig)
	}
	var small [0x500]int32 // Latin and Cyrillic without a map look-up; 0 is unseen
	t.sym = make([]int32, len(folded))
	for i, r := range folded {
		if r < 0x500 && small[r] > 0 {
			t.sym[i] = small[r] - 1
			continue
		}
		id, ok := t.alpha[r]
		if !ok {
			id = int32(len(t.alpha))
			t.alpha[r] = id
		}
		if r < 0x500 {
			small[r] = id + 1
		}
		t.sym[i] = id
	}
	return t
}

// fold turns "\r\n" and a lone "\r" into "\n" and tells, for every code point
// kept, where it came from.
func fold(rs []rune) (out []rune, pos []int) {
	out, pos = make([]rune, 0, len(rs)), make([]int, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		out, pos = append(out, rs[i]), append(pos, i)
		if rs[i] == '\r' {
			out[len(out)-1] = '\n'
			if i+1 < len(rs) && rs[i+1] == '\n' {
				i++
			}
		}
	}
	return out, pos
}

// foldString folds the line endings of s.
func foldString(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// symbols maps s, line endings folded, to the text's symbols; a code point
// the text lacks becomes -1, which matches nothing.
func (t *text) symbols(s string) []int32 {
	s = foldString(s)
	out := make([]int32, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		id, ok := t.alpha[r]
		if !ok {
			id = -1
		}
		out = append(out, id)
	}
	return out
}

// origIndex converts an offset into sym to one into orig.
func (t *text) origIndex(i int) int {
	if t.pos == nil {
		return i
	}
	if i >= len(t.pos) {
		return len(t.orig)
	}
	return t.pos[i]
}

// occurrences returns where q occurs in sym[lo:hi].
func (t *text) occurrences(q []int32, lo, hi int) []int {
	var at []int
	for i := lo; i+len(q) <= hi; i++ {
		if t.sym[i] == q[0] && slices.Equal(t.sym[i:i+len(q)], q) {
			at = append(at, i)
		}
	}
	return at
}

// span returns old re-pointed at orig[start:end), with quote and context
// taken from the text now there.
func (t *text) span(old annotate.Span, start, end int) annotate.Span {
	old.Start, old.End = start, end
	old.Quote = string(t.orig[start:end])
	old.Prefix = string(t.orig[max(0, start-annotate.ContextLen):start])
	old.Suffix = string(t.orig[end:min(len(t.orig), end+annotate.ContextLen)])
	return old
}

// trim narrows orig[start:end) to exclude white space at both ends, as
// annotate.NewSpan does.
func (t *text) trim(start, end int) (int, int) {
	for start < end && unicode.IsSpace(t.orig[start]) {
		start++
	}
	for end > start && unicode.IsSpace(t.orig[end-1]) {
		end--
	}
	return start, end
}
