// Package anchor finds evidence spans again after an article's text changes,
// whether it was edited in the app or imported again with small differences.
//
// A span stores its position (Start, End: the W3C TextPositionSelector) and
// its quote with up to annotate.ContextLen code points of prefix and suffix
// (the TextQuoteSelector). Reanchor tries, for each span, in order:
//
//  1. Exact: the quote still stands at its offsets.
//  2. Moved: the quote occurs elsewhere. With several occurrences, the one
//     whose prefix and suffix match best wins; closeness to the old position
//     breaks ties. It is taken at once when its context still matches at
//     least half-way; otherwise step 3 runs too and the better candidate
//     wins, so a typo-fixed original in its own context beats a verbatim copy
//     in another paragraph.
//  3. Fuzzy: approximate search of the whole quote with Myers' bit-parallel
//     edit-distance algorithm (Sellers' problem: a match may start anywhere;
//     any quote length, 64 code points per machine word), then an exact DP
//     back from each best end to find where the match starts. A candidate is
//     accepted only when its similarity 1 - distance/len(quote) is at least
//     Threshold = 0.8: about one changed code point in five, such as a word
//     inserted into a sentence or a typo fixed; quotes under 5 code points
//     must match exactly. Candidates are ranked by 0.5·similarity +
//     0.4·context + 0.1·closeness, weighing accuracy against location as
//     diff-match-patch's match_main and dom-anchor-text-quote do.
//  4. Orphan: nothing is good enough. The span is returned unchanged for the
//     user to fix; it is never moved or dropped silently.
//
// Steps 2 and 3 look first within 4096 code points of the old position and
// search the whole text only when nothing there keeps at least half of its
// context, so a long article costs little for spans that barely moved.
//
// All offsets are code points. Line endings are folded ("\r\n" and "\r" to
// "\n") for matching only; the returned offsets, quote and context index the
// text exactly as it was passed in, so Span.Verify holds on it.
//
// Why not github.com/sergi/go-diff (diffmatchpatch.MatchMain/MatchBitap)? It
// is in the module proxy (v1.4.0), but its Bitap runs on UTF-8 bytes: its
// 32-character pattern limit (MatchMaxBits) is 16 Cyrillic letters, one changed
// letter counts as two errors, a match can start inside a code point, it
// returns only a start (not an end or a distance), and its location penalty
// (MatchDistance) rejects good matches that moved far in a long text. The
// bit-parallel matcher here is about a hundred lines, works on code points and
// has no length limit.
package anchor
