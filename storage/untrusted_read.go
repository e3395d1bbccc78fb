package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// readTables are the tables ReadUntrusted reads.
var readTables = []string{"meta", "articles", "events", "spans", "actors", "places", "taxonomy"}

// checkProject checks that the copy is an Event Atlas project of a version
// this build reads, with the tables and columns it reads, and reports
// triggers and views, which are never run.
func (u *untrusted) checkProject(r *Report) error {
	have, err := readSchema(u.conn, readTables)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	meta, ok := have.tables["meta"]
	if !ok {
		for _, v := range have.views {
			if v.name == "meta" {
				return fmt.Errorf("%w: meta is a view, not a table; a view runs a query of its own, so Event Atlas does not read it", ErrUnsafe)
			}
		}
		return fmt.Errorf("%w: a GeoPackage made by another program (it has no Event Atlas meta table)", ErrNotProject)
	}
	if !isPlainTable(meta.sql) || meta.columns["key"].decl == "" || meta.columns["value"].decl == "" {
		return fmt.Errorf("%w: its meta table is not the one Event Atlas makes", ErrNotProject)
	}
	v, err := u.metaValue("schema_version")
	if err != nil {
		return err
	}
	if v == "" {
		return fmt.Errorf("%w: a GeoPackage made by another program (its meta table has no schema_version)", ErrNotProject)
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return fmt.Errorf("%w: invalid schema_version %q in its meta table", ErrCorrupt, truncate(v, 40))
	}
	r.SchemaVersion = n
	if n > currentSchema() {
		return newerSchemaError(n, currentSchema())
	}
	if r.ProjectUUID, err = u.metaValue("project_uuid"); err != nil {
		return err
	}
	if r.ProjectUUID == "" {
		return fmt.Errorf("%w: it has no Event Atlas project id", ErrNotProject)
	}
	want, err := expectedSchema(n)
	if err != nil {
		return err
	}
	if err := checkTables(have, &schemaInfo{tables: pick(want.tables, readTables)}); err != nil {
		return err
	}
	for _, t := range foreignTriggers(have, want) {
		if strings.HasPrefix(t.name, "rtree_"+t.table+"_") {
			r.Notes = append(r.Notes, fmt.Sprintf("trigger %s of a GeoPackage spatial index on %s was not run", t.name, t.table))
			continue
		}
		r.problem(t.table, t.name, "ignored trigger: it would run SQL of its own on edits of %s; Event Atlas never runs it", t.table)
	}
	for _, v := range have.views {
		r.problem(v.name, "", "ignored view: Event Atlas reads only its own tables")
	}
	r.Ignored = append(r.Ignored, foreignTablesAndColumns(have, want)...)
	return nil
}

// pick is the entries of m named in keys.
func pick(m map[string]tableInfo, keys []string) map[string]tableInfo {
	out := map[string]tableInfo{}
	for _, k := range keys {
		if t, ok := m[k]; ok {
			out[k] = t
		}
	}
	return out
}

// metaValue reads one meta value, "" when absent.
func (u *untrusted) metaValue(key string) (string, error) {
	var v any
	err := u.conn.QueryRowContext(bg, `SELECT +value FROM meta WHERE key = ? AND coalesce(octet_length(value), 0) <= 1024 LIMIT 1`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("%w: meta: %v", ErrCorrupt, err)
	}
	s, ok := v.(string)
	if !ok || !utf8.ValidString(s) {
		return "", fmt.Errorf("%w: the %s in its meta table is not text", ErrCorrupt, key)
	}
	return s, nil
}

// keyColumn is the column that names a table's rows in reports: the id,
// or an event type's name.
func keyColumn(table string) string {
	if table == "taxonomy" {
		return "name"
	}
	return "id"
}

// readRows reads cols of every row of table in fid order and calls fn with
// each. A row with a value over its size limit is reported and skipped
// without reading the value.
func (u *untrusted) readRows(r *Report, table string, cols []string, fn func(v *rowValues)) error {
	over := make([]string, len(cols))
	sizes := make([]string, 0, 2*len(cols))
	sel := make([]string, len(cols))
	for i, c := range cols {
		q := `"` + c + `"`
		lim := limitOf(table, c)
		sizes = append(sizes, `coalesce(octet_length(`+q+`), 0)`, lim.sqlChars(q))
		over[i] = lim.sqlOver(q)
		// Unary + keeps the value as stored and hides the declared type, so
		// the driver does not turn DATE text into times.
		sel[i] = `+` + q
	}
	tooBig := strings.Join(over, " OR ")
	key := `"` + keyColumn(table) + `"`
	rows, err := u.conn.QueryContext(bg, `SELECT fid, CASE WHEN typeof(`+key+`) = 'text' AND octet_length(`+key+`) <= 100 THEN `+key+` END, `+
		strings.Join(sizes, ", ")+` FROM "`+table+`" WHERE `+tooBig+` ORDER BY fid`)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, table, err)
	}
	for rows.Next() {
		var fid int64
		var id sql.NullString
		n := make([]int64, len(cols))
		nchars := make([]sql.NullInt64, len(cols))
		dest := []any{&fid, &id}
		for i := range n {
			dest = append(dest, &n[i], &nchars[i])
		}
		if err := rows.Scan(dest...); err != nil {
			rows.Close()
			return fmt.Errorf("%w: %s: %v", ErrCorrupt, table, err)
		}
		name := "fid " + strconv.FormatInt(fid, 10)
		if id.Valid && id.String != "" && utf8.ValidString(id.String) {
			name = id.String
		}
		for i, c := range cols {
			lim := limitOf(table, c)
			var count *int64
			if nchars[i].Valid {
				count = &nchars[i].Int64
			}
			if desc, over := lim.over(n[i], count); over {
				r.problem(table, name, "skipped: %s is %s, more than the %s limit", c, desc, lim)
				break
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, table, err)
	}
	rows, err = u.conn.QueryContext(bg, `SELECT fid, `+strings.Join(sel, ", ")+` FROM "`+table+`" WHERE NOT (`+tooBig+`) ORDER BY fid`)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, table, err)
	}
	defer rows.Close()
	index := make(map[string]int, len(cols))
	for i, c := range cols {
		index[c] = i
	}
	v := &rowValues{table: table, index: index, vals: make([]any, len(cols))}
	dest := make([]any, len(cols)+1)
	dest[0] = &v.fid
	for i := range v.vals {
		dest[i+1] = &v.vals[i]
	}
	for rows.Next() {
		clear(v.vals)
		v.bad, v.fixed = "", v.fixed[:0]
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("%w: %s: %v", ErrCorrupt, table, err)
		}
		fn(v)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, table, err)
	}
	return nil
}

// rowValues is one row read by readRows. Its accessors check each value's
// type and encoding and keep the first problem in bad.
type rowValues struct {
	table string
	fid   int64
	index map[string]int
	vals  []any
	bad   string
	fixed []string // columns whose text was repaired, in the order read
}

// fail keeps the first problem of the row.
func (v *rowValues) fail(format string, args ...any) {
	if v.bad == "" {
		v.bad = fmt.Sprintf(format, args...)
	}
}

// name is the row's id when it is sound text, else "fid N".
func (v *rowValues) name() string {
	if i, ok := v.index[keyColumn(v.table)]; ok {
		if s, ok := v.vals[i].(string); ok && s != "" && utf8.ValidString(s) && len(s) <= 100 {
			return s
		}
	}
	return "fid " + strconv.FormatInt(v.fid, 10)
}

// text is a text column; NULL is "". A number becomes its decimal text.
func (v *rowValues) text(col string) string {
	switch x := v.vals[v.index[col]].(type) {
	case nil:
		return ""
	case string:
		if !utf8.ValidString(x) {
			v.fail("%s is not valid UTF-8 text", col)
			return ""
		}
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []byte:
		v.fail("%s is binary data, not text", col)
	default:
		v.fail("%s holds a %T", col, x)
	}
	return ""
}

// label is a text column that only describes its row (a title, a name, a
// note): text that is not valid UTF-8 is read with each invalid byte
// sequence replaced by U+FFFD and the column noted in fixed, instead of
// failing the row. Ids, anchors and article texts use text.
func (v *rowValues) label(col string) string {
	if x, ok := v.vals[v.index[col]].(string); ok && !utf8.ValidString(x) {
		v.fixed = append(v.fixed, col)
		return strings.ToValidUTF8(x, "\uFFFD")
	}
	return v.text(col)
}

// nullText is a text column as sql.NullString, for the shared parsers.
func (v *rowValues) nullText(col string) sql.NullString {
	s := v.text(col)
	return sql.NullString{String: s, Valid: v.vals[v.index[col]] != nil}
}

// integer is an integer column; ok is false for NULL.
func (v *rowValues) integer(col string) (n int64, ok bool) {
	switch x := v.vals[v.index[col]].(type) {
	case nil:
		return 0, false
	case int64:
		return x, true
	case float64:
		if x == float64(int64(x)) {
			return int64(x), true
		}
		v.fail("%s is %g, not a whole number", col, x)
	case string:
		v.fail("%s is the text %q, not a number", col, truncate(x, 40))
	default:
		v.fail("%s is binary data, not a number", col)
	}
	return 0, false
}

// float is a REAL column; ok is false for NULL.
func (v *rowValues) float(col string) (f float64, ok bool) {
	switch x := v.vals[v.index[col]].(type) {
	case nil:
		return 0, false
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case string:
		v.fail("%s is the text %q, not a number", col, truncate(x, 40))
	default:
		v.fail("%s is binary data, not a number", col)
	}
	return 0, false
}

// blob is a BLOB column; NULL is nil.
func (v *rowValues) blob(col string) []byte {
	switch x := v.vals[v.index[col]].(type) {
	case nil:
		return nil
	case []byte:
		return x
	case string:
		v.fail("%s is text, not a geometry blob", col)
	default:
		v.fail("%s is a number, not a geometry blob", col)
	}
	return nil
}
