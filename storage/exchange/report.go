package exchange

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxInputSize is the largest file a reader accepts: 200 MB, about a
// million events, well past any project while keeping memory bounded.
const MaxInputSize = 200 << 20

// ErrTooLarge is returned by the readers for input longer than MaxInputSize.
var ErrTooLarge = fmt.Errorf("the file is larger than %d MB: split it into smaller files before importing", MaxInputSize>>20)

// Skip is one row or feature a reader left out, and why.
type Skip struct {
	Row    int    // CSV: the line's record number counting the header as 1 (the spreadsheet row); GeoJSON: the feature's number from 1
	ID     string // the event id the row carried, "" when none
	Reason string // what is wrong, in words a user can act on
}

// String says which row was skipped and why.
func (s Skip) String() string {
	if s.ID != "" {
		return fmt.Sprintf("row %d (id %s): %s", s.Row, s.ID, s.Reason)
	}
	return fmt.Sprintf("row %d: %s", s.Row, s.Reason)
}

// Report tells what a reader did: how many rows or features it read, how
// many became events and which it skipped. Read == Imported + len(Skipped).
type Report struct {
	Read, Imported int
	Skipped        []Skip
}

// String summarises the import in one line per skipped row, for an import
// preview or the command line.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "imported %d of %d events", r.Imported, r.Read)
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "; skipped %d:", len(r.Skipped))
		for _, s := range r.Skipped {
			b.WriteString("\n  ")
			b.WriteString(s.String())
		}
	}
	return b.String()
}

func (r *Report) skip(row int, id, format string, args ...any) {
	r.Skipped = append(r.Skipped, Skip{Row: row, ID: id, Reason: fmt.Sprintf(format, args...)})
}

// limitReader reads at most n bytes from r and fails with ErrTooLarge when
// r holds more.
type limitReader struct {
	r io.Reader
	n int64 // bytes still allowed
}

// inputLimit is MaxInputSize; tests lower it.
var inputLimit int64 = MaxInputSize

func newLimitReader(r io.Reader) *limitReader { return &limitReader{r: r, n: inputLimit} }

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, ErrTooLarge
	}
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1] // one byte past the limit tells a too-large file from one exactly at it
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		return n, ErrTooLarge
	}
	return n, err
}

// tooLarge reports whether err comes from the size limit, so readers can
// return ErrTooLarge itself rather than a parse error around it.
func tooLarge(err error) bool { return errors.Is(err, ErrTooLarge) }
