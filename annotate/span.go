package annotate

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// ContextLen is how many code points of prefix and suffix a Span keeps around
// its quote, as the W3C Web Annotation TextQuoteSelector does.
const ContextLen = 32

// ErrEmptySelection is returned for a selection of nothing but white space.
var ErrEmptySelection = errors.New("the selection holds no words: select the text that reports the event")

// Span is a piece of evidence: the code points [Start, End) of an article,
// with the exact quote and the text around it so it can be found again after
// the article changes (TextPositionSelector + TextQuoteSelector).
type Span struct {
	ID        string // UUID
	ArticleID string // the article the span points into
	EventID   string // the event this span is evidence for
	Start     int    // first code point, inclusive
	End       int    // last code point, exclusive
	Quote     string // exact text of [Start, End)
	Prefix    string // up to ContextLen code points before Start
	Suffix    string // up to ContextLen code points after End
	// Orphan is set when the quote was not found again after the article's
	// text changed: Start, End and the quote are those of the old text,
	// kept for the user to re-attach or delete.
	Orphan bool `json:",omitempty"`
}

// NewSpan makes the span [start, end) of text, trimming white space at both
// ends. It fails on an empty or out-of-range selection and on one of only
// white space.
func NewSpan(text string, start, end int) (Span, error) {
	runes := []rune(text)
	if start > end {
		start, end = end, start
	}
	if start < 0 || end > len(runes) {
		return Span{}, fmt.Errorf("selection %d–%d is outside the article (%d characters)", start, end, len(runes))
	}
	for start < end && unicode.IsSpace(runes[start]) {
		start++
	}
	for end > start && unicode.IsSpace(runes[end-1]) {
		end--
	}
	if start == end {
		return Span{}, ErrEmptySelection
	}
	pre := max(0, start-ContextLen)
	post := min(len(runes), end+ContextLen)
	return Span{
		Start:  start,
		End:    end,
		Quote:  string(runes[start:end]),
		Prefix: string(runes[pre:start]),
		Suffix: string(runes[end:post]),
	}, nil
}

// Verify reports whether the span's quote still stands at its offsets in text.
func (s Span) Verify(text string) bool {
	return RuneSlice(text, s.Start, s.End) == s.Quote
}

// Contains reports whether code point offset i lies inside the span.
func (s Span) Contains(i int) bool { return i >= s.Start && i < s.End }

// FindQuote returns the span of the first whole occurrence of quote in text,
// for building evidence from known sentences (the sample project, tests).
func FindQuote(text, quote string) (Span, error) {
	b := strings.Index(text, quote)
	if b < 0 {
		return Span{}, fmt.Errorf("quote %q not found in the article", quote)
	}
	start := RuneLen(text[:b])
	return NewSpan(text, start, start+RuneLen(quote))
}
