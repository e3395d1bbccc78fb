package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"

	"eventatlas/annotate"
)

// Zip-bomb guards for .docx archives.
const (
	maxEntries  = 10000    // entries in the archive
	maxExpanded = MaxBytes // bytes one entry may expand to
	maxRatio    = 200      // expanded/compressed size, for entries over ratioFloor
	ratioFloor  = 1 << 20  // small entries may compress as well as they like
)

// readDocx imports a Word document: the paragraphs of word/document.xml
// (see docxText), titled by docProps/core.xml's title, else by the first
// paragraph styled Title or Heading, and dated by its creation date.
// The archive is checked before it is read: at most 10,000 entries, and no
// entry that expands beyond 50 MB or, above 1 MB, more than 200 times its
// compressed size (archive/zip refuses to read past an entry's declared
// size, so a header that lies fails as a broken file).
func readDocx(base string, data []byte) (annotate.Article, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return annotate.Article{}, fmt.Errorf("%s: %w (%v)", base, ErrNotWord, err)
	}
	if len(zr.File) > maxEntries {
		return annotate.Article{}, fmt.Errorf("%s has %d entries, more than %d: %w", base, len(zr.File), maxEntries, ErrZipBomb)
	}
	var doc, core *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "docProps/core.xml":
			core = f
		}
	}
	if doc == nil {
		return annotate.Article{}, fmt.Errorf("%s: word/document.xml missing: %w", base, ErrNotWord)
	}
	body, err := openEntry(base, doc)
	if err != nil {
		return annotate.Article{}, err
	}
	defer body.Close()
	text, heading, err := docxText(body)
	if err != nil {
		return annotate.Article{}, fmt.Errorf("%s: word/document.xml is broken: %w", base, err)
	}
	a := annotate.Article{Text: normalize(text), Title: heading}
	if core != nil {
		if r, err := openEntry(base, core); err == nil {
			readCore(r, &a) // the properties are a bonus: a broken core.xml costs nothing
			r.Close()
		}
	}
	return a, nil
}

// openEntry opens f behind the zip-bomb guards.
func openEntry(base string, f *zip.File) (io.ReadCloser, error) {
	if f.UncompressedSize64 > maxExpanded {
		return nil, fmt.Errorf("%s: %s expands to %d MB, more than %d MB: %w",
			base, f.Name, f.UncompressedSize64>>20, maxExpanded>>20, ErrZipBomb)
	}
	if f.UncompressedSize64 > ratioFloor && f.UncompressedSize64 > maxRatio*f.CompressedSize64 {
		return nil, fmt.Errorf("%s: %s is compressed more than %d to 1: %w", base, f.Name, maxRatio, ErrZipBomb)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: open %s: %w", base, f.Name, err)
	}
	// archive/zip fails a read that goes past the declared size, so the
	// checks above also bound what comes out of the entry.
	return rc, nil
}
