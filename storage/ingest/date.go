package ingest

import (
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// parseDate reads a date in any common notation (RFC 3339, "2024-05-01",
// "May 1, 2024 10:00", …); a date without a zone is taken as UTC.
func parseDate(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	defer func() {
		if recover() != nil { // a parser bug must not take the import down
			t, ok = time.Time{}, false
		}
	}()
	t, err := dateparse.ParseIn(s, time.UTC)
	if err != nil || t.Year() < 1 || t.Year() > 9999 {
		return time.Time{}, false
	}
	return t, true
}
