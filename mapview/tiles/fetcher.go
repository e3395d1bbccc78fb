package tiles

import (
	"context"
	"errors"
	"fmt"
	"image"
	"log"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// UserAgent names the app to tile servers, as their usage policies ask.
const UserAgent = "EventAtlas/0.1 (+https://eventatlas.example.org)"

// Options tune a Fetcher; the zero value of each field selects its default.
type Options struct {
	CacheDir    string        // tiles are kept in CacheDir/<hash of template>/z/x/y.png; default os.UserCacheDir()/eventatlas/tiles
	MaxAge      time.Duration // a cached tile older than this is fetched again (and shown meanwhile); default 30 days
	MaxBytes    int64         // the cache directory's size cap, oldest tiles deleted first; default 256 MiB
	Concurrency int           // downloads at a time; default 4
	Timeout     time.Duration // per tile; default 15 s
	Backoff     time.Duration // wait after a first failure, doubling with each one after; default 30 s
	MaxBackoff  time.Duration // the longest wait; default 30 min
	MemTiles    int           // decoded tiles kept in memory; default 256
	UserAgent   string        // default UserAgent
	Client      *http.Client  // default a client of its own
	// OnLoaded is called, from a background goroutine, when a tile has
	// arrived that Get will now return: redraw the map.
	OnLoaded func()
	// Logf reports that the tile server became unreachable or reachable
	// again, once per change; default log.Printf.
	Logf func(format string, args ...any)
}

// Stats count what a Fetcher has done.
type Stats struct {
	Requests  int // HTTP requests sent
	Loaded    int // tiles downloaded and decoded
	DiskHits  int // tiles read from the disk cache
	Failures  int // requests that failed (status, network, timeout, bad image)
	Throttled int // fetches skipped because the server was backing off
}

// Fetcher gets tiles of one Source without ever blocking its caller: Get
// returns a tile at once if it is in memory and otherwise queues it to be
// read from the disk cache or downloaded, newest request first.
type Fetcher struct {
	src Source
	opt Options
	dir string
	now func() time.Time

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu        sync.Mutex
	diskWork  *sync.Cond
	netWork   *sync.Cond
	diskQ     []Tile
	netQ      []Tile
	closed    bool
	mem       *lru
	pending   map[Tile]bool // queued or being fetched
	failed    map[Tile]failure
	down      failure // the server as a whole
	gen       uint64
	stats     Stats
	diskBytes int64
	pruning   bool
}

// failure is a negative cache entry: no fetch before until.
type failure struct {
	n     int
	until time.Time
}

// Queue limits: requests beyond them are dropped, oldest first (the view
// has moved on; they are asked for again if still needed).
const (
	maxQueue     = 256
	maxTileBytes = 4 << 20
)

// NewFetcher returns a Fetcher of src, its background workers started.
// Close stops them.
func NewFetcher(src Source, opt Options) (*Fetcher, error) {
	if err := src.Validate(); err != nil {
		return nil, err
	}
	if src.MaxZoom == 0 {
		src.MaxZoom = 19
	}
	if opt.CacheDir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("tiles: no cache directory: %w", err)
		}
		opt.CacheDir = filepath.Join(base, "eventatlas", "tiles")
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&opt.MaxAge, 30*24*time.Hour)
	def(&opt.Timeout, 15*time.Second)
	def(&opt.Backoff, 30*time.Second)
	def(&opt.MaxBackoff, 30*time.Minute)
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = 256 << 20
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = 4
	}
	if opt.MemTiles <= 0 {
		opt.MemTiles = 256
	}
	if opt.UserAgent == "" {
		opt.UserAgent = UserAgent
	}
	if opt.Client == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxConnsPerHost = opt.Concurrency
		opt.Client = &http.Client{Transport: tr}
	}
	if opt.Logf == nil {
		opt.Logf = log.Printf
	}
	f := &Fetcher{src: src, opt: opt, dir: filepath.Join(opt.CacheDir, src.key()), now: time.Now,
		mem: newLRU(opt.MemTiles), pending: map[Tile]bool{}, failed: map[Tile]failure{}}
	f.diskWork = sync.NewCond(&f.mu)
	f.netWork = sync.NewCond(&f.mu)
	f.ctx, f.cancel = context.WithCancel(context.Background())
	f.wg.Add(1)
	go f.measureDisk()
	for range 2 {
		f.wg.Add(1)
		go f.worker(f.diskWork, &f.diskQ, f.fromDisk)
	}
	for range opt.Concurrency {
		f.wg.Add(1)
		go f.worker(f.netWork, &f.netQ, f.download)
	}
	return f, nil
}

// Source is the tile server fetched from.
func (f *Fetcher) Source() Source { return f.src }

// Dir is the directory this source's tiles are cached in.
func (f *Fetcher) Dir() string { return f.dir }

// Close stops the downloads and the workers and waits for them.
func (f *Fetcher) Close() {
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		return
	}
	f.closed = true
	f.diskWork.Broadcast()
	f.netWork.Broadcast()
	f.mu.Unlock()
	f.cancel()
	f.wg.Wait()
}

// Get returns tile z/x/y if it is in memory. Otherwise it returns false at
// once and, unless the tile is already on its way or failed a short while
// ago, queues it; OnLoaded is called when it arrives.
func (f *Fetcher) Get(z, x, y int) (image.Image, bool) {
	t := Tile{z, x, y}
	if !t.valid() || z > f.src.MaxZoom {
		return nil, false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if img, ok := f.mem.get(t); ok {
		return img, true
	}
	if f.closed || f.pending[t] {
		return nil, false
	}
	if fl, ok := f.failed[t]; ok && f.now().Before(fl.until) {
		return nil, false
	}
	f.pending[t] = true
	f.push(&f.diskQ, t)
	f.diskWork.Signal()
	return nil, false
}

// Peek returns tile z/x/y if it is in memory, without fetching it.
func (f *Fetcher) Peek(z, x, y int) (image.Image, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.mem.get(Tile{z, x, y})
}

// Generation counts the tiles that have arrived: a frame drawn at one
// generation is still complete while it is unchanged.
func (f *Fetcher) Generation() uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.gen
}

// Stats returns the counts so far.
func (f *Fetcher) Stats() Stats {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.stats
}

// push appends t to queue q, dropping the oldest request when it is full.
// f.mu is held.
func (f *Fetcher) push(q *[]Tile, t Tile) {
	if len(*q) >= maxQueue {
		delete(f.pending, (*q)[0])
		*q = (*q)[1:]
	}
	*q = append(*q, t)
}

// worker runs job on the newest tile of q until the Fetcher is closed.
func (f *Fetcher) worker(c *sync.Cond, q *[]Tile, job func(Tile)) {
	defer f.wg.Done()
	for {
		f.mu.Lock()
		for len(*q) == 0 && !f.closed {
			c.Wait()
		}
		if f.closed {
			f.mu.Unlock()
			return
		}
		t := (*q)[len(*q)-1]
		*q = (*q)[:len(*q)-1]
		f.mu.Unlock()
		job(t)
	}
}

// fromDisk loads t from the disk cache; a tile that is missing or stale is
// passed on to be downloaded, unless the server is backing off.
func (f *Fetcher) fromDisk(t Tile) {
	img, mod, err := f.readCached(t)
	fresh := err == nil && f.now().Sub(mod) < f.opt.MaxAge
	f.mu.Lock()
	if err == nil {
		f.mem.put(t, img)
		f.stats.DiskHits++
		f.gen++
	}
	switch {
	case fresh:
		delete(f.pending, t)
	case f.now().Before(f.down.until):
		// Offline: keep what the disk had and ask again when the wait is over.
		delete(f.pending, t)
		f.failed[t] = failure{until: f.down.until}
		f.stats.Throttled++
	default:
		f.push(&f.netQ, t)
		f.netWork.Signal()
	}
	f.mu.Unlock()
	if err == nil {
		f.loaded()
	}
}

// loaded tells the caller a tile arrived.
func (f *Fetcher) loaded() {
	if f.opt.OnLoaded != nil {
		f.opt.OnLoaded()
	}
}

// errStatus is a tile server's reply other than 200 OK.
type errStatus int

func (e errStatus) Error() string { return fmt.Sprintf("HTTP status %d", int(e)) }

// download fetches t, caches it on disk and in memory, and records
// failures: a missing or bad tile waits on its own, while network errors,
// timeouts and server errors make the whole server wait.
func (f *Fetcher) download(t Tile) {
	f.mu.Lock()
	if f.now().Before(f.down.until) {
		delete(f.pending, t)
		f.failed[t] = failure{until: f.down.until}
		f.stats.Throttled++
		f.mu.Unlock()
		return
	}
	f.stats.Requests++
	f.mu.Unlock()

	img, data, err := f.fetch(t)
	if err == nil {
		err = f.writeCached(t, data)
		if err != nil { // still show it; the disk may be full or read-only
			err = nil
		}
	}
	var logLine string
	f.mu.Lock()
	arrived := f.settle(t, img, err, &logLine)
	f.mu.Unlock()
	// Callbacks run outside the lock: a caller's logger or OnLoaded may
	// take locks of its own, or ask the fetcher for tiles.
	if logLine != "" {
		f.opt.Logf("%s", logLine)
	}
	if arrived {
		f.loaded()
	}
}

// settle records the outcome of downloading t, with f.mu held, and reports
// whether a tile arrived; a line for the log is left in logLine.
func (f *Fetcher) settle(t Tile, img image.Image, err error, logLine *string) bool {
	delete(f.pending, t)
	if errors.Is(err, context.Canceled) && f.closed {
		return false
	}
	if err == nil {
		delete(f.failed, t)
		f.mem.put(t, img)
		f.stats.Loaded++
		f.gen++
		if f.down.n > 0 {
			*logLine = fmt.Sprintf("tiles: %s is reachable again", f.host())
			f.down = failure{}
		}
		return true
	}
	f.stats.Failures++
	fl := f.failed[t]
	fl.n++
	fl.until = f.now().Add(f.backoff(fl.n))
	if serverWide(err) {
		if !f.now().Before(f.down.until) { // a new failure, not one already in flight
			f.down.n++
			f.down.until = f.now().Add(f.backoff(f.down.n))
			if f.down.n == 1 {
				*logLine = fmt.Sprintf("tiles: %s is unreachable (%v); trying again later", f.host(), err)
			}
		}
		if f.down.until.After(fl.until) {
			fl.until = f.down.until
		}
	}
	f.failed[t] = fl
	return false
}

// serverWide reports whether err is the server's or the network's fault
// (no connection, timeout, 429, 5xx) rather than one tile's (404, bad image).
func serverWide(err error) bool {
	var st errStatus
	if errors.As(err, &st) {
		return st == http.StatusTooManyRequests || st >= 500
	}
	var bad errBadTile
	return !errors.As(err, &bad)
}

// backoff is the wait after the n-th failure in a row.
func (f *Fetcher) backoff(n int) time.Duration {
	d := f.opt.Backoff
	for i := 1; i < n && d < f.opt.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, f.opt.MaxBackoff)
}

// host is the tile server's address, for messages.
func (f *Fetcher) host() string {
	u, err := url.Parse(f.src.URL(0, 0, 0))
	if err != nil {
		return "the tile server"
	}
	return u.Host
}
