package storage

import (
	"testing"
)

// BenchmarkJournalModes saves single edits in a project of 100,000 events
// under each journal mode considered for the edit path, in one run, and
// reports their latency percentiles: the rollback journal as it was
// (DELETE, synchronous=FULL: three fsyncs, an unlink and a folder sync per
// commit), PERSIST with synchronous=NORMAL, and WAL with synchronous=FULL
// (one fsync per commit; what the project uses), also with exclusive
// locking (no -shm file, but no other program may read the project while
// it is open).
func BenchmarkJournalModes(b *testing.B) {
	path := benchProject(b)
	modes := []struct {
		name    string
		pragmas []string
	}{
		{"delete-full", []string{"PRAGMA journal_mode = DELETE", "PRAGMA synchronous = FULL"}},
		{"persist-normal", []string{"PRAGMA journal_mode = PERSIST", "PRAGMA synchronous = NORMAL"}},
		{"wal-full", []string{"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"}},
		{"wal-full-exclusive", []string{"PRAGMA locking_mode = EXCLUSIVE", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"}},
	}
	for _, m := range modes {
		b.Run(m.name, func(b *testing.B) {
			p, err := Open(path)
			if err != nil {
				b.Fatal(err)
			}
			defer p.Close()
			for _, q := range m.pragmas {
				if _, err := p.db.Exec(q); err != nil {
					b.Fatal(err)
				}
			}
			p.wal = true // keep the mode set here; Close leaves WAL mode
			defer p.db.Exec("PRAGMA locking_mode = NORMAL")
			timeEdits(b, p)
		})
	}
}
