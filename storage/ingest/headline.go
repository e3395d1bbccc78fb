package ingest

import (
	"strings"
	"unicode/utf8"
)

// titleAndBody fills an empty title from the first paragraph of text and
// returns the text without that paragraph when it is the headline (the
// rule is in the package doc). given tells whether the file named the
// title itself (a heading, a Title style, metadata).
func titleAndBody(title, text string) (string, string) {
	given := title != ""
	first, rest, more := strings.Cut(text, "\n")
	if !given {
		title = cleanTitle(first)
	}
	if !more || first == "" || utf8.RuneCountInString(first) > maxTitle || cleanTitle(first) != title {
		return title, text
	}
	if !given && (strings.ContainsAny(first[len(first)-1:], ".,:;") || listItem(first)) {
		return title, text // a sentence, a lead-in or a list item, not a headline
	}
	return title, rest
}
