package storage

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// IdleDelay is how long a project must go without a write before every
// change saved in its write-ahead log is copied into the project file
// itself, leaving the log empty.
const IdleDelay = 250 * time.Millisecond

// walAutoCheckpoint is the write-ahead log size, in pages, past which a
// commit copies the log into the file at once instead of waiting for the
// idle check-point: only an edit stream with no pause at all, or a single
// transaction larger than 64 MB, reaches it.
const walAutoCheckpoint = 16384

// Durability design. While a project is being edited it is in WAL mode with
// synchronous=FULL: a commit appends its pages to the -wal file and makes
// one fsync, so every write is on disk when its method returns. Once the
// project has been idle for IdleDelay (a timer that each commit resets),
// and on Flush and Close, a TRUNCATE check-point copies the log into the
// .gpkg, syncs it and empties the log, so a copy of the .gpkg alone taken
// while the program is idle holds every change. Close also switches the file
// back to the rollback journal, so a closed project is one plain file that
// GIS programs open as it is. A project is switched to WAL mode by its
// first write, not by Open, so opening and reading write nothing.

// useWAL switches p to WAL mode before its first write. Where WAL mode
// cannot or must not be used (a file system without shared memory, or a
// network file system, which teams share) the project stays in
// rollback-journal mode, where every commit is as durable, until
// it is closed. The caller holds p.mu.
func (p *Project) useWAL() error {
	if p.wal || p.noWAL {
		return nil
	}
	if fs := fileSystemOf(p.path); fs != "" {
		p.noWAL = true // shared memory does not reach other machines
		return p.setJournal()
	}
	var mode string
	if err := p.db.QueryRow(`PRAGMA journal_mode = WAL`).Scan(&mode); err != nil || !strings.EqualFold(mode, "wal") {
		p.noWAL = true
		return p.setJournal()
	}
	if _, err := p.db.Exec(fmt.Sprintf(`PRAGMA wal_autocheckpoint = %d`, walAutoCheckpoint)); err != nil {
		return err
	}
	p.wal = true
	return nil
}

// bulkImport is the number of events from which ImportEvents writes in
// rollback-journal mode: new pages then go straight into the file, where WAL
// mode would write each page twice (into the log, then at the check-point).
const bulkImport = 5000

// useJournal switches p back to the rollback journal, after copying the log
// into the file, for a bulk write; the next edit returns to WAL mode. The
// caller holds p.mu.
func (p *Project) useJournal() error {
	if err := p.leaveWAL(); err != nil {
		return fmt.Errorf("leave WAL mode: %w", err)
	}
	return nil
}

// committed notes a commit: the log holds changes the .gpkg does not yet
// have, until the idle check-point. The caller holds p.mu.
func (p *Project) committed() {
	if !p.wal {
		return
	}
	p.pending = true
	p.lastWrite = time.Now()
	if p.idle == nil {
		p.idle = time.AfterFunc(IdleDelay, p.idleCheckpoint)
	} else {
		p.idle.Reset(IdleDelay)
	}
}

// idleCheckpoint runs when the idle timer fires.
func (p *Project) idleCheckpoint() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.db == nil || !p.pending {
		return
	}
	if wait := IdleDelay - time.Since(p.lastWrite); wait > 0 {
		// A write came in while the timer fired; it has been reset.
		return
	}
	if err := p.checkpoint(); err != nil {
		p.idle.Reset(IdleDelay) // try again later
	}
}

// checkpoint copies the write-ahead log into the file, syncs it and empties
// the log. The caller holds p.mu.
func (p *Project) checkpoint() error {
	if !p.wal {
		return nil
	}
	var busy, logged, copied int
	if err := p.db.QueryRow(`PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logged, &copied); err != nil {
		return fmt.Errorf("copy the write-ahead log into the project file: %w", err)
	}
	if busy != 0 {
		return errors.New("copy the write-ahead log into the project file: another program is reading the project")
	}
	p.pending = false
	return nil
}

// Flush copies every saved change into the project file itself now, as the
// project does by itself once it has been idle for IdleDelay, so that a
// copy of the .gpkg alone holds them. Every saved change is on disk before
// Flush too (in the -wal file beside the project until then).
func (p *Project) Flush() error {
	if err := p.begin(); err != nil {
		return err
	}
	defer p.mu.Unlock()
	if p.idle != nil {
		p.idle.Stop()
	}
	if err := p.checkpoint(); err != nil {
		return fmt.Errorf("cannot flush %s: %w", p.path, err)
	}
	return nil
}

// leaveWAL check-points the log and switches the file back to the rollback
// journal, which deletes the -wal file, before the project is closed. The
// caller holds p.mu.
func (p *Project) leaveWAL() error {
	if p.idle != nil {
		p.idle.Stop()
	}
	if !p.wal {
		return nil
	}
	err := p.checkpoint()
	if err == nil {
		err = p.setJournal()
	}
	if err == nil {
		p.wal = false
	}
	return err
}
