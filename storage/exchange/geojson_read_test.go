package exchange

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// TestReadGeoJSONBadFile: a file that is not a FeatureCollection is an
// error that names the problem, and no events.
func TestReadGeoJSONBadFile(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "the file is empty"},
		{"white space", " \n\t", "the file is empty"},
		{"not JSON", "hello", "the file is not valid JSON: invalid character 'h' looking for beginning of value at byte 1"},
		{"CSV given", "id,title\n1,x\n", "the file is not valid JSON: invalid character 'i' looking for beginning of value at byte 1"},
		{"number", "42", "not a GeoJSON FeatureCollection: the file holds a number, not a JSON object"},
		{"array", `[{"type":"Feature"}]`, "not a GeoJSON FeatureCollection: the file holds an array, not a JSON object"},
		{"a Feature", `{"type":"Feature","geometry":null,"properties":{}}`, `not a GeoJSON FeatureCollection: its type is "Feature"`},
		{"type not a string", `{"type":1,"features":[]}`, `not a GeoJSON FeatureCollection: its "type" is not a string`},
		{"no type", `{"features":[]}`, `not a GeoJSON FeatureCollection: the object has no "type"`},
		{"no features", `{"type":"FeatureCollection"}`, `not a GeoJSON FeatureCollection: the object has no "features"`},
		{"features not an array", `{"type":"FeatureCollection","features":{}}`, `not a GeoJSON FeatureCollection: "features" is an object, not an array`},
		{"cut short", `{"type":"FeatureCollection","features":[{"type":"Feature",`, "the file is not valid JSON: it ends in the middle of a value (is it cut short?)"},
		{"cut short after the features bracket", `{"type":"FeatureCollection","features":[`, "the file is not valid JSON: it ends in the middle of a value (is it cut short?)"},
		{"bad syntax inside", `{"type":"FeatureCollection","features":[{"type":"Feature"},,]}`, "the file is not valid JSON: invalid character ',' looking for beginning of value at byte 54"},
		{"trailing data", `{"type":"FeatureCollection","features":[]} {}`, "the file is not valid JSON: more data follows the FeatureCollection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			events, _, err := ReadGeoJSON(strings.NewReader(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Fatalf("err = %v\nwant   %s", err, tt.want)
			}
			if events != nil {
				t.Errorf("got %d events with the error", len(events))
			}
		})
	}
}

func TestReadGeoJSONTooLarge(t *testing.T) {
	defer func(n int64) { inputLimit = n }(inputLimit)
	inputLimit = 100
	ok := `{"type":"FeatureCollection","features":[]}` + strings.Repeat(" ", 100-42)
	if _, _, err := ReadGeoJSON(strings.NewReader(ok)); err != nil {
		t.Fatalf("a file of exactly the limit: %v", err)
	}
	_, _, err := ReadGeoJSON(strings.NewReader(ok + " "))
	if !errors.Is(err, ErrTooLarge) || err.Error() != "the file is larger than 200 MB: split it into smaller files before importing" {
		t.Fatalf("err = %v", err)
	}
}

// feature makes a feature with a valid event, changed by the replacements
// old → new in its JSON.
func feature(replace ...string) string {
	f := `{"type":"Feature","id":"f1","geometry":{"type":"Point","coordinates":[68.857,36.729]},` +
		`"properties":{"id":"e1","title":"Talks","event_type":"Diplomacy","event_date":"2024-03-05"}}`
	return strings.NewReplacer(replace...).Replace(f)
}

func collection(features ...string) string {
	return `{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`
}

// TestReadGeoJSONSkips: a bad feature is skipped with the reason; the good
// ones around it are read.
func TestReadGeoJSONSkips(t *testing.T) {
	point := `{"type":"Point","coordinates":[68.857,36.729]}`
	tests := []struct {
		name, feature, id, reason string
	}{
		{"longitude out of range", feature("68.857", "181"), "e1", "longitude 181 is outside -180..180"},
		{"latitude out of range", feature("36.729", "-91.5"), "e1", "latitude -91.5 is outside -90..90"},
		{"no event type", feature(`"event_type":"Diplomacy"`, `"event_type":""`), "e1", "no event type"},
		{"no title", feature(`"title":"Talks",`, ""), "e1", "no title"},
		{"null geometry", feature(point, "null"), "e1", "no geometry"},
		{"one-number position", feature("[68.857,36.729]", "[68.857]"), "e1", "a position needs a longitude and a latitude, has 1 number(s)"},
		{"wrong nesting", feature(`"Point"`, `"Polygon"`), "e1", "the Polygon coordinates are not nested as RFC 7946 §3.1 says"},
		{"open ring", feature(point, `{"type":"Polygon","coordinates":[[[68,37],[69,37],[69,38],[68,38]]]}`), "e1", "a polygon ring is not closed"},
		{"one-point line", feature(point, `{"type":"LineString","coordinates":[[68,37]]}`), "e1", "a line needs two points or more, has 1"},
		{"geometry collection", feature(point, `{"type":"GeometryCollection","geometries":[]}`), "e1", "a GeometryCollection is not supported: give each part its own feature"},
		{"unknown geometry", feature(`"Point"`, `"Circle"`), "e1", `unknown geometry type "Circle"`},
		{"huge number", feature("68.857", "1e999"), "e1", "the coordinate 1e999 is too large for a number"},
		{"fatalities as text", feature(`"title"`, `"fatalities":"3","title"`), "f1", `property "fatalities" is a string, want a number`},
		{"tags not a list", feature(`"title"`, `"tags":"a","title"`), "f1", `property "tags" is a string, want an array`},
		{"negative fatalities", feature(`"title"`, `"fatalities":-4,"title"`), "e1", "fatalities -4 is negative"},
		{"bad date", feature("2024-03-05", "5 March"), "e1", `event_date "5 March" is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{"end before start", feature(`"title"`, `"date_end":"2024-03-01","title"`), "e1", "date_end 2024-03-01 is before event_date 2024-03-05"},
		{"bad precision", feature(`"title"`, `"date_precision":"hour","title"`), "e1", `date_precision "hour" is not day, week, month or year`},
		{"bad place precision", feature(`"title"`, `"place_precision":"street","title"`), "e1", `place_precision "street" is not exact, near, province or country`},
		{"bad certainty", feature(`"title"`, `"certainty":"rumour","title"`), "e1", `certainty "rumour" is not confirmed, reported or alleged`},
		{"bad status", feature(`"title"`, `"status":"done","title"`), "e1", `status "done" is not draft or reviewed`},
		{"bad role", feature(`"title"`, `"actors":[{"name":"X","role":"victim"}],"title"`), "e1", `actor role "victim" is not actor1, actor2 or associated`},
		{"nameless actor", feature(`"title"`, `"actors":[{"role":"actor1"}],"title"`), "e1", "an actor has no name"},
		{"bad span", feature(`"title"`, `"evidence":[{"article_id":"a","start":5,"end":5}],"title"`), "e1", "evidence 1: offsets 5–5 are not a span of text"},
		{"bad time", feature(`"title"`, `"created":"yesterday","title"`), "e1", `created "yesterday" is not a time (want RFC 3339, e.g. 2024-03-05T10:00:00Z)`},
		{"not a Feature", feature(`"type":"Feature"`, `"type":"Point"`), "f1", `not a Feature: its type is "Point"`},
		{"not an object", `42`, "", "not a GeoJSON Feature object"},
	}
	good := feature(`"e1"`, `"good"`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			events, rep, err := ReadGeoJSON(strings.NewReader(collection(good, tt.feature, good2)))
			if err != nil {
				t.Fatal(err)
			}
			want := Report{Read: 3, Imported: 2, Skipped: []Skip{{Row: 2, ID: tt.id, Reason: tt.reason}}}
			if !reflect.DeepEqual(rep, want) {
				t.Fatalf("report %+v\nwant   %+v", rep, want)
			}
			if len(events) != 2 || events[0].ID != "good" || events[1].ID != "good2" {
				t.Errorf("events %d", len(events))
			}
		})
	}
}

var good2 = feature(`"e1"`, `"good2"`)

func TestReadGeoJSONIDs(t *testing.T) {
	in := collection(
		feature(`"id":"e1",`, ""),                          // no properties.id: the Feature id
		feature(`"id":"f1",`, `"id":7,`, `"id":"e1",`, ""), // a numeric Feature id
		feature(`"id":"f1",`, "", `"id":"e1",`, ""),        // no id at all: a new UUID
		feature(), // e1
		feature(`"title":"Talks"`, `"title":"Again"`), // e1 again
	)
	events, rep, err := ReadGeoJSON(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 4 || events[0].ID != "f1" || events[1].ID != "7" || len(events[2].ID) != 36 || events[3].ID != "e1" {
		t.Fatalf("ids %v", ids(events))
	}
	want := []Skip{{Row: 5, ID: "e1", Reason: "the id is the same as feature 4's"}}
	if !reflect.DeepEqual(rep.Skipped, want) {
		t.Errorf("skipped %+v", rep.Skipped)
	}
	if events[0].Fatalities != -1 {
		t.Errorf("missing fatalities read as %d, want -1", events[0].Fatalities)
	}
}

// TestReadGeoJSONForeign reads GeoJSON written by other tools: altitude,
// extra members and properties, a crs member.
func TestReadGeoJSONForeign(t *testing.T) {
	in := `{"type":"FeatureCollection","name":"x","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
	"features":[{"type":"Feature","bbox":[1,2,3,4],"geometry":{"type":"MultiLineString","coordinates":[[[68,37,120.5],[69,38,100]]]},
	"properties":{"title":"Convoy","event_type":"Trade and economy","colour":"red","fatalities":null,"tags":null}}]}`
	events, rep, err := ReadGeoJSON(strings.NewReader(in))
	if err != nil || rep.Imported != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if g, ok := events[0].Geometry.(orb.MultiLineString); !ok || !g.Equal(orb.MultiLineString{{{68, 37}, {69, 38}}}) {
		t.Errorf("geometry %v", events[0].Geometry)
	}
}

func ids(events []annotate.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.ID)
	}
	return out
}

// TestReadGeoJSONTestdata reads the fuzz seeds: ok-*.geojson must read
// (perhaps with rows skipped), bad-*.geojson must be refused.
func TestReadGeoJSONTestdata(t *testing.T) {
	checkSeeds(t, "testdata/geojson/*.geojson", ReadGeoJSON)
}

// checkSeeds reads every seed file: those named ok-* must read without
// error, those named bad-* must fail, and no seed may be named otherwise.
func checkSeeds(t *testing.T, pattern string, read func(io.Reader) ([]annotate.Event, Report, error)) {
	files, _ := filepath.Glob(pattern)
	if len(files) == 0 {
		t.Fatalf("no seeds match %s", pattern)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		events, rep, err := read(bytes.NewReader(data))
		name := filepath.Base(f)
		switch {
		case strings.HasPrefix(name, "ok-"):
			if err != nil {
				t.Errorf("%s: %v", name, err)
			} else if len(events) == 0 || rep.Imported != len(events) || rep.Read != rep.Imported+len(rep.Skipped) {
				t.Errorf("%s: %d events, report %+v", name, len(events), rep)
			}
		case strings.HasPrefix(name, "bad-"):
			if err == nil {
				t.Errorf("%s: read without error: %v", name, rep)
			}
		default:
			t.Errorf("%s: a seed's name must start with ok- or bad-", name)
		}
	}
}
