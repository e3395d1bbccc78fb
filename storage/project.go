package storage

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Project is an open project file. Its methods are safe for concurrent use;
// every write is one transaction that is on disk when the method returns.
type Project struct {
	mu        sync.Mutex
	db        *sql.DB
	lock      *fileLock
	path      string
	uuid      string
	annotator string
	batch     int64 // history batch of the write in progress, 0 for none

	wal       bool                 // the file is in WAL mode (after the first write)
	noWAL     bool                 // WAL mode could not be used: keep the rollback journal
	pending   bool                 // the -wal file holds commits the .gpkg lacks
	lastWrite time.Time            // when the last commit was made
	idle      *time.Timer          // runs the idle check-point
	stmts     map[string]*sql.Stmt // prepared editQueries, from the first write
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

// sqliteHeader starts every SQLite 3 database file.
const sqliteHeader = "SQLite format 3\x00"

// Create makes a new, empty project at path. It refuses to overwrite an
// existing file and explains why a path cannot be written.
func Create(path string) (*Project, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("cannot create the project %s: %w", path, err)
	}
	if _, err := os.Lstat(abs); err == nil {
		return nil, fmt.Errorf("cannot create the project %s: a file of that name already exists (%w)", path, fs.ErrExist)
	}
	dir := filepath.Dir(abs)
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("cannot create the project %s: the folder %s does not exist", path, dir)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("cannot create the project %s: %s is a file, not a folder", path, dir)
	}
	lock, err := lockFile(abs + ".lock")
	if err != nil {
		return nil, createError(path, dir, err)
	}
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		lock.unlock()
		return nil, createError(path, dir, err)
	}
	f.Close()
	syncDir(dir)
	p, err := initProject(abs, lock)
	if err != nil {
		lock.unlock()
		os.Remove(abs)
		os.Remove(abs + "-journal")
		return nil, fmt.Errorf("cannot create the project %s: %w", path, err)
	}
	return p, nil
}

// createError explains why a new project file cannot be made.
func createError(path, dir string, err error) error {
	switch {
	case errors.Is(err, ErrInUse):
		return fmt.Errorf("cannot create the project %s: %w", path, err)
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("cannot create the project %s: a file of that name already exists (%w)", path, err)
	}
	return fmt.Errorf("cannot create the project %s: the folder %s is not writable (%w)", path, dir, err)
}

// createPageSize is the page size of new project files: SQLite's default.
// Larger pages were measured side by side (BenchmarkPageSizes): 64 KiB
// pages save up to a sixth of a 100k-event bulk import and of a full read,
// but every edit then writes 64 KiB pages to the log and its p99 goes from
// about 2 ms to 6 ms, past the 5 ms budget; 16 KiB gains nothing clear.
var createPageSize = 4096

// initProject runs every migration on the empty file at abs.
func initProject(abs string, lock *fileLock) (*Project, error) {
	db, err := openDB(abs)
	if err != nil {
		return nil, err
	}
	p := &Project{db: db, lock: lock, path: abs}
	// The page size is fixed by the first write.
	_, err = db.Exec(fmt.Sprintf(`PRAGMA page_size = %d`, createPageSize))
	if err == nil {
		err = p.setJournal()
	}
	if err == nil {
		err = migrate(db, migrations)
	}
	if err == nil {
		err = p.loadUUID()
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return p, nil
}

// Open opens an existing project for editing and migrates an older schema
// to the current one. It fails with ErrNotProject for a file that is not an
// Event Atlas project, ErrNewerSchema for one saved by a newer version,
// ErrUnsafe (or ErrCorrupt) for one whose tables are not as Event Atlas
// made them (a view or virtual table in place of one, a missing or
// computed column) or that has triggers on them Event Atlas did not create,
// which the next edit would run, and ErrInUse while another window or
// program has it open; in each case the file is left as it was. Files from
// others are safer read with ReadUntrusted or Merge.
func Open(path string) (*Project, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("cannot open %s: there is no such file", path)
	case err != nil:
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	case fi.IsDir():
		return nil, fmt.Errorf("cannot open %s: it is a folder, not a project file", path)
	}
	lock, err := lockFile(abs + ".lock")
	if errors.Is(err, ErrInUse) {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open %s for editing: cannot create its lock file: %w", path, err)
	}
	p, err := openLocked(path, abs, lock)
	if err != nil {
		lock.unlock()
		return nil, err
	}
	return p, nil
}

// openLocked checks that abs is one of our projects of a version this build
// knows before anything writes to it, then prepares and migrates it.
func openLocked(path, abs string, lock *fileLock) (*Project, error) {
	if reason := sniff(abs); reason != "" {
		return nil, notProject(path, reason)
	}
	if err := truncation(abs); err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	if namesSuperJournal(abs + "-journal") {
		return nil, fmt.Errorf("cannot open %s: %w: its journal %s names another file as a super-journal, which rolling it back would open and may delete",
			path, ErrUnsafe, filepath.Base(abs)+"-journal")
	}
	db, err := openDB(abs)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	p := &Project{db: db, lock: lock, path: abs}
	if err := p.checkAndMigrate(path); err != nil {
		db.Close()
		return nil, err
	}
	return p, nil
}

// checkAndMigrate reads the schema version and UUID, writing nothing, and
// only then switches the journal mode and migrates.
func (p *Project) checkAndMigrate(path string) error {
	v, err := schemaVersion(p.db)
	if err != nil {
		return notProject(path, "it is damaged or not a database: "+err.Error())
	}
	if v == 0 {
		return notProject(path, "it is a GeoPackage made by another program")
	}
	if v > currentSchema() {
		return fmt.Errorf("cannot open %s: %w", path, newerSchemaError(v, currentSchema()))
	}
	if err := p.loadUUID(); err != nil {
		return notProject(path, err.Error())
	}
	if err := guardOpen(p.db, v); err != nil {
		return fmt.Errorf("cannot open %s: %w", path, err)
	}
	if err := p.setJournal(); err != nil {
		return fmt.Errorf("cannot open %s: %w", path, err)
	}
	if err := migrate(p.db, migrations); err != nil {
		return fmt.Errorf("cannot open %s: %w", path, err)
	}
	if err := settleGPKGVersion(p.db); err != nil {
		return fmt.Errorf("cannot open %s: %w", path, err)
	}
	return nil
}

// settleGPKGVersion marks a project written as GeoPackage 1.4 by earlier
// versions of Event Atlas as 1.3 (gpkgUserVersion), which it equally is:
// GDAL before 3.8 (Debian 12's) warns on every open of a 1.4 file.
func settleGPKGVersion(db *sql.DB) error {
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return err
	}
	if v == 10400 {
		_, err := db.Exec(`PRAGMA user_version = ` + fmt.Sprint(gpkgUserVersion))
		return err
	}
	return nil
}

// notProject wraps ErrNotProject with the file and the reason.
func notProject(path, reason string) error {
	return fmt.Errorf("cannot open %s: %w (%s)", path, ErrNotProject, reason)
}

// sniff reads the file header and returns why it cannot be a project, or ""
// when it is a GeoPackage.
func sniff(abs string) string {
	f, err := os.Open(abs)
	if err != nil {
		return err.Error()
	}
	defer f.Close()
	hdr := make([]byte, 100)
	n, err := io.ReadFull(f, hdr)
	switch {
	case n == 0:
		return "the file is empty"
	case err != nil || string(hdr[:len(sqliteHeader)]) != sqliteHeader:
		return "it is not a SQLite database"
	case binary.BigEndian.Uint32(hdr[68:]) != gpkgApplicationID:
		return "it is a SQLite database but not a GeoPackage"
	}
	return ""
}

// openDB opens abs read-write without creating it, on one connection so
// per-connection settings hold, with synchronous=FULL, foreign keys,
// a 5 s busy timeout, BEGIN IMMEDIATE transactions, temporary files
// (statement journals, sorts) in memory and the hardening
// settings (trusted_schema=OFF, cell_size_check=ON, no memory map). None
// of these settings writes to the file.
func openDB(abs string) (*sql.DB, error) {
	dsn := fileURI(abs) + "?mode=rw&_busy_timeout=5000&_foreign_keys=1&_synchronous=FULL&_txlock=immediate&_pragma=temp_store(2)&" + hardening
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// setJournal selects the rollback journal (journal_mode=DELETE): a commit
// writes every change into the main file before it returns, so a copy of the
// .gpkg alone, taken while the program is idle, holds every saved change.
func (p *Project) setJournal() error {
	var mode string
	if err := p.db.QueryRow(`PRAGMA journal_mode = DELETE`).Scan(&mode); err != nil {
		return fmt.Errorf("set the journal mode: %w", err)
	}
	if !strings.EqualFold(mode, "delete") {
		return fmt.Errorf("the project stays in journal mode %q: close other programs that have it open", mode)
	}
	return nil
}

// loadUUID reads the project's UUID from meta.
func (p *Project) loadUUID() error {
	err := p.db.QueryRow(`SELECT value FROM meta WHERE key = 'project_uuid'`).Scan(&p.uuid)
	if err != nil || p.uuid == "" {
		return errors.New("it has no Event Atlas project id")
	}
	return nil
}

// syncDir flushes a folder's entries so a new file survives a power cut.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Close copies the write-ahead log into the file (see Flush), leaves it a
// plain single file in rollback-journal mode, closes the database and
// releases the lock. Closing twice is a no-op.
func (p *Project) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.db == nil {
		return nil
	}
	p.closeStmts()
	err := p.leaveWAL()
	if cerr := p.db.Close(); err == nil {
		err = cerr
	}
	p.db = nil
	if lerr := p.lock.unlock(); err == nil {
		err = lerr
	}
	return err
}

// Path is the project file's absolute path.
func (p *Project) Path() string { return p.path }

// UUID is the project's identity, kept when the file is copied or renamed.
func (p *Project) UUID() string { return p.uuid }

// SetAnnotator names who makes the following edits; it is recorded in the
// history and given to events saved without an annotator.
func (p *Project) SetAnnotator(name string) {
	p.mu.Lock()
	p.annotator = name
	p.mu.Unlock()
}

// begin locks p for one operation and fails on a closed project. The caller
// must call p.mu.Unlock.
func (p *Project) begin() error {
	p.mu.Lock()
	if p.db == nil {
		p.mu.Unlock()
		return ErrClosed
	}
	return nil
}

// write runs fn in one immediate transaction and commits it. The caller
// holds p.mu.
func (p *Project) write(fn func(tx *sql.Tx) error) error {
	if err := p.useWAL(); err != nil {
		return err
	}
	return p.commit(fn)
}

// commit runs fn in one immediate transaction and commits it, in the
// current journal mode. The caller holds p.mu.
func (p *Project) commit(fn func(tx *sql.Tx) error) error {
	p.prepareEdits()
	tx, err := p.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	p.committed()
	return nil
}
