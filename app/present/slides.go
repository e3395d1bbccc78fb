package present

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"eventatlas/annotate"
)

// Slide is one event of a presentation with what its caption says.
type Slide struct {
	Event annotate.Event
	// Quote is the event's first evidence, "" when it has none.
	Quote string
	// Source names the article the quote comes from: "Title · Outlet ·
	// 13 Nov 2025", "" when there is no quote.
	Source string
	// From names where a movement starts (its line's first vertex), for
	// the caption "From From to Place"; "" for other events or when unknown.
	From string
}

// maxQuote is the most code points of a quote a caption shows; longer
// quotes are cut at a word and end with an ellipsis.
const maxQuote = 320

// Slides returns one slide per event in presentation order: by start date
// (events without a date last), then title, then id. Quotes come from each
// event's first evidence span that is not orphaned, with its article.
func Slides(events []annotate.Event, articles []annotate.Article) []Slide {
	byID := make(map[string]*annotate.Article, len(articles))
	for i := range articles {
		byID[articles[i].ID] = &articles[i]
	}
	out := make([]Slide, 0, len(events))
	for _, e := range events {
		s := Slide{Event: e}
		for _, sp := range e.Spans {
			if sp.Orphan || strings.TrimSpace(sp.Quote) == "" {
				continue
			}
			s.Quote = shorten(strings.Join(strings.Fields(sp.Quote), " "), maxQuote)
			if a := byID[sp.ArticleID]; a != nil {
				s.Source = source(a)
			}
			break
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b Slide) int {
		da, db := a.Event.DateStart, b.Event.DateStart
		if da.IsZero() != db.IsZero() {
			if da.IsZero() {
				return 1
			}
			return -1
		}
		return cmp.Or(da.Compare(db), cmp.Compare(a.Event.Title, b.Event.Title), cmp.Compare(a.Event.ID, b.Event.ID))
	})
	return out
}

// source names article a for a caption.
func source(a *annotate.Article) string {
	parts := []string{}
	if a.Title != "" {
		parts = append(parts, a.Title)
	}
	if a.Outlet != "" {
		parts = append(parts, a.Outlet)
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("2 Jan 2006"))
	}
	return strings.Join(parts, " · ")
}

// shorten cuts s to at most n code points at a word boundary, adding "…".
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := n - 1
	for i := cut; i >= n/2; i-- {
		if rs[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:") + "…"
}

// Heading is the first caption line of slide s, number i of n:
// "3 / 24 · 13 Nov 2025 · Diplomacy › visit".
func (s Slide) Heading(i, n int) string {
	head, kind := s.headingParts(i, n)
	if kind == "" {
		return head
	}
	return head + " · " + kind
}

// headingParts splits the heading in the slide's number and date, "3 / 24
// · 13 Nov 2025", and its type, "Diplomacy › visit" ("" when it has none):
// the card shows them on two lines so that a long type does not wrap.
func (s Slide) headingParts(i, n int) (head, kind string) {
	e := s.Event
	head = strconv.Itoa(i+1) + " / " + strconv.Itoa(n) + " · " + e.DateLabel()
	kind = e.Type
	if e.SubType != "" {
		kind += " › " + e.SubType
	}
	return head, kind
}

// Place says where the event happened and how surely it is reported:
// "Kunduz, Kunduz, Afghanistan · reported".
func (s Slide) Place() string {
	e := s.Event
	var names []string
	for _, p := range []string{e.PlaceName, e.Admin1, e.Country} {
		if p != "" && !slices.Contains(names, p) {
			names = append(names, p)
		}
	}
	out := strings.Join(names, ", ")
	if s.From != "" && s.From != e.PlaceName {
		// Words, not an arrow: the card's font has no glyph for "→".
		out = "From " + s.From + " to " + out
	}
	if c := string(e.Certainty); c != "" {
		if out != "" {
			out += " · "
		}
		out += c
	}
	return out
}
