// Package assets holds the data Event Atlas ships inside its binary: the
// region's base map (GeoJSON from shared/geodata; see geodata/SOURCES.md and
// ATTRIBUTION.md) and the sample article. It imports no GUI.
package assets

import (
	"embed"
	"fmt"
	"sync"

	"github.com/paulmach/orb/geojson"
)

//go:embed geodata/*.geojson samples/tajik-delegation-kunduz.txt icon.png
var files embed.FS

// Attribution is the licence notice the map must show for the base-map data.
const Attribution = "Contains data from GeoNames (geonames.org), CC BY 4.0 · Natural Earth"

// SampleArticle returns the text of the bundled sample article.
func SampleArticle() string {
	b, err := files.ReadFile("samples/tajik-delegation-kunduz.txt")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	return string(b)
}

// Icon returns the application icon as PNG bytes.
func Icon() []byte {
	b, err := files.ReadFile("icon.png")
	if err != nil {
		panic(err)
	}
	return b
}

// BaseMap is the parsed base-map data, one feature collection per layer.
type BaseMap struct {
	Countries *geojson.FeatureCollection // 10 countries, (Multi)Polygon
	Admin1    *geojson.FeatureCollection // 74 provinces/regions, (Multi)Polygon
	Places    *geojson.FeatureCollection // 997 populated places, Point
	Crossings *geojson.FeatureCollection // 4 border crossings, Point
}

var (
	baseOnce sync.Once
	base     *BaseMap
	baseErr  error
)

// LoadBaseMap parses the embedded GeoJSON once and returns the same
// read-only BaseMap on every call. Callers must not modify it.
func LoadBaseMap() (*BaseMap, error) {
	baseOnce.Do(func() {
		bm := &BaseMap{}
		for _, l := range []struct {
			name string
			dst  **geojson.FeatureCollection
		}{
			{"countries", &bm.Countries}, {"admin1", &bm.Admin1},
			{"places", &bm.Places}, {"crossings", &bm.Crossings},
		} {
			b, err := files.ReadFile("geodata/" + l.name + ".geojson")
			if err != nil {
				baseErr = err
				return
			}
			fc, err := geojson.UnmarshalFeatureCollection(b)
			if err != nil {
				baseErr = fmt.Errorf("base map %s: %w", l.name, err)
				return
			}
			*l.dst = fc
		}
		base = bm
	})
	return base, baseErr
}
