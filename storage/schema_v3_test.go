package storage

import "testing"

func init() {
	seeds[3] = append(append([]string(nil), seeds[2]...),
		`UPDATE spans SET orphan = 1 WHERE id = 'sp-1'`)
}

// TestMigrateV2ToV3 opens a version 2 file: its spans gain orphan = 0 and
// read back as not orphaned; a version 3 orphan reads back as one.
func TestMigrateV2ToV3(t *testing.T) {
	p, err := Open(projectAt(t, 2))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if v, _ := schemaVersion(p.db); v != currentSchema() {
		t.Fatalf("schema version = %d, want %d", v, currentSchema())
	}
	var orphan int
	if err := p.db.QueryRow(`SELECT orphan FROM spans WHERE id = 'sp-1'`).Scan(&orphan); err != nil || orphan != 0 {
		t.Fatalf("orphan of a migrated span = %d, %v; want 0", orphan, err)
	}
	e, err := p.Event("ev-1")
	if err != nil || len(e.Spans) != 1 || e.Spans[0].Orphan {
		t.Fatalf("migrated event spans = %+v, %v", e.Spans, err)
	}

	q, err := Open(projectAt(t, 3))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	orphans, err := q.Orphans()
	if err != nil || len(orphans) != 1 || orphans[0].Span.ID != "sp-1" || orphans[0].EventTitle != "Old event" ||
		orphans[0].ArticleTitle != "Old article" || orphans[0].Span.Quote != "talks held" {
		t.Fatalf("Orphans of a v3 file = %+v, %v", orphans, err)
	}
}
