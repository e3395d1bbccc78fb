package tiles

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// tileServer is a local tile server for the tests: it serves a PNG of a
// colour made from x and y at /z/x/y.png and records what it was asked.
type tileServer struct {
	*httptest.Server

	mu       sync.Mutex
	hits     map[string]int
	agents   []string
	status   map[string]int // path → status to answer instead of a tile
	delay    time.Duration  // before answering
	block    chan struct{}  // when set, requests wait for it to close
	inflight int            // requests being answered
	maxIn    int            // the most at once
}

func newTileServer(t *testing.T) *tileServer {
	s := &tileServer{hits: map[string]int{}, status: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *tileServer) source() Source {
	return Source{URLTemplate: s.URL + "/{z}/{x}/{y}.png", Attribution: "© Test Tiles", MaxZoom: 12}
}

func (s *tileServer) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.agents = append(s.agents, r.UserAgent())
	s.inflight++
	s.maxIn = max(s.maxIn, s.inflight)
	st, block, delay := s.status[r.URL.Path], s.block, s.delay
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inflight--
		s.mu.Unlock()
	}()
	if block != nil {
		select {
		case <-block:
		case <-r.Context().Done():
			return
		}
	}
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	if st != 0 {
		http.Error(w, http.StatusText(st), st)
		return
	}
	if strings.HasSuffix(r.URL.Path, ".txt") {
		w.Write([]byte("not a tile")) // 200 OK, but no image
		return
	}
	var z, x, y int
	if _, err := fmt.Sscanf(r.URL.Path, "/%d/%d/%d.png", &z, &x, &y); err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(tilePNG(x, y))
}

// hitCount is how often path was asked for.
func (s *tileServer) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// total is how many requests the server has had.
func (s *tileServer) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.hits {
		n += h
	}
	return n
}

// tileColour is the colour of tile x/y: neighbours differ.
func tileColour(x, y int) color.RGBA {
	return color.RGBA{uint8(60 + (x*47)%160), uint8(60 + (y*71)%160), 200, 255}
}

// pngs caches tilePNG's output: encoding is slow under the race detector.
var pngs sync.Map

// tilePNG is a tile of tileColour with a darker one-pixel frame.
func tilePNG(x, y int) []byte {
	if b, ok := pngs.Load([2]int{x, y}); ok {
		return b.([]byte)
	}
	c := tileColour(x, y)
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for py := range 256 {
		for px := range 256 {
			col := c
			if px == 0 || py == 0 {
				col = color.RGBA{c.R / 2, c.G / 2, c.B / 2, 255}
			}
			img.SetRGBA(px, py, col)
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	pngs.Store([2]int{x, y}, buf.Bytes())
	return buf.Bytes()
}

// clock is a settable time for back-off tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// testFetcher is a Fetcher of the server's tiles caching in dir, with a
// fake clock, counting OnLoaded calls and log lines.
type testFetcher struct {
	*Fetcher
	clock  *clock
	mu     sync.Mutex
	loaded int
	logs   []string
}

func newTestFetcher(t *testing.T, src Source, opt Options) *testFetcher {
	t.Helper()
	tf := &testFetcher{clock: &clock{t: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}}
	if opt.CacheDir == "" {
		opt.CacheDir = t.TempDir()
	}
	if opt.Backoff == 0 {
		opt.Backoff = time.Minute
	}
	opt.OnLoaded = func() { tf.mu.Lock(); tf.loaded++; tf.mu.Unlock() }
	opt.Logf = func(format string, args ...any) {
		tf.mu.Lock()
		tf.logs = append(tf.logs, fmt.Sprintf(format, args...))
		tf.mu.Unlock()
	}
	f, err := NewFetcher(src, opt)
	if err != nil {
		t.Fatal(err)
	}
	f.now = tf.clock.now
	tf.Fetcher = f
	t.Cleanup(f.Close)
	return tf
}

// idle waits until nothing is queued or being fetched.
func (tf *testFetcher) idle(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		tf.Fetcher.mu.Lock()
		n := len(tf.pending)
		tf.Fetcher.mu.Unlock()
		if n == 0 {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("fetcher still busy after 5 s")
}

func (tf *testFetcher) counts() (loaded int, logs []string) {
	tf.mu.Lock()
	defer tf.mu.Unlock()
	return tf.loaded, append([]string(nil), tf.logs...)
}

// loadedAtLeast waits up to 5 s for OnLoaded to have been called n times:
// the fetcher calls it just after it clears a tile from its queue, so idle
// can return a moment before the call.
func (tf *testFetcher) loadedAtLeast(t *testing.T, n int) int {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		loaded, _ := tf.counts()
		if loaded >= n || time.Now().After(deadline) {
			return loaded
		}
		time.Sleep(2 * time.Millisecond)
	}
}
