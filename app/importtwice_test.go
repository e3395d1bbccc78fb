package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportIDlessTwice: a GeoJSON file whose features carry no ids,
// imported twice, adds its events once.
func TestImportIDlessTwice(t *testing.T) {
	dir, proj := newSample(t)
	in := filepath.Join(dir, "events.geojson")
	gj := `{"type":"FeatureCollection","features":[
{"type":"Feature","geometry":{"type":"Point","coordinates":[68.857,36.729]},"properties":{"title":"Talks in Kunduz","event_type":"Diplomacy","event_date":"2025-11-10"}},
{"type":"Feature","geometry":{"type":"Point","coordinates":[68.78,38.54]},"properties":{"title":"Statement in Dushanbe","event_type":"Diplomacy","event_date":"2025-11-12"}}]}`
	if err := os.WriteFile(in, []byte(gj), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"2 events imported", "0 events imported, 2 already in the project left as they are"} {
		code, out, errs := run("import", "-project", proj, in)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("import #%d: exit %d, stdout %q, stderr %q; want %q", i+1, code, out, errs, want)
		}
	}
}
