package storage

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// foreignTablesAndColumns names what have holds beyond a project's
// schema want, which neither check nor merge reads: "table analyst_notes"
// for a table of its own (GeoPackage and spatial-index tables aside), then
// "column secret_col of events" for a column added to a table Event Atlas
// reads, sorted by table and column.
func foreignTablesAndColumns(have, want *schemaInfo) []string {
	var out []string
	for _, name := range have.projectTables() {
		if _, ours := want.tables[name]; !ours && !strings.HasPrefix(name, "gpkg_") && !strings.HasPrefix(name, "rtree_") {
			out = append(out, "table "+objectName(name))
		}
	}
	for _, table := range readTables {
		h, ok := have.tables[table]
		w, known := want.tables[table]
		if !ok || !known {
			continue
		}
		var extra []string
		for col := range h.columns {
			if _, ours := w.columns[col]; !ours {
				extra = append(extra, col)
			}
		}
		sort.Strings(extra)
		for _, col := range extra {
			out = append(out, "column "+objectName(col)+" of "+table)
		}
	}
	return out
}

// objectName is a table's or column's name for a message: as it is when
// it is a plain word, quoted (with escapes) when it holds anything else, so
// a hostile name cannot break a report's lines.
func objectName(name string) string {
	if name == "" {
		return `""`
	}
	for _, r := range name {
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return strconv.Quote(name)
		}
	}
	return name
}
