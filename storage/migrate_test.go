package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventatlas/annotate"
)

// seeds fills a file of each schema version with one article, event and
// span using only that version's SQL, as a file of that version would hold.
// Every released version needs an entry.
var seeds = map[int][]string{
	1: seedV1,
	2: append(append([]string(nil), seedV1...),
		`INSERT INTO conflicts (id, event_id, theirs_json, theirs_hash, from_file, created)
			VALUES ('c-1', 'ev-1', '{"ID":"ev-1","Title":"Their event"}', 'th1', 'theirs.gpkg', '2023-01-03T00:00:00.000Z')`,
		`INSERT INTO history (at, action, entity, entity_id, after_json, batch) VALUES ('2023-01-03T00:00:00.000Z', 'merge', 'merge', 'p-2', '{"File":"theirs.gpkg"}', 1)`),
}

// seedV1 is the version 1 seed data.
var seedV1 = []string{
	`INSERT INTO articles (id, title, text, hash, created) VALUES ('art-1', 'Old article', 'Kunduz: talks held.', '` +
		annotate.TextHash("Kunduz: talks held.") + `', '2023-01-02T03:04:05.000Z')`,
	`INSERT INTO events (id, geom, type, title, date_start, date_precision, actors_json, tags_json, created, updated)
		VALUES ('ev-1', X'47500003E61000000000000000005140000000000000514000000000000042400000000000004240010100000000000000000051400000000000004240',
		'Diplomacy', 'Old event', '2023-01-02', 'day', '[{"ActorID":"","Name":"Taliban","Role":"actor1"}]', '["old"]',
		'2023-01-02T03:04:05.000Z', '2023-01-02T03:04:05.000Z')`,
	`INSERT INTO spans (id, article_id, event_id, start, "end", quote) VALUES ('sp-1', 'art-1', 'ev-1', 8, 18, 'talks held')`,
}

// projectAt writes a project file at schema version v with seed data.
func projectAt(t *testing.T, v int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.gpkg", v))
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := openDB(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := migrate(db, migrations[:v]); err != nil {
		t.Fatal(err)
	}
	seed, ok := seeds[v]
	if !ok {
		t.Fatalf("no seed data for schema version %d: add one to seeds", v)
	}
	for _, q := range seed {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("seed v%d: %v", v, err)
		}
	}
	return path
}

// TestOpenMigratesEveryVersion opens a file of every schema version up to
// the current one and reads its data back.
func TestOpenMigratesEveryVersion(t *testing.T) {
	for v := 1; v <= currentSchema(); v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			p, err := Open(projectAt(t, v))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if got, _ := schemaVersion(p.db); got != currentSchema() {
				t.Errorf("schema version after Open = %d, want %d", got, currentSchema())
			}
			e, err := p.Event("ev-1")
			if err != nil {
				t.Fatal(err)
			}
			if e.Title != "Old event" || len(e.Spans) != 1 || e.Spans[0].Quote != "talks held" ||
				len(e.Actors) != 1 || e.Actors[0].Name != "Taliban" || e.Geometry == nil {
				t.Errorf("migrated event = %+v", e)
			}
			if e.Geometry.Bound().Min[0] != 68 || e.Geometry.Bound().Min[1] != 36 {
				t.Errorf("migrated geometry = %v, want POINT(68 36)", e.Geometry)
			}
		})
	}
}

// testSteps is the real migrations plus a synthetic next version that adds
// a column and fills it.
func testSteps(up func(tx *sql.Tx) error) []migration {
	next := migration{currentSchema() + 1, "test step", up}
	return append(append([]migration(nil), migrations...), next)
}

func addConfidence(tx *sql.Tx) error {
	if _, err := tx.Exec(`ALTER TABLE events ADD COLUMN confidence INTEGER`); err != nil {
		return err
	}
	_, err := tx.Exec(`UPDATE events SET confidence = 50`)
	return err
}

func TestMigrateSyntheticStep(t *testing.T) {
	path := projectAt(t, currentSchema())
	db, err := openDB(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(db, testSteps(addConfidence)); err != nil {
		t.Fatal(err)
	}
	var conf int
	if err := db.QueryRow(`SELECT confidence FROM events WHERE id = 'ev-1'`).Scan(&conf); err != nil || conf != 50 {
		t.Errorf("synthetic step: confidence = %d, %v", conf, err)
	}
	if v, _ := schemaVersion(db); v != currentSchema()+1 {
		t.Errorf("version after synthetic step = %d", v)
	}
	// Running the same steps again does nothing.
	if err := migrate(db, testSteps(func(*sql.Tx) error { return errors.New("must not run") })); err != nil {
		t.Errorf("re-migrate: %v", err)
	}
	db.Close()
	// This build only knows currentSchema, so the file is now too new.
	checkNewerRefused(t, path, currentSchema()+1)
}

func TestMigrateFailureRollsBack(t *testing.T) {
	path := projectAt(t, currentSchema())
	db, err := openDB(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = migrate(db, testSteps(func(tx *sql.Tx) error {
		if err := addConfidence(tx); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO no_such_table VALUES (1)`)
		return err
	}))
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("from schema version %d to %d (test step)", currentSchema(), currentSchema()+1)) {
		t.Fatalf("failing step = %v", err)
	}
	if v, _ := schemaVersion(db); v != currentSchema() {
		t.Errorf("version after a failed step = %d, want %d", v, currentSchema())
	}
	if _, err := db.Exec(`SELECT confidence FROM events`); err == nil {
		t.Error("a failed step left its column behind")
	}
	gap := []migration{migrations[0], {currentSchema() + 2, "gap", addConfidence}}
	if err := migrate(db, gap); err == nil || !strings.Contains(err.Error(), "no migration from schema version") {
		t.Errorf("migration gap = %v", err)
	}
}

func TestOpenNewerSchema(t *testing.T) {
	p, path := newProject(t)
	saveAll(t, p, testEvents(t, addTestArticle(t, p)))
	if _, err := p.db.Exec(`UPDATE meta SET value = '99' WHERE key = 'schema_version'`); err != nil {
		t.Fatal(err)
	}
	p.Close()
	checkNewerRefused(t, path, 99)
}

// checkNewerRefused opens a file of schema version have and expects
// ErrNewerSchema naming both versions, with the file byte-identical and
// nothing left beside it.
func checkNewerRefused(t *testing.T, path string, have int) {
	t.Helper()
	before := fileSum(t, path)
	p, err := Open(path)
	if err == nil {
		p.Close()
		t.Fatal("Open of a newer project succeeded")
	}
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), fmt.Sprintf("schema version %d", have)) ||
		!strings.Contains(err.Error(), fmt.Sprintf("up to %d", currentSchema())) {
		t.Errorf("Open = %q, want ErrNewerSchema naming versions %d and %d", err, have, currentSchema())
	}
	if fileSum(t, path) != before {
		t.Error("Open changed the newer project file")
	}
	if got := listDir(t, filepath.Dir(path)); len(got) != 1 {
		t.Errorf("Open left files beside the project: %v", got)
	}
}
