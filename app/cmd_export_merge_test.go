package app

import (
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"eventatlas/storage"
)

// execOn runs SQL on a closed project file, as another program would.
func execOn(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// withConflicts is a sample project with n unresolved merge conflicts.
func withConflicts(t *testing.T, n int) (dir, mine string) {
	t.Helper()
	dir, mine = newSample(t)
	theirs := filepath.Join(dir, "theirs.gpkg")
	copyTestFile(t, mine, theirs)
	execOn(t, theirs, `UPDATE events SET title = 'THEIRS: ' || title WHERE fid <= `+strconv.Itoa(n))
	if code, out, errs := run("merge", "-project", mine, theirs); code != 0 || !strings.Contains(out, countNoun(n, "conflict", "conflicts")+" to resolve") {
		t.Fatalf("merge: exit %d\n%s%s", code, out, errs)
	}
	return dir, mine
}

func TestExportNamesUnresolvedConflicts(t *testing.T) {
	for _, c := range []struct {
		conflicts int
		note      string
	}{
		{0, ""},
		{1, ". 1 conflict is not resolved: only your version of that event is in this export (Edit › Resolve conflicts…)"},
		{2, ". 2 conflicts are not resolved: only your version of those events is in this export (Edit › Resolve conflicts…)"},
	} {
		dir, mine := withConflicts(t, c.conflicts)
		for _, format := range exportFormats {
			out := filepath.Join(dir, "out."+format)
			code, said, errs := run("export", "-project", mine, "-format", format, "-o", out)
			if code != 0 {
				t.Fatalf("export %s: exit %d: %s", format, code, errs)
			}
			want := "wrote " + out + ": 6 events" + c.note + "\n"
			switch format {
			case "gpkg": // the copy keeps the conflicts table
				want = "wrote " + out + ": a clean copy of the project\n"
			case "jsonld":
				want = strings.TrimSuffix(said, c.note+"\n") + c.note + "\n"
				if !strings.HasPrefix(said, "wrote "+out+": ") {
					t.Errorf("jsonld export says %q", said)
				}
			}
			if said != want {
				t.Errorf("%d conflicts, %s export says\n%q\nwant\n%q", c.conflicts, format, said, want)
			}
		}
	}
}

func TestExportWhileOpen(t *testing.T) {
	dir, path := withConflicts(t, 2)
	p, err := storage.Open(path) // as the app holds it
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for _, format := range []string{"csv", "geojson", "kml", "jsonld"} {
		out := filepath.Join(dir, "open."+format)
		code, said, errs := run("export", "-project", path, "-format", format, "-o", out)
		if code != 0 || errs != "eventatlas export: s.gpkg is open in Event Atlas: exporting what it has saved\n" {
			t.Errorf("export %s of an open project: exit %d, stderr %q", format, code, errs)
		}
		note := ". 2 conflicts are not resolved: only your version of those events is in this export (Edit › Resolve conflicts…)"
		if format != "jsonld" && said != "wrote "+out+": 6 events"+note+"\n" || !strings.HasSuffix(said, note+"\n") {
			t.Errorf("export %s of an open project says %q", format, said)
		}
		if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
			t.Errorf("export %s wrote nothing: %v", format, err)
		}
	}
	out := filepath.Join(dir, "open.gpkg")
	code, _, errs := run("export", "-project", path, "-format", "gpkg", "-o", out)
	want := "eventatlas export: cannot open " + path + ": the project is open in another Event Atlas window or program: a gpkg copy is made from the open project: use File › Export project… in that window, or close it first\n"
	if code != 1 || errs != want {
		t.Errorf("gpkg export of an open project: exit %d, %q; want %q", code, errs, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the refused gpkg export wrote a file")
	}
}

// TestExportCSVCoordinatesOfPlace: a row's latitude and longitude are its
// coded place's, also for a line; wkt keeps the line.
func TestExportCSVCoordinatesOfPlace(t *testing.T) {
	dir, path := newSample(t)
	out := filepath.Join(dir, "s.csv")
	if code, _, errs := run("export", "-project", path, "-format", "csv", "-o", out); code != 0 {
		t.Fatal(errs)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, name := range rows[0] {
		idx[name] = i
	}
	lines := 0
	for _, r := range rows[1:] {
		pl, ok := g.Place(r[idx["place_id"]])
		if !ok {
			continue
		}
		at := pl.Point
		if wkt := r[idx["wkt"]]; strings.HasPrefix(wkt, "POINT(") {
			// A point is where it was coded: a country-level event at
			// the capital, as its wkt says, not the country's label point.
			fmt.Sscanf(strings.TrimPrefix(wkt, "POINT("), "%g %g", &at[0], &at[1])
		}
		want := []string{strconv.FormatFloat(round7(at.Lat()), 'f', -1, 64), strconv.FormatFloat(round7(at.Lon()), 'f', -1, 64)}
		if got := []string{r[idx["latitude"]], r[idx["longitude"]]}; got[0] != want[0] || got[1] != want[1] {
			t.Errorf("%q at %s (%s): latitude, longitude %v, want the place's %v", r[idx["title"]], pl.Name, r[idx["wkt"]], got, want)
		}
		if strings.HasPrefix(r[idx["wkt"]], "LINESTRING") {
			lines++
		}
	}
	if lines == 0 {
		t.Error("the sample has no line coded at a place: the test checks nothing about lines")
	}
}

func round7(f float64) float64 { return float64(int64(f*1e7+0.5)) / 1e7 }

func TestMergeAndCheckNameForeignTablesAndColumns(t *testing.T) {
	dir, mine := newSample(t)
	theirs := filepath.Join(dir, "extra.gpkg")
	copyTestFile(t, mine, theirs)
	execOn(t, theirs, `ALTER TABLE events ADD COLUMN secret_col TEXT`, `UPDATE events SET secret_col = 'keep me'`,
		`CREATE TABLE analyst_notes (id INTEGER PRIMARY KEY, body TEXT)`,
		`INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('analyst_notes', 'attributes', 'analyst_notes')`)
	_, out, _ := run("check", theirs)
	for _, want := range []string{
		"\nnote: table analyst_notes is not part of an Event Atlas project and was not read\n",
		"\nnote: column secret_col of events is not part of an Event Atlas project and was not read\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("check says\n%s\nwant %q", out, want)
		}
	}
	code, out, errs := run("merge", "-project", mine, theirs)
	lines := strings.Split(out, "\n")
	want := []string{theirs + ":", "Merged extra.gpkg: 0 events added, 6 unchanged, 0 conflicts to resolve; ",
		"table analyst_notes is not part of an Event Atlas project and was not merged.",
		"column secret_col of events is not part of an Event Atlas project and was not merged.", ""}
	if code != 0 || len(lines) != len(want) || lines[0] != want[0] || !strings.HasPrefix(lines[1], want[1]) ||
		lines[2] != want[2] || lines[3] != want[3] || lines[4] != "" {
		t.Errorf("merge: exit %d\n%s%s\nwant lines %q", code, out, errs, want)
	}
}

func TestMergeCLIDeletedStaysDeleted(t *testing.T) {
	dir, mine := newSample(t)
	carol, bob := filepath.Join(dir, "carol.gpkg"), filepath.Join(dir, "bob.gpkg")
	copyTestFile(t, mine, carol)
	copyTestFile(t, mine, bob)
	execOn(t, bob, `UPDATE events SET title = 'BOB: ' || title WHERE fid = 2`)
	p, err := storage.Open(mine)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := p.Events()
	if err != nil {
		t.Fatal(err)
	}
	var id string
	db, _ := sql.Open("sqlite", bob)
	db.QueryRow(`SELECT id FROM events WHERE fid = 2`).Scan(&id)
	db.Close()
	if err := p.DeleteEvent(id); err != nil {
		t.Fatalf("delete %s of %d events: %v", id, len(evs), err)
	}
	p.Close()
	for _, c := range []struct{ file, want string }{
		{carol, "Merged carol.gpkg: 0 events added, 5 unchanged, 0 conflicts to resolve; 1 event you deleted stays deleted; "},
		{bob, "Merged bob.gpkg: 0 events added, 5 unchanged, 1 conflict to resolve; "},
		{carol, "Merged carol.gpkg: 0 events added, 5 unchanged, 0 conflicts to resolve; 1 event you deleted stays deleted; "},
	} {
		code, out, errs := run("merge", "-project", mine, c.file)
		if code != 0 || !strings.Contains(out, "\n"+c.want) {
			t.Errorf("merge %s: exit %d\n%s%s\nwant %q", filepath.Base(c.file), code, out, errs, c.want)
		}
		if c.file == bob && !strings.Contains(out, " 1 conflict is an event you deleted and theirs changed.") {
			t.Errorf("merge of bob does not say the conflict is a deleted event:\n%s", out)
		}
	}
}
