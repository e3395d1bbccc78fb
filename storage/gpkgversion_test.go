package storage

import (
	"database/sql"
	"testing"
)

// TestOpenSettlesGPKGVersion: a project an earlier version wrote as
// GeoPackage 1.4 reads as 1.3 after it is opened, which GDAL 3.6 opens
// without a warning.
func TestOpenSettlesGPKGVersion(t *testing.T) {
	p, path := newProject(t)
	p.Close()
	execSQL(t, path, `PRAGMA user_version = 10400`)
	p, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != 10300 {
		t.Errorf("user_version %d after Open, want 10300", v)
	}
}
