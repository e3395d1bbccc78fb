package app

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// Export → import into an empty project gives the same events, for every
// format that can carry them (evidence needs its article, which GeoJSON and
// CSV do not carry, so spans are compared apart).
func TestExportImportRoundTrip(t *testing.T) {
	dir, src := newSample(t)
	want := eventsIn(t, src)
	for _, format := range []string{"geojson", "csv"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(dir, "out."+format)
			if code, _, errs := run("export", "-project", src, "-format", format, "-o", out); code != 0 {
				t.Fatal(errs)
			}
			dst := filepath.Join(dir, "empty-"+format+".gpkg")
			run("new", dst)
			if code, _, errs := run("import", "-project", dst, out); code != 0 {
				t.Fatal(errs)
			}
			got := eventsIn(t, dst)
			if len(got) != len(want) {
				t.Fatalf("%d events came back, want %d", len(got), len(want))
			}
			for i := range want {
				w, g := comparable(want[i]), comparable(got[i])
				if !reflect.DeepEqual(w, g) {
					t.Errorf("event %q changed in the round trip:\n got %+v\nwant %+v", want[i].Title, g, w)
				}
			}
		})
	}
}

func eventsIn(t *testing.T, path string) []annotate.Event {
	t.Helper()
	p, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	evs, err := p.Events()
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// comparable drops what an exchange format does not carry or what the
// importing project sets itself: evidence spans and the time of the import.
func comparable(e annotate.Event) annotate.Event {
	e.Spans = nil
	e.Updated = time.Time{}
	if len(e.Tags) == 0 {
		e.Tags = nil
	}
	if len(e.Actors) == 0 {
		e.Actors = nil
	}
	return e
}
