package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// timeLayout is GeoPackage's DATETIME form, which is also RFC 3339 in UTC.
const timeLayout = "2006-01-02T15:04:05.000Z"

// dateLayout is an ISO 8601 calendar date, GeoPackage's DATE.
const dateLayout = "2006-01-02"

// stamp is t in UTC to the millisecond, as a DATETIME column keeps it.
func stamp(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC().Truncate(time.Millisecond)
}

// now is the current time as stored.
func now() time.Time { return stamp(time.Now()) }

// day is the calendar date of t (in t's location) at midnight UTC, as a DATE
// column keeps it.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// sqlTime is t as a DATETIME value, NULL when zero.
func sqlTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// sqlDate is t as a DATE value, NULL when zero.
func sqlDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(dateLayout)
}

// parseTime reads a DATETIME or DATE column; NULL and "" are the zero time.
func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339Nano, dateLayout, "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s.String); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an ISO date or time", s.String)
}

// nullString is s, NULL when empty.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// jsonText marshals v for a TEXT column.
func jsonText(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// splitList reads a "a; b" list as GIS users edit it.
func splitList(s string) []string {
	var out []string
	for part := range strings.SplitSeq(s, ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
