package annotate

import (
	"testing"
	"time"
)

func TestOverlaps(t *testing.T) {
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, _ := time.Parse("2006-01-02", s)
		return d
	}
	for _, c := range []struct {
		start, end, from, to string
		want                 bool
	}{
		{"2025-03-01", "2025-03-05", "2025-03-03", "", true},  // a filter from the third meets a period ending the fifth
		{"2025-03-01", "2025-03-05", "", "2025-03-01", true},  // and one until its first day
		{"2025-03-01", "2025-03-05", "2025-03-06", "", false}, // not one from after its end
		{"2025-03-01", "2025-03-05", "", "2025-02-28", false}, // nor one until before its start
		{"2025-03-01", "", "2025-03-01", "2025-03-01", true},  // no end: the start day
		{"", "", "2025-03-01", "", false},                     // undated: no bounded period
		{"", "", "", "", true},                                // every unbounded one
	} {
		e := Event{DateStart: day(c.start), DateEnd: day(c.end)}
		if got := e.Overlaps(day(c.from), day(c.to)); got != c.want {
			t.Errorf("%s–%s in %q..%q: %v, want %v", c.start, c.end, c.from, c.to, got, c.want)
		}
	}
}
