package storage

import (
	"errors"
	"fmt"
	"strings"
)

// ErrCorrupt is wrapped by ReadUntrusted, Inspect and Merge for a file that
// is damaged: truncated, failing SQLite's quick_check, or lacking tables a
// project has. The wrapping error says what is wrong.
var ErrCorrupt = errors.New("the file is corrupt")

// ErrUnsafe is wrapped for a file that holds database code Event Atlas did
// not write where it would run: a view standing in for one of the project's
// tables, or (for Open) a trigger on one of them. The wrapping error names
// the object.
var ErrUnsafe = errors.New("the file holds database code that Event Atlas did not write")

// Problem is one thing in a file that was not read as stored: a row
// skipped, a value read as unknown, or a database object ignored.
type Problem struct {
	Table  string // the table ("events", "spans", …), or the object's table for a trigger or view
	Row    string // the row's id, "fid N" when it has none, or the trigger's or view's name
	Reason string // what is wrong and what was done, e.g. "skipped: geometry: longitude 200 is outside -180..180"
	// Repaired is true when the row was read in with the value mended
	// (text that was not UTF-8 gets U+FFFD for its invalid bytes), not
	// skipped.
	Repaired bool
}

// String is "table row: reason".
func (p Problem) String() string {
	switch {
	case p.Table == "" && p.Row == "":
		return p.Reason
	case p.Row == "":
		return p.Table + ": " + p.Reason
	}
	return p.Table + " " + p.Row + ": " + p.Reason
}

// Report is what checking or reading another project file found.
type Report struct {
	Path          string    // the file as given
	ProjectUUID   string    // the project's id, when it could be read
	SchemaVersion int       // its schema version, when it could be read
	Articles      int       // sound rows read, by table
	Events        int       //
	Spans         int       //
	Actors        int       //
	Places        int       //
	Problems      []Problem // rows skipped or read in part, objects ignored
	Notes         []string  // facts that do not make the file unsound, e.g. a journal rolled back in the copy
	Ignored       []string  // tables and columns that are not part of a project and were not read, e.g. "table analyst_notes", "column secret_col of events"
	Fatal         string    // why the file could not be read at all, "" when it could
}

// Sound reports whether the file could be read, every row was read as
// stored and nothing was ignored.
func (r *Report) Sound() bool { return r.Fatal == "" && len(r.Problems) == 0 }

// problem records a problem.
func (r *Report) problem(table, row, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{Table: table, Row: row, Reason: fmt.Sprintf(format, args...)})
}

// String is a summary for people: counts, then one line per problem and
// note.
func (r *Report) String() string {
	var b strings.Builder
	if r.Fatal != "" {
		b.WriteString(r.Fatal + "\n")
	} else if r.ProjectUUID != "" {
		fmt.Fprintf(&b, "%s: Event Atlas project %s, schema version %d\n", r.Path, r.ProjectUUID, r.SchemaVersion)
		fmt.Fprintf(&b, "read %s, %s, %s, %s, %s\n", plural(r.Events, "event"), plural(r.Spans, "evidence span"),
			plural(r.Articles, "article"), plural(r.Actors, "actor"), plural(r.Places, "place"))
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	for _, name := range r.Ignored {
		fmt.Fprintf(&b, "note: %s is not part of an Event Atlas project and was not read\n", name)
	}
	for _, p := range r.Problems {
		if p.Repaired {
			fmt.Fprintf(&b, "repaired: %s\n", p)
		} else {
			fmt.Fprintf(&b, "problem: %s\n", p)
		}
	}
	if r.Fatal != "" {
		return b.String()
	}
	if r.Sound() {
		b.WriteString("the file is sound\n")
	} else {
		fmt.Fprintf(&b, "%s\n", plural(len(r.Problems), "problem"))
	}
	return b.String()
}
