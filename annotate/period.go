package annotate

import "time"

// PeriodEnd is the last day of the period of precision p that holds day t,
// as an event's end date defaults to it: t itself for a day (or a week, or
// an unknown precision), the last day of t's month for a month, of its
// year for a year. The zero time stays zero.
func PeriodEnd(t time.Time, p DatePrecision) time.Time {
	switch {
	case t.IsZero():
		return t
	case p == PrecisionMonth:
		return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, t.Location())
	case p == PrecisionYear:
		return time.Date(t.Year(), 12, 31, 0, 0, 0, 0, t.Location())
	}
	return t
}
