package storage

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Limits, in characters (code points), on the text fields the app lays out
// in a table cell, a form entry or a dialog label. A teammate's file with a
// value over its limit has that row skipped by Merge and is refused by
// Open, and the app never saves such a value (SaveEvent, AddArticle,
// ImportEvents), so it cannot write a file it would refuse to open. The
// UI's text layout grows faster than linearly with the length of a value:
// a 100 KB title froze the selection of its event for 5–10 s and a 40 MB
// note grew the app to 5 GB, while these limits sit far above what real
// values are (news headlines run to about 300 characters, ACLED notes to a
// few thousand).
const (
	// MaxTitleChars bounds event and article titles: several sentences,
	// ten times the longest real headline.
	MaxTitleChars = 2000
	// MaxNameChars bounds the one-line fields: event type and sub-type,
	// place, admin1 and country names, certainty, status, annotator, outlet,
	// language, dates kept as text, ids, hashes and a span's context.
	MaxNameChars = 500
	// MaxURLChars bounds an article's URL: long tracking URLs pass.
	MaxURLChars = 8000
	// MaxListChars bounds an event's actors and tags as "a; b" text: about
	// a hundred names.
	MaxListChars = 8000
	// MaxListJSONChars bounds the JSON form of the same lists, with its
	// quoting and roles.
	MaxListJSONChars = 4 * MaxListChars
	// MaxNotesChars bounds an event's notes: 64 Ki characters, some
	// twenty pages.
	MaxNotesChars = 65536
	// MaxQuoteChars bounds an evidence quote: a highlighted passage of up
	// to some twenty pages.
	MaxQuoteChars = 65536
)

// fieldLimit is the most one column may hold: n characters, or n bytes
// when bytes is set. A value over a character limit is found cheaply: it
// has more than n bytes, and either more than 4n bytes (at most four per
// character) or more than n characters as SQLite's length() counts them.
type fieldLimit struct {
	n     int64
	bytes bool
}

// chars is a character limit.
func chars(n int64) fieldLimit { return fieldLimit{n: n} }

// limitOf is the limit of a column of an Event Atlas table. Columns of
// the tables the app does not lay out as text (actors, places, taxonomy,
// meta) keep the general MaxFieldBytes.
func limitOf(table, col string) fieldLimit {
	switch {
	case table == "articles" && col == "text":
		return fieldLimit{n: MaxArticleBytes, bytes: true}
	case col == "geom":
		return fieldLimit{n: MaxGeometryBytes, bytes: true}
	}
	switch table {
	case "events":
		switch col {
		case "title", "article_title":
			return chars(MaxTitleChars)
		case "notes":
			return chars(MaxNotesChars)
		case "quote":
			return chars(MaxQuoteChars)
		case "actors", "tags":
			return chars(MaxListChars)
		case "actors_json", "tags_json":
			return chars(MaxListJSONChars)
		}
		return chars(MaxNameChars)
	case "spans":
		if col == "quote" {
			return chars(MaxQuoteChars)
		}
		return chars(MaxNameChars)
	case "articles":
		switch col {
		case "title":
			return chars(MaxTitleChars)
		case "url":
			return chars(MaxURLChars)
		}
		return chars(MaxNameChars)
	}
	return fieldLimit{n: MaxFieldBytes, bytes: true}
}

// String is the limit for messages: "2,000-character" or "16.0 MB".
func (l fieldLimit) String() string {
	if l.bytes {
		return byteSize(l.n)
	}
	return thousands(l.n) + "-character"
}

// sqlOver is an SQL condition true when the column q (quoted) is over the
// limit. octet_length and typeof read no value, only its size and type;
// length() runs only on values with more bytes than the limit.
func (l fieldLimit) sqlOver(q string) string {
	n := strconv.FormatInt(l.n, 10)
	if l.bytes {
		return `coalesce(octet_length(` + q + `), 0) > ` + n
	}
	return `(coalesce(octet_length(` + q + `), 0) > ` + n + ` AND (octet_length(` + q + `) > ` +
		strconv.FormatInt(4*l.n, 10) + ` OR length(` + q + `) > ` + n + `))`
}

// sqlChars is an SQL expression for the characters of the column q when
// that count is needed to describe a value over the limit, else NULL.
func (l fieldLimit) sqlChars(q string) string {
	if l.bytes {
		return `NULL`
	}
	return `CASE WHEN octet_length(` + q + `) > ` + strconv.FormatInt(l.n, 10) + ` AND octet_length(` + q + `) <= ` +
		strconv.FormatInt(4*l.n, 10) + ` THEN length(` + q + `) END`
}

// over describes a value of size bytes (and, when known, nchars
// characters) that is over the limit: "900,001 characters" or "9.5 MB";
// ok is false when it is within the limit.
func (l fieldLimit) over(size int64, nchars *int64) (desc string, ok bool) {
	switch {
	case size <= l.n:
		return "", false
	case l.bytes || size > 4*l.n:
		return byteSize(size), true
	case nchars != nil && *nchars > l.n:
		return thousands(*nchars) + " characters", true
	}
	return "", false
}

// overText is over for a Go string as the app is about to store it, in
// characters for a character limit. It is at least as strict as the SQL
// check: a value with more than 4n bytes has more than n characters, and
// utf8.RuneCountInString counts every character SQLite's length() counts,
// and those after a NUL too.
func (l fieldLimit) overText(s string) (desc string, ok bool) {
	if int64(len(s)) <= l.n {
		return "", false
	}
	if l.bytes {
		return byteSize(int64(len(s))), true
	}
	if c := int64(utf8.RuneCountInString(s)); c > l.n {
		return thousands(c) + " characters", true
	}
	return "", false
}

// thousands is n with commas: 65,536.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// limitError is the error for a value the app would store over its limit.
func limitError(col, desc string, l fieldLimit) error {
	return fmt.Errorf("%s is %s, more than the %s limit", col, desc, l)
}
