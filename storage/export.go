package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ExportCopy writes a clean copy of the project to out: one compacted file
// (VACUUM INTO) in rollback-journal mode, with no -wal or -journal beside
// it, that GIS programs and Event Atlas open as they are. It refuses to
// overwrite an existing file, and out appears only once it is complete and
// on disk.
func (p *Project) ExportCopy(out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("cannot export to %s: %w", out, err)
	}
	if _, err := os.Lstat(abs); err == nil {
		return fmt.Errorf("cannot export to %s: a file of that name already exists (%w)", out, fs.ErrExist)
	}
	dir := filepath.Dir(abs)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(abs)+".partial-*")
	if err != nil {
		return fmt.Errorf("cannot export to %s: the folder %s is not writable (%w)", out, dir, err)
	}
	tmpPath := tmp.Name()
	tmp.Chmod(0o644)
	tmp.Close()
	// VACUUM INTO wants a missing or empty file; the empty one reserves a
	// name no one else takes.
	defer os.Remove(tmpPath)
	if err := p.begin(); err != nil {
		return err
	}
	_, err = p.db.Exec(`VACUUM INTO ?`, tmpPath)
	p.mu.Unlock()
	if err != nil {
		return fmt.Errorf("cannot export to %s: %w", out, err)
	}
	if err := syncFile(tmpPath); err != nil {
		return fmt.Errorf("cannot export to %s: %w", out, err)
	}
	// A hard link publishes the finished file without replacing one that
	// appeared meanwhile; file systems without links get a checked rename.
	if err := os.Link(tmpPath, abs); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("cannot export to %s: a file of that name already exists (%w)", out, fs.ErrExist)
		}
		if _, serr := os.Lstat(abs); serr == nil {
			return fmt.Errorf("cannot export to %s: a file of that name already exists (%w)", out, fs.ErrExist)
		}
		if err := os.Rename(tmpPath, abs); err != nil {
			return fmt.Errorf("cannot export to %s: %w", out, err)
		}
	}
	syncDir(dir)
	return nil
}

// syncFile flushes a file's contents to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
