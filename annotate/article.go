package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"
)

// Article is a text that evidence spans point into. Offsets into Text are
// always counted in Unicode code points, never in bytes.
type Article struct {
	ID        string    // UUID
	Title     string    // headline
	Outlet    string    // publisher, e.g. "CentralasianLIGHT.org"
	URL       string    // where the text came from, may be empty
	Language  string    // BCP 47 tag, e.g. "en"
	Published time.Time // date of publication (zero when unknown)
	Text      string    // the body; spans index it in code points
	Hash      string    // TextHash(Text): recognises the same text imported twice
	Created   time.Time // when the article entered the project
}

// TextHash returns the hex SHA-256 of text with line endings normalised to
// "\n" and surrounding white space trimmed, so the same article saved on two
// systems hashes alike.
func TextHash(text string) string {
	norm := strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"))
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:])
}

// RuneLen is the length of s in code points.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }

// RuneSlice returns the code points [start, end) of s. Out-of-range bounds are
// clamped, so it never panics.
func RuneSlice(s string, start, end int) string {
	if start < 0 {
		start = 0
	}
	if end < start {
		return ""
	}
	i, bStart, bEnd := 0, len(s), len(s)
	for b := range s {
		if i == start {
			bStart = b
		}
		if i == end {
			bEnd = b
			break
		}
		i++
	}
	if bStart > bEnd {
		return ""
	}
	return s[bStart:bEnd]
}
