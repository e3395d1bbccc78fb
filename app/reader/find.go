package reader

import "unicode"

// Find returns the start offsets of the case-insensitive, non-overlapping
// matches of query in the text, in order, remembers them for ShowMatch and
// marks every one of them in the text. An empty query matches nothing and
// clears the marks.
func (r *Reader) Find(query string) []int {
	q := []rune(query)
	for i, c := range q {
		q[i] = unicode.ToLower(c)
	}
	r.matches, r.matchLen = nil, len(q)
	defer r.Refresh()
	if len(q) == 0 {
		return nil
	}
	rs := r.doc.runes
	for i := 0; i+len(q) <= len(rs); {
		if unicode.ToLower(rs[i]) != q[0] || !foldedPrefix(rs[i:], q) {
			i++
			continue
		}
		r.matches = append(r.matches, i)
		i += len(q)
	}
	return r.matches
}

// foldedPrefix reports whether rs starts with the lower-cased runes q.
func foldedPrefix(rs, q []rune) bool {
	for k, c := range q {
		if unicode.ToLower(rs[k]) != c {
			return false
		}
	}
	return true
}

// ShowMatch selects match i of the last Find and scrolls it into view. An
// index out of range does nothing.
func (r *Reader) ShowMatch(i int) {
	if i < 0 || i >= len(r.matches) {
		return
	}
	s := r.matches[i]
	r.SetSelection(s, s+r.matchLen)
	r.ScrollToOffset(s)
}
