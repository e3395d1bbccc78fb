package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// valueKind is what a column must hold for the app to read it.
type valueKind int

const (
	textOrNull valueKind = iota // text or a number (read as text), or NULL
	textValue                   // text or a number, never NULL
	intOrNull                   // an integer or NULL
	intValue                    // an integer, never NULL
	flagValue                   // the integer 0 or 1
	geomOrNull                  // a blob (a GeoPackage geometry) or NULL
	anyValue                    // anything: read as text (dates); only its size counts
)

// valueColumn is one column the open check checks.
type valueColumn struct {
	name string
	kind valueKind
}

// valueTable is a table the open check checks: its columns, the noun
// messages name a row with, and the rest of the sentence pointing to Merge.
type valueTable struct {
	name, noun, merge string
	cols              []valueColumn
}

// valueTables are the tables whose every row the app reads when it opens a
// project of schema version v, with what each column must hold to be read
// by scanEvent, scanSpan and scanArticle and shown by the UI.
func valueTables(v int) []valueTable {
	spans := []valueColumn{{"id", textValue}, {"article_id", textValue}, {"event_id", textValue},
		{"start", intValue}, {"end", intValue}, {"quote", textValue}, {"prefix", textOrNull}, {"suffix", textOrNull}}
	if v >= 3 {
		spans = append(spans, valueColumn{"orphan", flagValue})
	}
	return []valueTable{
		{name: "events", noun: "event", merge: "its readable events", cols: []valueColumn{
			{"geom", geomOrNull}, {"id", textValue}, {"type", textOrNull}, {"sub_type", textOrNull}, {"title", textOrNull},
			{"date_start", anyValue}, {"date_end", anyValue}, {"date_precision", textOrNull},
			{"place_id", textOrNull}, {"place", textOrNull}, {"admin1", textOrNull}, {"country", textOrNull},
			{"geo_precision", intOrNull}, {"certainty", textOrNull}, {"fatalities", intOrNull},
			{"actors", textOrNull}, {"actors_json", textOrNull}, {"tags", textOrNull}, {"tags_json", textOrNull},
			{"quote", textOrNull}, {"article_title", textOrNull}, {"notes", textOrNull}, {"status", textOrNull},
			{"created", anyValue}, {"updated", anyValue}, {"annotator", textOrNull}}},
		{name: "spans", noun: "evidence span", merge: "its readable events", cols: spans},
		{name: "articles", noun: "article", merge: "its readable articles and events", cols: []valueColumn{
			{"id", textValue}, {"title", textOrNull}, {"outlet", textOrNull}, {"url", textOrNull}, {"language", textOrNull},
			{"published", anyValue}, {"text", textValue}, {"hash", textValue}, {"created", anyValue}}},
	}
}

// typeCondition is the SQL condition true for a value of column q
// (quoted) whose type the app cannot read, but for binary data in a text
// column, which valueQuery finds with q >= x”. It calls no
// function, so it costs little on every row: SQLite orders NULL < numbers
// < text < blobs, so q < x” holds for anything but a blob or NULL, and an
// integer column's value equals its CAST to INTEGER only when it is an
// integer.
func (c valueColumn) typeCondition(q string) string {
	switch c.kind {
	case textValue:
		return q + ` IS NULL`
	case intOrNull:
		return `CAST(` + q + ` AS INTEGER) <> ` + q
	case intValue:
		return q + ` IS NULL OR CAST(` + q + ` AS INTEGER) <> ` + q
	case flagValue:
		return q + ` IS NULL OR ` + q + ` NOT IN (0, 1)`
	case geomOrNull:
		return q + ` < x''`
	}
	return ""
}

// sized reports whether the open check bounds the column's size: every
// column read as text; not the integers, nor a geometry, which the map
// draws but no text field shows.
func (c valueColumn) sized() bool {
	return c.kind == textOrNull || c.kind == textValue || c.kind == anyValue
}

// valueQuery is the one query that finds the first row of t with a bad
// value: fid, the row's id and title when they are short text, then the
// type, size in bytes and (for a value over a character limit) the
// characters of each column. Sizes are checked only when the table's
// largest row, payload bytes, could hold a value over a limit, and then a
// group at a time: the bytes of the group's values joined, which one
// octet_length measures, are at most the smallest limit of the group in
// nearly every row, and only a row where they are not has each value
// measured.
func (t valueTable) valueQuery(payload int64) string {
	short := func(col string) string {
		return `CASE WHEN typeof("` + col + `") = 'text' AND octet_length("` + col + `") <= 400 THEN "` + col + `" END`
	}
	sel := []string{"fid", short("id"), `NULL`}
	if t.name != "spans" {
		sel[2] = short("title")
	}
	var where, texts []string
	groups := map[bool][]valueColumn{} // by whether the limit is MaxNameChars
	for _, c := range t.cols {
		q := `"` + c.name + `"`
		lim := limitOf(t.name, c.name)
		sel = append(sel, `typeof(`+q+`)`, `coalesce(octet_length(`+q+`), 0)`, lim.sqlChars(q))
		if cond := c.typeCondition(q); cond != "" {
			where = append(where, cond)
		}
		if c.kind == textOrNull || c.kind == textValue {
			texts = append(texts, q+` >= x''`)
		}
		if !c.sized() {
			continue
		}
		if lim.bytes {
			if payload > lim.n {
				where = append(where, lim.sqlOver(q))
			}
			continue
		}
		groups[lim.n == MaxNameChars] = append(groups[lim.n == MaxNameChars], c)
	}
	// Only binary data sorts after x'' (cheaper than one max() of them all).
	where = append(where, texts...)
	for _, g := range [][]valueColumn{groups[true], groups[false]} {
		least := int64(-1)
		var joined, each []string
		for _, c := range g {
			q := `"` + c.name + `"`
			lim := limitOf(t.name, c.name)
			if least < 0 || lim.n < least {
				least = lim.n
			}
			joined = append(joined, `coalesce(`+q+`, '')`)
			each = append(each, lim.sqlOver(q))
		}
		if len(g) == 0 || payload <= least {
			continue // no row is large enough for a value over a limit
		}
		where = append(where, `(octet_length(`+strings.Join(joined, " || ")+`) > `+strconv.FormatInt(least, 10)+
			` AND (`+strings.Join(each, " OR ")+`))`)
	}
	return `SELECT ` + strings.Join(sel, ", ") + ` FROM "` + t.name + `" WHERE ` + strings.Join(where, " OR ") + ` ORDER BY fid LIMIT 1`
}

// explainRead turns an error reading the events, spans or articles — a
// value that does not scan, or a field over its limit — into the open
// check's description of the first value the app cannot read or show,
// which wraps ErrBadValue, when it finds one; else it returns err. The
// check reads every row, so it runs only when a read has failed: opening a
// sound project costs nothing more.
func (p *Project) explainRead(err error) error {
	if err == nil || errors.Is(err, ErrBadValue) {
		return err
	}
	v, verr := schemaVersion(p.db)
	if verr != nil {
		return err
	}
	if bad := checkValues(p.db, v); bad != nil {
		return bad
	}
	return err
}

// checkValues finds, in a project of schema version v, the first value in
// its events, spans or articles the app cannot read or show: text where a number belongs, binary data where text
// belongs, a missing id or anchor, or a field over its limit. The error
// wraps ErrBadValue, names the first such row, the column and the value,
// and points to Merge, which skips just that row. Each table is read once,
// by one query over the types and sizes of its values.
func checkValues(db querier, v int) error {
	for _, t := range valueTables(v) {
		if err := t.check(db); err != nil {
			return err
		}
	}
	return nil
}

// check runs valueQuery and describes the row it finds.
func (t valueTable) check(db querier) error {
	n := len(t.cols)
	var fid int64
	var id, title sql.NullString
	types := make([]string, n)
	sizes := make([]int64, n)
	counts := make([]sql.NullInt64, n)
	dest := []any{&fid, &id, &title}
	for i := range t.cols {
		dest = append(dest, &types[i], &sizes[i], &counts[i])
	}
	// dbstat reads the table's pages, not its rows: the size of its
	// largest row is known before any row is read.
	var payload int64
	if err := db.QueryRow(`SELECT coalesce(max(mx_payload), 0) FROM dbstat WHERE name = ? AND aggregate = TRUE`, t.name).Scan(&payload); err != nil {
		payload = math.MaxInt64 // no dbstat: check every size
	}
	err := db.QueryRow(t.valueQuery(payload)).Scan(dest...)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, t.name, err)
	}
	what := ""
	for i, c := range t.cols {
		var count *int64
		if counts[i].Valid {
			count = &counts[i].Int64
		}
		if what = c.problem(db, t.name, fid, types[i], sizes[i], count); what != "" {
			break
		}
	}
	if what == "" { // cannot happen: the query and problem agree
		what = "a value it cannot read"
	}
	return fmt.Errorf("%w: %s %s %s; File › Merge project… brings in %s", ErrBadValue, t.noun, t.rowName(db, fid, id, title), what, t.merge)
}

// problem describes what is wrong with the column's value of type typ and
// size bytes (count characters when known), "" when nothing is.
func (c valueColumn) problem(db querier, table string, fid int64, typ string, size int64, count *int64) string {
	switch {
	case typ == "null" && (c.kind == textValue || c.kind == intValue || c.kind == flagValue):
		return "has no " + c.name
	case typ == "blob" && (c.kind == textOrNull || c.kind == textValue):
		return "has binary data in " + c.name + ", where text belongs"
	case typ == "blob" && (c.kind == intOrNull || c.kind == intValue || c.kind == flagValue):
		return "has binary data in " + c.name + ", where a number belongs"
	case c.kind == geomOrNull && typ == "text":
		return "has text in " + c.name + ", where a geometry belongs"
	case c.kind == geomOrNull && typ != "blob" && typ != "null":
		return "has a number in " + c.name + ", where a geometry belongs"
	case (c.kind == intOrNull || c.kind == intValue || c.kind == flagValue) && typ == "text":
		return fmt.Sprintf("has the text %q in %s, where a number belongs", valueText(db, table, c.name, fid), c.name)
	case (c.kind == intOrNull || c.kind == intValue || c.kind == flagValue) && typ == "real":
		return fmt.Sprintf("has %s in %s, where a whole number belongs", valueText(db, table, c.name, fid), c.name)
	case c.kind == flagValue && typ == "integer":
		if v := valueText(db, table, c.name, fid); v != "0" && v != "1" {
			return fmt.Sprintf("has %s in %s, where 0 or 1 belongs", v, c.name)
		}
	}
	if !c.sized() {
		return ""
	}
	lim := limitOf(table, c.name)
	if desc, over := lim.over(size, count); over {
		return fmt.Sprintf("has %s in %s, more than the %s limit", desc, c.name, lim)
	}
	return ""
}

// valueText is the start of a column's value as text, for a message.
func valueText(db querier, table, col string, fid int64) string {
	var s sql.NullString
	db.QueryRow(`SELECT CAST(substr("`+col+`", 1, 41) AS TEXT) FROM "`+table+`" WHERE fid = ?`, fid).Scan(&s)
	return shorten(strings.ToValidUTF8(s.String, "\uFFFD"), 40)
}

// rowName names a row in a message: “its title” when it has a readable
// title (for a span, its event's), else its id, else its row number.
func (t valueTable) rowName(db querier, fid int64, id, title sql.NullString) string {
	if t.name == "spans" && id.Valid {
		var eventID sql.NullString
		db.QueryRow(`SELECT CASE WHEN typeof(event_id) = 'text' AND octet_length(event_id) <= 400 THEN event_id END FROM spans WHERE fid = ?`, fid).Scan(&eventID)
		db.QueryRow(`SELECT CASE WHEN typeof(title) = 'text' AND octet_length(title) <= 400 THEN title END FROM events WHERE id = ?`, eventID.String).Scan(&title)
		if title.Valid && usable(title.String) {
			return id.String + " of event “" + shorten(title.String, 60) + "”"
		}
	}
	switch {
	case title.Valid && usable(title.String):
		return "“" + shorten(title.String, 60) + "”"
	case id.Valid && usable(id.String):
		return id.String
	}
	return "at row " + strconv.FormatInt(fid, 10) + " of " + t.name
}

// usable reports whether s can name a row: non-blank UTF-8 text.
func usable(s string) bool { return strings.TrimSpace(s) != "" && utf8.ValidString(s) }

// shorten is s cut to n characters, with an ellipsis when it was cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
