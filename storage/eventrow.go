package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// eventColumns are the events columns written by writeEvent and read by
// scanEvent, in order.
const eventColumns = `id, geom, type, sub_type, title, date_start, date_end, date_precision,
	place_id, place, admin1, country, geo_precision, certainty, fatalities,
	actors, actors_json, tags, tags_json, quote, article_title, notes, status,
	created, updated, annotator`

// spanColumns are the spans columns written by writeEvent and read by
// scanSpan, in order.
const spanColumns = `id, article_id, event_id, start, "end", quote, prefix, suffix`

// spanSelect is what scanSpan reads: spanColumns and the orphan flag.
const spanSelect = spanColumns + `, orphan`

// eventSelect is what scanEvent reads: eventColumns without the derived
// quote and article_title, the actors and tags text only when there is no
// JSON to read instead, and the dates cast to TEXT so that the driver hands
// over the stored text instead of parsing DATE and DATETIME values into
// times, which scanEvent would format back to text.
var eventSelect = strings.NewReplacer(
	"actors,", "CASE WHEN coalesce(actors_json, '') = '' THEN actors END,",
	"tags,", "CASE WHEN coalesce(tags_json, '') = '' THEN tags END,",
	" quote, article_title,", "",
).Replace(castDates(eventColumns, "date_start", "date_end", "created", "updated"))

// castDates is the column list cols with the named columns cast to TEXT.
func castDates(cols string, dates ...string) string {
	parts := strings.Split(strings.Join(strings.Fields(cols), ""), ",")
	for i, c := range parts {
		for _, d := range dates {
			if c == d {
				parts[i] = "CAST(" + c + " AS TEXT)"
			}
		}
	}
	return strings.Join(parts, ", ")
}

// upsertEvent inserts an event row or updates it in place, keeping its fid.
var upsertEvent = func() string {
	cols := strings.Split(strings.Join(strings.Fields(eventColumns), ""), ",")
	set := make([]string, 0, len(cols)-1)
	for _, c := range cols[1:] {
		set = append(set, c+" = excluded."+c)
	}
	return `INSERT INTO events (` + eventColumns + `) VALUES (?` + strings.Repeat(", ?", len(cols)-1) +
		`) ON CONFLICT (id) DO UPDATE SET ` + strings.Join(set, ", ")
}()

// writeEvent stores e and replaces its spans. It writes no history.
func writeEvent(tx querier, e *annotate.Event) error {
	var articleTitle string
	if len(e.Spans) > 0 {
		if err := tx.QueryRow(qArticleTitle, e.Spans[0].ArticleID).Scan(&articleTitle); err != nil && err != sql.ErrNoRows {
			return err
		}
	}
	args, err := eventValues(e, articleTitle)
	if err != nil {
		return err
	}
	if _, err = tx.Exec(upsertEvent, args...); err != nil {
		return err
	}
	if _, err := tx.Exec(qDeleteSpans, e.ID); err != nil {
		return err
	}
	for _, s := range e.Spans {
		if _, err := tx.Exec(qInsertSpan,
			s.ID, s.ArticleID, e.ID, s.Start, s.End, s.Quote, s.Prefix, s.Suffix, s.Orphan); err != nil {
			return fmt.Errorf("span %d–%d: %w", s.Start, s.End, err)
		}
	}
	return touch(tx, e.Geometry.Bound(), "events", "spans")
}

// eventValues are the values of eventColumns for e, whose first span's
// article has the title articleTitle.
func eventValues(e *annotate.Event, articleTitle string) ([]any, error) {
	geom, err := EncodeGeometry(e.Geometry, SRSWGS84)
	if err != nil {
		return nil, err
	}
	actorsJSON, err := jsonText(e.Actors)
	if err != nil {
		return nil, err
	}
	tagsJSON, err := jsonText(e.Tags)
	if err != nil {
		return nil, err
	}
	var quote string
	if len(e.Spans) > 0 {
		quote = e.Spans[0].Quote
	}
	return []any{
		e.ID, geom, e.Type, nullString(e.SubType), e.Title, sqlDate(e.DateStart), sqlDate(e.DateEnd), precisionText(e.DatePrecision),
		nullString(e.PlaceID), nullString(e.PlaceName), nullString(e.Admin1), nullString(e.Country), nullInt(int(e.GeoPrecision)),
		nullString(string(e.Certainty)), fatalitiesValue(e.Fatalities),
		nullString(actorsText(e.Actors)), actorsJSON, nullString(strings.Join(e.Tags, "; ")), tagsJSON,
		nullString(quote), nullString(articleTitle), nullString(e.Notes), nullString(string(e.Status)),
		sqlTime(e.Created), sqlTime(e.Updated), nullString(e.Annotator),
	}, nil
}

// removeEvent deletes an event and its spans. It writes no history.
func removeEvent(tx querier, id string) error {
	if _, err := tx.Exec(qDeleteSpans, id); err != nil {
		return err
	}
	if _, err := tx.Exec(qDeleteEvent, id); err != nil {
		return err
	}
	return touch(tx, orb.Bound{}, "events", "spans")
}

// touch sets last_change of tables in gpkg_contents and widens the events
// extent to b when b is not empty.
func touch(tx querier, b orb.Bound, tables ...string) error {
	for _, t := range tables {
		if _, err := tx.Exec(qTouch, t); err != nil {
			return err
		}
		if t != "events" || b == (orb.Bound{}) {
			continue
		}
		if _, err := tx.Exec(qWiden, b.Min[0], b.Min[1], b.Max[0], b.Max[1]); err != nil {
			return err
		}
	}
	return nil
}

// loadEvent reads one event with its spans; the error wraps ErrNotFound
// when there is none.
func loadEvent(q querier, id string) (annotate.Event, error) {
	e, err := scanEvent(q.QueryRow(qLoadEvent, id))
	if err == sql.ErrNoRows {
		return e, fmt.Errorf("event %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return e, err
	}
	rows, err := q.Query(qLoadSpans, id)
	if err != nil {
		return e, err
	}
	defer rows.Close()
	for rows.Next() {
		s, err := scanSpan(rows)
		if err != nil {
			return e, err
		}
		e.Spans = append(e.Spans, s)
	}
	return e, rows.Err()
}

// scanEvent reads the eventSelect columns of one row, without spans.
func scanEvent(s scanner) (annotate.Event, error) {
	var e annotate.Event
	var geom []byte
	var typ, subType, title, dStart, dEnd, dPrec, placeID, place, admin1, country, certainty,
		actors, actorsJSON, tags, tagsJSON, notes, status, created, updated, annotator sql.NullString
	var geoPrec, fatalities sql.NullInt64
	if err := s.Scan(&e.ID, &geom, &typ, &subType, &title, &dStart, &dEnd, &dPrec,
		&placeID, &place, &admin1, &country, &geoPrec, &certainty, &fatalities,
		&actors, &actorsJSON, &tags, &tagsJSON, &notes, &status,
		&created, &updated, &annotator); err != nil {
		return e, err
	}
	e.Type, e.SubType, e.Title = typ.String, subType.String, title.String
	e.PlaceID, e.PlaceName, e.Admin1, e.Country = placeID.String, place.String, admin1.String, country.String
	e.GeoPrecision = annotate.GeoPrecision(geoPrec.Int64)
	e.Certainty, e.Notes, e.Status, e.Annotator = annotate.Certainty(certainty.String), notes.String, annotate.Status(status.String), annotator.String
	e.DatePrecision = parsePrecision(dPrec.String)
	e.Fatalities = -1
	if fatalities.Valid {
		e.Fatalities = int(fatalities.Int64)
	}
	var err error
	if geom != nil {
		var srs int32
		if e.Geometry, srs, err = DecodeGeometry(geom); err != nil {
			return e, fmt.Errorf("event %s geometry: %w", e.ID, err)
		}
		if err := checkSRS(e.ID, srs); err != nil {
			return e, err
		}
	}
	// A date a GIS user typed in another form reads as unknown rather than
	// making the whole project unreadable.
	e.DateStart, _ = parseTime(dStart)
	e.DateEnd, _ = parseTime(dEnd)
	e.Created, _ = parseTime(created)
	e.Updated, _ = parseTime(updated)
	if e.Actors, err = readActors(actorsJSON.String, actors.String); err != nil {
		return e, fmt.Errorf("event %s actors: %w", e.ID, err)
	}
	if tagsJSON.String != "" {
		if err := json.Unmarshal([]byte(tagsJSON.String), &e.Tags); err != nil {
			return e, fmt.Errorf("event %s tags_json: %w", e.ID, err)
		}
	} else {
		e.Tags = splitList(tags.String)
	}
	return e, nil
}

// scanSpan reads the spanSelect columns of one row.
func scanSpan(s scanner) (annotate.Span, error) {
	var sp annotate.Span
	var prefix, suffix sql.NullString
	err := s.Scan(&sp.ID, &sp.ArticleID, &sp.EventID, &sp.Start, &sp.End, &sp.Quote, &prefix, &suffix, &sp.Orphan)
	sp.Prefix, sp.Suffix = prefix.String, suffix.String
	return sp, err
}

// actorsText is the actors as a GIS user reads them:
// "Taliban (actor1); Government of Tajikistan (actor2)".
func actorsText(actors []annotate.ActorRole) string {
	parts := make([]string, 0, len(actors))
	for _, a := range actors {
		if a.Role == "" {
			parts = append(parts, a.Name)
		} else {
			parts = append(parts, a.Name+" ("+a.Role+")")
		}
	}
	return strings.Join(parts, "; ")
}

// roleSuffix matches the role actorsText appends to a name.
var roleSuffix = regexp.MustCompile(`^(.*?)\s*\((actor1|actor2|associated)\)$`)

// readActors prefers the lossless actors_json and falls back to parsing the
// actors text, for rows a GIS user added or edited.
func readActors(js, text string) ([]annotate.ActorRole, error) {
	if js != "" {
		var out []annotate.ActorRole
		err := json.Unmarshal([]byte(js), &out)
		return out, err
	}
	var out []annotate.ActorRole
	for _, part := range splitList(text) {
		a := annotate.ActorRole{Name: part}
		if m := roleSuffix.FindStringSubmatch(part); m != nil {
			a.Name, a.Role = m[1], m[2]
		}
		out = append(out, a)
	}
	return out, nil
}

// precisionText is the date precision as stored ("day" … "year"), NULL when
// unknown.
func precisionText(p annotate.DatePrecision) any {
	if p < annotate.PrecisionDay || p > annotate.PrecisionYear {
		return nil
	}
	return p.String()
}

// parsePrecision reads precisionText back; unknown text is 0.
func parsePrecision(s string) annotate.DatePrecision {
	for p := annotate.PrecisionDay; p <= annotate.PrecisionYear; p++ {
		if strings.EqualFold(s, p.String()) {
			return p
		}
	}
	return 0
}

// nullInt is n, NULL when 0 (unknown).
func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// fatalitiesValue stores -1 (not relevant or unknown) as NULL so GIS sums
// stay right.
func fatalitiesValue(n int) any {
	if n < 0 {
		return nil
	}
	return n
}

// checkSRS refuses a geometry stored in another reference system than WGS
// 84 (a teammate's file with metres where degrees belong would be drawn
// in the wrong place): the error wraps ErrBadValue and names the event.
func checkSRS(id string, srs int32) error {
	if srs == SRSWGS84 {
		return nil
	}
	return fmt.Errorf("%w: event %s has its geometry in srs_id %d, where Event Atlas stores WGS 84 (srs_id 4326); File › Merge project… brings in its readable events", ErrBadValue, id, srs)
}
