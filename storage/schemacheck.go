package storage

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// dbQuerier is what *sql.DB, *sql.Conn and *sql.Tx have in common with a
// context.
type dbQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// schemaInfo is what sqlite_master and table_xinfo say about a database.
type schemaInfo struct {
	tables   map[string]tableInfo // ordinary and virtual tables by name
	views    []schemaObject
	triggers []schemaObject
}

// schemaObject is a row of sqlite_master.
type schemaObject struct {
	name, table, sql string
}

// tableInfo is one table: its CREATE statement and, for the tables a
// project has, its columns.
type tableInfo struct {
	sql     string
	columns map[string]columnInfo
}

// columnInfo is a row of table_xinfo.
type columnInfo struct {
	decl   string
	pk     int
	hidden int
}

// readSchema lists the objects of the database q; it reads the columns of
// the tables named in withColumns only (so a hostile name is never passed
// to a pragma).
func readSchema(q dbQuerier, withColumns []string) (*schemaInfo, error) {
	rows, err := q.QueryContext(bg, `SELECT type, name, tbl_name,
		CASE WHEN coalesce(octet_length(sql), 0) <= 1048576 THEN sql END FROM sqlite_master`)
	if err != nil {
		return nil, err
	}
	s := &schemaInfo{tables: map[string]tableInfo{}}
	for rows.Next() {
		var typ, name, table string
		var text sql.NullString
		if err := rows.Scan(&typ, &name, &table, &text); err != nil {
			rows.Close()
			return nil, err
		}
		o := schemaObject{name: name, table: table, sql: text.String}
		switch typ {
		case "table":
			s.tables[name] = tableInfo{sql: o.sql}
		case "view":
			s.views = append(s.views, o)
		case "trigger":
			s.triggers = append(s.triggers, o)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range withColumns {
		t, ok := s.tables[name]
		if !ok || !isPlainTable(t.sql) {
			continue
		}
		t.columns = map[string]columnInfo{}
		rows, err := q.QueryContext(bg, `SELECT name, type, pk, hidden FROM pragma_table_xinfo(?)`, name)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var col string
			var c columnInfo
			if err := rows.Scan(&col, &c.decl, &c.pk, &c.hidden); err != nil {
				rows.Close()
				return nil, err
			}
			t.columns[col] = c
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		s.tables[name] = t
	}
	return s, nil
}

// isPlainTable reports whether a table's SQL makes an ordinary table, not a
// virtual one.
func isPlainTable(sql string) bool {
	return strings.HasPrefix(strings.ToUpper(strings.Join(strings.Fields(sql), " ")), "CREATE TABLE ")
}

// expected caches the schema of each version, made by running the
// migrations on an in-memory database.
var expected struct {
	sync.Mutex
	byVersion map[int]*schemaInfo
}

// expectedSchema is the schema a project of version v has.
func expectedSchema(v int) (*schemaInfo, error) {
	expected.Lock()
	defer expected.Unlock()
	if s := expected.byVersion[v]; s != nil {
		return s, nil
	}
	if v < 1 || v > currentSchema() {
		return nil, fmt.Errorf("no schema version %d", v)
	}
	db, err := sql.Open("sqlite", "file:expected?mode=memory")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := migrate(db, migrations[:v]); err != nil {
		return nil, fmt.Errorf("schema version %d: %w", v, err)
	}
	s, err := readSchema(db, nil)
	if err != nil {
		return nil, err
	}
	var names []string
	for name := range s.tables {
		names = append(names, name)
	}
	if s, err = readSchema(db, names); err != nil {
		return nil, err
	}
	if expected.byVersion == nil {
		expected.byVersion = map[int]*schemaInfo{}
	}
	expected.byVersion[v] = s
	return s, nil
}

// projectTables are the tables a project has, in checking order; sqlite_*
// tables are SQLite's own.
func (s *schemaInfo) projectTables() []string {
	var names []string
	for name := range s.tables {
		if !strings.HasPrefix(name, "sqlite_") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// checkTables checks that every table of want is an ordinary table of have
// with want's columns, each of the same type affinity and none generated.
// Extra columns and tables are allowed.
func checkTables(have, want *schemaInfo) error {
	for _, name := range want.projectTables() {
		t, ok := have.tables[name]
		if !ok {
			for _, v := range have.views {
				if v.name == name {
					return fmt.Errorf("%w: %s is a view, not a table; a view runs a query of its own, so Event Atlas does not read it", ErrUnsafe, name)
				}
			}
			return fmt.Errorf("%w: the table %s is missing", ErrCorrupt, name)
		}
		if !isPlainTable(t.sql) {
			return fmt.Errorf("%w: %s is a virtual table, not an ordinary table", ErrUnsafe, name)
		}
		if t.columns == nil {
			return fmt.Errorf("the columns of %s were not read", name)
		}
		var cols []string
		for col := range want.tables[name].columns {
			cols = append(cols, col)
		}
		sort.Strings(cols)
		for _, col := range cols {
			w := want.tables[name].columns[col]
			h, ok := t.columns[col]
			switch {
			case !ok:
				return fmt.Errorf("%w: the table %s lacks the column %s", ErrCorrupt, name, col)
			case h.hidden != 0:
				return fmt.Errorf("%w: the column %s.%s is computed by an expression, not stored", ErrUnsafe, name, col)
			case affinity(h.decl) != affinity(w.decl):
				return fmt.Errorf("%w: the column %s.%s is declared %q; Event Atlas stores %s there", ErrCorrupt, name, col, h.decl, w.decl)
			case w.pk != 0 && h.pk != w.pk:
				return fmt.Errorf("%w: the column %s.%s is not the table's primary key", ErrCorrupt, name, col)
			}
		}
	}
	return nil
}

// foreignTriggers returns the triggers of have that want does not have
// with the same name, table and SQL.
func foreignTriggers(have, want *schemaInfo) []schemaObject {
	known := map[schemaObject]bool{}
	for _, t := range want.triggers {
		t.sql = strings.Join(strings.Fields(t.sql), " ")
		known[t] = true
	}
	var out []schemaObject
	for _, t := range have.triggers {
		norm := t
		norm.sql = strings.Join(strings.Fields(t.sql), " ")
		if !known[norm] {
			out = append(out, t)
		}
	}
	return out
}

// affinity is SQLite's type affinity of a declared column type
// (https://sqlite.org/datatype3.html#determination_of_column_affinity).
func affinity(decl string) string {
	t := strings.ToUpper(decl)
	switch {
	case strings.Contains(t, "INT"):
		return "INTEGER"
	case strings.Contains(t, "CHAR"), strings.Contains(t, "CLOB"), strings.Contains(t, "TEXT"):
		return "TEXT"
	case t == "", strings.Contains(t, "BLOB"):
		return "BLOB"
	case strings.Contains(t, "REAL"), strings.Contains(t, "FLOA"), strings.Contains(t, "DOUB"):
		return "REAL"
	}
	return "NUMERIC"
}

// guardOpen refuses, before Open writes anything, a project of version v
// whose tables are not what Event Atlas made (views or virtual tables in
// their place, missing or computed columns) or that has triggers on them
// it did not create, which would run on the next edit.
func guardOpen(db *sql.DB, v int) error {
	want, err := expectedSchema(v)
	if err != nil {
		return err
	}
	have, err := readSchema(db, want.projectTables())
	if err != nil {
		return err
	}
	if err := checkTables(have, want); err != nil {
		return err
	}
	for _, t := range foreignTriggers(have, want) {
		if _, ours := want.tables[t.table]; ours {
			return fmt.Errorf("%w: the trigger %s on %s would run on the next edit; File › Merge project… brings in the file's data without running it",
				ErrUnsafe, t.name, t.table)
		}
	}
	return nil
}
