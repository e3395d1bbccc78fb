package exchange

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"eventatlas/annotate"
)

// ogrinfo runs GDAL's ogrinfo on path and returns its output; the test is
// skipped where GDAL is not installed.
func ogrinfo(t *testing.T, path string, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath("ogrinfo")
	if err != nil {
		t.Skip("GDAL not installed (no ogrinfo on PATH): install gdal-bin to check exports with a real GIS reader")
	}
	out, err := exec.Command(bin, append(append([]string{"-ro", "-al"}, args...), path)...).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo %s: %v\n%s", filepath.Base(path), err, out)
	}
	return string(out)
}

var (
	featureCount = regexp.MustCompile(`(?m)^Feature Count: (\d+)$`)
	layerName    = regexp.MustCompile(`(?m)^Layer name: (.+)$`)
	geomSummary  = regexp.MustCompile(`(?m)^  (POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION) :`)
)

// ogrCheck asserts what GDAL sees in the file: the number of features over
// all layers, the layers' names and each feature's geometry type in order.
func ogrCheck(t *testing.T, path string, wantLayers []string, wantTypes []string, open ...string) {
	t.Helper()
	summary := ogrinfo(t, path, append([]string{"-so"}, open...)...)
	total := 0
	for _, m := range featureCount.FindAllStringSubmatch(summary, -1) {
		n, _ := strconv.Atoi(m[1])
		total += n
	}
	if total != len(wantTypes) {
		t.Errorf("GDAL counts %d features, want %d\n%s", total, len(wantTypes), summary)
	}
	var layers []string
	for _, m := range layerName.FindAllStringSubmatch(summary, -1) {
		layers = append(layers, m[1])
	}
	if !slices.Equal(layers, wantLayers) {
		t.Errorf("GDAL layers %q, want %q", layers, wantLayers)
	}
	full := ogrinfo(t, path, append([]string{"-q", "-geom=SUMMARY"}, open...)...)
	var types []string
	for _, m := range geomSummary.FindAllStringSubmatch(full, -1) {
		types = append(types, m[1])
	}
	if !slices.Equal(types, wantTypes) {
		t.Errorf("GDAL geometry types %q, want %q", types, wantTypes)
	}
}

func writeFile(t *testing.T, name string, write func(f *os.File) error) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// testTypes are the geometry types of testEvents, in order.
var testTypes = []string{"POINT", "LINESTRING", "POLYGON", "MULTIPOLYGON", "POINT"}

func TestOGRGeoJSON(t *testing.T) {
	path := writeFile(t, "events.geojson", func(f *os.File) error {
		return WriteGeoJSON(f, testEvents(), annotate.DefaultTaxonomy())
	})
	ogrCheck(t, path, []string{"events"}, testTypes)
}

func TestOGRCSV(t *testing.T) {
	path := writeFile(t, "events.csv", func(f *os.File) error { return WriteCSV(f, testEvents(), testArticles) })
	t.Run("wkt", func(t *testing.T) {
		ogrCheck(t, path, []string{"events"}, testTypes, "-oo", "GEOM_POSSIBLE_NAMES=wkt")
	})
	t.Run("latitude/longitude", func(t *testing.T) {
		ogrCheck(t, path, []string{"events"}, []string{"POINT", "POINT", "POINT", "POINT", "POINT"},
			"-oo", "X_POSSIBLE_NAMES=longitude", "-oo", "Y_POSSIBLE_NAMES=latitude")
	})
}

// TestOGRKML: GDAL reads one layer per type folder, in taxonomy order.
func TestOGRKML(t *testing.T) {
	path := writeFile(t, "events.kml", func(f *os.File) error {
		return WriteKML(f, testEvents(), annotate.DefaultTaxonomy(), testArticles)
	})
	layers := []string{"Diplomacy", "Security incident", "Trade and economy", "Protest and unrest", "Other"}
	ogrCheck(t, path, layers, []string{"POINT", "POLYGON", "LINESTRING", "MULTIPOLYGON", "POINT"})
}

// TestOGRMany checks a larger export of every format GDAL reads.
func TestOGRMany(t *testing.T) {
	events := manyEvents(2000)
	var types []string
	for _, e := range events {
		types = append(types, map[string]string{"Point": "POINT", "LineString": "LINESTRING", "Polygon": "POLYGON"}[e.Geometry.GeoJSONType()])
	}
	gj := writeFile(t, "many.geojson", func(f *os.File) error { return WriteGeoJSON(f, events, annotate.DefaultTaxonomy()) })
	ogrCheck(t, gj, []string{"many"}, types)
	csv := writeFile(t, "many.csv", func(f *os.File) error { return WriteCSV(f, events, testArticles) })
	ogrCheck(t, csv, []string{"many"}, types, "-oo", "GEOM_POSSIBLE_NAMES=wkt")

	// KML: a layer per type folder, in taxonomy order.
	tax := annotate.DefaultTaxonomy()
	var kmlTypes []string
	for _, et := range tax {
		for i, e := range events {
			if e.Type == et.Name {
				kmlTypes = append(kmlTypes, types[i])
			}
		}
	}
	kml := writeFile(t, "many.kml", func(f *os.File) error { return WriteKML(f, events, tax, testArticles) })
	ogrCheck(t, kml, tax.Names(), kmlTypes)
}
