package storage

import (
	"encoding/json"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// read reads every sound row of the project's tables.
func (u *untrusted) read(r *Report) (*Snapshot, error) {
	s := &Snapshot{ProjectUUID: r.ProjectUUID, SchemaVersion: r.SchemaVersion}
	articleLen := map[string]int{} // code points of each sound article
	articleText := map[string]string{}
	steps := []func() error{
		func() error { return u.readArticles(r, s, articleText) },
		func() error { return u.readEvents(r, s) },
		func() error { return u.readSpans(r, s, articleText, articleLen) },
		func() error { return u.readActors(r, s) },
		func() error { return u.readPlaces(r, s) },
		func() error {
			if r.SchemaVersion < 4 {
				return nil // no taxonomy table yet
			}
			return u.readTaxonomyRows(r, s)
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if r.SchemaVersion >= 2 { // the conflicts table came with schema 2
		var n int
		if err := u.conn.QueryRowContext(bg, `SELECT count(*) FROM conflicts WHERE resolution IS NULL`).Scan(&n); err == nil {
			s.UnresolvedConflicts = n
		}
	}
	r.Articles, r.Events, r.Actors, r.Places = len(s.Articles), len(s.Events), len(s.Actors), len(s.Places)
	for _, e := range s.Events {
		r.Spans += len(e.Spans)
	}
	return s, nil
}

// seen tells duplicate ids apart, remembering each id's first fid.
type seen map[string]int64

// dup reports whether id was seen before, recording the row otherwise.
func (s seen) dup(r *Report, v *rowValues, id string) bool {
	if first, ok := s[id]; ok {
		r.problem(v.table, id, "skipped: duplicate id (fid %d has it too)", first)
		return true
	}
	s[id] = v.fid
	return false
}

// skip reports a row with a problem; it returns true when the row must be
// skipped.
func skip(r *Report, v *rowValues) bool {
	if v.bad == "" {
		return false
	}
	r.problem(v.table, v.name(), "skipped: %s", v.bad)
	return true
}

// repaired reports each column of a row read in that was not UTF-8 and
// was repaired by label.
func repaired(r *Report, v *rowValues, id string) {
	for _, col := range v.fixed {
		r.Problems = append(r.Problems, Problem{Table: v.table, Row: id, Repaired: true,
			Reason: col + " was not UTF-8; invalid bytes replaced"})
	}
}

// dateOf reads a DATE or DATETIME column; text that is not an ISO date is
// reported and read as unknown, as Open reads it.
func dateOf(r *Report, v *rowValues, col string) time.Time {
	raw := v.nullText(col)
	parsed, err := parseTime(raw)
	if err != nil && v.bad == "" {
		r.problem(v.table, v.name(), "%s %q is not an ISO date: read as unknown", col, truncate(raw.String, 40))
	}
	return parsed
}

// readArticles reads the sound articles; texts gets each one's text.
func (u *untrusted) readArticles(r *Report, s *Snapshot, texts map[string]string) error {
	ids := seen{}
	cols := []string{"id", "title", "outlet", "url", "language", "published", "text", "hash", "created"}
	return u.readRows(r, "articles", cols, func(v *rowValues) {
		a := annotate.Article{ID: v.text("id"), Title: v.label("title"), Outlet: v.label("outlet"), URL: v.label("url"),
			Language: v.label("language"), Text: v.text("text"), Hash: v.text("hash")}
		switch {
		case skip(r, v):
			return
		case a.ID == "":
			r.problem("articles", v.name(), "skipped: it has no id")
			return
		case a.Text == "":
			r.problem("articles", v.name(), "skipped: it has no text")
			return
		case ids.dup(r, v, a.ID):
			return
		}
		repaired(r, v, a.ID)
		a.Published, a.Created = dateOf(r, v, "published"), dateOf(r, v, "created")
		if h := annotate.TextHash(a.Text); h != a.Hash {
			r.problem("articles", a.ID, "its hash does not match its text: recomputed")
			a.Hash = h
		}
		texts[a.ID] = a.Text
		s.Articles = append(s.Articles, a)
	})
}

// readEvents reads the sound events, without spans.
func (u *untrusted) readEvents(r *Report, s *Snapshot) error {
	ids := seen{}
	cols := []string{"id", "geom", "type", "sub_type", "title", "date_start", "date_end", "date_precision",
		"place_id", "place", "admin1", "country", "geo_precision", "certainty", "fatalities",
		"actors", "actors_json", "tags", "tags_json", "notes", "status", "created", "updated", "annotator"}
	return u.readRows(r, "events", cols, func(v *rowValues) {
		e := annotate.Event{ID: v.text("id"), Type: v.text("type"), SubType: v.text("sub_type"), Title: v.label("title"),
			PlaceID: v.text("place_id"), PlaceName: v.label("place"), Admin1: v.label("admin1"), Country: v.label("country"),
			Certainty: annotate.Certainty(v.text("certainty")), Notes: v.label("notes"),
			Status: annotate.Status(v.text("status")), Annotator: v.label("annotator"),
			DatePrecision: parsePrecision(v.text("date_precision"))}
		geoPrec, _ := v.integer("geo_precision")
		e.GeoPrecision = annotate.GeoPrecision(geoPrec)
		e.Fatalities = -1
		if n, ok := v.integer("fatalities"); ok {
			e.Fatalities = int(n)
		}
		actors, actorsJSON, tags, tagsJSON := v.label("actors"), v.label("actors_json"), v.label("tags"), v.label("tags_json")
		blob := v.blob("geom")
		if skip(r, v) {
			return
		}
		if e.ID == "" {
			r.problem("events", v.name(), "skipped: it has no id")
			return
		}
		if blob == nil {
			r.problem("events", e.ID, "skipped: it has no geometry")
			return
		}
		g, srs, err := DecodeGeometry(blob)
		if err != nil {
			r.problem("events", e.ID, "skipped: geometry: %v", err)
			return
		}
		if srs != SRSWGS84 {
			r.problem("events", e.ID, "skipped: its geometry has srs_id %d; Event Atlas stores WGS 84 (srs_id 4326)", srs)
			return
		}
		e.Geometry = g
		if e.Actors, err = readActors(actorsJSON, actors); err != nil {
			r.problem("events", e.ID, "skipped: actors_json is not valid: %v", err)
			return
		}
		if tagsJSON != "" {
			if err := json.Unmarshal([]byte(tagsJSON), &e.Tags); err != nil {
				r.problem("events", e.ID, "skipped: tags_json is not valid: %v", err)
				return
			}
		} else {
			e.Tags = splitList(tags)
		}
		if err := e.Validate(); err != nil {
			r.problem("events", e.ID, "skipped: %v", err)
			return
		}
		if ids.dup(r, v, e.ID) {
			return
		}
		repaired(r, v, e.ID)
		e.DateStart, e.DateEnd = dateOf(r, v, "date_start"), dateOf(r, v, "date_end")
		e.Created, e.Updated = dateOf(r, v, "created"), dateOf(r, v, "updated")
		s.Events = append(s.Events, e)
	})
}

// maxOrphanOffset bounds an orphaned span's stale offsets: no article text
// may be longer than MaxArticleBytes.
const maxOrphanOffset = MaxArticleBytes

// readSpans attaches each sound span to its event; lens caches the
// articles' lengths in code points.
func (u *untrusted) readSpans(r *Report, s *Snapshot, texts map[string]string, lens map[string]int) error {
	ids := seen{}
	event := make(map[string]int, len(s.Events))
	for i, e := range s.Events {
		event[e.ID] = i
	}
	cols := []string{"id", "article_id", "event_id", "start", "end", "quote", "prefix", "suffix"}
	withOrphan := s.SchemaVersion >= 3 // the orphan flag came with schema 3
	if withOrphan {
		cols = append(cols, "orphan")
	}
	return u.readRows(r, "spans", cols, func(v *rowValues) {
		sp := annotate.Span{ID: v.text("id"), ArticleID: v.text("article_id"), EventID: v.text("event_id"),
			Quote: v.text("quote"), Prefix: v.text("prefix"), Suffix: v.text("suffix")}
		kept := false // the span was read; otherwise its event lost evidence
		defer func() {
			if !kept {
				s.loseEvidence(sp.EventID)
			}
		}()
		if withOrphan {
			flag, _ := v.integer("orphan")
			sp.Orphan = flag != 0
		}
		start, okStart := v.integer("start")
		end, okEnd := v.integer("end")
		if skip(r, v) {
			return
		}
		text, okArticle := texts[sp.ArticleID]
		i, okEvent := event[sp.EventID]
		switch {
		case sp.ID == "":
			r.problem("spans", v.name(), "skipped: it has no id")
			return
		case !okStart || !okEnd:
			r.problem("spans", sp.ID, "skipped: it has no start or end offset")
			return
		case !okArticle:
			r.problem("spans", sp.ID, "skipped: its article %q is missing or was skipped", truncate(sp.ArticleID, 40))
			return
		case !okEvent:
			r.problem("spans", sp.ID, "skipped: its event %q is missing or was skipped", truncate(sp.EventID, 40))
			return
		case ids.dup(r, v, sp.ID):
			return
		}
		n, ok := lens[sp.ArticleID]
		if !ok {
			n = annotate.RuneLen(text)
			lens[sp.ArticleID] = n
		}
		if sp.Orphan {
			// Orphaned evidence keeps the offsets and quote it had before its
			// article changed: the quote is not expected to stand there.
			if start < 0 || end <= start || end > maxOrphanOffset {
				r.problem("spans", sp.ID, "skipped: orphaned span with impossible offsets %d–%d", start, end)
				return
			}
			sp.Start, sp.End = int(start), int(end)
			s.Events[i].Spans = append(s.Events[i].Spans, sp)
			kept = true
			return
		}
		if start < 0 || end <= start || end > int64(n) {
			r.problem("spans", sp.ID, "skipped: its offsets %d–%d fall outside its article (%d characters)", start, end, n)
			return
		}
		sp.Start, sp.End = int(start), int(end)
		if got := annotate.RuneSlice(text, sp.Start, sp.End); got != sp.Quote {
			r.problem("spans", sp.ID, "skipped: its quote does not match the article text at %d–%d", start, end)
			return
		}
		s.Events[i].Spans = append(s.Events[i].Spans, sp)
		kept = true
	})
}

// loseEvidence notes that a span of the event id was skipped; "" (an
// event id that could not be read) marks every event.
func (s *Snapshot) loseEvidence(id string) {
	if id == "" {
		s.evidenceLostAll = true
		return
	}
	if s.evidenceLost == nil {
		s.evidenceLost = map[string]bool{}
	}
	s.evidenceLost[id] = true
}

// LostEvidence reports whether some evidence span of the event id was
// skipped, so the event's Spans are not all the spans the file holds.
func (s *Snapshot) LostEvidence(id string) bool { return s.evidenceLostAll || s.evidenceLost[id] }

// readActors reads the sound actors.
func (u *untrusted) readActors(r *Report, s *Snapshot) error {
	ids := seen{}
	cols := []string{"id", "name", "aliases", "country", "kind"}
	return u.readRows(r, "actors", cols, func(v *rowValues) {
		a := annotate.Actor{ID: v.text("id"), Name: v.label("name"), Country: v.label("country"), Kind: v.label("kind")}
		aliases := v.label("aliases")
		switch {
		case skip(r, v):
			return
		case a.ID == "":
			r.problem("actors", v.name(), "skipped: it has no id")
			return
		case a.Name == "":
			r.problem("actors", a.ID, "skipped: it has no name")
			return
		}
		if aliases != "" {
			if err := json.Unmarshal([]byte(aliases), &a.Aliases); err != nil {
				r.problem("actors", a.ID, "skipped: aliases is not valid: %v", err)
				return
			}
		}
		if ids.dup(r, v, a.ID) {
			return
		}
		repaired(r, v, a.ID)
		s.Actors = append(s.Actors, a)
	})
}

// readPlaces reads the sound user places.
func (u *untrusted) readPlaces(r *Report, s *Snapshot) error {
	ids := seen{}
	cols := []string{"id", "name", "names", "kind", "country", "admin1", "lon", "lat", "geom", "population", "rank"}
	return u.readRows(r, "places", cols, func(v *rowValues) {
		pl := annotate.Place{ID: v.text("id"), Name: v.label("name"), Kind: annotate.PlaceKind(v.text("kind")),
			Country: v.label("country"), Admin1: v.label("admin1")}
		names := v.label("names")
		lon, _ := v.float("lon")
		lat, _ := v.float("lat")
		pop, _ := v.integer("population")
		rank, _ := v.integer("rank")
		blob := v.blob("geom")
		switch {
		case skip(r, v):
			return
		case pl.ID == "":
			r.problem("places", v.name(), "skipped: it has no id")
			return
		}
		pl.Point, pl.Population, pl.Rank = orb.Point{lon, lat}, int(pop), int(rank)
		if names != "" {
			if err := json.Unmarshal([]byte(names), &pl.Names); err != nil {
				r.problem("places", pl.ID, "skipped: names is not valid: %v", err)
				return
			}
		}
		if blob != nil {
			g, srs, err := DecodeGeometry(blob)
			if err != nil {
				r.problem("places", pl.ID, "skipped: geometry: %v", err)
				return
			}
			if srs != SRSWGS84 {
				r.problem("places", pl.ID, "skipped: its geometry has srs_id %d; Event Atlas stores WGS 84 (srs_id 4326)", srs)
				return
			}
			pl.Geometry = g
		}
		if err := validatePlace(&pl); err != nil {
			r.problem("places", pl.ID, "skipped: %v", err)
			return
		}
		if ids.dup(r, v, pl.ID) {
			return
		}
		repaired(r, v, pl.ID)
		s.Places = append(s.Places, pl)
	})
}
