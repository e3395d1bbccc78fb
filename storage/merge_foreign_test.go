package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestForeignTablesAndColumns: check and merge name the tables and columns
// of a teammate's file that are not part of a project, and a garbage
// write-ahead log is said to be ignored, not applied.
func TestForeignTablesAndColumns(t *testing.T) {
	base := makeCorpusBase(t)
	for _, c := range []struct {
		name    string
		build   func(t *testing.T, path string)
		ignored []string // Report.Ignored
		notes   []string // Report.Notes, with NAME for the file's base name
		check   []string // lines of Report.String
		merge   []string // lines of MergeSummary.String
	}{
		{name: "sound", build: func(t *testing.T, p string) {}},
		{name: "extra", build: func(t *testing.T, p string) {
			execSQL(t, p, `ALTER TABLE events ADD COLUMN secret_col TEXT`, `UPDATE events SET secret_col = 'keep me'`,
				`ALTER TABLE actors ADD COLUMN "odd name
x" TEXT`, `ALTER TABLE events ADD COLUMN another INTEGER`,
				`CREATE TABLE analyst_notes (id INTEGER PRIMARY KEY, body TEXT)`,
				`INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('analyst_notes', 'attributes', 'analyst_notes')`)
		},
			ignored: []string{"table analyst_notes", "column another of events", "column secret_col of events", `column "odd name\nx" of actors`},
			check: []string{
				"note: table analyst_notes is not part of an Event Atlas project and was not read",
				"note: column another of events is not part of an Event Atlas project and was not read",
				"note: column secret_col of events is not part of an Event Atlas project and was not read",
				`note: column "odd name\nx" of actors is not part of an Event Atlas project and was not read`,
				"the file is sound"},
			merge: []string{
				"table analyst_notes is not part of an Event Atlas project and was not merged.",
				"column another of events is not part of an Event Atlas project and was not merged.",
				"column secret_col of events is not part of an Event Atlas project and was not merged.",
				`column "odd name\nx" of actors is not part of an Event Atlas project and was not merged.`}},
		{name: "garbage wal", build: func(t *testing.T, p string) { writeBytes(t, p+"-wal", []byte("garbage")) },
			notes: []string{"NAME-wal: the write-ahead log could not be read, so it was ignored; the file is read as last written (the file itself is unchanged)"},
			check: []string{"note: NAME-wal: the write-ahead log could not be read, so it was ignored; the file is read as last written (the file itself is unchanged)"},
			merge: []string{"note: NAME-wal: the write-ahead log could not be read, so it was ignored; the file is read as last written (the file itself is unchanged)"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), c.name+".gpkg")
			copyFile(t, base, path)
			c.build(t, path)
			fix := func(ss []string) []string {
				out := make([]string, len(ss))
				for i, s := range ss {
					out[i] = strings.ReplaceAll(s, "NAME", filepath.Base(path))
				}
				return out
			}
			r, err := Inspect(path)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%q", r.Ignored) != fmt.Sprintf("%q", c.ignored) && len(r.Ignored)+len(c.ignored) > 0 {
				t.Errorf("Ignored = %q, want %q", r.Ignored, c.ignored)
			}
			if fmt.Sprintf("%q", r.Notes) != fmt.Sprintf("%q", fix(c.notes)) && len(r.Notes)+len(c.notes) > 0 {
				t.Errorf("Notes = %q, want %q", r.Notes, fix(c.notes))
			}
			lines := strings.Split(r.String(), "\n")
			for _, want := range fix(c.check) {
				if !contains(lines, want) {
					t.Errorf("check says\n%s\nwant the line %q", r, want)
				}
			}
			p, _ := newProject(t)
			sum, err := p.Merge(path)
			if err != nil {
				t.Fatal(err)
			}
			lines = strings.Split(sum.String(), "\n")
			for _, want := range fix(c.merge) {
				if !contains(lines, want) {
					t.Errorf("merge says\n%s\nwant the line %q", sum, want)
				}
			}
			if c.merge == nil && len(lines) != 1 {
				t.Errorf("merge of a sound file says\n%s\nwant one line", sum)
			}
		})
	}
	if _, err := os.Stat(base + "-wal"); err == nil {
		t.Error("the test wrote beside the base file")
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// TestMergeSummaryWording: counts agree with their nouns and every list
// starts on its own line.
func TestMergeSummaryWording(t *testing.T) {
	head := "Merged t.gpkg: 0 events added, 0 unchanged, 0 conflicts to resolve; 0 articles added, 0 already here; " +
		"0 actors added, 0 already here; 0 places added, 0 unchanged."
	skip := Problem{Table: "events", Row: "fid 2", Reason: `skipped: fatalities is the text "many", not a number`}
	fixed := Problem{Table: "events", Row: "e1", Reason: "title was not UTF-8; invalid bytes replaced", Repaired: true}
	for _, c := range []struct {
		name string
		sum  MergeSummary
		want string
	}{
		{"one skipped", MergeSummary{Skipped: []Problem{skip}},
			head + "\n1 item skipped:\n  events fid 2: skipped: fatalities is the text \"many\", not a number"},
		{"two skipped", MergeSummary{Skipped: []Problem{skip, skip}},
			head + "\n2 items skipped:\n  " + skip.String() + "\n  " + skip.String()},
		{"repaired then skipped", MergeSummary{Repaired: []Problem{fixed}, Skipped: []Problem{skip}},
			head + "\n1 value repaired:\n  events e1: title was not UTF-8; invalid bytes replaced\n1 item skipped:\n  " + skip.String()},
		{"deleted kept", MergeSummary{DeletedKept: 2, EventsOlder: 1},
			"Merged t.gpkg: 0 events added, 0 unchanged, 0 conflicts to resolve; 2 events you deleted stay deleted; " +
				"1 event of theirs is an older version of yours (yours kept); 0 articles added, 0 already here; " +
				"0 actors added, 0 already here; 0 places added, 0 unchanged."},
		{"deleted conflicts", MergeSummary{Conflicts: 3, DeletedConflicts: 2},
			"Merged t.gpkg: 0 events added, 0 unchanged, 3 conflicts to resolve; 0 articles added, 0 already here; " +
				"0 actors added, 0 already here; 0 places added, 0 unchanged. A conflict is an event whose two versions differ; " +
				"merge does not tell which side changed it. 2 conflicts are events you deleted and theirs changed."},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.sum.From = "/x/t.gpkg"
			if got := c.sum.String(); got != c.want {
				t.Errorf("String =\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}
