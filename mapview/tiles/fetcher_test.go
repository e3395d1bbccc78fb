package tiles

import (
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestFetchThenCacheHits(t *testing.T) {
	srv := newTileServer(t)
	dir := t.TempDir()
	f := newTestFetcher(t, srv.source(), Options{CacheDir: dir})
	if _, ok := f.Get(5, 10, 12); ok {
		t.Fatal("Get returned a tile before fetching it")
	}
	f.idle(t)
	img, ok := f.Get(5, 10, 12)
	if !ok {
		t.Fatal("tile not in memory after fetching")
	}
	if got, want := img.At(100, 100), tileColour(10, 12); !sameColour(got, want) {
		t.Errorf("tile colour %v, want %v", got, want)
	}
	if loaded := f.loadedAtLeast(t, 1); loaded != 1 {
		t.Errorf("OnLoaded called %d times, want 1", loaded)
	}
	for range 5 {
		f.Get(5, 10, 12)
	}
	if n := srv.hitCount("/5/10/12.png"); n != 1 {
		t.Errorf("server asked %d times, want 1 (memory cache)", n)
	}
	// A new fetcher (a new session) reads the disk cache.
	g := newTestFetcher(t, srv.source(), Options{CacheDir: dir})
	if _, ok := g.Get(5, 10, 12); ok {
		t.Fatal("Get read the disk while the caller waited")
	}
	g.idle(t)
	if _, ok := g.Get(5, 10, 12); !ok {
		t.Fatal("tile not loaded from the disk cache")
	}
	if n := srv.hitCount("/5/10/12.png"); n != 1 {
		t.Errorf("server asked %d times, want 1 (disk cache)", n)
	}
	if st := g.Stats(); st.DiskHits != 1 || st.Requests != 0 {
		t.Errorf("second session stats %+v, want one disk hit and no request", st)
	}
	// Past MaxAge the tile is shown from disk and fetched again.
	h := newTestFetcher(t, srv.source(), Options{CacheDir: dir})
	h.clock.advance(31 * 24 * time.Hour)
	h.Get(5, 10, 12)
	h.idle(t)
	if n := srv.hitCount("/5/10/12.png"); n != 2 {
		t.Errorf("server asked %d times for a stale tile, want 2", n)
	}
}

func sameColour(a, b interface{ RGBA() (r, g, b, a uint32) }) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1>>8 == r2>>8 && g1>>8 == g2>>8 && b1>>8 == b2>>8 && a1>>8 == a2>>8
}

func TestUserAgent(t *testing.T) {
	srv := newTileServer(t)
	f := newTestFetcher(t, srv.source(), Options{})
	f.Get(3, 1, 2)
	f.idle(t)
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if len(srv.agents) != 1 || srv.agents[0] != "EventAtlas/0.1 (+https://eventatlas.example.org)" {
		t.Errorf("User-Agent %q", srv.agents)
	}
}

func TestFailuresBackOff(t *testing.T) {
	for _, c := range []struct {
		name       string
		setup      func(s *tileServer)
		serverWide bool // other tiles wait too
	}{
		{"not found", func(s *tileServer) { s.status["/6/40/24.png"] = http.StatusNotFound }, false},
		{"server error", func(s *tileServer) { s.status["/6/40/24.png"] = http.StatusInternalServerError }, true},
		{"too many requests", func(s *tileServer) { s.status["/6/40/24.png"] = http.StatusTooManyRequests }, true},
		{"timeout", func(s *tileServer) { s.delay = time.Second }, true},
		{"not an image", func(s *tileServer) {}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := newTileServer(t)
			c.setup(srv)
			src := srv.source()
			if c.name == "not an image" {
				src.URLTemplate = srv.URL + "/{z}/{x}/{y}.txt"
			}
			path := strings.TrimPrefix(src.URL(6, 40, 24), srv.URL)
			timeout := 5 * time.Second
			if srv.delay > 0 {
				timeout = 50 * time.Millisecond
			}
			f := newTestFetcher(t, src, Options{Timeout: timeout, Backoff: time.Minute})
			f.Get(6, 40, 24)
			f.idle(t)
			for range 20 {
				if _, ok := f.Get(6, 40, 24); ok {
					t.Fatal("a failed tile was returned")
				}
			}
			f.idle(t)
			if n := srv.hitCount(path); n != 1 {
				t.Fatalf("server asked %d times before the back-off ended, want 1", n)
			}
			// Other tiles wait too when the server as a whole failed.
			f.Get(6, 41, 24)
			f.idle(t)
			other := strings.Replace(path, "/40/", "/41/", 1)
			if got, want := srv.hitCount(other), map[bool]int{true: 0, false: 1}[c.serverWide]; got != want {
				t.Errorf("another tile was asked for %d times, want %d", got, want)
			}
			_, logs := f.counts()
			if want := map[bool]int{true: 1, false: 0}[c.serverWide]; len(logs) != want {
				t.Errorf("logged %q, want %d line(s)", logs, want)
			}
			// After the back-off the tile is asked for once more, and the
			// next wait is twice as long.
			f.clock.advance(61 * time.Second)
			f.Get(6, 40, 24)
			f.idle(t)
			if n := srv.hitCount(path); n != 2 {
				t.Errorf("server asked %d times after the back-off, want 2", n)
			}
			f.clock.advance(61 * time.Second)
			f.Get(6, 40, 24)
			f.idle(t)
			if n := srv.hitCount(path); n != 2 {
				t.Errorf("server asked %d times during the doubled back-off, want 2", n)
			}
		})
	}
}

func TestOfflineIsCalm(t *testing.T) {
	srv := newTileServer(t)
	dir := t.TempDir()
	online := newTestFetcher(t, srv.source(), Options{CacheDir: dir})
	online.Get(7, 90, 50)
	online.idle(t)
	online.Close()
	srv.Close() // the network is gone

	f := newTestFetcher(t, srv.source(), Options{CacheDir: dir, MaxAge: time.Hour})
	f.clock.advance(2 * time.Hour) // the cached tile is stale
	for range 3 {                  // three frames of a 10×10-tile view
		for x := 85; x < 95; x++ {
			for y := 45; y < 55; y++ {
				f.Get(7, x, y)
			}
		}
		f.idle(t)
	}
	st := f.Stats()
	if st.Requests < 1 || st.Requests > 4 {
		t.Errorf("%d requests while offline, want 1..4 (one per download slot at most)", st.Requests)
	}
	if _, logs := f.counts(); len(logs) != 1 || !strings.Contains(logs[0], "unreachable") {
		t.Errorf("logged %q, want one line saying the server is unreachable", logs)
	}
	// The stale tile on disk is still shown.
	if _, ok := f.Get(7, 90, 50); !ok {
		t.Error("the cached tile is not shown while offline")
	}
	if _, ok := f.Get(7, 91, 50); ok {
		t.Error("a tile never fetched is shown")
	}
}

func TestConcurrentDownloadsLimited(t *testing.T) {
	srv := newTileServer(t)
	srv.block = make(chan struct{})
	f := newTestFetcher(t, srv.source(), Options{Concurrency: 3})
	for x := range 12 {
		f.Get(8, 170+x, 100)
	}
	deadline := time.Now().Add(3 * time.Second)
	for srv.total() < 3 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // room for a fourth, were it allowed
	srv.mu.Lock()
	maxIn := srv.maxIn
	close(srv.block)
	srv.mu.Unlock()
	if maxIn != 3 {
		t.Errorf("%d downloads at once, want 3", maxIn)
	}
	f.idle(t)
	if n := f.loadedAtLeast(t, 12); n != 12 || srv.total() != 12 {
		t.Errorf("%d tiles loaded with %d requests, want 12 and 12", n, srv.total())
	}
}

func TestCacheLayoutAndCap(t *testing.T) {
	srv := newTileServer(t)
	dir := t.TempDir()
	size := int64(len(tilePNG(0, 0)))
	f := newTestFetcher(t, srv.source(), Options{CacheDir: dir, MaxBytes: 5 * size})
	for x := range 10 {
		f.Get(9, 300+x, 200)
		f.idle(t) // one at a time, so their ages differ
		f.clock.advance(time.Second)
	}
	var files []string
	var total int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
			info, _ := d.Info()
			total += info.Size()
		}
		return nil
	})
	layout := regexp.MustCompile(`^[0-9a-f]{16}/9/3[0-9][0-9]/200\.png$`)
	for _, p := range files {
		if !layout.MatchString(p) {
			t.Errorf("cached file %q is not <hash>/z/x/y.png", p)
		}
	}
	if total > 5*size || len(files) == 0 {
		t.Errorf("cache holds %d bytes in %d files, want at most %d", total, len(files), 5*size)
	}
	if f.Dir() != filepath.Join(dir, srv.source().key()) {
		t.Errorf("Dir() = %q", f.Dir())
	}
	// The newest tile survives the trimming.
	if _, err := os.Stat(filepath.Join(f.Dir(), "9", "309", "200.png")); err != nil {
		t.Errorf("newest tile trimmed: %v", err)
	}
	other := Source{URLTemplate: "https://tiles.example.org/{z}/{x}/{y}.png"}
	if other.key() == srv.source().key() {
		t.Error("two templates share a cache directory")
	}
}

func TestSourceValidate(t *testing.T) {
	for _, c := range []struct {
		src  Source
		want string // "" for valid
	}{
		{OpenStreetMap(), ""},
		{Source{URLTemplate: "https://{s}.tile.example.org/{z}/{x}/{y}.png"}, ""},
		{Source{}, "no URL template"},
		{Source{URLTemplate: "https://t.example.org/{z}/{x}.png"}, "has no {y}"},
		{Source{URLTemplate: "ftp://t.example.org/{z}/{x}/{y}.png"}, "not an http or https address"},
		{Source{URLTemplate: "t.example.org/{z}/{x}/{y}.png"}, "not an http or https address"},
		{Source{URLTemplate: "https://t.example.org/{z}/{x}/{y}.png", MaxZoom: 40}, "outside 0..22"},
	} {
		err := c.src.Validate()
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("Validate(%q) = %v, want %q", c.src.URLTemplate, err, c.want)
		}
	}
	if got := OpenStreetMap().URL(6, 43, 24); got != "https://tile.openstreetmap.org/6/43/24.png" {
		t.Errorf("URL = %q", got)
	}
	if _, err := NewFetcher(Source{}, Options{}); err == nil {
		t.Error("NewFetcher accepted a source without a template")
	}
}

func TestGetOutOfRange(t *testing.T) {
	srv := newTileServer(t)
	f := newTestFetcher(t, srv.source(), Options{})
	for _, tl := range []Tile{{-1, 0, 0}, {2, 4, 0}, {2, 0, -1}, {13, 0, 0}} {
		if _, ok := f.Get(tl.Z, tl.X, tl.Y); ok {
			t.Errorf("Get(%v) returned a tile", tl)
		}
	}
	f.idle(t)
	if srv.total() != 0 {
		t.Errorf("%d requests for tiles that do not exist", srv.total())
	}
}
