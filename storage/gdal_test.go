package storage

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// validateGPKG is GDAL's GeoPackage validator, run with the system Python
// (the python3 first on PATH may lack the GDAL bindings).
const validateGPKG = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"

// gdalProject writes a project with a point, a line and a polygon event and
// closes it.
func gdalProject(t *testing.T) string {
	t.Helper()
	p, path := newProject(t)
	saveAll(t, p, testEvents(t, addTestArticle(t, p)))
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestGDALValidatesProject(t *testing.T) {
	if _, err := os.Stat(validateGPKG); err != nil {
		t.Skip("GDAL not installed: no " + validateGPKG)
	}
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("GDAL not installed: no /usr/bin/python3")
	}
	validate := func(path string) (string, error) {
		out, err := exec.Command("/usr/bin/python3", validateGPKG, "-k", "--extra", "--warning-as-error", path).CombinedOutput()
		return strings.TrimSpace(string(out)), err
	}
	path := gdalProject(t)
	if out, err := validate(path); err != nil || out != "" {
		t.Fatalf("validate_gpkg.py reports (%v):\n%s", err, out)
	}
	// The validator must catch a broken file, or the check above proves nothing.
	p, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.db.Exec(`UPDATE events SET geom = CAST(X'4750000300000000' || substr(geom, 9) AS BLOB) WHERE fid = 1`); err != nil {
		t.Fatal(err)
	}
	p.Close()
	if out, err := validate(path); err == nil || !strings.Contains(out, "SRID 0") {
		t.Errorf("validate_gpkg.py accepts a geometry with srs_id 0: %v %s", err, out)
	}
}

func TestOGRInfoListsEvents(t *testing.T) {
	ogrinfo, err := exec.LookPath("ogrinfo")
	if err != nil {
		t.Skip("GDAL not installed: no ogrinfo")
	}
	path := gdalProject(t)
	out, err := exec.Command(ogrinfo, "-al", "-so", path, "events").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	text := string(out)
	for _, want := range []string{
		"Layer name: events",
		"Geometry: Unknown (any)",
		"Feature Count: 3",
		"Extent: (68.700000, 36.728700) - (68.900000, 37.300000)",
		`ID["EPSG",4326]`,
		"FID Column = fid",
		"Geometry Column = geom",
		"id: String",
		"type: String",
		"title: String",
		"date_start: Date",
		"date_precision: String",
		"geo_precision: Integer",
		"fatalities: Integer",
		"actors: String",
		"quote: String",
		"created: DateTime",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("ogrinfo output lacks %q", want)
		}
	}
	for line := range strings.Lines(text) {
		if strings.Contains(line, "Warning") || strings.Contains(line, "ERROR") {
			t.Errorf("ogrinfo complains: %s", line)
		}
	}
	if t.Failed() {
		t.Logf("ogrinfo output:\n%s", text)
	}
}
