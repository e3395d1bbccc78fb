package storage

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// fileLock is an exclusive flock(2) on a lock file beside the project. The
// kernel drops it when the process dies, so a crash never leaves a project
// locked; the stale file is reused by the next Open.
type fileLock struct {
	path string
	f    *os.File
}

// lockFile takes the exclusive lock on path, creating the file if needed. It
// returns ErrInUse when another process or another Project in this process
// holds it.
func lockFile(path string) (*fileLock, error) {
	for range 5 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, unix.EWOULDBLOCK) {
				return nil, ErrInUse
			}
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		// The holder removes the file when it unlocks; if that happened
		// between our open and flock we hold a lock on a deleted file and
		// must start again on the path's current file.
		var held, now unix.Stat_t
		if unix.Fstat(int(f.Fd()), &held) == nil && unix.Stat(path, &now) == nil &&
			held.Dev == now.Dev && held.Ino == now.Ino {
			return &fileLock{path: path, f: f}, nil
		}
		f.Close()
	}
	return nil, ErrInUse
}

// unlock removes the lock file and releases the lock. Removing it while still
// holding the lock keeps lockFile's inode check sound.
func (l *fileLock) unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	rmErr := os.Remove(l.path)
	err := l.f.Close()
	l.f = nil
	if rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) {
		return rmErr
	}
	return err
}
