package app

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"eventatlas/annotate"
	"eventatlas/storage"
	"eventatlas/storage/exchange"
)

// previewFixture exports the sample project's six events as GeoJSON with a
// seventh feature whose longitude is out of range (and, beside it,
// clean.geojson without that feature), and opens an empty
// project that already holds the first sample event.
// It also returns how many evidence spans the other five events carry.
func previewFixture(t *testing.T) (*storage.Project, string, int) {
	t.Helper()
	dir, src := newSample(t)
	gj := filepath.Join(dir, "e.geojson")
	if code, _, errs := run("export", "-project", src, "-format", "geojson", "-o", gj); code != 0 {
		t.Fatal(errs)
	}
	b, err := os.ReadFile(gj)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "clean.geojson"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := `{"type":"Feature","geometry":{"type":"Point","coordinates":[181,36.7]},"properties":{"id":"bad-1","title":"Out of range","event_type":"Diplomacy"}}`
	s := strings.TrimRight(string(b), "\n ")
	i := strings.LastIndex(s, "]")
	s = s[:i] + "," + bad + s[i:]
	if err := os.WriteFile(gj, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := storage.Create(filepath.Join(dir, "t.gpkg"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	sp, err := storage.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	evs, err := sp.Events()
	if err != nil || len(evs) != 6 {
		t.Fatalf("sample events: %d, %v", len(evs), err)
	}
	spans := 0
	for _, e := range evs[1:] {
		spans += len(e.Spans)
	}
	first := evs[0]
	first.Spans = nil
	if _, err := p.ImportEvents([]annotate.Event{first}); err != nil {
		t.Fatal(err)
	}
	return p, gj, spans
}

func TestPreviewEventsCountsAndCommit(t *testing.T) {
	p, gj, spans := previewFixture(t)
	ep, err := PreviewEvents(p, gj)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ep.Fresh {
		if len(e.Spans) != 0 {
			t.Errorf("event %q kept spans to an article the project lacks", e.Title)
		}
	}
	if len(ep.Fresh) != 5 || ep.Kept != 1 || ep.Report.Read != 7 || ep.Report.Imported != 6 {
		t.Errorf("preview: %d fresh, %d kept, report %+v", len(ep.Fresh), ep.Kept, ep.Report)
	}
	want := []exchange.Skip{{Row: 7, ID: "bad-1", Reason: ep.Report.Skipped[0].Reason}}
	if len(ep.Report.Skipped) != 1 || ep.Report.Skipped[0] != want[0] || want[0].Reason != "longitude 181 is outside -180..180" {
		t.Errorf("skipped %+v", ep.Report.Skipped)
	}
	if ep.Dropped != spans || spans < 5 {
		t.Errorf("dropped %d spans, want %d (every span of the five new events)", ep.Dropped, spans)
	}
	// Previewing (and cancelling) writes nothing.
	if evs, _ := p.Events(); len(evs) != 1 {
		t.Fatalf("the preview wrote: the project holds %d events", len(evs))
	}
	// The import is one transaction: one bad event and nothing is written.
	broken := *ep
	broken.Fresh = append([]annotate.Event(nil), ep.Fresh...)
	broken.Fresh[3].Geometry = nil
	if _, err := broken.Commit(p); err == nil {
		t.Error("an event without geometry was imported")
	}
	if evs, _ := p.Events(); len(evs) != 1 {
		t.Fatalf("a failed import wrote: the project holds %d events", len(evs))
	}
	// The bad row stops the whole file: nothing is imported.
	msg, err := ep.Commit(p)
	wantErr := "1 of 7 rows cannot be imported, so nothing was imported (a file comes in whole or not at all):\n" +
		"  row 7 (id bad-1): longitude 181 is outside -180..180\nFix or remove those rows and import the file again."
	if err == nil || err.Error() != wantErr || msg != "" {
		t.Errorf("Commit with a bad row = %q, %v; want error %q", msg, err, wantErr)
	}
	if evs, _ := p.Events(); len(evs) != 1 {
		t.Fatalf("a refused import wrote: the project holds %d events", len(evs))
	}
	wi := ep.Workbench(p)
	if wi.Incoming != 0 || wi.AlreadyIn != 1 || wi.DroppedSpans != spans || len(wi.Sample) != 0 || len(wi.Skipped) != 1 ||
		wi.Skipped[0] != "row 7 (id bad-1): longitude 181 is outside -180..180" {
		t.Errorf("workbench preview: %d incoming, %d in, %d dropped, %d sample, skipped %q",
			wi.Incoming, wi.AlreadyIn, wi.DroppedSpans, len(wi.Sample), wi.Skipped)
	}
	// The same file without the bad row comes in.
	clean, err := PreviewEvents(p, filepath.Join(filepath.Dir(gj), "clean.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	if wi := clean.Workbench(p); wi.Incoming != 5 || len(wi.Sample) != 5 || len(wi.Skipped) != 0 {
		t.Errorf("clean workbench preview: %d incoming, %d sample, skipped %q", wi.Incoming, len(wi.Sample), wi.Skipped)
	}
	msg, err = clean.Commit(p)
	if err != nil {
		t.Fatal(err)
	}
	if msg != "5 events imported, 1 already in the project left as they are, "+strconv.Itoa(spans)+" evidence spans dropped (their article is not in this project)" {
		t.Errorf("summary %q", msg)
	}
	if evs, _ := p.Events(); len(evs) != 6 {
		t.Errorf("after Commit the project holds %d events, want 6", len(evs))
	}
}

func TestPreviewEventsErrors(t *testing.T) {
	p, _, _ := previewFixture(t)
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.geojson")
	os.WriteFile(broken, []byte(`{"type":"FeatureCollection" oops`), 0o644)
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "a.txt"), "a.txt is not an events file: use .geojson or .csv"},
		{filepath.Join(dir, "missing.csv"), "no such file"},
		{broken, "the file is not valid JSON"},
	} {
		ep, err := PreviewEvents(p, tc.path)
		if err == nil || ep != nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("PreviewEvents(%s) = %v, %v; want error with %q", filepath.Base(tc.path), ep, err, tc.want)
		}
	}
}
