package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"eventatlas/annotate"
)

// renderFilter is render's -type, -from and -to: which events a picture
// draws, as the window's filter bar chooses them (an event is kept when
// its dates overlap from..to).
type renderFilter struct {
	types    map[string]bool // none: every type
	from, to time.Time       // zero: open-ended
}

// dated reports whether the filter needs the events' dates.
func (f renderFilter) dated() bool { return !f.from.IsZero() || !f.to.IsZero() }

// parseRenderFilter reads the flags' values; the type names are checked
// against tax once the project is read (see check).
func parseRenderFilter(types, from, to string) (renderFilter, error) {
	var f renderFilter
	for _, t := range strings.Split(types, ",") {
		if t = strings.TrimSpace(t); t != "" {
			if f.types == nil {
				f.types = map[string]bool{}
			}
			f.types[t] = true
		}
	}
	var err error
	if f.from, err = periodDay("-from", from, false); err != nil {
		return f, err
	}
	if f.to, err = periodDay("-to", to, true); err != nil {
		return f, err
	}
	if f.dated() && !f.from.IsZero() && !f.to.IsZero() && f.to.Before(f.from) {
		return f, fmt.Errorf("-to %s is before -from %s", to, from)
	}
	return f, nil
}

// periodDay reads YYYY, YYYY-MM or YYYY-MM-DD as its first day, or its
// last when end is set; "" is the zero time.
func periodDay(flag, s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range []struct {
		layout string
		p      annotate.DatePrecision
	}{{"2006-01-02", annotate.PrecisionDay}, {"2006-01", annotate.PrecisionMonth}, {"2006", annotate.PrecisionYear}} {
		if t, err := time.Parse(l.layout, s); err == nil {
			if end {
				return annotate.PeriodEnd(t, l.p), nil
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%s %q: want a date as YYYY-MM-DD, YYYY-MM or YYYY", flag, s)
}

// check refuses a type the project's taxonomy does not have, naming those
// it has; a type named in another case is taken as the project's.
func (f renderFilter) check(tax annotate.Taxonomy) error {
	names := tax.Names()
	for t := range f.types {
		if slices.Contains(names, t) {
			continue
		}
		// "security incident" is Security incident: case is no reason to refuse.
		i := slices.IndexFunc(names, func(n string) bool { return strings.EqualFold(n, t) })
		if i < 0 {
			return fmt.Errorf("-type %q: the project's types are %s", t, strings.Join(names, ", "))
		}
		delete(f.types, t)
		f.types[names[i]] = true
	}
	return nil
}

// keep returns the events the filter lets through, in their order.
func (f renderFilter) keep(events []annotate.Event) []annotate.Event {
	if f.types == nil && !f.dated() {
		return events
	}
	out := make([]annotate.Event, 0, len(events))
	for _, e := range events {
		if f.types != nil && !f.types[e.Type] {
			continue
		}
		if e.Overlaps(f.from, f.to) {
			out = append(out, e)
		}
	}
	return out
}
