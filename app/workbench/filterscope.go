package workbench

import (
	"strings"
	"time"
)

// scope says in words which events f lets through, for the presentation's
// title and end cards: "Security incident · actor Taliban · “border” ·
// 1 Mar 2025 – 31 May 2025"; "" when f hides nothing.
func (wb *Workbench) scope(f eventFilter) string {
	var parts []string
	if f.Type != "" {
		parts = append(parts, f.Type)
	}
	if f.Actor != "" {
		parts = append(parts, "actor "+f.Actor)
	}
	if f.ArticleID != "" {
		for _, a := range wb.articles {
			if a.ID == f.ArticleID {
				parts = append(parts, "from “"+a.Title+"”")
			}
		}
	}
	if f.Text != "" {
		parts = append(parts, "“"+f.Text+"”")
	}
	day := func(t time.Time) string { return t.Format("2 Jan 2006") }
	switch {
	case !f.From.IsZero() && !f.To.IsZero():
		parts = append(parts, day(f.From)+" – "+day(f.To))
	case !f.From.IsZero():
		parts = append(parts, "from "+day(f.From))
	case !f.To.IsZero():
		parts = append(parts, "until "+day(f.To))
	}
	return strings.Join(parts, " · ")
}
