package exchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// TestWriteCSVColumns checks the ACLED cells and the mapping of the
// precisions, fatalities and sources.
func TestWriteCSVColumns(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, testEvents(), testArticles); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], CSVColumns()) || rows[0][0] != "event_id_cnty" || rows[0][16] != "wkt" {
		t.Fatalf("header %q", rows[0])
	}
	col := func(row int, name string) string {
		for i, c := range rows[0] {
			if c == name {
				return rows[row][i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	tests := []struct {
		row        int
		name, want string
	}{
		{1, "event_id_cnty", "0b6f2c4e-8f0a-4f0e-9a57-0d3c8a1b2c01"},
		{1, "event_date", "2024-03-05"},
		{1, "time_precision", "1"},
		{1, "actor1", "Government of Tajikistan"},
		{1, "actor2", "Taliban"},
		{1, "latitude", "36.729"},
		{1, "longitude", "68.857"},
		{1, "geo_precision", "1"},
		{1, "source", "Asia-Plus"},
		{1, "fatalities", ""},
		{1, "wkt", "POINT(68.857 36.729)"},
		{1, "quote", `a delegation, led by "the minister", arrived`},
		{2, "time_precision", "2"},
		{2, "geo_precision", "2"},
		{2, "latitude", "36.73"}, // a line's last vertex: its destination
		{2, "longitude", "68.86"},
		{2, "source", "Asia-Plus"},
		{2, "quote", "Колонна, из 40 \"КамАЗов\"\n\n=SUM(A1:A2) trucks"},
		{3, "time_precision", "3"},
		{3, "geo_precision", "3"},
		{3, "fatalities", "3"},
		{3, "latitude", "37.5"}, // the centroid is in the hole: the middle of the widest stretch across
		{3, "longitude", "68.1"},
		{3, "title", `Clashes in Khatlon, "border area"`},
		{3, "wkt", "POLYGON((68 37,69 37,69 38,68 38,68 37),(68.2 37.2,68.2 37.8,68.8 37.8,68.8 37.2,68.2 37.2))"},
		{4, "time_precision", "3"}, // a year: ACLED's coarsest
		{4, "date_precision", "year"},
		{4, "geo_precision", "3"}, // a country: ACLED's coarsest
		{4, "place_precision", "country"},
		{4, "fatalities", "0"},
		{4, "tags", "'=cmd"}, // formula guard
		{5, "event_date", ""},
		{5, "time_precision", ""},
		{5, "created", ""},
	}
	for _, tt := range tests {
		if got := col(tt.row, tt.name); got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.name, got, tt.want)
		}
	}
}

func TestCell(t *testing.T) {
	for _, s := range []string{"", "plain", "=1+1", "+7 992", "-5", "@SUM", "\tx", "'", "'=x", "''=x", "'a", "a=b"} {
		c := cell(s)
		if formulaLike(s) != (c != s) {
			t.Errorf("cell(%q) = %q", s, c)
		}
		if c != s && (c[0] != '\'' || c[1:] != s) {
			t.Errorf("cell(%q) = %q, want an apostrophe before it", s, c)
		}
		if got := uncell(c); got != s {
			t.Errorf("uncell(cell(%q)) = %q", s, got)
		}
	}
}

func TestReadCSVBadFile(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "the CSV is empty: it has no header row"},
		{"no title", "event_type,wkt\nDiplomacy,POINT(1 2)\n", `the CSV header has no "title" column (its columns: event_type, wkt)`},
		{"no event_type", "title,wkt\n", `the CSV header has no "event_type" column (its columns: title, wkt)`},
		{"no geometry", "event_type,title,latitude\n", `the CSV header has no geometry: neither a "wkt" column nor "latitude" and "longitude" (its columns: event_type, title, latitude)`},
		{"semicolons", "event_type;title;latitude;longitude\nDiplomacy;Talks;36.7;68.8\n",
			`the CSV header has no "event_type" column (its columns: event_type;title;latitude;longitude); the file seems separated by semicolons or tabs: save it with commas`},
		{"many columns", "a,b,c,d,e,f,g,h,i,j,k,l\n", `the CSV header has no "event_type" column (its columns: a, b, c, d, e, f, g, h, i, j and 2 more)`},
		{"bare quote", "event_type,title,wkt\nDiplomacy,Talks \"in\" Kunduz,POINT(1 2)\n", `the CSV is malformed on line 2, column 17: bare " in non-quoted-field`},
		{"open quote", "event_type,title,wkt\nDiplomacy,\"Talks,POINT(1 2)\n", `the CSV is malformed on line 2, column 29: extraneous or missing " in quoted-field`},
		{"GeoJSON given", `{"type":"FeatureCollection","features":[]}`, `the CSV is malformed on line 1, column 2: bare " in non-quoted-field`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			events, _, err := ReadCSV(strings.NewReader(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Fatalf("err = %v\nwant   %s", err, tt.want)
			}
			if events != nil {
				t.Errorf("%d events with the error", len(events))
			}
		})
	}
}

func TestReadCSVTooLarge(t *testing.T) {
	defer func(n int64) { inputLimit = n }(inputLimit)
	in := "event_type,title,wkt\n" + strings.Repeat("Other,Talks,POINT(1 2)\n", 3)
	inputLimit = int64(len(in))
	if _, _, err := ReadCSV(strings.NewReader(in)); err != nil {
		t.Fatalf("%d bytes: %v", len(in), err)
	}
	_, _, err := ReadCSV(strings.NewReader(in + "Other,Talks,POINT(1 2)\n"))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v", err)
	}
}

// TestReadCSVSkips: a bad row is skipped with the reason and its
// spreadsheet row number; the rows around it are read.
func TestReadCSVSkips(t *testing.T) {
	header := "id,event_type,title,wkt,latitude,longitude,event_date,date_end,time_precision,geo_precision,fatalities,actors,evidence,created\n"
	good := "g1,Diplomacy,Talks,,36.7,68.8,2024-03-05,,,,,,,\n"
	tests := []struct{ name, row, id, reason string }{
		{"no type", "x,,Talks,POINT(1 2),,,,,,,,,,\n", "x", "no event type"},
		{"no title", "x,Other,,POINT(1 2),,,,,,,,,,\n", "x", "no title"},
		{"longitude out of range", "x,Other,T,,36,181,,,,,,,,\n", "x", "longitude 181 is outside -180..180"},
		{"latitude out of range", "x,Other,T,\"POINT(68 -95)\",,,,,,,,,,\n", "x", "latitude -95 is outside -90..90"},
		{"NaN", "x,Other,T,,NaN,68,,,,,,,,\n", "x", "a coordinate is not a number (NaN)"},
		{"latitude not a number", "x,Other,T,,abc,68,,,,,,,,\n", "x", `latitude "abc" is not a number`},
		{"no geometry", "x,Other,T,,,,,,,,,,,\n", "x", "no geometry: wkt, latitude and longitude are empty"},
		{"bad wkt", "x,Other,T,POINT(1),,,,,,,,,,\n", "x", `wkt "POINT(1)" is not a WKT geometry (wkt: invalid data)`},
		{"unknown wkt", "x,Other,T,CIRCLE(1 2 3),,,,,,,,,,\n", "x", `wkt "CIRCLE(1 2 3)" is not a WKT geometry (wkt: unsupported geometry)`},
		{"long wkt cut", "x,Other,T,POINT(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17),,,,,,,,,,\n", "x",
			`wkt "POINT(1 2 3 4 5 6 7 8 9 10 11 12 13 14 1"… is not a WKT geometry (wkt: invalid data)`},
		{"collection", "x,Other,T,GEOMETRYCOLLECTION(POINT(1 2)),,,,,,,,,,\n", "x", "a GEOMETRYCOLLECTION is not supported: give each part its own row"},
		{"open ring", `x,Other,T,"POLYGON((1 1,2 1,2 2,1 2))",,,,,,,,,,` + "\n", "x", "a polygon ring is not closed"},
		{"bad date", "x,Other,T,POINT(1 2),,,March 5,,,,,,,\n", "x", `event_date "March 5" is not a date (want YYYY-MM-DD, YYYY-MM or YYYY)`},
		{"end before start", "x,Other,T,POINT(1 2),,,2024-03-05,2024-03-04,,,,,,\n", "x", "date_end 2024-03-04 is before event_date 2024-03-05"},
		{"time_precision", "x,Other,T,POINT(1 2),,,,,4,,,,,\n", "x", `time_precision "4" is not 1, 2 or 3`},
		{"geo_precision", "x,Other,T,POINT(1 2),,,,,,0,,,,\n", "x", `geo_precision "0" is not 1, 2 or 3`},
		{"fatalities text", "x,Other,T,POINT(1 2),,,,,,,many,,,\n", "x", `fatalities "many" is not a whole number`},
		{"fatalities negative", "x,Other,T,POINT(1 2),,,,,,,-2,,,\n", "x", "fatalities -2 is negative"},
		{"actors not JSON", "x,Other,T,POINT(1 2),,,,,,,,Taliban,,\n", "x", `actors is not a JSON list of {"id", "name", "role"}`},
		{"actor role", `x,Other,T,POINT(1 2),,,,,,,,"[{""name"":""A"",""role"":""chief""}]",,` + "\n", "x", `actor role "chief" is not actor1, actor2 or associated`},
		{"evidence not JSON", "x,Other,T,POINT(1 2),,,,,,,,,quote,\n", "x", `evidence is not a JSON list of {"article_id", "start", "end", "quote", ...}`},
		{"evidence offsets", `x,Other,T,POINT(1 2),,,,,,,,,"[{""start"":9,""end"":2}]",` + "\n", "x", "evidence 1: offsets 9–2 are not a span of text"},
		{"created", "x,Other,T,POINT(1 2),,,,,,,,,,2024-03-05 10:00\n", "x", `created "2024-03-05 10:00" is not a time (want RFC 3339, e.g. 2024-03-05T10:00:00Z)`},
		{"short row", "x,Other,T\n", "x", "the row has 3 cells, the header 14"},
		{"long row", "x,Other,T,POINT(1 2),,,,,,,,,,,extra\n", "x", "the row has 15 cells, the header 14"},
		{"duplicate id", "g1,Other,T,POINT(1 2),,,,,,,,,,\n", "g1", "the id is the same as row 2's"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			events, rep, err := ReadCSV(strings.NewReader(header + good + tt.row + strings.Replace(good, "g1", "g2", 1)))
			if err != nil {
				t.Fatal(err)
			}
			want := Report{Read: 3, Imported: 2, Skipped: []Skip{{Row: 3, ID: tt.id, Reason: tt.reason}}}
			if !reflect.DeepEqual(rep, want) {
				t.Fatalf("report %+v\nwant   %+v", rep, want)
			}
			if len(events) != 2 || events[0].ID != "g1" || events[1].ID != "g2" {
				t.Errorf("events %v", ids(events))
			}
		})
	}
}

// TestReadCSVACLED reads a file laid out as ACLED's exports, with extra
// columns, an older date format, several actor2 and no own columns.
func TestReadCSVACLED(t *testing.T) {
	in := "\uFEFFevent_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,Title\n" +
		"AFG10001,05 March 2024,2024,2,Battles,Armed clash,Taliban,Unidentified Armed Group; NRF,Afghanistan,Kunduz,Imam Sahib,37.1817,68.9117,3,Pajhwok,\"Clash, \"\"heavy\"\" fire.\",3,Clash in Imam Sahib\n"
	events, rep, err := ReadCSV(strings.NewReader(in))
	if err != nil || rep.Imported != 1 {
		t.Fatalf("%v %v", rep, err)
	}
	want := annotate.Event{ID: "AFG10001", Type: "Battles", SubType: "Armed clash", Title: "Clash in Imam Sahib",
		Actors:    []annotate.ActorRole{{Name: "Taliban", Role: "actor1"}, {Name: "Unidentified Armed Group", Role: "actor2"}, {Name: "NRF", Role: "actor2"}},
		DateStart: day(2024, 3, 5), DateEnd: day(2024, 3, 5), DatePrecision: annotate.PrecisionWeek,
		PlaceName: "Imam Sahib", Admin1: "Kunduz", Country: "Afghanistan", Geometry: orb.Point{68.9117, 37.1817},
		GeoPrecision: annotate.GeoProvince, Fatalities: 3, Notes: `Clash, "heavy" fire.`}
	equalEvent(t, events[0], want)
}

func TestReadCSVTestdata(t *testing.T) {
	checkSeeds(t, "testdata/csv/*.csv", ReadCSV)
}

// TestCSVLine quotes as encoding/csv.Writer does.
func TestCSVLine(t *testing.T) {
	row := []string{"", "plain", "a,b", `say "hi"`, "two\nlines", "cr\rx", " lead", "\u00a0nbsp", `\.`, "Душанбе", "trail "}
	var want bytes.Buffer
	w := csv.NewWriter(&want)
	w.Write(row)
	w.Flush()
	var l csvLine
	for _, f := range row {
		l.field(f)
	}
	l.end()
	if got := string(l.b); got != want.String() {
		t.Errorf("got  %q\nwant %q", got, want.String())
	}
}
