package tiles

import (
	"bytes"
	"image"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// path is where t is cached: dir/z/x/y.png.
func (f *Fetcher) path(t Tile) string {
	return filepath.Join(f.dir, strconv.Itoa(t.Z), strconv.Itoa(t.X), strconv.Itoa(t.Y)+".png")
}

// readCached reads and decodes t from the disk cache, with the time it was
// fetched.
func (f *Fetcher) readCached(t Tile) (image.Image, time.Time, error) {
	p := f.path(t)
	st, err := os.Stat(p)
	if err != nil {
		return nil, time.Time{}, err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, time.Time{}, err
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		os.Remove(p) // a damaged file: fetch it again
		return nil, time.Time{}, err
	}
	return img, st.ModTime(), nil
}

// writeCached stores a downloaded tile, replacing the file whole so that a
// reader never sees half of it, and trims the cache when it is too big.
func (f *Fetcher) writeCached(t Tile, data []byte) error {
	p := f.path(t)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tile-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		now := f.now() // the file's time is when it was fetched
		os.Chtimes(tmp.Name(), now, now)
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	f.mu.Lock()
	f.diskBytes += int64(len(data))
	prune := f.diskBytes > f.opt.MaxBytes && !f.pruning
	if prune {
		f.pruning = true
	}
	f.mu.Unlock()
	if prune {
		f.prune()
	}
	return nil
}

// measureDisk adds up the cache's size at start, trimming it if too big.
func (f *Fetcher) measureDisk() {
	defer f.wg.Done()
	var n int64
	filepath.WalkDir(f.dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	f.mu.Lock()
	f.diskBytes += n
	prune := f.diskBytes > f.opt.MaxBytes && !f.pruning
	f.pruning = f.pruning || prune
	f.mu.Unlock()
	if prune {
		f.prune()
	}
}

// prune deletes the oldest tiles until the cache is below 80 % of its cap.
func (f *Fetcher) prune() {
	type entry struct {
		path string
		size int64
		mod  time.Time
	}
	var files []entry
	var total int64
	filepath.WalkDir(f.dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				files = append(files, entry{p, info.Size(), info.ModTime()})
				total += info.Size()
			}
		}
		return nil
	})
	slices.SortFunc(files, func(a, b entry) int { return a.mod.Compare(b.mod) })
	target := f.opt.MaxBytes * 8 / 10
	for _, e := range files {
		if total <= target {
			break
		}
		if os.Remove(e.path) == nil {
			total -= e.size
		}
	}
	f.mu.Lock()
	f.diskBytes = total
	f.pruning = false
	f.mu.Unlock()
}
