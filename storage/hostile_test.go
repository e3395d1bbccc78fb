package storage

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// makeCorpusBase writes a sound project with three events (point, line,
// polygon), their article and spans, an actor and a user place, closes it
// and returns its path.
func makeCorpusBase(t *testing.T) string {
	t.Helper()
	p, path := newProject(t)
	a := annotate.Article{Title: "Tajik delegation visits Kunduz", Text: testText}
	if _, err := p.AddArticle(&a); err != nil {
		t.Fatal(err)
	}
	saveAll(t, p, testEvents(t, a))
	if err := p.SaveActor(&annotate.Actor{ID: "actor-taliban", Name: "Taliban", Aliases: []string{"IEA"}}); err != nil {
		t.Fatal(err)
	}
	if err := p.SavePlace(&annotate.Place{ID: "place-dusti", Name: "Dusti", Point: orb.Point{68.66, 37.35}}); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// execSQL runs statements on path as another program would, with no
// Event Atlas settings.
func execSQL(t *testing.T, path string, stmts ...any) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < len(stmts); i++ {
		q := stmts[i].(string)
		var args []any
		for i+1 < len(stmts) {
			if _, ok := stmts[i+1].(string); ok {
				break
			}
			args = append(args, stmts[i+1])
			i++
		}
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// blobArg marks a geometry blob argument for execSQL.
type blobArg = []byte

// geom encodes g or fails the test; it does not validate g.
func geom(t *testing.T, g orb.Geometry) blobArg {
	t.Helper()
	b, err := EncodeGeometry(g, SRSWGS84)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rebuild replaces table with a copy whose CREATE statement has old
// replaced by new, keeping its rows (but for computed columns).
func rebuild(t *testing.T, path, table, old, new string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var create string
	if err := db.QueryRow(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&create); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(create, old) {
		t.Fatalf("%s's SQL lacks %q", table, old)
	}
	create = strings.Replace(strings.Replace(create, old, new, 1), "CREATE TABLE "+table, "CREATE TABLE "+table+"_new", 1)
	if _, err := db.Exec(create); err != nil {
		t.Fatal(err)
	}
	var cols string
	if err := db.QueryRow(`SELECT group_concat('"' || name || '"') FROM pragma_table_xinfo(?) WHERE hidden = 0`, table+"_new").Scan(&cols); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO ` + table + `_new (` + cols + `) SELECT ` + cols + ` FROM ` + table,
		`DROP TABLE ` + table,
		`ALTER TABLE ` + table + `_new RENAME TO ` + table,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// writeBytes writes b to path.
func writeBytes(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// truncateBase writes the first n bytes of the sound project base (n < 0:
// all but -n bytes).
func truncateBase(t *testing.T, base, path string, n int) {
	t.Helper()
	copyFile(t, base, path)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n < 0 {
		n += len(b)
	}
	writeBytes(t, path, b[:n])
}

// hotJournal leaves path as a crash mid-transaction leaves it: changed
// pages in the file and the original pages in path-journal.
func hotJournal(t *testing.T, base, path string) {
	t.Helper()
	dir := t.TempDir()
	live := filepath.Join(dir, "live.gpkg")
	copyFile(t, base, live)
	db, err := sql.Open("sqlite", live+"?_pragma=cache_size(2)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM spans`, `UPDATE events SET title = 'CRASHED ' || hex(randomblob(3000))`,
		`INSERT INTO history (at, action, entity, entity_id) SELECT a.at, a.action, a.entity, a.entity_id FROM history a, history b, history c`} {
		if _, err := tx.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if !fileExists(live + "-journal") {
		t.Fatal("no journal mid-transaction")
	}
	copyFile(t, live, path)
	copyFile(t, live+"-journal", path+"-journal")
	if fileSum(t, base) == fileSum(t, path) {
		t.Fatal("the transaction did not spill into the file: the journal is not hot")
	}
}

// superJournal leaves path with a hot journal whose super-journal record
// names a file beside it, canary.txt, that must survive.
func superJournal(t *testing.T, base, path string) {
	t.Helper()
	hotJournal(t, base, path)
	canary := filepath.Join(filepath.Dir(path), "canary.txt")
	writeBytes(t, canary, []byte("keep me"))
	name := []byte(canary)
	var sum uint32
	for _, c := range name {
		sum += uint32(c)
	}
	rec := binary.BigEndian.AppendUint32(nil, 0x7fffffff) // PAGER_SJ_PGNO of 4096-byte pages, roughly
	rec = append(rec, name...)
	rec = binary.BigEndian.AppendUint32(rec, uint32(len(name)))
	rec = binary.BigEndian.AppendUint32(rec, sum)
	rec = append(rec, journalMagic...)
	f, err := os.OpenFile(path+"-journal", os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(rec)
	f.Close()
}

// walPending leaves path in WAL mode with committed changes still in
// path-wal, as a program that is still running leaves it.
func walPending(t *testing.T, base, path string) {
	t.Helper()
	dir := t.TempDir()
	live := filepath.Join(dir, "live.gpkg")
	copyFile(t, base, live)
	db, err := sql.Open("sqlite", live+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`UPDATE events SET title = 'From the WAL' WHERE fid = 1`); err != nil {
		t.Fatal(err)
	}
	copyFile(t, live, path)
	copyFile(t, live+"-wal", path+"-wal")
}

// corpusCase is one hostile or broken file and what reading it must give.
type corpusCase struct {
	name     string
	build    func(t *testing.T, path string)
	err      string   // the fatal error must contain this; "" for a partial or full read
	is       error    // and wrap this
	events   int      // events read when there is no error
	problems []string // each must be in one problem
	notes    []string // each must be in one note
	open     string   // Open must fail with this, leaving the file as it was; "" when Open may succeed
	title    string   // an event read must have this title
}

// corpus is the hostile and broken files of the test corpus, made from
// the sound project base.
func corpus(base string) []corpusCase {
	baseCopy := func(t *testing.T, p string) { copyFile(t, base, p) }
	truncate := func(n int) func(t *testing.T, p string) {
		return func(t *testing.T, p string) { truncateBase(t, base, p, n) }
	}
	return []corpusCase{
		{name: "sound", build: baseCopy, events: 3},
		{name: "empty", build: func(t *testing.T, p string) { writeBytes(t, p, nil) },
			err: "the file is empty", is: ErrNotProject, open: "the file is empty"},
		{name: "random bytes", build: func(t *testing.T, p string) {
			r := rand.New(rand.NewPCG(7, 8))
			b := make([]byte, 16384)
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			writeBytes(t, p, b)
		}, err: "not a SQLite database: it starts with", is: ErrNotProject, open: "not a SQLite database"},
		{name: "text file", build: func(t *testing.T, p string) { writeBytes(t, p, []byte("id,lat,lon\n1,36.7,68.8\n")) },
			err: `not a SQLite database: it starts with "id,lat,lon`, is: ErrNotProject, open: "not a SQLite database"},
		{name: "wrong magic", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			b, _ := os.ReadFile(p)
			copy(b, "SQLite format 2\x00")
			writeBytes(t, p, b)
		}, err: `it starts with "SQLite format 2\x00"`, is: ErrNotProject, open: "not a SQLite database"},
		{name: "truncated in the header", build: truncate(60),
			err: "the file is truncated: 60 bytes, shorter than the 100-byte SQLite header", is: ErrCorrupt},
		{name: "truncated mid-page", build: truncate(4096*3 + 1000), open: "the file is truncated: 13288 bytes is not a whole number of 4096-byte pages",
			err: "13288 bytes is not a whole number of 4096-byte pages", is: ErrCorrupt},
		{name: "truncated at a page", build: truncate(4096 * 5),
			err: "the file is truncated: its header counts", is: ErrCorrupt, open: "the file is truncated: its header counts"},
		{name: "truncated by one page", build: truncate(-4096),
			err: "the file is truncated", is: ErrCorrupt},
		{name: "damaged page", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			b, _ := os.ReadFile(p)
			// Scribble over the middle of every b-tree page after the schema.
			for pg := 1; (pg+1)*4096 <= len(b); pg++ {
				for i := pg*4096 + 8; i < pg*4096+40; i++ {
					b[i] = 0xA5
				}
			}
			writeBytes(t, p, b)
		}, err: "the file is corrupt", is: ErrCorrupt},
		{name: "damaged data page", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			db, _ := sql.Open("sqlite", p)
			var page int64
			err := db.QueryRow(`SELECT max(pageno) FROM dbstat WHERE name = 'events'`).Scan(&page)
			db.Close()
			if err != nil {
				t.Skipf("no dbstat: %v", err)
			}
			b, _ := os.ReadFile(p)
			off := (page - 1) * 4096
			for i := off + 1; i < off+12; i++ {
				b[i] = 0xFF
			}
			writeBytes(t, p, b)
		}, err: "the file is corrupt: quick_check: ", is: ErrCorrupt},
		{name: "plain SQLite", build: func(t *testing.T, p string) { execSQL(t, p, `CREATE TABLE customers (id INTEGER PRIMARY KEY)`) },
			err: "not a GeoPackage: application_id is 0x00000000", is: ErrNotProject, open: "not a GeoPackage"},
		{name: "another program's GeoPackage", build: func(t *testing.T, p string) {
			execSQL(t, p, `PRAGMA application_id = 1196444487`, `PRAGMA user_version = 10400`,
				`CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL)`,
				`CREATE TABLE roads (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT)`,
				`INSERT INTO gpkg_contents VALUES ('roads', 'features')`)
		}, err: "a GeoPackage made by another program (it has no Event Atlas meta table)", is: ErrNotProject, open: "made by another program"},
		{name: "future schema", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE meta SET value = '9' WHERE key = 'schema_version'`)
		}, err: "schema version 9, this Event Atlas knows versions up to", is: ErrNewerSchema, open: "schema version 9"},
		{name: "no project id", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `DELETE FROM meta WHERE key = 'project_uuid'`)
		}, err: "it has no Event Atlas project id", is: ErrNotProject, open: "no Event Atlas project id"},
		{name: "missing table", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `DROP TABLE actors`)
		}, err: "the table actors is missing", is: ErrCorrupt, open: "the table actors is missing"},
		{name: "wrong column type", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			rebuild(t, p, "spans", "start INTEGER NOT NULL", "start TEXT NOT NULL")
		}, err: `the column spans.start is declared "TEXT"; Event Atlas stores INTEGER there`, is: ErrCorrupt, open: "spans.start"},
		{name: "view shadowing events", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `ALTER TABLE events RENAME TO events_real`,
				`CREATE VIEW events AS SELECT * FROM events_real WHERE 0`)
		}, err: "events is a view, not a table", is: ErrUnsafe, open: "events is a view"},
		{name: "computed column", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			rebuild(t, p, "events", "title TEXT,", "title TEXT GENERATED ALWAYS AS (upper(type)) VIRTUAL,")
		}, err: "the column events.title is computed by an expression", is: ErrUnsafe, open: "computed"},
		{name: "virtual table", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `DROP TABLE places`, `CREATE VIRTUAL TABLE places USING rtree(id, minx, maxx)`)
		}, err: "places is a virtual table", is: ErrUnsafe, open: "virtual table"},
		{name: "trigger deleting rows", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `CREATE TRIGGER wipe AFTER INSERT ON events BEGIN DELETE FROM events; DELETE FROM articles; END`,
				`CREATE TRIGGER wipe_on_edit AFTER UPDATE ON spans BEGIN DELETE FROM spans; END`)
		}, events: 3, problems: []string{"events wipe: ignored trigger", "spans wipe_on_edit: ignored trigger"},
			open: "the trigger wipe on events would run on the next edit"},
		{name: "trigger posing as ours", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `DROP TRIGGER events_fill_id`,
				`CREATE TRIGGER events_fill_id AFTER INSERT ON events BEGIN DELETE FROM events; END`)
		}, events: 3, problems: []string{"events events_fill_id: ignored trigger"}, open: "the trigger events_fill_id on events"},
		{name: "foreign view", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `CREATE VIEW busy AS SELECT count(*) FROM events, events, events`)
		}, events: 3, problems: []string{"busy: ignored view"}},
		{name: "huge article text", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `INSERT INTO articles (id, title, text, hash, created) VALUES ('art-huge', 'Huge', hex(zeroblob(31457280)), 'h', '2024-01-01T00:00:00.000Z')`,
				`UPDATE spans SET article_id = 'art-huge' WHERE fid = 1`)
		}, events: 3, problems: []string{"articles art-huge: skipped: text is 60.0 MB, more than the 5.0 MB limit", "its article \"art-huge\" is missing or was skipped"}},
		{name: "huge field", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE events SET notes = hex(zeroblob(1048576)) WHERE fid = 2`)
		}, events: 2, problems: []string{"skipped: notes is 2.0 MB, more than the 65,536-character limit", "is missing or was skipped"}},
		{name: "huge geometry", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE events SET geom = zeroblob(17000000) WHERE fid = 3`)
		}, events: 2, problems: []string{"skipped: geom is 16.2 MB, more than the 16.0 MB limit"}},
		{name: "bad geometry blob", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE events SET geom = X'00112233445566778899' WHERE fid = 1`)
		}, events: 2, problems: []string{`skipped: geometry: not a GeoPackage geometry: magic is "\x00\x11"`}},
		{name: "truncated geometry", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE events SET geom = substr(geom, 1, length(geom) - 5) WHERE fid = 2`)
		}, events: 2, problems: []string{"skipped: geometry: not a GeoPackage geometry: bad WKB"}},
		{name: "NaN coordinate", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE events SET geom = ? WHERE fid = 1`, geom(t, orb.Point{math.NaN(), 36.7}))
		}, events: 2, problems: []string{"skipped: a coordinate is not a number (NaN)"}},
		{name: "longitude 200", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE events SET geom = ? WHERE fid = 2`, geom(t, orb.LineString{{68, 36}, {200, 36}}))
		}, events: 2, problems: []string{"skipped: longitude 200 is outside -180..180"}},
		{name: "open ring", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE events SET geom = ? WHERE fid = 3`, geom(t, orb.Polygon{{{68, 36}, {69, 36}, {69, 37}, {68, 37.5}}}))
		}, events: 2, problems: []string{"skipped: a polygon ring is not closed"}},
		{name: "web mercator geometry", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			b, _ := EncodeGeometry(orb.Point{7665000, 4400000}, 3857)
			execSQL(t, p, `UPDATE events SET geom = ? WHERE fid = 1`, b)
		}, events: 2, problems: []string{"skipped: its geometry has srs_id 3857"}},
		{name: "text not UTF-8", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE events SET title = CAST(X'4B756E64C328' AS TEXT) WHERE fid = 1`,
				`UPDATE actors SET name = CAST(X'FF' AS TEXT)`)
		}, events: 3, title: "Kund\uFFFD(", problems: []string{"title was not UTF-8; invalid bytes replaced",
			"actors actor-taliban: name was not UTF-8; invalid bytes replaced"}},
		{name: "article text not UTF-8", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE articles SET text = CAST(X'4B756E64C328' AS TEXT)`)
		}, events: 3, problems: []string{"skipped: text is not valid UTF-8 text", "skipped: its article"}},
		{name: "binary in a text column", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE events SET type = X'0001' WHERE fid = 2`)
		}, events: 2, problems: []string{"skipped: type is binary data, not text"}},
		{name: "text in an integer column", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE spans SET start = 'abc' WHERE fid = 1`)
		}, events: 3, problems: []string{`skipped: start is the text "abc", not a number`}},
		{name: "duplicate UUIDs", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			rebuild(t, p, "events", "id TEXT UNIQUE", "id TEXT")
			execSQL(t, p, `INSERT INTO events (geom, id, type, title) SELECT geom, id, 'Other', 'Impostor' FROM events WHERE fid = 1`)
		}, events: 3, problems: []string{"skipped: duplicate id (fid 1 has it too)"}},
		{name: "span past the end", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE spans SET start = 300, "end" = 100000 WHERE fid = 2`)
		}, events: 3, problems: []string{"skipped: its offsets 300–100000 fall outside its article (303 characters)"}},
		{name: "quote not in the article", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE spans SET quote = 'invented words' WHERE fid = 1`)
		}, events: 3, problems: []string{"skipped: its quote does not match the article text at 17–"}},
		{name: "forged article hash", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE articles SET hash = 'ffff'`)
		}, events: 3, problems: []string{"its hash does not match its text: recomputed"}},
		{name: "bad JSON", build: func(t *testing.T, p string) {
			baseCopy(t, p)
			execSQL(t, p, `UPDATE events SET actors_json = '[{"Name":' WHERE fid = 1`)
		}, events: 2, problems: []string{"skipped: actors_json is not valid"}},
		{name: "hot journal", build: func(t *testing.T, p string) { hotJournal(t, base, p) }, events: 3, title: "Tajik delegation visits Kunduz",
			notes: []string{"hot journal.gpkg-journal: the file was not closed cleanly; its unfinished change was rolled back in the private copy"}},
		// Without its journal the half-written file fails quick_check; the
		// canary file beside it must survive reading and Open.
		{name: "journal naming a super-journal", build: func(t *testing.T, p string) { superJournal(t, base, p) },
			err: "the file is corrupt: quick_check: ", is: ErrCorrupt, open: "names another file as a super-journal"},
		{name: "pending WAL", build: func(t *testing.T, p string) { walPending(t, base, p) }, events: 3, title: "From the WAL",
			notes: []string{"pending WAL.gpkg-wal: changes in the write-ahead log were applied"}},
	}
}

// TestHostileCorpus reads every file of the corpus with ReadUntrusted and
// Inspect, and opens it with Open: each gives the expected error or a
// partial read listing what was skipped, nothing panics, and neither the
// file nor anything beside it changes.
func TestHostileCorpus(t *testing.T) {
	cases := corpus(makeCorpusBase(t))
	if len(cases) < 20 {
		t.Fatalf("the corpus has %d files, want 20 or more", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, c.name+".gpkg")
			c.build(t, path)
			before := dirSums(t, dir)

			snap, r, err := ReadUntrusted(path)
			if err != nil {
				t.Log(err)
			}
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !errors.Is(err, c.is) || !strings.Contains(err.Error(), path) {
					t.Fatalf("ReadUntrusted error = %v, want %q wrapping %v and naming the file", err, c.err, c.is)
				}
				if snap != nil || r == nil || r.Sound() || r.Fatal != err.Error() || !strings.HasPrefix(r.String(), err.Error()+"\n") {
					t.Errorf("on error ReadUntrusted returned snapshot %v, report %+v", snap != nil, r)
				}
			} else {
				if err != nil {
					t.Fatalf("ReadUntrusted: %v", err)
				}
				checkReport(t, c, r, snap)
			}
			if _, ierr := Inspect(path); (ierr == nil) != (err == nil) {
				t.Errorf("Inspect error %v, ReadUntrusted error %v", ierr, err)
			}
			if got := dirSums(t, dir); !equalSums(got, before) {
				t.Errorf("reading changed the folder:\nbefore %v\nafter  %v", keys(before), keys(got))
			}
			if c.open != "" {
				p, err := Open(path)
				if err == nil {
					p.Close()
					t.Fatalf("Open succeeded, want %q", c.open)
				}
				if !strings.Contains(err.Error(), c.open) {
					t.Errorf("Open error = %v, want %q", err, c.open)
				}
				if got := dirSums(t, dir); !equalSums(got, before) {
					t.Errorf("a refused Open changed the folder: %v", keys(got))
				}
			}
		})
	}
}

// checkReport checks a partial or full read against the case.
func checkReport(t *testing.T, c corpusCase, r *Report, s *Snapshot) {
	t.Helper()
	if len(s.Events) != c.events || r.Events != c.events {
		t.Errorf("read %d events (report %d), want %d", len(s.Events), r.Events, c.events)
	}
	for _, want := range c.problems {
		found := false
		for _, p := range r.Problems {
			found = found || strings.Contains(p.String(), want)
		}
		if !found {
			t.Errorf("no problem says %q; problems:\n%s", want, r)
		}
	}
	for _, want := range c.notes {
		found := false
		for _, n := range r.Notes {
			found = found || strings.Contains(n, want)
		}
		if !found {
			t.Errorf("no note says %q; report:\n%s", want, r)
		}
	}
	if (len(c.problems) == 0) != r.Sound() {
		t.Errorf("Sound() = %v with problems %v", r.Sound(), r.Problems)
	}
	if r.ProjectUUID == "" || r.SchemaVersion != currentSchema() || s.ProjectUUID != r.ProjectUUID {
		t.Errorf("report project %q version %d", r.ProjectUUID, r.SchemaVersion)
	}
	for _, e := range s.Events {
		if err := e.Validate(); err != nil {
			t.Errorf("an unsound event was read: %v", err)
		}
		if strings.HasPrefix(e.Title, "CRASHED") || e.Title == "Impostor" {
			t.Errorf("read the event %q", e.Title)
		}
	}
	if c.title != "" && !slices.ContainsFunc(s.Events, func(e annotate.Event) bool { return e.Title == c.title }) {
		t.Errorf("no event is titled %q", c.title)
	}
	t.Logf("report:\n%s", r)
}

// dirSums hashes every file in dir.
func dirSums(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	for _, name := range listDir(t, dir) {
		out[name] = fileSum(t, filepath.Join(dir, name))
	}
	return out
}

func equalSums(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func keys(m map[string][32]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestOpenAllowsForeignObjects opens a project where a GIS user added a
// table of their own with a trigger, and a view: none of them runs on
// Event Atlas's edits, so Open accepts the file and edits work.
func TestOpenAllowsForeignObjects(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.gpkg")
	copyFile(t, makeCorpusBase(t), path)
	execSQL(t, path, `CREATE TABLE notes (fid INTEGER PRIMARY KEY, body TEXT)`,
		`CREATE TRIGGER notes_stamp AFTER INSERT ON notes BEGIN UPDATE notes SET body = upper(body) WHERE fid = NEW.fid; END`,
		`CREATE VIEW recent AS SELECT id, title FROM events ORDER BY created DESC`)
	p, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer p.Close()
	if err := p.SaveEvent(&annotate.Event{Type: "Other", Title: "after", Geometry: orb.Point{68, 37}}); err != nil {
		t.Fatal(err)
	}
	if events, _ := p.Events(); len(events) != 4 {
		t.Errorf("%d events, want 4", len(events))
	}
}
