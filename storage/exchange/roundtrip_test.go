package exchange

import (
	"bytes"
	"io"
	"testing"

	"eventatlas/annotate"
)

// roundTrips are the formats that carry events both ways.
var roundTrips = []struct {
	name  string
	write func(io.Writer, []annotate.Event) error
	read  func(io.Reader) ([]annotate.Event, Report, error)
}{
	{"GeoJSON", func(w io.Writer, ev []annotate.Event) error {
		return WriteGeoJSON(w, ev, annotate.DefaultTaxonomy())
	}, ReadGeoJSON},
	{"CSV", func(w io.Writer, ev []annotate.Event) error { return WriteCSV(w, ev, testArticles) }, ReadCSV},
}

// TestRoundTrip exports each event alone and all together, imports the
// file as into an empty project and expects the same events back.
func TestRoundTrip(t *testing.T) {
	events := testEvents()
	for _, f := range roundTrips {
		cases := map[string][]annotate.Event{"all": events}
		for _, e := range events {
			cases[e.Title] = []annotate.Event{e}
		}
		for name, want := range cases {
			t.Run(f.name+"/"+name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := f.write(&buf, want); err != nil {
					t.Fatal(err)
				}
				got, rep, err := f.read(&buf)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Read != len(want) || rep.Imported != len(want) || len(rep.Skipped) != 0 {
					t.Fatalf("report %+v, want %d read and imported", rep, len(want))
				}
				if len(got) != len(want) {
					t.Fatalf("got %d events, want %d", len(got), len(want))
				}
				for i := range want {
					equalEvent(t, got[i], want[i])
				}
			})
		}
	}
}

// TestRoundTripEmpty: no events make a file that reads back as none.
func TestRoundTripEmpty(t *testing.T) {
	for _, f := range roundTrips {
		var buf bytes.Buffer
		if err := f.write(&buf, nil); err != nil {
			t.Fatal(err)
		}
		got, rep, err := f.read(&buf)
		if err != nil || len(got) != 0 || rep.Read != 0 {
			t.Errorf("%s: %d events, %+v, %v", f.name, len(got), rep, err)
		}
	}
}

// TestWritersLeaveEventsAlone: exporting reorients polygons in the file,
// never in the caller's events.
func TestWritersLeaveEventsAlone(t *testing.T) {
	events := testEvents()
	cw := clockwise()
	events[2].Geometry = cw
	before := cw.Clone()
	writers := map[string]func(io.Writer) error{
		"GeoJSON": func(w io.Writer) error { return WriteGeoJSON(w, events, annotate.DefaultTaxonomy()) },
		"CSV":     func(w io.Writer) error { return WriteCSV(w, events, testArticles) },
		"KML":     func(w io.Writer) error { return WriteKML(w, events, annotate.DefaultTaxonomy(), testArticles) },
		"JSON-LD": func(w io.Writer) error { return WriteJSONLD(w, events, testArticles) },
	}
	for name, write := range writers {
		if err := write(io.Discard); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !cw.Equal(before) {
			t.Fatalf("%s changed the event's polygon to %v", name, cw)
		}
	}
}
