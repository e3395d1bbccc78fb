package gazetteer

import (
	"sort"
	"strings"
	"unicode"

	"eventatlas/annotate"
)

// Suggest returns the places to offer for the selection [start, end) of
// text (code points): first the places named inside the selection, then
// those named elsewhere in its sentence, then in its paragraph (a line of
// the text), and last a dateline's place ("DUSHANBE, 20 Nov (Reuters) —"
// names where the report was filed, not where the event happened). Within
// each group every name's best candidate comes before any second choice:
// inside the selection in text order, outside it the nearest name first.
// Each place appears once. Selecting "visited Kunduz" in the sample article
// offers Kunduz city, then Kunduz province, then Afghanistan and Tajikistan
// from the same sentence.
func (g *Gazetteer) Suggest(text string, start, end int) []annotate.Place {
	rs := []rune(text)
	if start > end {
		start, end = end, start
	}
	start = min(max(start, 0), len(rs))
	end = min(max(end, 0), len(rs))
	sentS, sentE := sentenceBounds(rs, start, end)
	parS, parE := paragraphBounds(rs, start, end)
	type entry struct {
		group, rank, pos int
		place            annotate.Place
	}
	var es []entry
	for _, m := range g.Match(text) {
		group, pos := 0, m.Start
		switch {
		case m.Start < end && m.End > start, start == end && m.Start <= start && start <= m.End:
		case m.Start >= sentS && m.End <= sentE:
			group = 1
		case m.Start >= parS && m.End <= parE:
			group = 2
		default:
			continue
		}
		if group > 0 {
			pos = max(start-m.End, m.Start-end) // how far from the selection
			if isDateline(rs, m.Start, m.End) {
				group = 3
			}
		}
		for r, p := range m.Candidates {
			es = append(es, entry{group, r, pos, p})
		}
	}
	sort.SliceStable(es, func(a, b int) bool {
		x, y := es[a], es[b]
		if x.group != y.group {
			return x.group < y.group
		}
		if x.rank != y.rank {
			return x.rank < y.rank
		}
		return x.pos < y.pos
	})
	seen := map[string]bool{}
	var out []annotate.Place
	for _, e := range es {
		if !seen[e.place.ID] {
			seen[e.place.ID] = true
			out = append(out, e.place)
		}
	}
	return out
}

// isSentenceEnd reports whether rs[k] ends a sentence: a full stop, question
// or exclamation mark (Latin, Arabic, Urdu) followed by a space or the end.
func isSentenceEnd(rs []rune, k int) bool {
	switch rs[k] {
	case '.', '!', '?', '؟', '۔', '…':
		return k+1 == len(rs) || unicode.IsSpace(rs[k+1])
	}
	return false
}

// sentenceBounds returns the code points [s, e) of the sentences that hold
// the selection [start, end).
func sentenceBounds(rs []rune, start, end int) (int, int) {
	s := start
	for s > 0 && rs[s-1] != '\n' && !isSentenceEnd(rs, s-1) {
		s--
	}
	e := max(end, start)
	if e > start && isSentenceEnd(rs, e-1) {
		return s, e
	}
	for e < len(rs) && rs[e] != '\n' {
		if isSentenceEnd(rs, e) {
			return s, e + 1
		}
		e++
	}
	return s, e
}

// paragraphBounds returns the code points [s, e) of the lines that hold the
// selection [start, end).
func paragraphBounds(rs []rune, start, end int) (int, int) {
	s, e := start, max(end, start)
	for s > 0 && rs[s-1] != '\n' {
		s--
	}
	for e < len(rs) && rs[e] != '\n' {
		e++
	}
	return s, e
}

// isDateline reports whether the name at [s, e) of rs opens a dateline: it
// begins its line, is followed by a comma, a dash or a bracket, and a digit
// or a dash comes within the line's first 60 code points ("Dushanbe, 20
// November 2025 — …", "KUNDUZ (Reuters) - …").
func isDateline(rs []rune, s, e int) bool {
	b := s
	for b > 0 && rs[b-1] != '\n' && unicode.IsSpace(rs[b-1]) {
		b--
	}
	if b > 0 && rs[b-1] != '\n' {
		return false // not at the start of its line
	}
	k := e
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	if k == len(rs) || !strings.ContainsRune(",—–-(", rs[k]) {
		return false
	}
	for i := k; i < len(rs) && i < b+60 && rs[i] != '\n'; i++ {
		if unicode.IsDigit(rs[i]) || rs[i] == '—' || rs[i] == '–' {
			return true
		}
	}
	return false
}
