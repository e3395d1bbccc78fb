package workbench

import (
	"fmt"
	"strings"
	"time"

	"eventatlas/annotate"
)

// dateLayout is how the form shows a date: ISO 8601, e.g. 2025-11-13.
const dateLayout = "2006-01-02"

// dayLayouts are the other ways of writing a day the form accepts.
var dayLayouts = []string{
	dateLayout, "2006-1-2", "2 Jan 2006", "2 January 2006", "Jan 2 2006", "January 2 2006", "2.1.2006", "02.01.2006",
}

// parseDate reads a date typed in the form. A day (2025-11-13, also
// 13 Nov 2025 or 13.11.2025) gives day precision; a month (2025-11 or
// Nov 2025) and a year (2025) give their first day, or their last when end
// is set, with month or year precision.
func parseDate(s string, end bool) (time.Time, annotate.DatePrecision, error) {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ")
	if s == "" {
		return time.Time{}, 0, fmt.Errorf("enter a date as YYYY-MM-DD, e.g. 2025-11-13")
	}
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, annotate.PrecisionDay, nil
		}
	}
	for _, l := range []string{"2006-01", "2006-1", "Jan 2006", "January 2006"} {
		if t, err := time.Parse(l, s); err == nil {
			if end {
				t = t.AddDate(0, 1, -1)
			}
			return t, annotate.PrecisionMonth, nil
		}
	}
	if t, err := time.Parse("2006", s); err == nil {
		if end {
			t = t.AddDate(1, 0, -1)
		}
		return t, annotate.PrecisionYear, nil
	}
	return time.Time{}, 0, fmt.Errorf("“%s” is not a date: type it as YYYY-MM-DD, e.g. 2025-11-13", s)
}

// formatDate shows t as YYYY-MM-DD, or "" for the zero time.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// precisionNames are the date precisions in the order the form offers them.
var precisionNames = []string{"day", "week", "month", "year"}

// geoNames are the geographic precisions in the order the form offers them.
var geoNames = []string{"exact", "near", "province", "country"}

// certaintyNames are the certainty levels in the order the form offers them.
var certaintyNames = []string{string(annotate.Confirmed), string(annotate.Reported), string(annotate.Alleged)}

// statusNames are the review states in the order the form offers them.
var statusNames = []string{string(annotate.StatusDraft), string(annotate.StatusReviewed)}

// indexOf returns the position of s in list, or -1.
func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
