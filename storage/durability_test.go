package storage

import (
	"bufio"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

var killIterations = flag.Int("kill-iterations", 0, "SIGKILL durability rounds (default 200, 20 with -short)")

// copyFile copies only src, as a backup program copying the project would.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCopyWhileIdleHoldsEveryChange copies the .gpkg alone (no journal or
// WAL) after each change, once the project has been idle for IdleDelay,
// while it stays open, and checks the copy.
func TestCopyWhileIdleHoldsEveryChange(t *testing.T) {
	p, path := newProject(t)
	events := testEvents(t, addTestArticle(t, p))
	backup := t.TempDir()
	steps := []struct {
		name string
		do   func() error
		want int // events in the copy
	}{
		{"save", func() error { return p.SaveEvent(events[0]) }, 1},
		{"save two", func() error { p.SaveEvent(events[1]); return p.SaveEvent(events[2]) }, 3},
		{"update", func() error { events[0].Title = "Renamed"; return p.SaveEvent(events[0]) }, 3},
		{"delete", func() error { return p.DeleteEvent(events[1].ID) }, 2},
		{"undo", func() error { _, err := p.Undo(); return err }, 3},
	}
	for i, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if walSize(path) == 0 {
			t.Errorf("%s: the change is not in the write-ahead log", s.name)
		}
		// The idle check-point empties the log IdleDelay after the change.
		start := time.Now()
		for walSize(path) > 0 && time.Since(start) < 5*time.Second {
			time.Sleep(10 * time.Millisecond)
		}
		if d := time.Since(start); d < IdleDelay/2 || d > IdleDelay+2*time.Second {
			t.Errorf("%s: the log was emptied %v after the change; want about %v", s.name, d, IdleDelay)
		}
		if fileExists(path + "-journal") {
			t.Errorf("%s: %s exists while idle", s.name, filepath.Base(path+"-journal"))
		}
		dst := filepath.Join(backup, fmt.Sprintf("copy%d.gpkg", i))
		copyFile(t, path, dst)
		c, err := Open(dst)
		if err != nil {
			t.Fatalf("%s: open the copy: %v", s.name, err)
		}
		got, err := c.Events()
		c.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != s.want {
			t.Errorf("%s: the copy holds %d events, want %d", s.name, len(got), s.want)
		}
		if s.name == "update" && got[0].Title != "Renamed" {
			t.Errorf("update: the copy holds title %q", got[0].Title)
		}
	}
}

// walSize is the size of path's -wal file, 0 when there is none.
func walSize(path string) int64 {
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		return 0
	}
	return fi.Size()
}

// TestFlushAndClose checks that Flush empties the write-ahead log at once
// and that Close leaves one plain file in rollback-journal mode.
func TestFlushAndClose(t *testing.T) {
	p, path := newProject(t)
	events := testEvents(t, addTestArticle(t, p))
	if err := p.SaveEvent(events[0]); err != nil {
		t.Fatal(err)
	}
	if walSize(path) == 0 {
		t.Fatal("the save is not in the write-ahead log")
	}
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	if n := walSize(path); n != 0 {
		t.Errorf("after Flush the log has %d bytes", n)
	}
	cp := filepath.Join(t.TempDir(), "copy.gpkg")
	copyFile(t, path, cp)
	if c, err := Open(cp); err != nil {
		t.Errorf("open the copy: %v", err)
	} else {
		if got, err := c.Events(); err != nil || len(got) != 1 || got[0].ID != events[0].ID {
			t.Errorf("the copy after Flush holds %d events, %v; want the one saved", len(got), err)
		}
		c.Close()
	}
	if err := p.SaveEvent(events[1]); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal", ".lock"} {
		if fileExists(path + suffix) {
			t.Errorf("%s exists after Close", filepath.Base(path+suffix))
		}
	}
	hdr, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if wal, err := checkHeader(hdr[:100], int64(len(hdr))); err != nil || wal {
		t.Errorf("closed file: WAL mode %v, %v; want rollback-journal mode", wal, err)
	}
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got, err := c.Events(); err != nil || len(got) != 2 {
		t.Errorf("reopened: %d events, %v; want 2", len(got), err)
	}
	if err := c.Flush(); err != nil {
		t.Errorf("Flush with nothing written: %v", err)
	}
	c.Close()
	if err := c.Flush(); !errors.Is(err, ErrClosed) {
		t.Errorf("Flush after Close = %v, want ErrClosed", err)
	}
}

// TestHelperWriter is not a test: TestSIGKILL runs the test binary with it
// as a child that saves events until it is killed, printing "saved ID" after
// each save returns.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv("EVENTATLAS_WRITER_PROJECT")
	if path == "" {
		t.Skip("helper process for TestSIGKILL")
	}
	p, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	fmt.Println("ready")
	arts, err := p.Articles()
	if err != nil || len(arts) == 0 {
		fmt.Println("error no article", err)
		os.Exit(2)
	}
	r := rand.New(rand.NewPCG(uint64(os.Getpid()), uint64(time.Now().UnixNano())))
	var last *annotate.Event
	for i := 0; i < 10000; i++ {
		e := &annotate.Event{Type: "Other", Title: fmt.Sprintf("event %d", i), Fatalities: -1,
			Geometry: orb.Point{68 + r.Float64(), 37 + r.Float64()},
			Notes:    strings.Repeat("n", r.IntN(4000)), // some saves span several pages
			Spans:    []annotate.Span{{ArticleID: arts[0].ID, Start: 0, End: 5, Quote: "Душан"}}}
		if last != nil && r.IntN(3) == 0 {
			last.Title += " (edited)"
			e = last
		}
		if err := p.SaveEvent(e); err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Println("saved", e.ID)
		last = e
	}
	os.Exit(0)
}

// TestSIGKILL kills a writing process at random moments and checks after
// each kill that the file is intact and holds every event the writer
// reported saved.
func TestSIGKILL(t *testing.T) {
	rounds := *killIterations
	if rounds == 0 {
		rounds = 200
		if testing.Short() {
			rounds = 20
		}
	}
	p, path := newProject(t)
	addTestArticle(t, p)
	p.Close()
	saved := map[string]bool{}
	r := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
	killedWriting := 0
	for round := range rounds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
		cmd.Env = append(os.Environ(), "EVENTATLAS_WRITER_PROJECT="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			defer close(lines)
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			io.Copy(io.Discard, out)
		}()
		// Kill while starting one round in ten, otherwise while writing.
		var kill <-chan time.Time
		if r.IntN(10) == 0 {
			kill = time.After(time.Duration(r.IntN(15)) * time.Millisecond)
		}
		n := 0
	read:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					break read
				}
				switch {
				case line == "ready":
					if kill == nil {
						kill = time.After(time.Duration(r.IntN(40_000)) * time.Microsecond)
					}
				case strings.HasPrefix(line, "saved "):
					saved[strings.TrimPrefix(line, "saved ")] = true
					n++
				case strings.HasPrefix(line, "error"):
					cmd.Process.Kill()
					t.Fatalf("round %d: writer: %s", round, line)
				}
			case <-kill:
				cmd.Process.Signal(syscall.SIGKILL)
				kill = nil
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("round %d: the writer hangs", round)
			}
		}
		cmd.Wait()
		if n > 0 {
			killedWriting++
		}
		checkAfterKill(t, round, path, saved)
	}
	t.Logf("%d rounds, %d killed while writing, %d events saved and found", rounds, killedWriting, len(saved))
	if killedWriting < rounds/4 {
		t.Errorf("only %d of %d rounds killed the writer while it was saving", killedWriting, rounds)
	}
}

// checkAfterKill opens the project after a kill and checks integrity and
// that every reported event is there.
func checkAfterKill(t *testing.T, round int, path string, saved map[string]bool) {
	t.Helper()
	p, err := Open(path)
	if err != nil {
		t.Fatalf("round %d: open after kill: %v", round, err)
	}
	defer p.Close()
	var ok string
	if err := p.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("round %d: integrity_check = %q, %v", round, ok, err)
	}
	var fk int
	if err := p.db.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil || fk != 0 {
		t.Fatalf("round %d: %d foreign key violations, %v", round, fk, err)
	}
	rows, err := p.db.Query(`SELECT id FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		found[id] = true
	}
	rows.Close()
	for id := range saved {
		if !found[id] {
			t.Fatalf("round %d: event %s was reported saved but is not in the file", round, id)
		}
	}
}

// TestOpenInUseOtherProcess opens a project here and tries again from a
// child process, which must be refused with ErrInUse's message.
func TestOpenInUseOtherProcess(t *testing.T) {
	p, path := newProject(t)
	addTestArticle(t, p)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
	cmd.Env = append(os.Environ(), "EVENTATLAS_WRITER_PROJECT="+path)
	out, err := cmd.Output()
	if err == nil || !strings.Contains(string(out), ErrInUse.Error()) {
		t.Errorf("second process: %v, output %q; want it refused with %q", err, out, ErrInUse)
	}
	if events, _ := p.Events(); len(events) != 0 {
		t.Errorf("the refused process wrote %d events", len(events))
	}
}

// TestJournalModes checks the journal mode through a project's life:
// rollback journal when opened, WAL from the first edit, rollback journal
// for a bulk import (with the log copied in first), WAL again for the next
// edit and rollback journal after Close.
func TestJournalModes(t *testing.T) {
	p, path := newProject(t)
	events := testEvents(t, addTestArticle(t, p))
	mode := func(step, want string) {
		t.Helper()
		var got string
		if err := p.db.QueryRow(`PRAGMA journal_mode`).Scan(&got); err != nil || got != want {
			t.Errorf("%s: journal_mode = %q, %v; want %q", step, got, err, want)
		}
	}
	mode("after the first write", "wal") // AddArticle
	if err := p.SaveEvent(events[0]); err != nil {
		t.Fatal(err)
	}
	var bulk []annotate.Event
	for i := range bulkImport {
		bulk = append(bulk, annotate.Event{Type: "Other", Title: fmt.Sprintf("bulk %d", i), Geometry: orb.Point{68, 37}})
	}
	if _, err := p.ImportEvents(bulk); err != nil {
		t.Fatal(err)
	}
	mode("after a bulk import", "delete")
	if fileExists(path + "-wal") {
		t.Error("the -wal file is left after a bulk import")
	}
	if err := p.SaveEvent(events[1]); err != nil {
		t.Fatal(err)
	}
	mode("after the next edit", "wal")
	var idx int
	if err := p.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'events_date' AND sql = ?`,
		createDateIndex).Scan(&idx); err != nil || idx != 1 {
		t.Errorf("events_date index after a bulk import: %d, %v", idx, err)
	}
	// The fill-id trigger, dropped for the bulk import, is back and works.
	if err := p.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'events_fill_id' AND sql = ?`,
		createFillIDTrigger).Scan(&idx); err != nil || idx != 1 {
		t.Errorf("events_fill_id trigger after a bulk import: %d, %v", idx, err)
	}
	var filled string
	if _, err := p.db.Exec(`INSERT INTO events (title) VALUES ('added in QGIS')`); err != nil {
		t.Fatal(err)
	}
	if err := p.db.QueryRow(`SELECT coalesce(id, '') FROM events WHERE title = 'added in QGIS'`).Scan(&filled); err != nil || len(filled) != 36 {
		t.Errorf("an event added without an id after a bulk import got id %q, %v; want a UUID", filled, err)
	}
	if _, err := p.db.Exec(`DELETE FROM events WHERE title = 'added in QGIS'`); err != nil {
		t.Fatal(err)
	}
	p.Close()
	q, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if got, err := q.Events(); err != nil || len(got) != bulkImport+2 {
		t.Errorf("reopened: %d events, %v; want %d", len(got), err, bulkImport+2)
	}
	p = q
	mode("after Close and Open", "delete")
}

// TestNoWALFallback checks that a project whose switch to WAL mode fails
// (here: another program is reading it) keeps the rollback journal and
// still saves.
func TestNoWALFallback(t *testing.T) {
	p, path := newProject(t)
	p.Close()
	reader, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	rows, err := reader.Query(`SELECT key FROM meta`)
	if err != nil {
		t.Fatal(err)
	}
	p, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, err := p.db.Exec(`PRAGMA busy_timeout = 50`); err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	err = p.useWAL()
	p.mu.Unlock()
	if err != nil || p.wal || !p.noWAL {
		t.Fatalf("useWAL with a reader = %v (wal %v, noWAL %v); want the rollback journal kept", err, p.wal, p.noWAL)
	}
	rows.Close()
	a := addTestArticle(t, p)
	if err := p.SaveEvent(testEvents(t, a)[0]); err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := p.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "delete" {
		t.Errorf("journal_mode = %q, %v; want delete", mode, err)
	}
	if fileExists(path + "-wal") {
		t.Error("a -wal file exists")
	}
}
