package workbench

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

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
				t = annotate.PeriodEnd(t, annotate.PrecisionMonth)
			}
			return t, annotate.PrecisionMonth, nil
		}
	}
	if t, err := time.Parse("2006", s); err == nil {
		if end {
			t = annotate.PeriodEnd(t, annotate.PrecisionYear)
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

// dateFieldWidth is the width a date entry needs to show a whole date with
// its validation marker and no scroll bar: the text with the entry's text
// padding on both sides, the marker with its gap and padding, the border.
func dateFieldWidth() float32 {
	text := fyne.MeasureText("0000-00-00", theme.TextSize(), fyne.TextStyle{}).Width
	inner := theme.InnerPadding()
	marker := theme.IconInlineSize() + theme.LineSpacing() + inner
	return text + inner*2 + marker + theme.InputBorderSize()*2 + theme.Padding()
}

// errEndBeforeStart marks an end date before the start date as it is typed.
var errEndBeforeStart = errors.New("before the start date")

// endIsPreset reports whether e's end date is the one its start implies
// (the same day, or the end of its month or year), so that it may follow
// the start as the user retypes it.
func endIsPreset(e annotate.Event) bool {
	return e.DateEnd.IsZero() || e.DateEnd.Equal(e.DateStart) || e.DateEnd.Equal(annotate.PeriodEnd(e.DateStart, e.DatePrecision))
}

// startChanged follows the typing in the start date. While the end date is
// the preset, it moves to the end of the typed period, ACLED style: 2025-11
// runs 2025-11-01 – 2025-11-30 and 2025 runs 2025-01-01 – 2025-12-31. An
// end date the user typed stays. The precision shown follows the dates.
func (f *eventForm) startChanged(s string) {
	f.edited()
	if f.loading || !f.shown {
		return
	}
	if !f.endFollows {
		defer f.end.Validate() // a typed end may now be before the start, or no longer
	}
	start, p, err := parseDate(s, false)
	if err != nil {
		f.notePeriod("") // a date half typed says nothing yet
		return
	}
	if f.endFollows {
		f.loading = true
		f.end.SetText(formatDate(annotate.PeriodEnd(start, p)))
		f.end.SetValidationError(nil)
		f.loading = false
	}
	f.showPrecision()
	note := ""
	if f.endFollows && p > annotate.PrecisionDay {
		note = fmt.Sprintf("%s precision: the event runs %s – %s (type an end date to change the end)",
			strings.ToUpper(precisionNames[p-1][:1])+precisionNames[p-1][1:], formatDate(start), formatDate(annotate.PeriodEnd(start, p)))
	}
	f.notePeriod(note)
}

// notePeriod says in the status line what period a month or year date
// stands for; "" takes back the last such note (typing 2025-11 on the way
// to 2025-11-06 must not leave "Month precision" behind), leaving any other
// message alone.
func (f *eventForm) notePeriod(note string) {
	switch {
	case note != "":
		f.wb.status.setMessage(note)
	case f.periodNote != "" && f.wb.status.message.Text == f.periodNote:
		f.wb.status.setMessage("")
	}
	f.periodNote = note
}

// endChanged follows the typing in the end date: a typed end date no
// longer follows the start; an emptied one does again.
func (f *eventForm) endChanged(s string) {
	if f.loading || !f.shown {
		return
	}
	f.edited()
	f.endFollows = strings.TrimSpace(s) == ""
	f.showPrecision()
}

// showPrecision sets the precision to that of the dates typed (the coarser
// of the two), keeping week when the user chose it for day dates.
func (f *eventForm) showPrecision() {
	_, p, err := parseDate(f.start.Text, false)
	if err != nil {
		return
	}
	if strings.TrimSpace(f.end.Text) != "" {
		_, p2, err := parseDate(f.end.Text, true)
		if err != nil {
			return
		}
		p = max(p, p2)
	}
	if p == annotate.PrecisionDay && f.precision.SelectedIndex() == int(annotate.PrecisionWeek)-1 {
		return
	}
	setIndex(f.precision, int(p)-1)
}
