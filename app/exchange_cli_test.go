package app

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// writeFile writes b to name in dir and returns the path.
func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// point is a GeoJSON Feature at lon, lat with the given properties.
func point(lon, lat, props string) string {
	return `{"type":"Feature","geometry":{"type":"Point","coordinates":[` + lon + `,` + lat + `]},"properties":{` + props + `}}`
}

// featureCollection wraps features.
func featureCollection(features ...string) []byte {
	return []byte(`{"type":"FeatureCollection","features":[` + "\n" + strings.Join(features, ",\n") + "\n]}")
}

// TestImportNotUTF8: a Windows-1251 CSV or GeoJSON is refused with the
// file's name and the line of the first bad byte, and nothing is written.
func TestImportNotUTF8(t *testing.T) {
	dir, proj := newSample(t)
	before := len(eventsIn(t, proj))
	meeting := string([]byte{0xC2, 0xF1, 0xF2, 0xF0, 0xE5, 0xF7, 0xE0}) // "Встреча" in Windows-1251
	csvPath := writeFile(t, dir, "events.csv", []byte("event_type,title,location,latitude,longitude,event_date\n"+
		"Diplomacy,Talks,Dushanbe,38.54,68.78,2025-11-13\n"+
		"Diplomacy,"+meeting+" cp1251,Kulob,37.91,69.78,2025-11-13\n"))
	gjPath := writeFile(t, dir, "events.geojson", featureCollection(
		point("68.78", "38.54", `"event_type":"Diplomacy","title":"Talks"`),
		point("69.78", "37.91", `"event_type":"Diplomacy","title":"`+meeting+`"`)))
	for _, tc := range []struct{ path, want string }{
		{csvPath, "eventatlas import: events.csv is not UTF-8 text (line 3 has byte 0xC2): save it as UTF-8 and import it again\n"},
		{gjPath, "eventatlas import: events.geojson is not UTF-8 text (line 3 has byte 0xC2): save it as UTF-8 and import it again\n"},
	} {
		code, out, errs := run("import", "-project", proj, tc.path)
		if code != 1 || errs != tc.want || out != "" {
			t.Errorf("import %s: exit %d, stdout %q, stderr %q; want exit 1 and %q", filepath.Base(tc.path), code, out, errs, tc.want)
		}
	}
	if after := len(eventsIn(t, proj)); after != before {
		t.Errorf("the project went from %d to %d events", before, after)
	}
}

// TestImportWholeOrNothing: one bad feature stops the whole file, every
// bad row is a failure, and the summary is printed once.
func TestImportWholeOrNothing(t *testing.T) {
	dir, proj := newSample(t)
	before := len(eventsIn(t, proj))
	good := point("68.78", "38.54", `"id":"good-1","event_type":"Diplomacy","title":"Talks in Dushanbe","event_date":"2025-11-13"`)
	bad := point("200", "38.54", `"id":"bad-1","event_type":"Diplomacy","title":"Far east"`)
	mixed := writeFile(t, dir, "mixed.geojson", featureCollection(good, bad))
	allBad := writeFile(t, dir, "weird.geojson", featureCollection(bad, point("1", "2", `"id":"bad-2","title":"No type"`)))
	var many []string
	for range 7 {
		many = append(many, "Diplomacy,,1,2")
	}
	manyBad := writeFile(t, dir, "many.csv", []byte("event_type,title,latitude,longitude\n"+strings.Join(many, "\n")+"\n"))
	tests := []struct{ path, want string }{
		{mixed, "1 of 2 rows cannot be imported, so nothing was imported (a file comes in whole or not at all):\n" +
			"  row 2 (id bad-1): longitude 200 is outside -180..180\nFix or remove those rows and import the file again.\n"},
		{allBad, "2 of 2 rows cannot be imported, so nothing was imported (a file comes in whole or not at all):\n" +
			"  row 1 (id bad-1): longitude 200 is outside -180..180\n  row 2 (id bad-2): no event type\n" +
			"Fix or remove those rows and import the file again.\n"},
		{manyBad, "7 of 7 rows cannot be imported, so nothing was imported (a file comes in whole or not at all):\n" +
			"  row 2: no title\n  row 3: no title\n  row 4: no title\n  row 5: no title\n  row 6: no title\n  and 2 more\n" +
			"Fix or remove those rows and import the file again.\n"},
	}
	for _, tt := range tests {
		code, out, errs := run("import", "-project", proj, tt.path)
		want := "eventatlas import: " + tt.path + ": " + tt.want
		if code != 1 || out != "" || errs != want {
			t.Errorf("import %s: exit %d, stdout %q, stderr\n%s\nwant exit 1, stderr\n%s", filepath.Base(tt.path), code, out, errs, want)
		}
	}
	if after := len(eventsIn(t, proj)); after != before {
		t.Errorf("refused files wrote: the project went from %d to %d events", before, after)
	}
	// The good row alone comes in, with one summary line.
	ok := writeFile(t, dir, "good.geojson", featureCollection(good))
	code, out, errs := run("import", "-project", proj, ok)
	if code != 0 || out != ok+": 1 event imported\n" || errs != "" {
		t.Errorf("good file: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestImportPrecisionDefaults: events from GeoJSON and CSV that give no
// precisions get them from the date text and "exact" for the place, a
// GeoJSON feature without date_end is a one-day (or one-month) event, and
// the ACLED CSV export then has no empty precision cells.
func TestImportPrecisionDefaults(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "p.gpkg")
	if code, _, errs := run("new", proj); code != 0 {
		t.Fatal(errs)
	}
	gj := writeFile(t, dir, "e.geojson", featureCollection(
		point("68.78", "38.54", `"id":"day","event_type":"Diplomacy","title":"Day","event_date":"2025-11-13"`),
		point("68.78", "38.54", `"id":"month","event_type":"Diplomacy","title":"Month","event_date":"2025-11"`),
		point("68.78", "38.54", `"id":"kept","event_type":"Diplomacy","title":"Kept","event_date":"2025-11-13","date_precision":"week","place_precision":"province"`)))
	cs := writeFile(t, dir, "e.csv", []byte("id,event_type,title,latitude,longitude,event_date\nyear,Diplomacy,Year,38.54,68.78,2025\n"))
	for _, f := range []string{gj, cs} {
		if code, out, errs := run("import", "-project", proj, f); code != 0 {
			t.Fatalf("import %s: %s %s", f, out, errs)
		}
	}
	want := map[string]struct {
		prec       annotate.DatePrecision
		geo        annotate.GeoPrecision
		start, end string
	}{
		"day":   {annotate.PrecisionDay, annotate.GeoExact, "2025-11-13", "2025-11-13"},
		"month": {annotate.PrecisionMonth, annotate.GeoExact, "2025-11-01", "2025-11-30"},
		"kept":  {annotate.PrecisionWeek, annotate.GeoProvince, "2025-11-13", "2025-11-13"},
		"year":  {annotate.PrecisionYear, annotate.GeoExact, "2025-01-01", "2025-12-31"},
	}
	evs := eventsIn(t, proj)
	if len(evs) != len(want) {
		t.Fatalf("%d events imported, want %d", len(evs), len(want))
	}
	for _, e := range evs {
		w := want[e.ID]
		if e.DatePrecision != w.prec || e.GeoPrecision != w.geo || e.DateStart.Format("2006-01-02") != w.start || e.DateEnd.Format("2006-01-02") != w.end {
			t.Errorf("%s: %v %v %s–%s; want %v %v %s–%s", e.ID, e.DatePrecision, e.GeoPrecision,
				e.DateStart.Format("2006-01-02"), e.DateEnd.Format("2006-01-02"), w.prec, w.geo, w.start, w.end)
		}
	}
	out := filepath.Join(dir, "out.csv")
	if code, _, errs := run("export", "-project", proj, "-format", "csv", "-o", out); code != 0 {
		t.Fatal(errs)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, r := range rows[1:] {
		if r[col["time_precision"]] == "" || r[col["geo_precision"]] == "" {
			t.Errorf("event %s: time_precision %q, geo_precision %q", r[col["id"]], r[col["time_precision"]], r[col["geo_precision"]])
		}
	}
}

// TestReimportChanged: importing again a file whose events the project
// holds, one of them changed, names the changed event and says how to
// bring the change in; the project keeps its version.
func TestReimportChanged(t *testing.T) {
	dir, proj := newSample(t)
	gj := filepath.Join(dir, "e.geojson")
	if code, _, errs := run("export", "-project", proj, "-format", "geojson", "-o", gj); code != 0 {
		t.Fatal(errs)
	}
	evs := eventsIn(t, proj)
	target := evs[2]
	b, err := os.ReadFile(gj)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(b), `"title":"`+target.Title+`"`, `"title":"Changed by a teammate"`, 1)
	if changed == string(b) {
		t.Fatalf("title %q not found in the export", target.Title)
	}
	writeFile(t, dir, "changed.geojson", []byte(changed))
	code, out, errs := run("import", "-project", proj, filepath.Join(dir, "changed.geojson"))
	want := filepath.Join(dir, "changed.geojson") + ": 0 events imported, 6 already in the project left as they are\n" +
		"1 of them differs in the file; the project's version was kept:\n" +
		"  \"" + target.Title + "\" (id " + target.ID + "): title\n" +
		"To bring the file's changes in, merge the teammate's project file instead (File › Merge project…, or eventatlas merge), or delete those events from your project and import the file again.\n"
	if code != 0 || out != want || errs != "" {
		t.Errorf("re-import: exit %d, stderr %q, stdout\n%s\nwant\n%s", code, errs, out, want)
	}
	if got := eventsIn(t, proj)[2].Title; got != target.Title {
		t.Errorf("the project's title became %q", got)
	}
	// The unchanged export says nothing differs.
	code, out, _ = run("import", "-project", proj, gj)
	if code != 0 || out != gj+": 0 events imported, 6 already in the project left as they are\n" {
		t.Errorf("unchanged re-import: exit %d, %q", code, out)
	}
}

// TestExportJSONLDSummary: the JSON-LD export says how many events it
// leaves out for having no evidence; other formats count the events.
func TestExportJSONLDSummary(t *testing.T) {
	dir, proj := newSample(t)
	evs := eventsIn(t, proj)
	spans := 0
	for _, e := range evs {
		spans += len(e.Spans)
		if len(e.Spans) == 0 {
			t.Fatalf("sample event %q has no evidence", e.Title)
		}
	}
	gj := writeFile(t, dir, "new.geojson", featureCollection(
		point("68.78", "38.54", `"event_type":"Diplomacy","title":"No evidence 1"`),
		point("69.78", "37.91", `"event_type":"Diplomacy","title":"No evidence 2"`)))
	if code, _, errs := run("import", "-project", proj, gj); code != 0 {
		t.Fatal(errs)
	}
	tests := []struct{ format, want string }{
		{"jsonld", "wrote %s: " + countNoun(spans, "annotation", "annotations") + " for 6 events; 2 events without evidence are not in a JSON-LD export (a Web Annotation needs a quoted target)\n"},
		{"geojson", "wrote %s: 8 events\n"},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, "out."+tt.format)
		code, stdout, errs := run("export", "-project", proj, "-format", tt.format, "-o", out)
		want := strings.Replace(tt.want, "%s", out, 1)
		if code != 0 || stdout != want {
			t.Errorf("export %s: exit %d, stderr %q, stdout %q; want %q", tt.format, code, errs, stdout, want)
		}
	}
	p := openProject(t, proj)
	msg, err := Export(p, "jsonld", filepath.Join(dir, "again.jsonld"))
	if err != nil || !strings.HasSuffix(msg, "; 2 events without evidence are not in a JSON-LD export (a Web Annotation needs a quoted target)") {
		t.Errorf("Export = %q, %v", msg, err)
	}
}

// openProject opens the project at path for the test's length.
func openProject(t *testing.T, path string) *storage.Project {
	t.Helper()
	p, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}
