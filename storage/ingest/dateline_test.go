package ingest

import (
	"strings"
	"testing"
	"time"
)

// TestDateline: a file without date metadata is dated by the one clear
// dateline in its first lines (bug 5); dates further down, dates inside a
// sentence and conflicting datelines leave Published empty.
func TestDateline(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	lead := "Tajik border guards seized heroin near the Panji Poyon crossing, officials said."
	tests := []struct {
		name, file, in string
		want           time.Time
	}{
		{"tester's border.txt", "border.txt", "Border guards seize heroin near Panj\n\nDushanbe, 20 November 2025 — " + lead, day(2025, 11, 20)},
		{"month first", "a.txt", "Headline\nNov 20, 2025\n" + lead, day(2025, 11, 20)},
		{"abbreviation with a dot, ordinal", "a.txt", "Headline\nDUSHANBE, Sept. 3rd, 2024 (Reuters) - " + lead, day(2024, 9, 3)},
		{"ISO", "a.txt", "Headline\n2025-11-20 10:32\n" + lead, day(2025, 11, 20)},
		{"day.month.year", "a.txt", "Headline\nОпубликовано: 05.11.2025, 14:00\n" + lead, day(2025, 11, 5)},
		{"Russian genitive", "a.txt", "Пограничники задержали нарушителей\nДушанбе, 20 ноября 2025 г. — " + lead, day(2025, 11, 20)},
		{"Tajik izafat", "a.txt", "Сарлавҳа\nДушанбе, 1 марти 2025 — " + lead, day(2025, 3, 1)},
		{"Tajik without izafat", "a.txt", "Сарлавҳа\n15 октябр 2023\n" + lead, day(2023, 10, 15)},
		{"Dari, Persian digits, Arabic comma", "a.txt", "دستگیری قاچاقبران در کندز\nکندز، ۶ مارچ ۲۰۲۶ — نیروهای امنیتی سه تن را بازداشت کردند.", day(2026, 3, 6)},
		{"Persian month, ASCII digits", "a.txt", "عنوان\nتهران، 12 نوامبر 2025 - خبر", day(2025, 11, 12)},
		{"Pashto, Arabic-Indic digits", "a.txt", "سرلیک\nکابل، ٣ ډسمبر ٢٠٢٥ — خبر", day(2025, 12, 3)},
		{"date alone on the first line", "a.txt", "20 November 2025\nHeadline\n" + lead, day(2025, 11, 20)},
		{"same date twice", "a.txt", "Headline\n20.11.2025 | Dushanbe, 20 November 2025 — " + lead, day(2025, 11, 20)},
		{"prefix word Updated", "a.txt", "Headline\nUpdated 2 Jan 2025\n" + lead, day(2025, 1, 2)},
		{"two different dates", "a.txt", "Headline\nPublished 20 November 2025\nUpdated 21 November 2025\n" + lead, time.Time{}},
		{"date inside a sentence", "a.txt", "Headline\nOn 12 May 2025, " + lead, time.Time{}},
		{"date in the headline", "a.txt", "Clashes on 12 May 2025 near Panj\n" + lead, time.Time{}},
		{"date in the fourth paragraph", "a.txt", "Headline\nOne.\nTwo.\n20 November 2025\n" + lead, time.Time{}},
		{"date beyond 400 characters", "a.txt", "Headline\n" + strings.Repeat("word ", 80) + "\n20 November 2025", time.Time{}},
		{"yearless Reuters dateline", "a.txt", "Headline\nDUSHANBE, Nov. 20 (Reuters) - " + lead, time.Time{}},
		{"impossible day", "a.txt", "Headline\n31 November 2025\n" + lead, time.Time{}},
		{"not a month name", "a.txt", "Headline\nRoute 20 Panj 2025\n" + lead, time.Time{}},
		{"month-first slashes are ambiguous", "a.txt", "Headline\n05/11/2025\n" + lead, time.Time{}},
		{"Markdown", "a.md", "# Headline\n\n*Dushanbe, 20 November 2025* — " + lead, day(2025, 11, 20)},
		{"Markdown front matter wins", "a.md", "---\ndate: 2025-11-21\n---\n# Headline\n\nDushanbe, 20 November 2025 — " + lead, day(2025, 11, 21)},
		{"HTML metadata wins", "a.html", "<title>Headline</title><meta property=\"article:published_time\" content=\"2025-11-18T10:00:00Z\">" +
			"<article><p>Dushanbe, 20 November 2025 — " + lead + "</p></article>", time.Date(2025, 11, 18, 10, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readBytes(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if !a.Published.Equal(tt.want) || !a.Published.IsZero() && a.Published.Location() != time.UTC {
				t.Errorf("Published = %v, want %v", a.Published, tt.want)
			}
		})
	}
}

func TestDatelineDocx(t *testing.T) {
	a, err := readBytes("r.docx", buildDocx(t, map[string]string{"word/document.xml": wordDoc(
		`<w:p><w:r><w:t>Clashes near Kunduz</w:t></w:r></w:p><w:p><w:r><w:t>KUNDUZ, 12 May 2025 – Fighting broke out.</w:t></w:r></w:p>`)}))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 5, 12, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", a.Published, want)
	}
}

func BenchmarkDateline(b *testing.B) {
	text := "Border guards seize heroin near Panj\nDushanbe, 20 November 2025 — " + strings.Repeat("Tajik border guards seized heroin. ", 40)
	for b.Loop() {
		if _, _, ok := findDateline(text); !ok {
			b.Fatal("no dateline")
		}
	}
}

func TestDatelineOutlet(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Border guard killed\n\nDUSHANBE, 4 March 2026 (Asia-Plus) — One Tajik border guard was killed.", "Asia-Plus"},
		{"Headline\nDUSHANBE, Sept. 3rd, 2024 (Reuters) - Guards said.", "Reuters"},
		{"Headline\nDushanbe, 20 November 2025 — Guards (who were armed) said.", ""},
		{"Headline\nOn 12 May 2025 (a Monday) - guards said.", ""}, // not a dateline
		{"Headline\n\nNo date here (Asia-Plus) — text.", ""},
	} {
		if _, got, _ := findDateline(c.text); got != c.want {
			t.Errorf("the outlet of %q is %q, want %q", c.text, got, c.want)
		}
	}
	a, err := readBytes("b.txt", []byte("Border guard killed\n\nDUSHANBE, 4 March 2026 (Asia-Plus) — One Tajik border guard was killed."))
	if err != nil || a.Outlet != "Asia-Plus" {
		t.Errorf("imported outlet %q (%v), want Asia-Plus", a.Outlet, err)
	}
}
