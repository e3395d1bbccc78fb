package exchange

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"eventatlas/annotate"
)

// dateLayout is how every format writes a day: ACLED's event_date, ISO 8601.
const dateLayout = "2006-01-02"

// acledDateLayout is the day format of older ACLED exports, accepted on import.
const acledDateLayout = "02 January 2006"

// formatDate writes a day, "" for the zero time.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// parseDate reads a day written by formatDate or by ACLED; "" is the zero time.
func parseDate(field, s string) (time.Time, error) {
	t, _, err := parseDateText(field, s, false)
	return t, err
}

// parseDateText reads a day as parseDate does, or a month ("2025-11") or a
// year ("2025"), and returns the precision the text gives (0 for "").
// A month or year is its first day, or its last when end is true (for
// date_end).
func parseDateText(field, s string, end bool) (time.Time, annotate.DatePrecision, error) {
	if s == "" {
		return time.Time{}, 0, nil
	}
	for _, f := range [...]struct {
		layout string
		prec   annotate.DatePrecision
	}{{dateLayout, annotate.PrecisionDay}, {acledDateLayout, annotate.PrecisionDay},
		{"2006-01", annotate.PrecisionMonth}, {"2006", annotate.PrecisionYear}} {
		t, err := time.Parse(f.layout, s)
		if err != nil {
			continue
		}
		if end {
			t = annotate.PeriodEnd(t, f.prec)
		}
		return t, f.prec, nil
	}
	return time.Time{}, 0, fmt.Errorf("%s %q is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)", field, s)
}

// FillDefaults gives an imported event the precisions its file left out:
// the date precision is "day" when the event has a date (a file that gives
// only "2025-11" or "2025" is read as month or year precision already),
// and the place precision is "exact": the coordinates in the file are taken
// as the event's place (ACLED geo_precision 1). Events without a date keep
// an unknown date precision.
func FillDefaults(e *annotate.Event) {
	if e.DatePrecision == 0 && !e.DateStart.IsZero() {
		e.DatePrecision = annotate.PrecisionDay
	}
	if e.GeoPrecision == 0 {
		e.GeoPrecision = annotate.GeoExact
	}
}

// formatTime writes an instant in UTC to the nanosecond, "" for the zero time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// parseTime reads an instant written by formatTime; "" is the zero time.
func parseTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q is not a time (want RFC 3339, e.g. 2024-03-05T10:00:00Z)", field, s)
	}
	return t, nil
}

// precisionName names a date precision, "" when unknown.
func precisionName(p annotate.DatePrecision) string {
	if p < annotate.PrecisionDay || p > annotate.PrecisionYear {
		return ""
	}
	return p.String()
}

// parsePrecision reads a name written by precisionName.
func parsePrecision(s string) (annotate.DatePrecision, error) {
	if s == "" {
		return 0, nil
	}
	for p := annotate.PrecisionDay; p <= annotate.PrecisionYear; p++ {
		if strings.EqualFold(s, p.String()) {
			return p, nil
		}
	}
	return 0, fmt.Errorf("date_precision %q is not day, week, month or year", s)
}

// geoPrecisionName names a place precision, "" when unknown.
func geoPrecisionName(g annotate.GeoPrecision) string {
	if g < annotate.GeoExact || g > annotate.GeoCountry {
		return ""
	}
	return g.String()
}

// parseGeoPrecision reads a name written by geoPrecisionName.
func parseGeoPrecision(s string) (annotate.GeoPrecision, error) {
	if s == "" {
		return 0, nil
	}
	for g := annotate.GeoExact; g <= annotate.GeoCountry; g++ {
		if strings.EqualFold(s, g.String()) {
			return g, nil
		}
	}
	return 0, fmt.Errorf("place_precision %q is not exact, near, province or country", s)
}

// checkCertainty accepts the known certainty levels and "".
func checkCertainty(c annotate.Certainty) error {
	switch c {
	case "", annotate.Confirmed, annotate.Reported, annotate.Alleged:
		return nil
	}
	return fmt.Errorf("certainty %q is not confirmed, reported or alleged", string(c))
}

// checkStatus accepts the known review states and "".
func checkStatus(s annotate.Status) error {
	switch s {
	case "", annotate.StatusDraft, annotate.StatusReviewed:
		return nil
	}
	return fmt.Errorf("status %q is not draft or reviewed", string(s))
}

// checkRole accepts ACLED's actor roles.
func checkRole(r string) error {
	switch r {
	case "actor1", "actor2", "associated":
		return nil
	}
	return fmt.Errorf("actor role %q is not actor1, actor2 or associated", r)
}

// checkFatalities accepts counts and -1 for unknown.
func checkFatalities(n int) error {
	if n < -1 {
		return fmt.Errorf("fatalities %d is negative", n)
	}
	return nil
}

// checkSpans checks evidence offsets: 0 <= start < end.
func checkSpans(spans []annotate.Span) error {
	for i, s := range spans {
		if s.Start < 0 || s.End <= s.Start {
			return fmt.Errorf("evidence %d: offsets %d–%d are not a span of text", i+1, s.Start, s.End)
		}
	}
	return nil
}

// checkDates accepts a date_end on or after event_date.
func checkDates(start, end time.Time) error {
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		return fmt.Errorf("date_end %s is before event_date %s", formatDate(end), formatDate(start))
	}
	return nil
}

// sources names the articles an event's evidence comes from, outlet or
// else title, each once, in the order of the spans.
func sources(e *annotate.Event, articles map[string]annotate.Article) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range e.Spans {
		if seen[s.ArticleID] {
			continue
		}
		seen[s.ArticleID] = true
		a, ok := articles[s.ArticleID]
		if !ok {
			continue
		}
		// ACLED's source is the outlet; without one, the site the
		// article came from, never its headline.
		name := a.Outlet
		if name == "" {
			name = siteOf(a.URL)
		}
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// siteOf is the host of an article's URL without "www.", "" when it has
// none: "https://www.asiaplustj.info/en/news/1" is "asiaplustj.info".
func siteOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// quotes joins the evidence quotes of an event, a blank line between two.
func quotes(e *annotate.Event) string {
	switch len(e.Spans) {
	case 0:
		return ""
	case 1:
		return e.Spans[0].Quote
	}
	q := make([]string, len(e.Spans))
	for i, s := range e.Spans {
		q[i] = s.Quote
	}
	return strings.Join(q, "\n\n")
}
