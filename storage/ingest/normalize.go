package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineBreaks turns every line or paragraph separator into "\n".
var lineBreaks = strings.NewReplacer(
	"\r\n", "\n", "\r", "\n", "\f", "\n", "\v", "\n",
	"\u0085", "\n", "\u2028", "\n", "\u2029", "\n",
)

// splitLines returns s's lines with line endings unified, control
// characters other than tab and the BOM removed, and each line trimmed.
func splitLines(s string) []string {
	s = lineBreaks.Replace(s)
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r == '\uFEFF' || unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return lines
}

// normalize returns s as paragraphs separated by a single "\n": line endings
// unified, each paragraph trimmed, blank lines dropped.
func normalize(s string) string {
	return joinParagraphs(splitLines(s))
}

// joinParagraphs joins the non-empty lines with "\n".
func joinParagraphs(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return b.String()
}

// maxWrapWidth is the widest line (in code points) of a file that may be
// hard-wrapped; text with longer lines keeps one paragraph per line.
const maxWrapWidth = 120

// normalizePlain is normalize for plain text, which also joins hard-wrapped
// lines (the rule is in the package doc).
func normalizePlain(s string) string {
	lines := splitLines(s)
	width, blank, seenText, gap := 0, false, false, false
	for _, l := range lines {
		width = max(width, utf8.RuneCountInString(l))
		if l == "" {
			gap = seenText
			continue
		}
		blank = blank || gap // a blank line between two lines of text
		seenText = true
	}
	if !blank || width > maxWrapWidth {
		return joinParagraphs(lines)
	}
	join := make([]bool, len(lines)) // join[i]: line i continues on line i+1
	full := 0
	for i := 0; i+1 < len(lines); i++ {
		if join[i] = wrapped(lines[i], lines[i+1], width); join[i] {
			full++
		}
	}
	if full < 2 {
		return joinParagraphs(lines)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, l := range lines {
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			if i > 0 && join[i-1] {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// wrapped reports whether next continues line in text wrapped at width.
func wrapped(line, next string, width int) bool {
	if line == "" || next == "" || listItem(next) {
		return false
	}
	word, _, _ := strings.Cut(next, " ")
	return utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width
}

// listItem reports whether a line starts like a list item: "-", "*", "•",
// "–" or "1." / "1)" followed by a space.
func listItem(l string) bool {
	for _, m := range []string{"- ", "* ", "+ ", "• ", "– ", "— "} {
		if strings.HasPrefix(l, m) {
			return true
		}
	}
	i := 0
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && l[i+1] == ' '
}
