package storage

import (
	"bufio"
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
// WAL) after each change while the project stays open and checks the copy.
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
		for _, suffix := range []string{"-wal", "-journal", "-shm"} {
			if fileExists(path + suffix) {
				t.Errorf("%s: %s exists while idle", s.name, filepath.Base(path+suffix))
			}
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
