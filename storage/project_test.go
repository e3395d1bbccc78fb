package storage

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fileSum hashes a file's bytes.
func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// listDir names the entries of dir.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestCreateMakesGeoPackage(t *testing.T) {
	p, path := newProject(t)
	if !filepath.IsAbs(p.Path()) || p.Path() != path {
		t.Errorf("Path = %q, want %q", p.Path(), path)
	}
	if len(p.UUID()) != 36 {
		t.Errorf("UUID = %q", p.UUID())
	}
	checks := []struct {
		query string
		want  string
	}{
		{"PRAGMA application_id", "1196444487"},
		{"PRAGMA user_version", "10300"},
		{"PRAGMA journal_mode", "delete"},
		{"PRAGMA synchronous", "2"},
		{"PRAGMA foreign_keys", "1"},
		{"PRAGMA busy_timeout", "5000"},
		{"SELECT group_concat(srs_id) FROM (SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id)", "-1,0,4326"},
		{"SELECT data_type || ' ' || srs_id FROM gpkg_contents WHERE table_name = 'events'", "features 4326"},
		{"SELECT group_concat(table_name) FROM (SELECT table_name FROM gpkg_contents WHERE data_type = 'attributes' ORDER BY table_name)",
			"actors,articles,conflicts,history,meta,places,spans,taxonomy"},
		{"SELECT column_name || ' ' || geometry_type_name || ' ' || srs_id || ' ' || z || ' ' || m FROM gpkg_geometry_columns", "geom GEOMETRY 4326 0 0"},
		{"SELECT value FROM meta WHERE key = 'schema_version'", fmt.Sprint(currentSchema())},
		{"SELECT value FROM meta WHERE key = 'project_uuid'", p.UUID()},
	}
	for _, c := range checks {
		var got string
		if err := p.db.QueryRow(c.query).Scan(&got); err != nil {
			t.Errorf("%s: %v", c.query, err)
		} else if got != c.want {
			t.Errorf("%s = %q, want %q", c.query, got, c.want)
		}
	}
	if !fileExists(path + ".lock") {
		t.Error("no lock file while open")
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if got := listDir(t, filepath.Dir(path)); len(got) != 1 || got[0] != filepath.Base(path) {
		t.Errorf("after Close the folder holds %v, want only the project", got)
	}
	if _, err := p.Events(); !errors.Is(err, ErrClosed) {
		t.Errorf("Events after Close = %v, want ErrClosed", err)
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func TestCreateRefuses(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "existing.gpkg")
	if err := os.WriteFile(existing, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	notDir := filepath.Join(dir, "plain-file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
		is               error
	}{
		{"existing file", existing, "already exists", fs.ErrExist},
		{"missing folder", filepath.Join(dir, "no", "such", "x.gpkg"), "does not exist", nil},
		{"under a file", filepath.Join(notDir, "x.gpkg"), "is a file, not a folder", nil},
		{"unwritable", "/proc/event-atlas-test.gpkg", "the folder /proc is not writable", nil},
		{"read-only", "/sys/event-atlas-test.gpkg", "the folder /sys is not writable", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Create(tt.path)
			if err == nil {
				p.Close()
				t.Fatalf("Create(%s) succeeded", tt.path)
			}
			t.Log(err)
			if !strings.Contains(err.Error(), tt.want) || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Errorf("Create error = %q, want it to say %q", err, tt.want)
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Errorf("Create changed the existing file to %q", b)
	}
	if got := listDir(t, dir); len(got) != 2 {
		t.Errorf("failed creates left files behind: %v", got)
	}
}

func TestOpenRejectsNonProjects(t *testing.T) {
	dir := t.TempDir()
	random := make([]byte, 8192)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(r.Uint32())
	}
	files := map[string][]byte{
		"random.gpkg": random,
		"empty.gpkg":  nil,
		"text.gpkg":   []byte("name,lat,lon\nKunduz,36.7,68.8\n"),
		"short.gpkg":  []byte("SQLite format 3\x00"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A plain SQLite database with other tables.
	plainSQLite(t, filepath.Join(dir, "plain.sqlite"), "")
	// A GeoPackage made by another program.
	plainSQLite(t, filepath.Join(dir, "other.gpkg"), "PRAGMA application_id = 1196444487; CREATE TABLE gpkg_contents (table_name TEXT)")
	tests := []struct{ file, reason string }{
		{"random.gpkg", "not a SQLite database"},
		{"empty.gpkg", "the file is empty"},
		{"text.gpkg", "not a SQLite database"},
		{"short.gpkg", "not a SQLite database"},
		{"plain.sqlite", "a SQLite database but not a GeoPackage"},
		{"other.gpkg", "a GeoPackage made by another program"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			before := fileSum(t, path)
			p, err := Open(path)
			if err == nil {
				p.Close()
				t.Fatal("Open succeeded")
			}
			t.Log(err)
			if !errors.Is(err, ErrNotProject) || !strings.Contains(err.Error(), tt.reason) || !strings.Contains(err.Error(), tt.file) {
				t.Errorf("Open error = %q, want ErrNotProject naming the file and %q", err, tt.reason)
			}
			if fileSum(t, path) != before {
				t.Error("Open changed the file")
			}
		})
	}
	if got := listDir(t, dir); len(got) != len(files)+2 {
		t.Errorf("Open left files behind: %v", got)
	}
	for _, path := range []string{filepath.Join(dir, "missing.gpkg"), dir} {
		if _, err := Open(path); err == nil || errors.Is(err, ErrNotProject) {
			t.Errorf("Open(%s) = %v, want a plain error", path, err)
		}
	}
	if fileExists(filepath.Join(dir, "missing.gpkg")) {
		t.Error("Open created a missing file")
	}
}

// plainSQLite makes a SQLite database with a table and the extra SQL.
func plainSQLite(t *testing.T, path, extra string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range append([]string{"CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"}, strings.Split(extra, ";")...) {
		if strings.TrimSpace(q) == "" {
			continue
		}
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenInUse(t *testing.T) {
	p, path := newProject(t)
	q, err := Open(path)
	if err == nil {
		q.Close()
		t.Fatal("second Open succeeded")
	}
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "open in another Event Atlas window or program") {
		t.Errorf("second Open = %q, want ErrInUse", err)
	}
	// The refused Open must not have released the first one's lock.
	if _, err := Open(path); !errors.Is(err, ErrInUse) {
		t.Errorf("third Open = %v, want ErrInUse", err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	q, err = Open(path)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	if q.UUID() != p.UUID() {
		t.Errorf("UUID changed: %s → %s", p.UUID(), q.UUID())
	}
	q.Close()
}

// TestStaleLockFile opens a project whose lock file a crashed program left.
func TestStaleLockFile(t *testing.T) {
	p, path := newProject(t)
	p.Close()
	if err := os.WriteFile(path+".lock", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	q, err := Open(path)
	if err != nil {
		t.Fatalf("Open with a stale lock file: %v", err)
	}
	q.Close()
}
