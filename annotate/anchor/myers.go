package anchor

// matcher finds approximate occurrences of a pattern with Myers' (1999)
// bit-parallel algorithm, in the blocked form of Hyyrö (2001) so a pattern
// may be any length: one 64-bit word per 64 symbols of pattern.
type matcher struct {
	m, words int
	peq      []uint64 // peq[c*words+w]: bits of block w where the pattern holds symbol c
}

// newMatcher prepares pattern p over an alphabet of n symbols. Symbols < 0
// match nothing.
func newMatcher(p []int32, n int) *matcher {
	words := (len(p) + 63) / 64
	mt := &matcher{m: len(p), words: words, peq: make([]uint64, n*words)}
	for i, c := range p {
		if c >= 0 {
			mt.peq[int(c)*words+i/64] |= 1 << (i % 64)
		}
	}
	return mt
}

// scan calls hit(end, d) for every end offset (exclusive) of text at which
// some substring ending there is within edit distance d <= k of the pattern,
// d being the least such distance.
func (mt *matcher) scan(text []int32, k int, hit func(end, d int)) {
	words := mt.words
	pv := make([]uint64, words)
	mv := make([]uint64, words)
	shift := make([]uint, words) // where each block's bottom row lies
	for w := range pv {
		pv[w], shift[w] = ^uint64(0), 63
	}
	shift[words-1] = uint((mt.m - 1) % 64)
	score := mt.m
	for j, c := range text {
		eqs := mt.peq[int(c)*words : int(c)*words+words]
		// The horizontal delta entering each block from above, as +1 (hp)
		// or -1 (hm) bits; row 0 is all zeros, as a match may start anywhere.
		var hp, hm uint64
		for w, eq := range eqs {
			p, m := pv[w], mv[w]
			xv := eq | m
			eq |= hm
			xh := (((eq & p) + p) ^ p) | eq
			ph := m | ^(xh | p)
			mh := p & xh
			s := shift[w]
			outP, outM := ph>>s&1, mh>>s&1
			ph, mh = ph<<1|hp, mh<<1|hm
			pv[w], mv[w] = mh|^(xv|ph), ph&xv
			hp, hm = outP, outM
		}
		score += int(hp) - int(hm)
		if score <= k {
			hit(j+1, score)
		}
	}
}

// alignStart finds where a match of p ending exactly at the end of w starts:
// it returns the start offset in w and the edit distance, preferring, among
// equally distant starts, the match whose length is nearest len(p).
func alignStart(p, w []int32) (start, d int) {
	dist := suffixDistances(p, w) // dist[l]: p against the last l symbols of w
	best := 0
	for l := range dist {
		if dist[l] < dist[best] || dist[l] == dist[best] && abs(l-len(p)) < abs(best-len(p)) {
			best = l
		}
	}
	return len(w) - best, dist[best]
}

// levenshtein is the edit distance between a and b.
func levenshtein(a, b []int32) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			sub := diag
			if a[i-1] != b[j-1] {
				sub++
			}
			diag = row[j]
			row[j] = min(sub, row[j]+1, row[j-1]+1)
		}
	}
	return row[len(b)]
}

// similarity is 1 - levenshtein/longer length, 1 for two empty strings.
func similarity(a, b []int32) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 1
	}
	return 1 - float64(levenshtein(a, b))/float64(n)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
