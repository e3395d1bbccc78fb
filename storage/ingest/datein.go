package ingest

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// stated notations of a date inside a sentence, with or without a year.
var statedPatterns = []datePattern{
	{regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})`), [3]int{1, 2, 3}},                                        // 2026-03-02
	{regexp.MustCompile(`(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(\p{L}+)\.?(?:,?\s+(\d{4}))?`), [3]int{3, 2, 1}}, // 2 March (2026)
	{regexp.MustCompile(`(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?`), [3]int{3, 1, 2}},           // March 2(, 2026)
}

// StatedDate returns the one day a text states, such as a selection
// reporting an event ("late on Monday, 2 March", "9 февраля",
// "on March 2, 2026", "2026-03-02", or only "on Tuesday"), and whether it
// states exactly one. A date without a year takes ref's year, or the year
// before when that day would come after ref (an article of 4 January
// reporting 30 December); a day of the week alone is the last such day up
// to ref; with a zero ref a date needs a year. Month names are those of datelines
// (English, Russian, Tajik, Dari, Pashto, Persian); digits may be Persian.
func StatedDate(text string, ref time.Time) (time.Time, bool) {
	text = asciiDigits(text)
	var found time.Time
	for _, p := range statedPatterns {
		for _, m := range p.rx.FindAllStringSubmatchIndex(text, -1) {
			if !bounded(text, m[0], m[1]) {
				continue
			}
			t, ok := p.statedDate(text, m, ref)
			if !ok {
				continue
			}
			if !found.IsZero() && !found.Equal(t) {
				return time.Time{}, false // two different days: the analyst says which
			}
			found = t
		}
	}
	if found.IsZero() && !ref.IsZero() {
		// "said on Tuesday": the last such day up to the article's date.
		if wd, ok := statedWeekday(text); ok {
			found = ref.AddDate(0, 0, -((int(ref.Weekday()) - int(wd) + 7) % 7))
		}
	}
	return found, !found.IsZero()
}

// weekdayNames are the names of the days of the week in English and
// Russian (as news write them: "в понедельник", "во вторник").
var weekdayNames = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
	"понедельник": time.Monday, "вторник": time.Tuesday, "среду": time.Wednesday, "среда": time.Wednesday,
	"четверг": time.Thursday, "пятницу": time.Friday, "пятница": time.Friday, "субботу": time.Saturday,
	"суббота": time.Saturday, "воскресенье": time.Sunday,
}

// statedWeekday returns the one day of the week text names, if it names
// exactly one.
func statedWeekday(text string) (time.Weekday, bool) {
	var found time.Weekday
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if d, ok := weekdayNames[w]; ok {
			if n > 0 && d != found {
				return 0, false
			}
			found, n = d, n+1
		}
	}
	return found, n > 0
}

// statedDate reads match m of a stated date, taking a missing year from ref.
func (p datePattern) statedDate(s string, m []int, ref time.Time) (time.Time, bool) {
	yg := p.ymd[0]
	if m[2*yg] >= 0 {
		return p.date(s, m)
	}
	if ref.IsZero() {
		return time.Time{}, false
	}
	month, ok := monthNames[strings.ToLower(s[m[2*p.ymd[1]]:m[2*p.ymd[1]+1]])]
	if !ok {
		return time.Time{}, false
	}
	d := 0
	for _, c := range s[m[2*p.ymd[2]]:m[2*p.ymd[2]+1]] {
		d = d*10 + int(c-'0')
	}
	y := ref.Year()
	t := time.Date(y, month, d, 0, 0, 0, 0, time.UTC)
	if t.Month() != month || t.Day() != d {
		return time.Time{}, false
	}
	if t.After(ref) {
		t = t.AddDate(-1, 0, 0)
	}
	return t, true
}
