package exchange

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"eventatlas/annotate"
)

// cp1251 is "Встреча" ("meeting") and "Куляб" in Windows-1251.
var (
	cp1251Meeting = []byte{0xC2, 0xF1, 0xF2, 0xF0, 0xE5, 0xF7, 0xE0}
	cp1251Kulob   = []byte{0xCA, 0xF3, 0xEB, 0xFF, 0xE1}
)

// readers are the two event readers, by format.
var readers = []struct {
	name string
	read func(io.Reader) ([]annotate.Event, Report, error)
}{{"csv", ReadCSV}, {"geojson", ReadGeoJSON}}

// TestReadNotUTF8: a Windows-1251 file is refused with the line of the
// first bad byte, not read with U+FFFD in its titles.
func TestReadNotUTF8(t *testing.T) {
	csvIn := "event_type,title,location,wkt\nOther,ok,Dushanbe,POINT(68.8 38.5)\nOther," +
		string(cp1251Meeting) + " cp1251," + string(cp1251Kulob) + ",POINT(69.8 37.9)\n"
	gjIn := "{\"type\":\"FeatureCollection\",\"features\":[\n" +
		"{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[68.8,38.5]},\n" +
		"\"properties\":{\"event_type\":\"Other\",\"title\":\"" + string(cp1251Meeting) + "\"}}]}"
	tests := []struct {
		name, in string
		read     func(io.Reader) ([]annotate.Event, Report, error)
		want     string
	}{
		{"csv", csvIn, ReadCSV, "the file is not UTF-8 text (line 3 has byte 0xC2): save it as UTF-8 and import it again"},
		{"geojson", gjIn, ReadGeoJSON, "the file is not UTF-8 text (line 3 has byte 0xC2): save it as UTF-8 and import it again"},
		{"csv header", "event_type,title,wkt," + string(cp1251Kulob) + "\n", ReadCSV, "the file is not UTF-8 text (line 1 has byte 0xCA): save it as UTF-8 and import it again"},
		{"cut sequence at the end", "event_type,title,wkt\nOther,x,POINT(1 2)\xD0", ReadCSV, "the file is not UTF-8 text (line 2 has byte 0xD0): save it as UTF-8 and import it again"},
	}
	for _, tt := range tests {
		for _, slow := range []bool{false, true} {
			var r io.Reader = strings.NewReader(tt.in)
			if slow {
				r = iotest.OneByteReader(r) // sequences cut by every read
			}
			events, _, err := tt.read(r)
			var ee *EncodingError
			if !errors.As(err, &ee) || err.Error() != tt.want {
				t.Errorf("%s (one byte a read %v): err %v, want %q", tt.name, slow, err, tt.want)
			}
			if events != nil {
				t.Errorf("%s: %d events read from a file that is not UTF-8", tt.name, len(events))
			}
		}
	}
}

// TestReadUTF8Text: UTF-8 with or without a byte-order mark, multi-byte
// letters cut by read boundaries, and UTF-16 with a byte-order mark all
// read the same Cyrillic title.
func TestReadUTF8Text(t *testing.T) {
	const title = "Встреча в Кулябе"
	csvIn := "event_type,title,wkt\r\nOther," + title + ",POINT(69.8 37.9)\r\n"
	gjIn := `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[69.8,37.9]},"properties":{"event_type":"Other","title":"` + title + `"}}]}`
	utf16le := func(s string) string {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	utf16be := func(s string) string {
		b := []byte{0xFE, 0xFF}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return string(b)
	}
	for _, rd := range readers {
		in := csvIn
		if rd.name == "geojson" {
			in = gjIn
		}
		for _, enc := range []struct {
			name, in string
			slow     bool
		}{
			{"utf-8", in, false}, {"utf-8 one byte a read", in, true}, {"utf-8 bom", "\uFEFF" + in, false},
			{"utf-16le bom", utf16le(in), false}, {"utf-16be bom", utf16be(in), true},
		} {
			var r io.Reader = strings.NewReader(enc.in)
			if enc.slow {
				r = iotest.OneByteReader(r)
			}
			events, rep, err := rd.read(r)
			if err != nil || len(events) != 1 || len(rep.Skipped) != 0 {
				t.Errorf("%s %s: %d events, report %v, err %v", rd.name, enc.name, len(events), rep, err)
				continue
			}
			if events[0].Title != title {
				t.Errorf("%s %s: title %q, want %q", rd.name, enc.name, events[0].Title, title)
			}
		}
	}
}

// TestReadDatePrecision: a date's text gives the precision when the file
// gives none, and a missing date_end is the period event_date names, in
// both readers alike.
func TestReadDatePrecision(t *testing.T) {
	tests := []struct {
		date       string
		wantPrec   annotate.DatePrecision
		start, end string
	}{
		{"2025-11-13", 0, "2025-11-13", "2025-11-13"}, // a day stays as the file says; FillDefaults makes it day
		{"2025-11", annotate.PrecisionMonth, "2025-11-01", "2025-11-30"},
		{"2024-02", annotate.PrecisionMonth, "2024-02-01", "2024-02-29"},
		{"2025", annotate.PrecisionYear, "2025-01-01", "2025-12-31"},
		{"13 November 2025", 0, "2025-11-13", "2025-11-13"},
	}
	for _, tt := range tests {
		csvIn := "event_type,title,wkt,event_date\nOther,x,POINT(1 2)," + tt.date + "\n"
		gjIn := `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"event_type":"Other","title":"x","event_date":"` + tt.date + `"}}]}`
		for _, rd := range readers {
			in := csvIn
			if rd.name == "geojson" {
				in = gjIn
			}
			events, rep, err := rd.read(strings.NewReader(in))
			if err != nil || len(events) != 1 {
				t.Fatalf("%s %s: %d events, report %v, err %v", rd.name, tt.date, len(events), rep, err)
			}
			e := events[0]
			if e.DatePrecision != tt.wantPrec || formatDate(e.DateStart) != tt.start || formatDate(e.DateEnd) != tt.end {
				t.Errorf("%s %s: precision %v, dates %s–%s; want %v, %s–%s", rd.name, tt.date, e.DatePrecision,
					formatDate(e.DateStart), formatDate(e.DateEnd), tt.wantPrec, tt.start, tt.end)
			}
		}
	}
}

// TestReadGeoJSONDateEnd: a missing date_end is event_date's day, null is
// an unknown end, a number is a skipped feature.
func TestReadGeoJSONDateEnd(t *testing.T) {
	tests := []struct{ member, wantEnd, wantSkip string }{
		{``, "2024-03-05", ""},
		{`,"date_end":null`, "", ""},
		{`,"date_end":"2024-03-07"`, "2024-03-07", ""},
		{`,"date_end":"2024-04"`, "2024-04-30", ""},
		{`,"date_end":7`, "", `property "date_end" is a number, want a string`},
	}
	for _, tt := range tests {
		in := `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"event_type":"Other","title":"x","event_date":"2024-03-05"` + tt.member + `}}]}`
		events, rep, err := ReadGeoJSON(strings.NewReader(in))
		if err != nil {
			t.Fatalf("%s: %v", tt.member, err)
		}
		if tt.wantSkip != "" {
			if len(rep.Skipped) != 1 || rep.Skipped[0].Reason != tt.wantSkip {
				t.Errorf("%s: skipped %v, want %q", tt.member, rep.Skipped, tt.wantSkip)
			}
			continue
		}
		if len(events) != 1 || formatDate(events[0].DateEnd) != tt.wantEnd {
			t.Errorf("%s: events %v, want date_end %q", tt.member, events, tt.wantEnd)
		}
	}
}

// TestReadGeoJSONDateAlias: a file from another tool with "date" instead
// of "event_date" is dated by it; event_date wins when both are there.
func TestReadGeoJSONDateAlias(t *testing.T) {
	for _, tt := range []struct{ props, want string }{
		{`"date":"2025-11-20"`, "2025-11-20"},
		{`"date":"2025-11"`, "2025-11-01"},
		{`"event_date":"2025-11-21","date":"2025-11-20"`, "2025-11-21"},
		{`"title":"undated"`, ""},
	} {
		in := `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"event_type":"Other","title":"x",` + tt.props + `}}]}`
		events, rep, err := ReadGeoJSON(strings.NewReader(in))
		if err != nil || len(events) != 1 {
			t.Fatalf("%s: %v, %v (%v)", tt.props, events, err, rep.Skipped)
		}
		if got := formatDate(events[0].DateStart); got != tt.want {
			t.Errorf("%s: date %q, want %q", tt.props, got, tt.want)
		}
	}
}

// TestReadCSVDateAlias: a CSV whose date column is called "date".
func TestReadCSVDateAlias(t *testing.T) {
	in := "event_type,title,latitude,longitude,date\nOther,x,36.7,68.8,2025-11-20\n"
	events, rep, err := ReadCSV(strings.NewReader(in))
	if err != nil || len(events) != 1 || formatDate(events[0].DateStart) != "2025-11-20" {
		t.Errorf("ReadCSV = %v, %v, %v", events, rep.Skipped, err)
	}
}

// TestFillDefaults: an imported event without precisions gets day and
// exact; precisions the file gave are kept; an undated event keeps an
// unknown date precision.
func TestFillDefaults(t *testing.T) {
	d := day(2025, 11, 13)
	tests := []struct {
		in       annotate.Event
		wantDate annotate.DatePrecision
		wantGeo  annotate.GeoPrecision
	}{
		{annotate.Event{DateStart: d}, annotate.PrecisionDay, annotate.GeoExact},
		{annotate.Event{DateStart: d, DatePrecision: annotate.PrecisionMonth, GeoPrecision: annotate.GeoProvince}, annotate.PrecisionMonth, annotate.GeoProvince},
		{annotate.Event{}, 0, annotate.GeoExact},
	}
	for i, tt := range tests {
		e := tt.in
		FillDefaults(&e)
		if e.DatePrecision != tt.wantDate || e.GeoPrecision != tt.wantGeo {
			t.Errorf("%d: precisions %v, %v; want %v, %v", i, e.DatePrecision, e.GeoPrecision, tt.wantDate, tt.wantGeo)
		}
	}
	// The ACLED CSV then has 1 and 1, not empty cells.
	e := annotate.Event{ID: "a", Type: "Other", Title: "x", DateStart: d, DateEnd: d, Fatalities: -1}
	e.Geometry = testEvents()[0].Geometry
	FillDefaults(&e)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, []annotate.Event{e}, nil); err != nil {
		t.Fatal(err)
	}
	back, _, err := ReadCSV(&buf)
	if err != nil || len(back) != 1 || back[0].DatePrecision != annotate.PrecisionDay || back[0].GeoPrecision != annotate.GeoExact {
		t.Errorf("round trip: %v, %v", back, err)
	}
}

// BenchmarkUTF8Check measures the UTF-8 check on a 1 MB Cyrillic text.
func BenchmarkUTF8Check(b *testing.B) {
	in := []byte(strings.Repeat("Встреча в Кулябе, Хатлон; ", 40000))
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := io.Copy(io.Discard, textReader(bytes.NewReader(in))); err != nil {
			b.Fatal(err)
		}
	}
}
