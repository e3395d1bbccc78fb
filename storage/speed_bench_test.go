package storage

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// benchN is the size of the speed benchmarks' projects.
const benchN = 100_000

// benchEvents returns n events as an analyst codes them, without evidence
// spans (so that GDAL imports the same data): nine in ten are points, the
// rest lines and areas, across the region.
func benchEvents(n int) []annotate.Event {
	types := annotate.DefaultTaxonomy()
	places := []string{"Kunduz", "Dushanbe", "Shir Khan Bandar", "Panj", "Mazar-i-Sharif", "Khorog", "Kulob"}
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]annotate.Event, n)
	for i := range out {
		lon, lat := 66+float64(i%4000)/1000, 36+float64(i/4000%2500)/1000
		var g orb.Geometry = orb.Point{lon, lat}
		switch i % 30 {
		case 7, 17:
			g = orb.LineString{{lon, lat}, {lon + 0.05, lat + 0.02}, {lon + 0.1, lat}}
		case 27:
			g = orb.Polygon{{{lon, lat}, {lon + 0.1, lat}, {lon + 0.1, lat + 0.1}, {lon, lat + 0.1}, {lon, lat}}}
		}
		day := base.AddDate(0, 0, i%700)
		place := places[i%len(places)]
		out[i] = annotate.Event{
			ID:   fmt.Sprintf("00000000-0000-4000-8000-%012d", i),
			Type: types[i%len(types)].Name, SubType: "other",
			Title:     fmt.Sprintf("Event %d near %s", i, place),
			Actors:    []annotate.ActorRole{{Name: "Taliban", Role: "actor1"}, {Name: "Border guards", Role: "actor2"}},
			DateStart: day, DateEnd: day, DatePrecision: annotate.PrecisionDay,
			PlaceName: place, Admin1: place, Country: "Afghanistan",
			Geometry: g, GeoPrecision: annotate.GeoNear, Certainty: annotate.Reported, Fatalities: i % 3,
			Tags: []string{"border"}, Notes: "Reported by two outlets.", Status: annotate.StatusDraft, Annotator: "bench",
			Created: base, Updated: base,
		}
	}
	return out
}

// benchProject is a closed project file with benchN events.
func benchProject(b *testing.B) string {
	b.Helper()
	p, path := newProject(b)
	if _, err := p.ImportEvents(benchEvents(benchN)); err != nil {
		b.Fatal(err)
	}
	if err := p.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkImport100k imports 100,000 events into an empty project in one
// transaction.
func BenchmarkImport100k(b *testing.B) {
	events := benchEvents(benchN)
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		p, err := Create(filepath.Join(dir, fmt.Sprintf("import%d.gpkg", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if n, err := p.ImportEvents(events); err != nil || n != benchN {
			b.Fatalf("ImportEvents = %d, %v", n, err)
		}
		b.StopTimer()
		p.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/benchN*1000, "ns/event")
}

// BenchmarkOgr2ogrImport100k has GDAL import the same 100,000 events from
// GeoJSON into a new GeoPackage, as `ogr2ogr -f GPKG out.gpkg in.geojson`
// does (with the spatial index GDAL makes by default, and without), and
// reports the time ratio against ImportEvents measured in the same run.
func BenchmarkOgr2ogrImport100k(b *testing.B) {
	ogr2ogr, err := exec.LookPath("ogr2ogr")
	if err != nil {
		b.Skip("GDAL not installed: no ogr2ogr")
	}
	events := benchEvents(benchN)
	dir := b.TempDir()
	in := filepath.Join(dir, "events.geojson")
	if err := writeGeoJSON(in, events); err != nil {
		b.Fatal(err)
	}
	ours := bestImport(b, dir, events) // Event Atlas on the same events, for the ratio
	for _, variant := range []struct {
		name string
		args []string
	}{{"default", nil}, {"no-spatial-index", []string{"-lco", "SPATIAL_INDEX=NO"}}} {
		b.Run(variant.name, func(b *testing.B) {
			out := filepath.Join(dir, "gdal.gpkg")
			for b.Loop() {
				os.Remove(out)
				args := append([]string{"-f", "GPKG", out, in}, variant.args...)
				if res, err := exec.Command(ogr2ogr, args...).CombinedOutput(); err != nil {
					b.Fatalf("ogr2ogr: %v\n%s", err, res)
				}
			}
			per := b.Elapsed() / time.Duration(b.N)
			b.ReportMetric(float64(per)/float64(ours), "gdal/eventatlas")
			b.ReportMetric(float64(ours.Milliseconds()), "eventatlas-ms")
		})
	}
}

// writeGeoJSON writes events as a GeoJSON FeatureCollection whose
// properties are the events table's columns.
func writeGeoJSON(path string, events []annotate.Event) error {
	fc := geojson.NewFeatureCollection()
	for _, e := range events {
		f := geojson.NewFeature(e.Geometry)
		f.Properties = geojson.Properties{
			"id": e.ID, "type": e.Type, "sub_type": e.SubType, "title": e.Title,
			"date_start": e.DateStart.Format(dateLayout), "date_end": e.DateEnd.Format(dateLayout),
			"date_precision": e.DatePrecision.String(), "place": e.PlaceName, "admin1": e.Admin1, "country": e.Country,
			"geo_precision": int(e.GeoPrecision), "certainty": string(e.Certainty), "fatalities": e.Fatalities,
			"actors": actorsText(e.Actors), "tags": "border", "notes": e.Notes, "status": string(e.Status),
			"created": e.Created.Format(timeLayout), "updated": e.Updated.Format(timeLayout), "annotator": e.Annotator,
		}
		fc.Append(f)
	}
	b, err := json.Marshal(fc)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// BenchmarkOpenAndLoadMap100k opens a project of 100,000 events and loads
// what the map draws.
func BenchmarkOpenAndLoadMap100k(b *testing.B) {
	path := benchProject(b)
	for b.Loop() {
		p, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		events, err := p.MapEvents()
		if err != nil || len(events) != benchN {
			b.Fatalf("MapEvents = %d, %v", len(events), err)
		}
		p.Close()
	}
}

// BenchmarkEvents100k loads every field of 100,000 events, for comparison
// with MapEvents.
func BenchmarkEvents100k(b *testing.B) {
	path := benchProject(b)
	p, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for b.Loop() {
		if events, err := p.Events(); err != nil || len(events) != benchN {
			b.Fatalf("Events = %d, %v", len(events), err)
		}
	}
}

// BenchmarkSingleEdit saves one edit at a time, committed to disk, in a
// project of 100,000 events, and reports the latency percentiles.
func BenchmarkSingleEdit(b *testing.B) {
	path := benchProject(b)
	p, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	timeEdits(b, p)
}

// timeEdits saves one event of the benchmark project once per iteration
// (after 20 warm-up edits: the first ones after the import wait for the OS
// to write the new file back, which is not what an edit costs) and reports
// the 50th and 99th percentile of the time a commit takes.
func timeEdits(b *testing.B, p *Project) {
	lat := editTimes(b, p, b.Loop)
	b.ReportMetric(percentile(lat, 0.50), "p50-ms")
	b.ReportMetric(percentile(lat, 0.99), "p99-ms")
}

// editLatency makes n timed edits as timeEdits does and returns the 50th
// and 99th percentile.
func editLatency(b *testing.B, p *Project, n int) (p50, p99 time.Duration) {
	lat := editTimes(b, p, func() bool { n--; return n >= 0 })
	ms := func(q float64) time.Duration { return time.Duration(percentile(lat, q) * 1e6) }
	return ms(0.50), ms(0.99)
}

// editTimes saves one event of the benchmark project while more says so,
// after 20 warm-up edits, and returns the sorted commit times.
func editTimes(b *testing.B, p *Project, more func() bool) []time.Duration {
	e, err := p.Event(fmt.Sprintf("00000000-0000-4000-8000-%012d", benchN/2))
	if err != nil {
		b.Fatal(err)
	}
	for i := range 20 {
		e.Title = fmt.Sprintf("warm-up %d", i)
		if err := p.SaveEvent(&e); err != nil {
			b.Fatal(err)
		}
	}
	var lat []time.Duration
	for i := 0; more(); i++ {
		e.Title = fmt.Sprintf("edit %d", i)
		start := time.Now()
		if err := p.SaveEvent(&e); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	return lat
}

// percentile is quantile q of the sorted durations lat, in milliseconds.
func percentile(lat []time.Duration, q float64) float64 {
	return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))]) / 1e6
}

// BenchmarkImportFloor100k measures what the driver alone costs for the
// rows ImportEvents writes, as a floor for BenchmarkImport100k: the same
// 100,000 events' values, encoded beforehand, inserted 100 rows a statement
// into the events table of a new project (its date index and fill-id
// trigger dropped, as a bulk import drops them) in one rollback-journal
// transaction with a cache that holds it — no checks, no encoding, no
// spans, no GeoPackage bookkeeping. It reports ImportEvents' best time of
// three in the same run and the ratio.
func BenchmarkImportFloor100k(b *testing.B) {
	events := benchEvents(benchN)
	dir := b.TempDir()
	ours := bestImport(b, dir, events)
	rows := make([]any, 0, benchN*eventColumnCount)
	for i := range events {
		vals, err := eventValues(&events[i], "")
		if err != nil {
			b.Fatal(err)
		}
		rows = append(rows, vals...)
	}
	row := "(?" + strings.Repeat(", ?", eventColumnCount-1) + ")"
	insert := `INSERT INTO events (` + eventColumns + `) VALUES ` + row + strings.Repeat(", "+row, importBatch-1)
	batch := importBatch * eventColumnCount
	var i int
	for b.Loop() {
		b.StopTimer()
		i++
		p, err := Create(filepath.Join(dir, fmt.Sprintf("floor%d.gpkg", i)))
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range []string{`PRAGMA journal_mode = DELETE`, `PRAGMA cache_size = -262144`, `DROP INDEX events_date`, `DROP TRIGGER events_fill_id`} {
			if _, err := p.db.Exec(q); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		tx, err := p.db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		stmt, err := tx.Prepare(insert)
		if err != nil {
			b.Fatal(err)
		}
		for first := 0; first < len(rows); first += batch {
			if _, err := stmt.Exec(rows[first : first+batch]...); err != nil {
				b.Fatal(err)
			}
		}
		stmt.Close()
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		p.Close()
		b.StartTimer()
	}
	per := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(ours.Milliseconds()), "eventatlas-ms")
	b.ReportMetric(float64(ours)/float64(per), "eventatlas/floor")
}

// bestImport is ImportEvents' best time of three, importing events into new
// projects in dir, for a benchmark's ratio against another way.
func bestImport(b *testing.B, dir string, events []annotate.Event) time.Duration {
	b.Helper()
	var best time.Duration
	for i := range 3 {
		p, err := Create(filepath.Join(dir, fmt.Sprintf("ours%d.gpkg", i)))
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if _, err := p.ImportEvents(events); err != nil {
			b.Fatal(err)
		}
		if d := time.Since(start); i == 0 || d < best {
			best = d
		}
		p.Close()
	}
	return best
}
