package storage

import (
	"fmt"
	"strings"

	"eventatlas/annotate"
)

// namedText is one stored column and the text the app would write there.
type namedText struct {
	col, text string
}

// checkFields reports the first of fields over its limit in table.
func checkFields(table string, fields []namedText) error {
	for _, f := range fields {
		lim := limitOf(table, f.col)
		if desc, over := lim.overText(f.text); over {
			return limitError(f.col, desc, lim)
		}
	}
	return nil
}

// checkEventFields refuses an event with a field over its limit
// (MaxTitleChars and the like), as SaveEvent and ImportEvents would store
// it, so the app never writes a project Open would refuse.
func checkEventFields(e *annotate.Event) error {
	fields := []namedText{{"title", e.Title}, {"id", e.ID}, {"type", e.Type}, {"sub_type", e.SubType},
		{"place_id", e.PlaceID}, {"place", e.PlaceName}, {"admin1", e.Admin1}, {"country", e.Country},
		{"certainty", string(e.Certainty)}, {"status", string(e.Status)}, {"annotator", e.Annotator}, {"notes", e.Notes}}
	if err := checkFields("events", fields); err != nil {
		return err
	}
	if err := checkLists(e); err != nil {
		return err
	}
	for _, s := range e.Spans {
		err := checkFields("spans", []namedText{{"quote", s.Quote}, {"prefix", s.Prefix}, {"suffix", s.Suffix},
			{"id", s.ID}, {"article_id", s.ArticleID}})
		if err != nil {
			return fmt.Errorf("evidence span %d–%d: %w", s.Start, s.End, err)
		}
	}
	return nil
}

// checkLists checks the actors and tags as text and as JSON. It builds
// them only when the names are long enough for one to be over its limit:
// JSON writes a byte as at most six.
func checkLists(e *annotate.Event) error {
	n := 0
	for _, a := range e.Actors {
		n += 6*(len(a.Name)+len(a.Role)) + 40
	}
	if n > MaxListChars {
		js, err := jsonText(e.Actors)
		if err != nil {
			return err
		}
		if err := checkFields("events", []namedText{{"actors", actorsText(e.Actors)}, {"actors_json", js}}); err != nil {
			return err
		}
	}
	n = 0
	for _, t := range e.Tags {
		n += 6*len(t) + 4
	}
	if n > MaxListChars {
		js, err := jsonText(e.Tags)
		if err != nil {
			return err
		}
		return checkFields("events", []namedText{{"tags", strings.Join(e.Tags, "; ")}, {"tags_json", js}})
	}
	return nil
}

// checkArticleFields refuses an article with a field over its limit, as
// AddArticle would store it.
func checkArticleFields(a *annotate.Article) error {
	return checkFields("articles", []namedText{{"title", a.Title}, {"outlet", a.Outlet}, {"url", a.URL},
		{"language", a.Language}, {"id", a.ID}, {"text", a.Text}})
}

// checkDrawable refuses, when a project is read, an event whose geometry
// has a coordinate that is not a number or off the globe, or whose evidence
// has offsets that cannot be in a text (negative, ending before they start,
// past the end of its article's text, whose length in code points lengths
// gives) or an article the project lacks: the map would leave it out, the
// reader mark nothing or the whole text. Orphaned evidence keeps the
// offsets it had and is not checked against the text. The error wraps
// ErrBadValue and names the event, as the open check does.
func checkDrawable(e *annotate.Event, lengths map[string]int) error {
	bad := func(what string) error {
		name := "“" + shorten(e.Title, 60) + "”"
		if !usable(e.Title) {
			name = e.ID
		}
		return fmt.Errorf("%w: event %s %s; File › Merge project… brings in its readable events", ErrBadValue, name, what)
	}
	if e.Geometry != nil {
		if err := annotate.ValidateGeometry(e.Geometry); err != nil {
			return bad("has a geometry the map cannot draw (" + err.Error() + ")")
		}
	}
	for _, s := range e.Spans {
		if s.Start < 0 || s.End <= s.Start {
			return bad(fmt.Sprintf("has evidence at offsets %d–%d, which no text has", s.Start, s.End))
		}
		n, ok := lengths[s.ArticleID]
		switch {
		case !ok:
			return bad(fmt.Sprintf("has evidence in article %s, which the project does not have", s.ArticleID))
		case !s.Orphan && s.End > n:
			return bad(fmt.Sprintf("has evidence at %d–%d, past the end of its article's %d characters", s.Start, s.End, n))
		}
	}
	return nil
}
