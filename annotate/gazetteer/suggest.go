package gazetteer

import (
	"sort"
	"strings"
	"unicode"

	"eventatlas/annotate"
)

// Suggest returns the places to offer for the selection [start, end) of
// text (code points), the place to pre-fill first when there is one (see
// SuggestBest). The order, after that best match:
//   - the places named inside the selection, most specific first (a town or
//     crossing, then a province, then a country; in text order among
//     equals), every name's best candidate before any second choice;
//   - those named elsewhere in its sentence, the nearest name first;
//   - a name that only says whose citizens someone is ("citizens of
//     Afghanistan", "граждан Афганистана", see isDemonym);
//   - when neither the selection nor its sentence names a place, those of
//     the sentence before (an antecedent: "The delegation travelled to the
//     province" after "visited Kunduz"), most specific first;
//   - the rest of its paragraph (a line of the text), the nearest first;
//   - last a dateline's place ("DUSHANBE, 20 Nov (Reuters) —" names where
//     the report was filed, not where the event happened).
//
// Each place appears once. Selecting "visited Kunduz" in the sample article
// offers Kunduz city, then Kunduz province, then Afghanistan and Tajikistan
// from the same sentence.
func (g *Gazetteer) Suggest(text string, start, end int) []annotate.Place {
	places, _ := g.SuggestBest(text, start, end)
	return places
}

// Suggestion groups, in the order Suggest offers them.
const (
	inSelection = iota
	inSentence
	asDemonym
	inPrevSentence
	inParagraph
	inDateline
)

// SuggestBest is Suggest that also says whether its first place is a match
// good enough to pre-fill. It is when a place is named inside the selection
// (the most specific one), else elsewhere in its sentence, else in the
// sentence before (the most specific, then the nearest one); never a place
// of a later sentence, a dateline's or a demonym's ("citizens of X"). With
// none of those, best is false and the analyst must choose.
func (g *Gazetteer) SuggestBest(text string, start, end int) (places []annotate.Place, best bool) {
	rs := []rune(text)
	if start > end {
		start, end = end, start
	}
	start = min(max(start, 0), len(rs))
	end = min(max(end, 0), len(rs))
	sentS, sentE := sentenceBounds(rs, start, end)
	parS, parE := paragraphBounds(rs, start, end)
	prevS, prevE := prevSentenceBounds(rs, sentS)
	toks := tokenize(rs)
	type entry struct {
		group, rank, spec, pos int
		weak, par              bool // par: inside the paragraph
		place                  annotate.Place
	}
	var es []entry
	named := false // the selection or its sentence names a place fit to pre-fill
	for _, m := range g.Match(text) {
		group, pos := inSelection, m.Start
		switch {
		case m.Start < end && m.End > start, start == end && m.Start <= start && start <= m.End:
		case m.Start >= sentS && m.End <= sentE:
			group = inSentence
		case m.Start >= prevS && m.End <= prevE:
			group = inPrevSentence
		case m.Start >= parS && m.End <= parE:
			group = inParagraph
		default:
			continue
		}
		if group > inSelection {
			pos = max(start-m.End, m.Start-end) // how far from the selection
		}
		weak := false // a dateline inside the selection: offered, never pre-filled
		switch {
		case isDateline(rs, m.Start, m.End) && group == inSelection:
			weak, pos = true, pos+len(rs)
		case isDateline(rs, m.Start, m.End):
			group = inDateline
		case isDemonym(toks, m.Start):
			group = asDemonym
		case group <= inSentence:
			named = true
		}
		for r, p := range m.Candidates {
			es = append(es, entry{group, r, 0, pos, weak, m.Start >= parS && m.End <= parE, p})
		}
	}
	kept := es[:0]
	for _, e := range es {
		if e.group == inPrevSentence && named {
			if !e.par {
				continue // no antecedent is needed
			}
			e.group = inParagraph
		}
		if e.rank == 0 && (e.group == inSelection || e.group == inPrevSentence) {
			e.spec = specificity(e.place)
		}
		if e.weak {
			e.spec = 3 // after the selection's other places
		}
		kept = append(kept, e)
	}
	es = kept
	sort.SliceStable(es, func(a, b int) bool {
		x, y := es[a], es[b]
		if x.group != y.group {
			return x.group < y.group
		}
		if x.rank != y.rank {
			return x.rank < y.rank
		}
		if x.spec != y.spec {
			return x.spec < y.spec
		}
		return x.pos < y.pos
	})
	// The best match: the first group that has one, then the most
	// specific, then the nearest (inside the selection, the first).
	bi := -1
	for i, e := range es {
		if e.rank != 0 || e.weak || e.group != inSelection && e.group != inSentence && e.group != inPrevSentence {
			continue
		}
		if bi < 0 {
			bi = i
			continue
		}
		b := es[bi]
		if e.group == b.group && (specificity(e.place) < specificity(b.place) ||
			specificity(e.place) == specificity(b.place) && e.pos < b.pos) {
			bi = i
		}
	}
	// Two different places as fit as the best (two towns in "talks in
	// Dushanbe and Kabul"): the analyst chooses, or codes one event for
	// each; nothing is pre-filled.
	several := false
	if bi >= 0 {
		b := es[bi]
		for _, e := range es {
			if e.rank == 0 && !e.weak && e.group == b.group && e.place.ID != b.place.ID &&
				specificity(e.place) == specificity(b.place) {
				several = true
				break
			}
		}
	}
	if bi > 0 {
		b := es[bi]
		copy(es[1:bi+1], es[:bi])
		es[0] = b
	}
	seen := map[string]bool{}
	for _, e := range es {
		if !seen[e.place.ID] {
			seen[e.place.ID] = true
			places = append(places, e.place)
		}
	}
	return places, bi >= 0 && !several
}

// specificity orders places from the most specific: a town, village, user
// place or crossing 0, a province 1, a country 2.
func specificity(p annotate.Place) int {
	switch p.Kind {
	case annotate.KindProvince:
		return 1
	case annotate.KindCountry:
		return 2
	}
	return 0
}

// prevSentenceBounds returns the code points [s, e) of the sentence before
// the one starting at sentS (across a line break), or 0, 0 when there is
// none.
func prevSentenceBounds(rs []rune, sentS int) (int, int) {
	k := sentS
	for k > 0 && unicode.IsSpace(rs[k-1]) {
		k--
	}
	if k == 0 {
		return 0, 0
	}
	s, _ := sentenceBounds(rs, k-1, k-1)
	return s, k
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
