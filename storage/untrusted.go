package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"eventatlas/annotate"
	"eventatlas/storage/ingest"
	"modernc.org/sqlite"
)

// Limits on what ReadUntrusted reads from another project's file. A value
// over its limit skips its row; a larger file is refused. The text fields
// of events, spans and articles have the smaller limits of
// opencheck_limits.go (MaxTitleChars and the like).
const (
	MaxFileBytes     = 2 << 30             // the largest file ReadUntrusted copies
	MaxArticleBytes  = ingest.MaxTextBytes // an article's text: what ingest reads
	MaxGeometryBytes = 16 << 20            // a geometry blob
	MaxFieldBytes    = 1 << 20             // any other value of actors, places and taxonomy
)

// Snapshot is the sound content of another project's file, as
// ReadUntrusted returns it: every row that passed its checks.
type Snapshot struct {
	ProjectUUID   string
	SchemaVersion int
	Articles      []annotate.Article
	Events        []annotate.Event // each with its sound evidence spans
	Actors        []annotate.Actor
	Places        []annotate.Place
	// Taxonomy is the project's own event types, nil when it uses the
	// default ones (or predates schema 4).
	Taxonomy annotate.Taxonomy
	// UnresolvedConflicts counts the file's merge conflicts not yet
	// resolved (0 when it has none or they cannot be read).
	UnresolvedConflicts int

	evidenceLost    map[string]bool // events some of whose spans were skipped
	evidenceLostAll bool            // a skipped span's event could not be told
}

// ReadUntrusted reads a project file that may be damaged or hostile, such
// as one a teammate sent, without ever running SQL it holds and without
// changing it. It copies the file (and a journal or WAL beside it) to a
// private folder, opens the copy read-only with trusted_schema=OFF,
// cell_size_check=ON, no memory map and an authorizer that allows only
// reads of tables; runs quick_check; checks the application_id, the Event
// Atlas meta table and schema version and every table and column it reads;
// and reads only those columns, skipping rows with a value over the size
// limits, text that is not UTF-8, a geometry that does not parse or lies
// outside longitude −180…180 and latitude −90…90, a duplicate id, or a span
// outside its article. Triggers and views are never run; they are reported.
//
// A file that cannot be read at all returns an error naming the problem
// (wrapping ErrNotProject, ErrCorrupt, ErrUnsafe or ErrNewerSchema) and the
// report so far. Otherwise the snapshot holds every sound row and the report
// lists what was skipped.
func ReadUntrusted(path string) (*Snapshot, *Report, error) {
	r := &Report{Path: path}
	s, err := readUntrusted(path, r)
	if err != nil {
		err = fmt.Errorf("cannot read %s: %w", path, err)
		r.Fatal = err.Error()
		return nil, r, err
	}
	return s, r, nil
}

// Inspect runs ReadUntrusted's checks on a file and returns its report,
// for `eventatlas check`: the file is sound when Report.Sound is true, and
// the report's String says what was found either way.
func Inspect(path string) (*Report, error) {
	_, r, err := ReadUntrusted(path)
	return r, err
}

// readUntrusted does ReadUntrusted's work.
func readUntrusted(path string, r *Report) (*Snapshot, error) {
	c, err := privateCopy(path, r)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(c.dir)
	if c.recover {
		if err := recoverCopy(c, r); err != nil {
			return nil, err
		}
	}
	u, err := openCopy(c.db)
	if err != nil {
		return nil, err
	}
	defer u.close()
	if err := u.quickCheck(); err != nil {
		return nil, err
	}
	if err := u.checkProject(r); err != nil {
		return nil, err
	}
	return u.read(r)
}

// fileCopy is a private copy of a file to read.
type fileCopy struct {
	dir     string // private folder, removed after reading
	db      string // the copy of the file
	name    string // the original's base name, for notes
	recover bool   // a journal or WAL must be applied before reading
	sides   []string
}

// privateCopy checks the file's header and copies it, with any journal or
// WAL beside it, into a new private folder.
func privateCopy(path string, r *Report) (*fileCopy, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("there is no such file")
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, errors.New("it is a folder, not a project file")
	case !fi.Mode().IsRegular():
		return nil, errors.New("it is not a regular file")
	case fi.Size() == 0:
		return nil, fmt.Errorf("%w: the file is empty", ErrNotProject)
	case fi.Size() > MaxFileBytes:
		return nil, fmt.Errorf("the file is %s, more than the %s Event Atlas reads", byteSize(fi.Size()), byteSize(MaxFileBytes))
	}
	dir, err := os.MkdirTemp("", "eventatlas-read-")
	if err != nil {
		return nil, fmt.Errorf("cannot make a private copy: %w", err)
	}
	c := &fileCopy{dir: dir, db: filepath.Join(dir, "project.gpkg"), name: filepath.Base(path)}
	fail := func(err error) (*fileCopy, error) {
		os.RemoveAll(dir)
		return nil, err
	}
	n, err := copyLimited(path, c.db, MaxFileBytes)
	if err != nil {
		return fail(fmt.Errorf("cannot make a private copy: %w", err))
	}
	hdr := make([]byte, 100)
	f, err := os.Open(c.db)
	if err != nil {
		return fail(err)
	}
	m, _ := io.ReadFull(f, hdr)
	f.Close()
	wal, err := checkHeader(hdr[:m], n)
	if err != nil {
		return fail(err)
	}
	c.recover = wal
	for _, suffix := range []string{"-journal", "-wal"} {
		side := path + suffix
		if fi, err := os.Stat(side); err != nil || fi.Size() == 0 || !fi.Mode().IsRegular() {
			continue
		}
		if suffix == "-journal" && namesSuperJournal(side) {
			r.problem("", "", "%s%s was not applied: it names another file as its super-journal, which rolling it back would open and may delete; the file is read as last written",
				c.name, suffix)
			continue
		}
		if _, err := copyLimited(side, c.db+suffix, MaxFileBytes); err != nil {
			return fail(fmt.Errorf("cannot copy %s: %w", filepath.Base(side), err))
		}
		c.recover = true
		c.sides = append(c.sides, suffix)
	}
	return c, nil
}

// journalMagic starts every rollback journal header; at the very end of a
// journal it marks a super-journal record, which names another file.
var journalMagic = []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}

// namesSuperJournal reports whether the rollback journal at path ends with
// a super-journal record. Rolling such a journal back makes SQLite open,
// and when it lists no live journal delete, the file it names (see
// pager_delsuper in SQLite's pager.c); Event Atlas never writes one, as it
// never commits to two databases at once.
func namesSuperJournal(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() < 16 {
		return false
	}
	tail := make([]byte, len(journalMagic))
	if _, err := f.ReadAt(tail, fi.Size()-int64(len(tail))); err != nil {
		return false
	}
	return bytes.Equal(tail, journalMagic)
}

// copyLimited copies src to a new file dst, up to limit bytes, and returns
// the size copied.
func copyLimited(src, dst string, limit int64) (int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, io.LimitReader(in, limit+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > limit {
		err = fmt.Errorf("the file grew past %s while being copied", byteSize(limit))
	}
	return n, err
}

// checkHeader checks the 100-byte SQLite header of a file of size bytes
// and reports whether it is in WAL mode.
func checkHeader(hdr []byte, size int64) (wal bool, err error) {
	if len(hdr) < len(sqliteHeader) || string(hdr[:len(sqliteHeader)]) != sqliteHeader {
		if strings.HasPrefix(sqliteHeader, string(hdr)) {
			return false, fmt.Errorf("%w: the file is truncated: %d bytes, shorter than the 100-byte SQLite header", ErrCorrupt, size)
		}
		return false, fmt.Errorf("%w: not a SQLite database: it starts with %q", ErrNotProject, hdr[:min(len(hdr), 16)])
	}
	if len(hdr) < 100 {
		return false, fmt.Errorf("%w: the file is truncated: %d bytes, shorter than the 100-byte SQLite header", ErrCorrupt, size)
	}
	pageSize := int64(binary.BigEndian.Uint16(hdr[16:]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return false, fmt.Errorf("%w: damaged header: page size %d", ErrCorrupt, pageSize)
	}
	if w, rd := hdr[18], hdr[19]; w < 1 || w > 2 || rd < 1 || rd > 2 {
		return false, fmt.Errorf("%w: damaged header: file format versions %d and %d", ErrCorrupt, w, rd)
	}
	if id := binary.BigEndian.Uint32(hdr[68:]); id != gpkgApplicationID {
		return false, fmt.Errorf("%w: not a GeoPackage: application_id is 0x%08X", ErrNotProject, id)
	}
	if size%pageSize != 0 {
		return false, fmt.Errorf("%w: the file is truncated: %d bytes is not a whole number of %d-byte pages", ErrCorrupt, size, pageSize)
	}
	pages := int64(binary.BigEndian.Uint32(hdr[28:]))
	valid := binary.BigEndian.Uint32(hdr[24:]) == binary.BigEndian.Uint32(hdr[92:])
	if valid && pages > 0 && pages*pageSize > size {
		return false, fmt.Errorf("%w: the file is truncated: its header counts %d pages of %d bytes (%d bytes) but the file has %d bytes",
			ErrCorrupt, pages, pageSize, pages*pageSize, size)
	}
	return hdr[18] == 2 || hdr[19] == 2, nil
}

// byteSize is n in KB or MB for messages.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// hardening are the DSN settings of every connection to a file Event Atlas
// did not necessarily write: schema code may call only innocuous functions,
// cell sizes are checked on every read, and no memory map is used.
const hardening = "_pragma=trusted_schema(0)&_pragma=cell_size_check(1)&_pragma=mmap_size(0)"

// fileURI is the SQLite URI of the file abs.
func fileURI(abs string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	return u.String()
}

// recoverCopy lets SQLite roll back a hot journal or check-point a WAL in
// the private copy, the one time the copy is opened for writing. This
// applies pages; it runs no SQL from the file.
func recoverCopy(c *fileCopy, r *Report) error {
	db, err := sql.Open("sqlite", fileURI(c.db)+"?mode=rw&"+hardening)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	before, walHeader := fileDigest(c.db), hasWALHeader(c.db+"-wal")
	var mode string
	if err := db.QueryRow(`PRAGMA journal_mode = DELETE`).Scan(&mode); err != nil {
		return fmt.Errorf("%w: cannot apply its journal: %v", ErrCorrupt, err)
	}
	unchanged := fileDigest(c.db) == before
	for _, suffix := range c.sides {
		switch _, err := os.Stat(c.db + suffix); {
		case errors.Is(err, fs.ErrNotExist) && suffix == "-wal" && unchanged && walHeader:
			r.Notes = append(r.Notes, fmt.Sprintf("%s%s: ignored, the write-ahead log holds no committed change", c.name, suffix))
		case errors.Is(err, fs.ErrNotExist) && suffix == "-wal" && unchanged:
			r.Notes = append(r.Notes, fmt.Sprintf("%s%s: the write-ahead log could not be read, so it was ignored; the file is read as last written (the file itself is unchanged)", c.name, suffix))
		case errors.Is(err, fs.ErrNotExist) && suffix == "-wal":
			r.Notes = append(r.Notes, fmt.Sprintf("%s%s: changes in the write-ahead log were applied to the private copy (the file itself is unchanged)", c.name, suffix))
		case errors.Is(err, fs.ErrNotExist):
			r.Notes = append(r.Notes, fmt.Sprintf("%s%s: the file was not closed cleanly; its unfinished change was rolled back in the private copy (the file itself is unchanged)", c.name, suffix))
		default:
			r.Notes = append(r.Notes, fmt.Sprintf("%s%s: ignored, it holds no unfinished change", c.name, suffix))
		}
	}
	return nil
}

// untrusted is a read-only connection to a private copy.
type untrusted struct {
	db   *sql.DB
	conn *sql.Conn
}

// bg is the context of untrusted queries.
var bg = context.Background()

// openCopy opens the private copy read-only and immutable, hardened, with
// the read-only authorizer.
func openCopy(path string) (*untrusted, error) {
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&immutable=1&_query_only=1&_defensive=1&"+hardening)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(bg)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	err = conn.Raw(func(dc any) error {
		a, ok := dc.(sqlite.AuthorizerRegisterer)
		if !ok {
			return errors.New("the SQLite driver cannot restrict queries")
		}
		return a.RegisterAuthorizer(readOnlyPolicy)
	})
	if err != nil {
		conn.Close()
		db.Close()
		return nil, err
	}
	return &untrusted{db: db, conn: conn}, nil
}

// close closes the connection.
func (u *untrusted) close() {
	u.conn.Close()
	u.db.Close()
}

// readOnlyPolicy lets an untrusted connection read tables, call built-in
// functions and run the pragmas the checks use, and nothing else: no
// writes, no attach, and nothing at all on behalf of a view or trigger.
func readOnlyPolicy(action sqlite.AuthorizerActionCode, arg1, arg2, _, triggerOrView string) sqlite.AuthorizerReturnCode {
	if triggerOrView != "" {
		return sqlite.AuthorizerDeny
	}
	switch action {
	case sqlite.AuthSelect, sqlite.AuthRead:
		return sqlite.AuthorizerOK
	case sqlite.AuthFunction:
		// Built-in functions compute values; the file's default and check
		// expressions use some. Only the ones that reach outside are denied.
		switch arg2 {
		case "load_extension", "fts3_tokenizer", "readfile", "writefile", "edit":
			return sqlite.AuthorizerDeny
		}
		return sqlite.AuthorizerOK
	case sqlite.AuthPragma:
		switch arg1 {
		case "quick_check", "table_xinfo", "journal_mode":
			return sqlite.AuthorizerOK
		}
	case sqlite.AuthInsert, sqlite.AuthUpdate, sqlite.AuthDelete:
		// The R*Tree module (GeoPackage spatial indexes) compiles statements
		// on its shadow tables when it connects. The connection is read-only,
		// so they can never run.
		if strings.HasSuffix(arg1, "_node") || strings.HasSuffix(arg1, "_rowid") || strings.HasSuffix(arg1, "_parent") {
			return sqlite.AuthorizerOK
		}
	}
	return sqlite.AuthorizerDeny
}

// quickCheck runs SQLite's quick_check.
func (u *untrusted) quickCheck() error {
	rows, err := u.conn.QueryContext(bg, `PRAGMA quick_check(5)`)
	if err != nil {
		return fmt.Errorf("%w: quick_check: %v", ErrCorrupt, err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return fmt.Errorf("%w: quick_check: %v", ErrCorrupt, err)
		}
		if s != "ok" {
			s = strings.TrimPrefix(s, "*** in database main ***\n")
			msgs = append(msgs, truncate(strings.ReplaceAll(s, "\n", "; "), 300))
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%w: quick_check: %v", ErrCorrupt, err)
	}
	if len(msgs) > 0 {
		return fmt.Errorf("%w: quick_check: %s", ErrCorrupt, strings.Join(msgs, "; "))
	}
	return nil
}

// truncate shortens s to n bytes for a message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// truncation checks the header of the project file abs, as ReadUntrusted
// does, and returns its ErrCorrupt error when the file is shorter than its
// header says or not a whole number of pages, so Open explains a cut-off
// file as check does. A journal or WAL beside the file may still complete
// it, so then it returns nil and leaves the file to SQLite.
func truncation(abs string) error {
	for _, suffix := range []string{"-journal", "-wal"} {
		if fi, err := os.Stat(abs + suffix); err == nil && fi.Size() > 0 {
			return nil
		}
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil
	}
	hdr := make([]byte, 100)
	n, _ := io.ReadFull(f, hdr)
	if _, err := checkHeader(hdr[:n], fi.Size()); errors.Is(err, ErrCorrupt) {
		return err
	}
	return nil
}
