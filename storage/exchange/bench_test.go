package exchange

import (
	"bytes"
	"io"
	"testing"

	"eventatlas/annotate"
)

// benchWrite times one writer on 100,000 events; the issue asks for each
// format in 2 s or less. It reports the file size too.
func benchWrite(b *testing.B, write func(io.Writer, []annotate.Event) error) {
	events := manyEvents(100_000)
	var size countWriter
	if err := write(&size, events); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := write(io.Discard, events); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB/file")
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

func BenchmarkWriteGeoJSON100k(b *testing.B) {
	benchWrite(b, func(w io.Writer, ev []annotate.Event) error { return WriteGeoJSON(w, ev, annotate.DefaultTaxonomy()) })
}

func BenchmarkWriteCSV100k(b *testing.B) {
	benchWrite(b, func(w io.Writer, ev []annotate.Event) error { return WriteCSV(w, ev, testArticles) })
}

func BenchmarkWriteKML100k(b *testing.B) {
	benchWrite(b, func(w io.Writer, ev []annotate.Event) error {
		return WriteKML(w, ev, annotate.DefaultTaxonomy(), testArticles)
	})
}

func BenchmarkWriteJSONLD100k(b *testing.B) {
	benchWrite(b, func(w io.Writer, ev []annotate.Event) error { return WriteJSONLD(w, ev, testArticles) })
}

// benchRead times one reader on the export of 100,000 events.
func benchRead(b *testing.B, write func(io.Writer, []annotate.Event) error, read func(io.Reader) ([]annotate.Event, Report, error)) {
	var buf bytes.Buffer
	if err := write(&buf, manyEvents(100_000)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for b.Loop() {
		events, _, err := read(bytes.NewReader(data))
		if err != nil || len(events) != 100_000 {
			b.Fatalf("%d events, %v", len(events), err)
		}
	}
}

func BenchmarkReadGeoJSON100k(b *testing.B) {
	benchRead(b, func(w io.Writer, ev []annotate.Event) error { return WriteGeoJSON(w, ev, nil) }, ReadGeoJSON)
}

func BenchmarkReadCSV100k(b *testing.B) {
	benchRead(b, func(w io.Writer, ev []annotate.Event) error { return WriteCSV(w, ev, nil) }, ReadCSV)
}
