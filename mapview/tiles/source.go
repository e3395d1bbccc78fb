// Package tiles fetches raster map tiles (OpenStreetMap-style z/x/y URLs)
// for the map's optional background layer: without blocking the drawing,
// with an on-disk cache, a few downloads at a time and a calm back-off when
// the tile server or the network is down. It imports no GUI.
package tiles

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Source is a tile server: a URL template with {z}, {x} and {y} (and
// optionally {s}, replaced by "a"), the credit line its licence requires and
// the deepest zoom level it serves.
type Source struct {
	URLTemplate string
	Attribution string
	MaxZoom     int
}

// OpenStreetMap is the OpenStreetMap Foundation's standard tile layer. Its
// tile usage policy asks for a User-Agent naming the app, caching, and
// modest use; the Fetcher does all three.
func OpenStreetMap() Source {
	return Source{
		URLTemplate: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
		Attribution: "Tiles © OpenStreetMap contributors",
		MaxZoom:     19,
	}
}

// Validate checks that the template is an http or https URL with {z}, {x}
// and {y}, and that MaxZoom is within 0..22.
func (s Source) Validate() error {
	t := strings.TrimSpace(s.URLTemplate)
	if t == "" {
		return errors.New("tiles: no URL template")
	}
	for _, p := range []string{"{z}", "{x}", "{y}"} {
		if !strings.Contains(t, p) {
			return fmt.Errorf("tiles: URL template %q has no %s", t, p)
		}
	}
	u, err := url.Parse(s.URL(1, 0, 0))
	if err != nil {
		return fmt.Errorf("tiles: URL template %q: %v", t, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("tiles: URL template %q is not an http or https address", t)
	}
	if s.MaxZoom < 0 || s.MaxZoom > 22 {
		return fmt.Errorf("tiles: maximum zoom %d is outside 0..22", s.MaxZoom)
	}
	return nil
}

// URL is the address of tile z/x/y.
func (s Source) URL(z, x, y int) string {
	r := strings.NewReplacer("{z}", strconv.Itoa(z), "{x}", strconv.Itoa(x), "{y}", strconv.Itoa(y), "{s}", "a")
	return r.Replace(strings.TrimSpace(s.URLTemplate))
}

// key is the cache directory name of the source: a hash of its template,
// so that two servers never share tiles.
func (s Source) key() string {
	h := sha256.Sum256([]byte(strings.TrimSpace(s.URLTemplate)))
	return hex.EncodeToString(h[:8])
}

// Tile names one tile.
type Tile struct{ Z, X, Y int }

// String is "z/x/y".
func (t Tile) String() string { return fmt.Sprintf("%d/%d/%d", t.Z, t.X, t.Y) }

// valid reports whether t exists: 0 ≤ x, y < 2^z.
func (t Tile) valid() bool {
	if t.Z < 0 || t.Z > 30 {
		return false
	}
	n := 1 << t.Z
	return t.X >= 0 && t.Y >= 0 && t.X < n && t.Y < n
}
