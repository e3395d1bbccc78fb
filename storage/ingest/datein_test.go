package ingest

import (
	"testing"
	"time"
)

func TestStatedDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	pub := day(2026, 3, 4)
	for _, c := range []struct {
		text string
		ref  time.Time
		want time.Time
	}{
		{"One Tajik border guard was killed late on Monday, 2 March, when a group of armed men opened fire", pub, day(2026, 3, 2)},
		{"the clash on March 2, 2026 near Panji Poyon", pub, day(2026, 3, 2)},
		{"talks held on the 28th of February", pub, day(2026, 2, 28)},
		{"задержаны 9 февраля на участке заставы", pub, day(2026, 2, 9)},
		{"در ۶ مارچ بازداشت شدند", pub, day(2026, 3, 6).AddDate(-1, 0, 0)}, // after the article: the year before
		{"a raid on 30 December", day(2026, 1, 4), day(2025, 12, 30)},
		{"seized 48 kilograms of hashish and two rifles", pub, time.Time{}},
		{"between 2 March and 5 March", pub, time.Time{}}, // two days: the analyst says
		{"Route 20 Panj", pub, time.Time{}},
		{"on 2 March", time.Time{}, time.Time{}}, // no year and no article date
		{"on 2026-03-02", time.Time{}, day(2026, 3, 2)},
		{"31 February", pub, time.Time{}},
		{"the State Committee said on Tuesday", pub, day(2026, 3, 3)}, // 4 March 2026 is a Wednesday
		{"guards clashed on Wednesday", pub, day(2026, 3, 4)},         // the article's own day
		{"задержаны в понедельник", pub, day(2026, 3, 2)},             // Monday
		{"between Monday and Wednesday", pub, time.Time{}},            // two days: the analyst says
		{"on Tuesday", time.Time{}, time.Time{}},                      // no article date
		{"late on Monday, 2 March", pub, day(2026, 3, 2)},             // the date wins
	} {
		got, ok := StatedDate(c.text, c.ref)
		if !got.Equal(c.want) || ok != !c.want.IsZero() {
			t.Errorf("StatedDate(%q) = %v, %v; want %v", c.text, got, ok, c.want)
		}
	}
}
