package workbench

import (
	"testing"
	"time"

	"eventatlas/annotate"
)

func TestDateWarning(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	pub := day("2026-03-04")
	for _, c := range []struct {
		name       string
		start, end string
		p          annotate.DatePrecision
		published  time.Time
		want       string
	}{
		{"one day before publication", "2026-03-02", "2026-03-02", annotate.PrecisionDay, pub, ""},
		{"a week coded as a week", "2026-02-23", "2026-03-01", annotate.PrecisionWeek, pub, ""},
		{"three days with day precision", "2026-03-01", "2026-03-03", annotate.PrecisionDay, pub,
			"Runs 3 days with day precision: code one event a day, or choose week or month — saved anyway."},
		{"ends after publication", "2026-03-01", "2026-03-31", annotate.PrecisionMonth, pub,
			"Ends 31 Mar 2026, after the article was published (4 Mar 2026): type an end date — saved anyway."},
		{"both", "2026-03-03", "2026-03-05", annotate.PrecisionDay, pub,
			"Runs 3 days with day precision: code one event a day, or choose week or month. Ends 5 Mar 2026, after the article was published (4 Mar 2026): type an end date — saved anyway."},
		{"no publication date", "2026-03-01", "2026-03-31", annotate.PrecisionMonth, time.Time{}, ""},
		{"an event after the article (a later report's)", "2026-03-10", "2026-03-10", annotate.PrecisionDay, pub, ""},
	} {
		e := annotate.Event{DateStart: day(c.start), DateEnd: day(c.end), DatePrecision: c.p}
		if got := dateWarning(e, c.published); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestFormWarnsOfDatesPastTheArticle saves a sample event with a month
// that runs past its article's date: it is saved, with the warning shown.
func TestFormWarnsOfDatesPastTheArticle(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	var e annotate.Event
	for _, ev := range wb.events {
		if len(ev.Spans) > 0 && len(ev.Actors) > 0 {
			e = ev
			break
		}
	}
	wb.SelectEvent(e.ID)
	f := wb.form
	wb.focus(f.start)
	f.start.SetText("2025-11")
	f.end.SetText("")
	f.start.SetText("2025-11")
	f.submit()
	saved, err := wb.project.Event(e.ID)
	if err != nil || saved.DateEnd.Format("2006-01-02") != "2025-11-30" {
		t.Fatalf("saved end %v (%v), want 2025-11-30", saved.DateEnd, err)
	}
	if want := "Ends 30 Nov 2025, after the article was published (13 Nov 2025): type an end date — saved anyway."; f.notice.Text != want || f.notice.Hidden {
		t.Errorf("notice %q (hidden %v), want %q", f.notice.Text, f.notice.Hidden, want)
	}
}
