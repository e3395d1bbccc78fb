package ingest

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"eventatlas/annotate"
)

// The part of a text searched for a dateline: its first datelineParas
// paragraphs, and of those only the first datelineChars code points.
const (
	datelineParas = 3
	datelineChars = 400
)

// datePattern finds one notation of a date; ymd maps the submatches to
// year, month and day (a month index of 0 means the month is a name).
type datePattern struct {
	rx  *regexp.Regexp
	ymd [3]int
}

var datePatterns = []datePattern{
	{regexp.MustCompile(`(\d{4})[-./](\d{1,2})[-./](\d{1,2})`), [3]int{1, 2, 3}},                 // 2025-11-20
	{regexp.MustCompile(`(\d{1,2})\.(\d{1,2})\.(\d{4})`), [3]int{3, 2, 1}},                       // 20.11.2025
	{regexp.MustCompile(`(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}+)\.?,?\s+(\d{4})`), [3]int{3, 2, 1}}, // 20 November 2025
	{regexp.MustCompile(`(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`), [3]int{3, 1, 2}}, // Nov. 20, 2025
}

// monthNames maps lower-case month names and abbreviations to months:
// English (from the time package), Russian (genitive, nominative and
// abbreviated) and Tajik (bare and with the izofat -и).
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{"sept": time.September}
	for i := time.January; i <= time.December; i++ {
		en := strings.ToLower(i.String())
		m[en], m[en[:3]] = i, i
	}
	add := func(month time.Month, names ...string) {
		for _, n := range names {
			m[n] = month
		}
	}
	add(time.January, "января", "январь", "янв", "январ", "январи")
	add(time.February, "февраля", "февраль", "фев", "февр", "феврал", "феврали")
	add(time.March, "марта", "март", "мар", "марти")
	add(time.April, "апреля", "апрель", "апр", "апрел", "апрели")
	add(time.May, "мая", "май", "майи")
	add(time.June, "июня", "июнь", "июн", "июни")
	add(time.July, "июля", "июль", "июл", "июли")
	add(time.August, "августа", "август", "авг", "августи")
	add(time.September, "сентября", "сентябрь", "сен", "сент", "сентябр", "сентябри")
	add(time.October, "октября", "октябрь", "окт", "октябр", "октябри")
	add(time.November, "ноября", "ноябрь", "ноя", "нояб", "ноябр", "ноябри")
	add(time.December, "декабря", "декабрь", "дек", "декабр", "декабри")
	// Dari and Pashto (Afghanistan) and Persian (Iran) names of the
	// Gregorian months.
	add(time.January, "جنوری", "جنوري", "ژانویه")
	add(time.February, "فبروری", "فبروري", "فوریه")
	add(time.March, "مارچ", "مارس")
	add(time.April, "اپریل", "اپرېل", "آوریل")
	add(time.May, "می", "مۍ", "مه")
	add(time.June, "جون", "ژوئن")
	add(time.July, "جولای", "ژوئیه")
	add(time.August, "اگست", "اګست", "اوت")
	add(time.September, "سپتمبر", "سپتامبر")
	add(time.October, "اکتوبر", "اکتبر")
	add(time.November, "نومبر", "نوامبر")
	add(time.December, "دسمبر", "ډسمبر", "دسامبر")
	return m
}()

// datelineWords may stand alone before a dateline ("Updated 2 Jan 2025").
var datelineWords = map[string]bool{
	"published": true, "posted": true, "updated": true, "date": true,
	"опубликовано": true, "обновлено": true, "дата": true, "санаи": true,
}

// findDateline returns the publication date a text states in its dateline:
// the one date (several mentions of the same day count once) found in the
// first 3 paragraphs and first 400 code points of text, in one of the
// notations 2025-11-20 (also with / or .), 20.11.2025 (day first),
// 20 November 2025 and Nov. 20, 2025 (month names and abbreviations in
// English, Russian or Tajik Cyrillic, any case, an optional dot, ordinal
// suffix or comma; Dari, Pashto and Persian names of the months; Persian
// and Arabic-Indic digits), standing where a dateline stands: at the start
// of its paragraph, or after at most 40 code points that end in one of , ، : | — – -
// / • · ( or are a word like "Published" or "Updated"
// ("DUSHANBE, Nov. 20, 2025 (Reuters) -", "Опубликовано: 05.11.2025").
// Two different dates there, a date inside a sentence ("On 12 May 2025,
// …"), a date without a year ("Nov. 20"), an impossible day and a slashed
// day/month order (05/11/2025) give no date. The time is midnight UTC.
//
// It also returns the outlet a dateline names in brackets right after its
// date ("DUSHANBE, 4 March 2026 (Asia-Plus) —"), "" when none does.
func findDateline(text string) (t time.Time, outlet string, ok bool) {
	var found time.Time
	chars := 0
	for i, para := range strings.SplitN(text, "\n", datelineParas+1) {
		if i == datelineParas || chars >= datelineChars {
			break
		}
		n := utf8.RuneCountInString(para)
		if chars+n > datelineChars {
			para = annotate.RuneSlice(para, 0, datelineChars-chars)
		}
		chars += n + 1
		para = asciiDigits(para)
		for _, p := range datePatterns {
			for _, m := range p.rx.FindAllStringSubmatchIndex(para, -1) {
				t, ok := p.date(para, m)
				if !ok || !datelinePrefix(para[:m[0]]) || !bounded(para, m[0], m[1]) {
					continue
				}
				if outlet == "" {
					if o := outletAfter.FindStringSubmatch(para[m[1]:]); o != nil {
						outlet = strings.TrimSpace(o[1])
					}
				}
				if !found.IsZero() && !found.Equal(t) {
					return time.Time{}, outlet, false
				}
				found = t
			}
		}
	}
	return found, outlet, !found.IsZero()
}

// date reads the date of match m in s.
func (p datePattern) date(s string, m []int) (time.Time, bool) {
	var v [3]int
	for i, g := range p.ymd {
		part := s[m[2*g]:m[2*g+1]]
		if i == 1 && !isDigits(part) {
			month, ok := monthNames[strings.ToLower(part)]
			if !ok {
				return time.Time{}, false
			}
			v[i] = int(month)
			continue
		}
		for _, c := range part {
			v[i] = v[i]*10 + int(c-'0')
		}
	}
	y, mo, d := v[0], time.Month(v[1]), v[2]
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if y < 1900 || y > 2100 || t.Month() != mo || t.Day() != d {
		return time.Time{}, false // 31 November, month 13, day 0
	}
	return t, true
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// bounded reports whether s[start:end] is not part of a longer number or
// word: "120 November 2025" holds no date.
func bounded(s string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	return !unicode.IsLetter(before) && !unicode.IsDigit(before) && !unicode.IsDigit(after)
}

// datelinePrefix reports whether what stands before a date in its
// paragraph lets the date be a dateline.
func datelinePrefix(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if utf8.RuneCountInString(s) > 40 || strings.Contains(s, ". ") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(",،:|—–-/•·(", last) || datelineWords[strings.ToLower(s)]
}

// asciiDigits writes Persian (۰–۹) and Arabic-Indic (٠–٩) digits as 0–9,
// so "کندز، ۶ مارچ ۲۰۲۶" reads as a dateline.
func asciiDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		}
		return r
	}, s)
}

// outletAfter matches the outlet a dateline names in brackets after its
// date: "DUSHANBE, 4 March 2026 (Asia-Plus) — …", "(Reuters) -" (see
// findDateline).
var outletAfter = regexp.MustCompile(`^\s*\(([^()\n]{2,40})\)\s*[—–-]`)
