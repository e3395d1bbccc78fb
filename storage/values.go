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
	t = t.UTC()
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format(timeLayout)
	}
	h, mi, sec := t.Clock()
	b := make([]byte, 0, len(timeLayout))
	b = appendDate(b, y, int(mo), d)
	b = append(b, 'T')
	b = append2(b, h)
	b = append(b, ':')
	b = append2(b, mi)
	b = append(b, ':')
	b = append2(b, sec)
	ms := t.Nanosecond() / int(time.Millisecond)
	b = append(b, '.', byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10), 'Z')
	return string(b)
}

// sqlDate is t as a DATE value, NULL when zero.
func sqlDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format(dateLayout)
	}
	return string(appendDate(make([]byte, 0, len(dateLayout)), y, int(mo), d))
}

// appendDate appends YYYY-MM-DD, as time.Format does for years 0–9999
// without its cost.
func appendDate(b []byte, y, mo, d int) []byte {
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append2(b, mo)
	b = append(b, '-')
	return append2(b, d)
}

// append2 appends n (0–99) in two digits.
func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }

// parseTime reads a DATETIME or DATE column; NULL and "" are the zero time.
func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	if t, ok := quickTime(s.String); ok {
		return t, nil
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

// quickTime parses the two forms the project writes, dateLayout and
// timeLayout, without time.Parse; ok is false for anything else, which
// parseTime then parses the slow way.
func quickTime(s string) (t time.Time, ok bool) {
	if len(s) != len(dateLayout) && len(s) != len(timeLayout) {
		return t, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	if s[4] != '-' || s[7] != '-' {
		return t, false
	}
	y, mo, d := num(0, 4), num(5, 2), num(8, 2)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return t, false
	}
	var h, mi, sec, ms int
	if len(s) == len(timeLayout) {
		if s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.' || s[23] != 'Z' {
			return t, false
		}
		h, mi, sec, ms = num(11, 2), num(14, 2), num(17, 2), num(20, 3)
		if h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0 {
			return t, false
		}
	}
	t = time.Date(y, time.Month(mo), d, h, mi, sec, ms*int(time.Millisecond), time.UTC)
	if t.Day() != d { // 31 April and the like roll over: not a date
		return time.Time{}, false
	}
	return t, true
}
