package reader

import "unicode"

// Word rule, shared by double-click, drag snapping and Ctrl+arrow moves:
//
//   - word characters are letters, digits and combining marks in any script
//     (Latin, Cyrillic, Arabic-script Dari and Pashto…), '_', and the
//     ZERO WIDTH NON-JOINER and JOINER that join the parts of a Persian word
//     ("می‌کند");
//   - an apostrophe (' ’ ʼ) or hyphen (- U+2010 U+2011) with a word character
//     on both sides joins the two into one word: "Afghanistan’s",
//     "Mazar-i-Sharif", "Tajik-Afghan"; en and em dashes, slashes and a
//     doubled hyphen do not;
//   - a '.' or ',' (or the Arabic decimal and thousands separators) with a
//     digit on both sides is part of the number: "1,200", "20.5";
//   - everything else (white space, punctuation, symbols such as '%') is not
//     part of a word; a line break always ends one.

// runeClass groups code points for word selection: 1 word, 2 space, 3 other.
func runeClass(c rune) int {
	switch {
	case unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || c == '_' ||
		c == '\u200c' || c == '\u200d': // ZWNJ and ZWJ join Persian word parts
		return 1
	case isBreakSpace(c):
		return 2
	}
	return 3
}

// isWordJoiner reports whether c joins two word characters into one word.
func isWordJoiner(c rune) bool {
	switch c {
	case '\'', '’', 'ʼ', '-', '\u2010', '\u2011':
		return true
	}
	return false
}

// isNumberSeparator reports whether c joins two digits into one number.
func isNumberSeparator(c rune) bool {
	return c == '.' || c == ',' || c == '\u066b' || c == '\u066c'
}

// isWordAt reports whether rs[i] belongs to a word under the rule above.
func isWordAt(rs []rune, i int) bool {
	if i < 0 || i >= len(rs) {
		return false
	}
	c := rs[i]
	if runeClass(c) == 1 {
		return true
	}
	if i == 0 || i+1 >= len(rs) {
		return false
	}
	a, b := rs[i-1], rs[i+1]
	switch {
	case isWordJoiner(c):
		return runeClass(a) == 1 && runeClass(b) == 1
	case isNumberSeparator(c):
		return unicode.IsDigit(a) && unicode.IsDigit(b)
	}
	return false
}

// insideWord reports whether the code-point boundary k falls between two
// characters of the same word.
func insideWord(rs []rune, k int) bool {
	return isWordAt(rs, k-1) && isWordAt(rs, k)
}

// wordStart returns k moved back to the start of the word it falls inside,
// or k when it is not inside a word.
func wordStart(rs []rune, k int) int {
	if !insideWord(rs, k) {
		return k
	}
	for isWordAt(rs, k-1) {
		k--
	}
	return k
}

// wordEnd returns k moved on to the end of the word it falls inside, or k
// when it is not inside a word.
func wordEnd(rs []rune, k int) int {
	if !insideWord(rs, k) {
		return k
	}
	for isWordAt(rs, k) {
		k++
	}
	return k
}

// wordBounds returns what a double-click on code point i selects: its word,
// its run of spaces, or the punctuation mark alone.
func wordBounds(rs []rune, i int) (int, int) {
	if i < 0 || i >= len(rs) {
		return i, i
	}
	var in func(k int) bool
	switch {
	case isWordAt(rs, i):
		in = func(k int) bool { return isWordAt(rs, k) }
	case runeClass(rs[i]) == 2:
		in = func(k int) bool { return k >= 0 && k < len(rs) && runeClass(rs[k]) == 2 }
	default:
		return i, i + 1
	}
	s, e := i, i+1
	for in(s - 1) {
		s--
	}
	for in(e) {
		e++
	}
	return s, e
}

// snapToWords returns the selection a drag from boundary from to boundary to
// makes: the range between them grown outward to whole words where an end
// falls inside a word. Only the moving end snaps when snapFrom is false
// (shift+click extending a selection). A drag back to its start selects
// nothing. The result keeps the drag's direction: anchor is the fixed end.
func snapToWords(rs []rune, from, to int, snapFrom bool) (anchor, caret int) {
	switch {
	case to > from:
		if snapFrom {
			from = wordStart(rs, from)
		}
		return from, wordEnd(rs, to)
	case to < from:
		if snapFrom {
			from = wordEnd(rs, from)
		}
		return from, wordStart(rs, to)
	}
	return from, to
}

// nextWordEnd is where Ctrl+Right moves a caret at k in logical order: past
// any non-word characters, then to the end of the word that follows (the
// text's end when there is none), like gedit.
func nextWordEnd(rs []rune, k int) int {
	for k < len(rs) && !isWordAt(rs, k) {
		k++
	}
	for k < len(rs) && isWordAt(rs, k) {
		k++
	}
	return k
}

// prevWordStart is where Ctrl+Left moves a caret at k in logical order: back
// over any non-word characters, then to the start of the word before them
// (0 when there is none).
func prevWordStart(rs []rune, k int) int {
	for k > 0 && !isWordAt(rs, k-1) {
		k--
	}
	for k > 0 && isWordAt(rs, k-1) {
		k--
	}
	return k
}
