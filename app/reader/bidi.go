package reader

import (
	"golang.org/x/text/unicode/bidi"
)

// The reader resolves embedding levels itself (UAX #9 P2–P3, W1–W7, N0–N2,
// I1–I2 on one isolating run sequence, then L1 and L2 per wrapped line) and
// takes only the character classes from golang.org/x/text/unicode/bidi: that
// package's Paragraph.Order returns the runs in logical rather than visual
// order, merges levels of one parity into a run (so "123." after Arabic in
// an English paragraph, levels 2 and 0, comes back as one left-to-right run),
// never pairs brackets (it compares an opening bracket with its closing one
// by code point) and reports the first run's direction as the paragraph's.
// Explicit embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069) are treated like boundary neutrals: ignored.

// hasRTL reports whether c makes a paragraph need bidi layout: a
// right-to-left letter or an Arabic number. Code points below U+0590 never
// do, so left-to-right text pays one comparison per code point.
func hasRTL(c rune) bool {
	if c < 0x0590 {
		return false
	}
	switch bidiClass(c) {
	case bidi.R, bidi.AL, bidi.AN:
		return true
	}
	return false
}

// bidiClass is c's Bidi_Class, with explicit formatting characters folded
// into BN (see the comment at the top of this file).
func bidiClass(c rune) bidi.Class {
	p, _ := bidi.LookupRune(c)
	switch cls := p.Class(); cls {
	case bidi.LRO, bidi.RLO, bidi.LRE, bidi.RLE, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
		return bidi.BN
	default:
		return cls
	}
}

// paraBidi is the resolved bidi state of one paragraph.
type paraBidi struct {
	rtl     bool         // base direction right to left (level 1)
	classes []bidi.Class // original classes, for L1
	levels  []uint8      // resolved embedding levels before L1
}

// baseRTL applies P2–P3: the paragraph runs right to left when its first
// strong character is R or AL; with none it runs left to right.
func baseRTL(classes []bidi.Class) bool {
	for _, c := range classes {
		switch c {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

// resolveBidi computes the embedding levels of paragraph rs (no "\n").
func resolveBidi(rs []rune) *paraBidi {
	n := len(rs)
	pb := &paraBidi{classes: make([]bidi.Class, n), levels: make([]uint8, n)}
	for i, c := range rs {
		pb.classes[i] = bidiClass(c)
	}
	pb.rtl = baseRTL(pb.classes)
	base := uint8(0)
	e := bidi.L // embedding direction, also sos and eos
	if pb.rtl {
		base, e = 1, bidi.R
	}
	// X9: work on the characters other than BN; BN takes its neighbour's level.
	idx := make([]int, 0, n)
	for i, c := range pb.classes {
		if c != bidi.BN {
			idx = append(idx, i)
		}
	}
	t := make([]bidi.Class, len(idx))
	for k, i := range idx {
		t[k] = pb.classes[i]
		if t[k] == bidi.B { // a separator inside our paragraph ("\r"): white space
			t[k] = bidi.WS
		}
	}
	resolveWeak(t, e)
	resolveBrackets(t, rs, idx, e)
	resolveNeutrals(t, e)
	for k, i := range idx { // I1–I2
		lv := base
		switch {
		case base == 0 && t[k] == bidi.R:
			lv = 1
		case base == 0 && (t[k] == bidi.AN || t[k] == bidi.EN):
			lv = 2
		case base == 1 && (t[k] == bidi.L || t[k] == bidi.AN || t[k] == bidi.EN):
			lv = 2
		}
		pb.levels[i] = lv
	}
	prev := base
	for i, c := range pb.classes {
		if c == bidi.BN {
			pb.levels[i] = prev
		}
		prev = pb.levels[i]
	}
	return pb
}

// resolveWeak applies W1–W7 to t in place; e is sos and eos.
func resolveWeak(t []bidi.Class, e bidi.Class) {
	prev := e
	for k, c := range t { // W1
		if c == bidi.NSM {
			t[k] = prev
		}
		prev = t[k]
	}
	strong := e
	for k, c := range t { // W2, W3
		switch c {
		case bidi.L, bidi.R:
			strong = c
		case bidi.AL:
			strong = c
			t[k] = bidi.R
		case bidi.EN:
			if strong == bidi.AL {
				t[k] = bidi.AN
			}
		}
	}
	for k := 1; k+1 < len(t); k++ { // W4
		a, c, b := t[k-1], t[k], t[k+1]
		if a == bidi.EN && b == bidi.EN && (c == bidi.ES || c == bidi.CS) {
			t[k] = bidi.EN
		} else if a == bidi.AN && b == bidi.AN && c == bidi.CS {
			t[k] = bidi.AN
		}
	}
	for k := 0; k < len(t); { // W5
		if t[k] != bidi.ET {
			k++
			continue
		}
		j := k
		for j < len(t) && t[j] == bidi.ET {
			j++
		}
		if (k > 0 && t[k-1] == bidi.EN) || (j < len(t) && t[j] == bidi.EN) {
			for m := k; m < j; m++ {
				t[m] = bidi.EN
			}
		}
		k = j
	}
	for k, c := range t { // W6
		if c == bidi.ES || c == bidi.ET || c == bidi.CS {
			t[k] = bidi.ON
		}
	}
	strong = e
	for k, c := range t { // W7
		switch c {
		case bidi.L, bidi.R:
			strong = c
		case bidi.EN:
			if strong == bidi.L {
				t[k] = bidi.L
			}
		}
	}
}

// strongDir is the direction c counts as for N0–N2 (numbers count as R),
// or ON for a neutral.
func strongDir(c bidi.Class) bidi.Class {
	switch c {
	case bidi.L:
		return bidi.L
	case bidi.R, bidi.AN, bidi.EN:
		return bidi.R
	}
	return bidi.ON
}

// closingBracket returns the Bidi_Paired_Bracket of opening bracket c: the
// next code point for all but a few ASCII and full-width ones.
func closingBracket(c rune) rune {
	switch c {
	case '[', '{', '［', '｛':
		return c + 2
	}
	return c + 1
}

// resolveBrackets applies N0 (BD16 pairing, then the pair's direction).
func resolveBrackets(t []bidi.Class, rs []rune, idx []int, e bidi.Class) {
	type open struct {
		k     int
		close rune
	}
	var stack []open
	var pairs [][2]int
	for k, i := range idx {
		if t[k] != bidi.ON {
			continue
		}
		p, _ := bidi.LookupRune(rs[i])
		if !p.IsBracket() {
			continue
		}
		if p.IsOpeningBracket() {
			if len(stack) == 63 {
				break
			}
			stack = append(stack, open{k, closingBracket(rs[i])})
			continue
		}
		for s := len(stack) - 1; s >= 0; s-- {
			if stack[s].close == rs[i] {
				pairs = append(pairs, [2]int{stack[s].k, k})
				stack = stack[:s]
				break
			}
		}
	}
	if len(pairs) == 0 {
		return
	}
	// process in order of the opening brackets
	for a := 1; a < len(pairs); a++ {
		for b := a; b > 0 && pairs[b][0] < pairs[b-1][0]; b-- {
			pairs[b], pairs[b-1] = pairs[b-1], pairs[b]
		}
	}
	for _, pr := range pairs {
		found := bidi.ON
		for k := pr[0] + 1; k < pr[1]; k++ {
			if d := strongDir(t[k]); d == e {
				found = e
				break
			} else if d != bidi.ON {
				found = d
			}
		}
		if found == bidi.ON {
			continue
		}
		if found != e {
			before := e
			for k := pr[0] - 1; k >= 0; k-- {
				if d := strongDir(t[k]); d != bidi.ON {
					before = d
					break
				}
			}
			if before != found {
				found = e
			}
		}
		t[pr[0]], t[pr[1]] = found, found
	}
}

// resolveNeutrals applies N1–N2: a run of neutrals between text of one
// direction takes it, otherwise the embedding direction e.
func resolveNeutrals(t []bidi.Class, e bidi.Class) {
	for k := 0; k < len(t); {
		if strongDir(t[k]) != bidi.ON {
			k++
			continue
		}
		j := k
		for j < len(t) && strongDir(t[j]) == bidi.ON {
			j++
		}
		before, after := e, e
		if k > 0 {
			before = strongDir(t[k-1])
		}
		if j < len(t) {
			after = strongDir(t[j])
		}
		d := e
		if before == after {
			d = before
		}
		for m := k; m < j; m++ {
			t[m] = d
		}
		k = j
	}
}

// lineLevels returns the levels of code points [a, b) of the paragraph
// (relative offsets) after L1: white space and separators at the end of the
// line, and before a tab, go to the paragraph level.
func (pb *paraBidi) lineLevels(a, b int, out []uint8) []uint8 {
	out = append(out[:0], pb.levels[a:b]...)
	base := uint8(0)
	if pb.rtl {
		base = 1
	}
	trailing := true
	for i := b - 1; i >= a; i-- {
		switch pb.classes[i] {
		case bidi.S, bidi.B:
			out[i-a] = base
			trailing = true
		case bidi.WS, bidi.BN:
			if trailing {
				out[i-a] = base
			}
		default:
			trailing = false
		}
	}
	return out
}

// levelRun is a run of one level: code points [start, end).
type levelRun struct {
	start, end int
	level      uint8
}

// visualOrder splits levels (of code points start, start+1, …) into runs
// of one level and returns them in visual order, left to right (L2).
func visualOrder(levels []uint8, start int) []levelRun {
	var runs []levelRun
	hi, lowOdd := uint8(0), uint8(255)
	for i, lv := range levels {
		if i == 0 || lv != levels[i-1] {
			runs = append(runs, levelRun{start: start + i, level: lv})
		}
		runs[len(runs)-1].end = start + i + 1
		hi = max(hi, lv)
		if lv%2 == 1 {
			lowOdd = min(lowOdd, lv)
		}
	}
	for lv := hi; lv >= lowOdd && lv > 0; lv-- {
		for i := 0; i < len(runs); {
			if runs[i].level < lv {
				i++
				continue
			}
			j := i
			for j < len(runs) && runs[j].level >= lv {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				runs[a], runs[b] = runs[b], runs[a]
			}
			i = j
		}
	}
	return runs
}

// RightToLeft reports whether s reads right to left: its first strong
// character is a right-to-left letter (UAX #9 P2–P3). Lists and labels use
// it to align a Dari or Pashto title to the right.
func RightToLeft(s string) bool {
	for _, c := range s {
		switch bidiClass(c) {
		case bidi.R, bidi.AL:
			return true
		case bidi.L:
			return false
		}
	}
	return false
}
