package render

import (
	"cmp"
	"slices"
)

// TypeCount is how many of a group's events are of one type.
type TypeCount struct {
	Type  string // the type name, "(no type)" for events without one
	Count int
}

// typeTally counts events by type name.
type typeTally map[string]int

// sorted is the tally most first, equal counts by name.
func (tt typeTally) sorted() []TypeCount {
	out := make([]TypeCount, 0, len(tt))
	for name, n := range tt {
		out = append(out, TypeCount{name, n})
	}
	slices.SortFunc(out, func(a, b TypeCount) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Type, b.Type)
	})
	return out
}

// shapeTypes adds to tt (made when nil) the types of the line and area
// events given by eventSet.shapeList index.
func (m *Map) shapeTypes(tt typeTally, shapes []int) typeTally {
	if tt == nil {
		tt = typeTally{}
	}
	es := m.events
	for _, i := range shapes {
		tt[es.items[es.shapeList[i].idx].typ]++
	}
	return tt
}

// bubbleTypes is what bubble c counts (c.n) by type: its points, then the
// line and area events it absorbs.
func (m *Map) bubbleTypes(c *cluster) []TypeCount {
	tt := typeTally{}
	es := m.events
	for _, mb := range c.members[:c.pts] {
		if pr, ok := mb.(*pointRef); ok {
			tt[es.items[pr.idx].typ]++
		}
	}
	return m.shapeTypes(tt, c.extra).sorted()
}
