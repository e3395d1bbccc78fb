package workbench

import (
	"sort"
	"strings"
	"time"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
)

// eventFilter is what the filter bar above the event table asks for; a
// zero field matches every event.
type eventFilter struct {
	Text      string    // words that must all occur in the title, place, actors, tags, notes or evidence
	Type      string    // the event type
	Actor     string    // an actor's name, in any role
	ArticleID string    // an article the event has evidence in
	From, To  time.Time // the event's dates must overlap [From, To]
}

// active reports whether the filter hides anything.
func (f eventFilter) active() bool { return f != eventFilter{} }

// match reports whether e passes the filter; words are the filter's text
// folded and split, folded gives e's search text folded (see foldCache).
func (f eventFilter) match(e *annotate.Event, words []string, folded func(*annotate.Event) string) bool {
	if f.Type != "" && e.Type != f.Type {
		return false
	}
	if f.Actor != "" && !hasActor(e, f.Actor) {
		return false
	}
	if f.ArticleID != "" && !hasArticle(e, f.ArticleID) {
		return false
	}
	if !e.Overlaps(f.From, f.To) {
		return false
	}
	if len(words) > 0 {
		hay := folded(e)
		for _, w := range words {
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}

func hasActor(e *annotate.Event, name string) bool {
	for _, a := range e.Actors {
		if a.Name == name {
			return true
		}
	}
	return false
}

func hasArticle(e *annotate.Event, id string) bool {
	for _, s := range e.Spans {
		if s.ArticleID == id {
			return true
		}
	}
	return false
}

// searchText is everything the filter's words are looked for in.
func searchText(e *annotate.Event) string {
	parts := []string{e.Title, e.Type, e.SubType, e.PlaceName, e.Admin1, e.Country, e.Notes}
	parts = append(parts, e.Tags...)
	for _, a := range e.Actors {
		parts = append(parts, a.Name)
	}
	for _, s := range e.Spans {
		parts = append(parts, s.Quote)
	}
	return strings.Join(parts, " \n ")
}

// foldCache keeps each event's folded search text until the event changes,
// so that filtering as the user types does not fold every event again.
type foldCache map[string]foldedText

type foldedText struct {
	updated time.Time
	text    string
}

// text returns e's folded search text.
func (c foldCache) text(e *annotate.Event) string {
	if t, ok := c[e.ID]; ok && t.updated.Equal(e.Updated) && e.ID != "" {
		return t.text
	}
	s := gazetteer.Fold(searchText(e))
	c[e.ID] = foldedText{e.Updated, s}
	return s
}

// filterEvents returns the events that pass f, in their order. cache may
// be nil.
func filterEvents(events []annotate.Event, f eventFilter, cache foldCache) []annotate.Event {
	if cache == nil {
		cache = foldCache{}
	}
	words := strings.Fields(gazetteer.Fold(f.Text))
	out := make([]annotate.Event, 0, len(events))
	for i := range events {
		if f.match(&events[i], words, cache.text) {
			out = append(out, events[i])
		}
	}
	return out
}

// sortColumn is a column the event table can be sorted by.
type sortColumn int

// The event table's columns.
const (
	colDate sortColumn = iota
	colType
	colTitle
	colPlace
)

// sortEvents orders events by col, ascending unless desc; ties keep the date
// order, then the title, so the order is stable from one reload to the next.
func sortEvents(events []annotate.Event, col sortColumn, desc bool) {
	keys := make([]string, len(events))
	for i := range events {
		e := &events[i]
		switch col {
		case colType:
			keys[i] = e.Type
		case colTitle:
			keys[i] = strings.ToLower(e.Title)
		case colPlace:
			keys[i] = strings.ToLower(e.PlaceName)
		}
	}
	cmp := func(i, j int) int {
		if c := strings.Compare(keys[i], keys[j]); c != 0 {
			return c
		}
		a, b := &events[i], &events[j]
		switch {
		case a.DateStart.Before(b.DateStart):
			return -1
		case a.DateStart.After(b.DateStart):
			return 1
		}
		return strings.Compare(a.Title, b.Title)
	}
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		c := cmp(order[x], order[y])
		if desc {
			return c > 0
		}
		return c < 0
	})
	sorted := make([]annotate.Event, len(events))
	for i, k := range order {
		sorted[i] = events[k]
	}
	copy(events, sorted)
}
