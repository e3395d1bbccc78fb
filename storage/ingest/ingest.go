package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"eventatlas/annotate"
)

// MaxBytes is the largest input Read accepts: 50 MB.
const MaxBytes = 50 << 20

// MaxTextBytes is the most text an article may hold once read: 5 MB, some
// 2,500 pages. The reader lays out a 1 MB article in about 40 ms; a 30 MB
// one took the window 10 s and 2 GB to show.
const MaxTextBytes = 5 << 20

// Errors that Read wraps, for errors.Is. The full messages name the file.
var (
	// ErrUnsupported: the extension is not one Read imports.
	ErrUnsupported = errors.New("unsupported file type")
	// ErrTooLarge: the input is larger than MaxBytes (or a .docx expands beyond it).
	ErrTooLarge = errors.New("is larger than the 50 MB import limit")
	// ErrTextTooLong: the article's text is over MaxTextBytes.
	ErrTextTooLong = errors.New("holds more text than the 5 MB an article may hold: split it into several articles")
	// ErrBinary: the input is not text.
	ErrBinary = errors.New("looks like a binary file, not text")
	// ErrNoText: the input decoded to nothing but white space.
	ErrNoText = errors.New("has no text to import")
	// ErrNotWord: a .docx that is not a Word document.
	ErrNotWord = errors.New("not a Word document")
	// ErrZipBomb: a .docx whose archive is built to exhaust memory.
	ErrZipBomb = errors.New("refusing a possible zip bomb")
)

// importer turns a file's bytes into an article; base is the file's base
// name for messages. Read fills what it leaves empty.
type importer func(base string, data []byte) (annotate.Article, error)

var importers = map[string]importer{
	".txt":      readPlain,
	".text":     readPlain,
	".md":       readMarkdown,
	".markdown": readMarkdown,
	".html":     readHTML,
	".htm":      readHTML,
	".docx":     readDocx,
}

// Extensions lists the file extensions Read imports, lower case with the
// dot, for a file dialog's filter.
func Extensions() []string {
	return []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx"}
}

// Supported reports whether Read imports a file of this name (by extension,
// case-insensitively).
func Supported(name string) bool {
	_, ok := importers[strings.ToLower(filepath.Ext(name))]
	return ok
}

// Read imports the article in r, a file called name whose extension picks
// the format: .txt/.text (plain text), .md/.markdown, .html/.htm (a saved web
// page: the main text without navigation and other boilerplate) or .docx.
// It fills Title, Outlet, URL, Published and Language when the file tells
// them (Title otherwise comes from the first paragraph, Published from a
// dateline in the first lines, Language from the text when it is clear),
// Text normalised to paragraphs separated by "\n" and without a first
// paragraph that only repeats the title, and Hash = annotate.TextHash(Text);
// ID and Created are left for the store.
//
// Input larger than MaxBytes, binary data, a broken or oversized .docx and a
// file without text are refused with an error that names the file; nothing
// is returned then.
func Read(name string, r io.Reader) (annotate.Article, error) {
	base := filepath.Base(name)
	ext := strings.ToLower(filepath.Ext(name))
	imp, ok := importers[ext]
	if !ok {
		shown := ext
		if shown == "" {
			shown = "without an extension"
		}
		return annotate.Article{}, fmt.Errorf("%w %s: import .txt, .md, .html or .docx", ErrUnsupported, shown)
	}
	data, err := readLimited(base, r)
	if err != nil {
		return annotate.Article{}, err
	}
	a, err := imp(base, data)
	if err != nil {
		return annotate.Article{}, err
	}
	return finish(base, a)
}

// readLimited reads all of r, refusing more than MaxBytes. A reader that
// knows its size (bytes.Reader, strings.Reader, os.File) is refused before
// anything is read.
func readLimited(base string, r io.Reader) ([]byte, error) {
	size := int64(-1)
	switch s := r.(type) {
	case interface{ Size() int64 }:
		size = s.Size()
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := s.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	if size > MaxBytes {
		return nil, fmt.Errorf("%s %w", base, ErrTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", base, err)
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%s %w", base, ErrTooLarge)
	}
	return data, nil
}

// finish checks that a has text, fills Title, Published (from a dateline,
// when the file gave no date), Language and Hash, and drops a headline
// paragraph that repeats the title from the text (see the package doc).
func finish(base string, a annotate.Article) (annotate.Article, error) {
	if strings.TrimSpace(a.Text) == "" {
		return annotate.Article{}, fmt.Errorf("%s %w", base, ErrNoText)
	}
	if len(a.Text) > MaxTextBytes {
		return annotate.Article{}, fmt.Errorf("%s %w", base, ErrTextTooLong)
	}
	a.Title = cleanTitle(a.Title)
	a.Outlet = cleanTitle(a.Outlet)
	a.URL = strings.TrimSpace(a.URL)
	a.Language = strings.TrimSpace(a.Language)
	if t, outlet, ok := findDateline(a.Text); ok || outlet != "" {
		if a.Published.IsZero() {
			a.Published = t
		}
		if a.Outlet == "" {
			a.Outlet = outlet
		}
	}
	a.Title, a.Text = titleAndBody(a.Title, a.Text)
	if a.Language == "" {
		a.Language = guessLanguage(a.Text)
	}
	a.Hash = annotate.TextHash(a.Text)
	return a, nil
}

// maxTitle is the longest title in code points; longer ones are cut at a
// word boundary and end in "…".
const maxTitle = 160

// cleanTitle collapses white space and shortens an overlong title.
func cleanTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	cut := annotate.RuneSlice(s, 0, maxTitle)
	if i := strings.LastIndexByte(cut, ' '); i > maxTitle/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–—") + "…"
}
