package exchange

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"eventatlas/annotate"
)

// addSeeds adds every file matching pattern to the fuzz corpus.
func addSeeds(f *testing.F, pattern string) {
	files, _ := filepath.Glob(pattern)
	if len(files) == 0 {
		f.Fatalf("no seeds match %s", pattern)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// fuzzRead checks a reader on any input: it never panics; it returns
// either an error and no events, or events that are valid, have distinct
// ids, agree with the report, and come back the same through the writer
// and the reader again.
func fuzzRead(t *testing.T, data []byte,
	read func(io.Reader) ([]annotate.Event, Report, error),
	write func(io.Writer, []annotate.Event) error) {
	events, rep, err := read(bytes.NewReader(data))
	if err != nil {
		if events != nil {
			t.Fatalf("%d events with the error %v", len(events), err)
		}
		if err.Error() == "" {
			t.Fatal("an empty error message")
		}
		return
	}
	if rep.Imported != len(events) || rep.Read != rep.Imported+len(rep.Skipped) {
		t.Fatalf("report %+v for %d events", rep, len(events))
	}
	ids := map[string]bool{}
	for i := range events {
		e := &events[i]
		if err := e.Validate(); err != nil {
			t.Fatalf("event %d is invalid: %v", i, err)
		}
		if ids[e.ID] {
			t.Fatalf("id %q twice", e.ID)
		}
		ids[e.ID] = true
	}
	for _, s := range rep.Skipped {
		if s.Reason == "" || s.Row < 1 {
			t.Fatalf("skip without row or reason: %+v", s)
		}
	}
	var buf bytes.Buffer
	if err := write(&buf, events); err != nil {
		t.Fatalf("writing the events read: %v", err)
	}
	again, rep2, err := read(&buf)
	if err != nil || len(rep2.Skipped) > 0 || len(again) != len(events) {
		t.Fatalf("reading the export back: %d events, %+v, %v\n%s", len(again), rep2, err, buf.String())
	}
	for i := range events {
		want := events[i]
		want.Geometry = rightHand(want.Geometry)
		equalEvent(t, again[i], want)
	}
}

func FuzzReadGeoJSON(f *testing.F) {
	addSeeds(f, "testdata/geojson/*.geojson")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, ReadGeoJSON, func(w io.Writer, ev []annotate.Event) error {
			return WriteGeoJSON(w, ev, annotate.DefaultTaxonomy())
		})
	})
}

func FuzzReadCSV(f *testing.F) {
	addSeeds(f, "testdata/csv/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, ReadCSV, func(w io.Writer, ev []annotate.Event) error {
			return WriteCSV(w, ev, nil)
		})
	})
}
