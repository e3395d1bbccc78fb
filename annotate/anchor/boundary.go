package anchor

import (
	"unicode"
	"unicode/utf8"
)

// refine moves the ends of an approximate match to where the old context
// fits best. Edit distance alone cannot tell an insertion next to a quote's
// edge from a changed edge: for "a Tajik delegation" in "a Tajik senior
// delegation" the shortest match is "senior delegation", or one that starts
// inside "senior". Each end is tried within k symbols of where it was found,
// only at word boundaries unless the old quote began (or ended) inside a
// word, and scored by the quote's edit distance plus the edit distance of
// the old prefix (or suffix) to the text beside it. The start is settled
// first, then the end. A match that would need more than k edits is left as
// found.
func (t *text) refine(q query, c candidate, k int) candidate {
	inWordStart := midWordEdge(q.prefix, q.quote, t)
	inWordEnd := midWordEdge(q.quote, q.suffix, t)

	// Starts: distances of the quote to sym[s:c.end] for every s in reach.
	lo := max(0, c.start-k)
	hi := min(c.end-1, c.start+k)
	tail := suffixDistances(q.quote, t.sym[lo:c.end])
	bestS, bestCost := -1, 0
	for s := lo; s <= hi; s++ {
		if !inWordStart && t.midWord(s) {
			continue
		}
		d := tail[c.end-s]
		if d > k {
			continue
		}
		cost := d + levenshtein(q.prefix, t.sym[max(0, s-len(q.prefix)):s])
		if bestS < 0 || cost < bestCost || cost == bestCost && abs(s-c.start) < abs(bestS-c.start) {
			bestS, bestCost = s, cost
		}
	}
	if bestS < 0 {
		return c
	}

	// Ends: distances of the quote to sym[bestS:e] for every e in reach.
	lo = max(bestS+1, c.end-k)
	hi = min(len(t.sym), c.end+k)
	head := prefixDistances(q.quote, t.sym[bestS:hi])
	bestE, dist := -1, 0
	for e := lo; e <= hi; e++ {
		if !inWordEnd && t.midWord(e) {
			continue
		}
		d := head[e-bestS]
		if d > k {
			continue
		}
		cost := d + levenshtein(q.suffix, t.sym[e:min(len(t.sym), e+len(q.suffix))])
		if bestE < 0 || cost < bestCost || cost == bestCost && abs(e-c.end) < abs(bestE-c.end) {
			bestE, bestCost, dist = e, cost, d
		}
	}
	if bestE < 0 {
		return c
	}
	return candidate{start: bestS, end: bestE, dist: dist}
}

// midWordEdge reports whether the old text had a word character on both
// sides of the edge between a and b (prefix|quote or quote|suffix).
func midWordEdge(a, b []int32, t *text) bool {
	return len(a) > 0 && len(b) > 0 && t.wordSym(a[len(a)-1]) && t.wordSym(b[0])
}

// midWord reports whether sym offset i falls between two word characters.
func (t *text) midWord(i int) bool {
	return i > 0 && i < len(t.sym) && t.wordSym(t.sym[i-1]) && t.wordSym(t.sym[i])
}

// wordSym reports whether symbol s is a letter, digit or combining mark.
func (t *text) wordSym(s int32) bool {
	if s < 0 {
		return false
	}
	if t.runeOf == nil {
		t.runeOf = make([]rune, len(t.alpha))
		for r, id := range t.alpha {
			t.runeOf[id] = r
		}
	}
	r := t.runeOf[s]
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// suffixDistances returns d where d[l] is the edit distance between p and
// the last l symbols of w.
func suffixDistances(p, w []int32) []int {
	prev, cur := make([]int, len(w)+1), make([]int, len(w)+1)
	for l := range prev {
		prev[l] = l
	}
	for i := 1; i <= len(p); i++ {
		cur[0] = i
		c := p[len(p)-i]
		for l := 1; l <= len(w); l++ {
			sub := prev[l-1]
			if w[len(w)-l] != c {
				sub++
			}
			cur[l] = min(sub, prev[l]+1, cur[l-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev
}

// prefixDistances returns d where d[l] is the edit distance between p and
// the first l symbols of w.
func prefixDistances(p, w []int32) []int {
	prev, cur := make([]int, len(w)+1), make([]int, len(w)+1)
	for l := range prev {
		prev[l] = l
	}
	for i := 1; i <= len(p); i++ {
		cur[0] = i
		c := p[i-1]
		for l := 1; l <= len(w); l++ {
			sub := prev[l-1]
			if w[l-1] != c {
				sub++
			}
			cur[l] = min(sub, prev[l]+1, cur[l-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev
}
