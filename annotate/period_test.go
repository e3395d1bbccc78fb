package annotate

import (
	"testing"
	"time"
)

func TestPeriodEnd(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		t    time.Time
		p    DatePrecision
		want time.Time
	}{
		{d(2025, 11, 13), PrecisionDay, d(2025, 11, 13)},
		{d(2025, 11, 13), PrecisionWeek, d(2025, 11, 13)},
		{d(2025, 11, 1), PrecisionMonth, d(2025, 11, 30)},
		{d(2025, 11, 20), PrecisionMonth, d(2025, 11, 30)}, // any day of the month
		{d(2024, 2, 1), PrecisionMonth, d(2024, 2, 29)},
		{d(2025, 12, 5), PrecisionMonth, d(2025, 12, 31)},
		{d(2025, 1, 1), PrecisionYear, d(2025, 12, 31)},
		{time.Time{}, PrecisionYear, time.Time{}},
		{d(2025, 3, 4), 0, d(2025, 3, 4)},
	} {
		if got := PeriodEnd(c.t, c.p); !got.Equal(c.want) {
			t.Errorf("PeriodEnd(%s, %d) = %s, want %s", c.t.Format("2006-01-02"), c.p, got.Format("2006-01-02"), c.want.Format("2006-01-02"))
		}
	}
}
