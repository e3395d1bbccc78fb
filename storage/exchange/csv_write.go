package exchange

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"eventatlas/annotate"
	"github.com/paulmach/orb/encoding/wkt"
)

// csvColumns is the header WriteCSV writes, in order.
var csvColumns = []string{
	// ACLED's names (ACLED codebook), filled as CSVColumns says.
	"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
	"actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
	"geo_precision", "source", "notes", "fatalities",
	// The geometry and the evidence.
	"wkt", "quote",
	// Event Atlas's own, for a lossless round trip.
	"id", "title", "date_end", "date_precision", "place_precision", "certainty", "tags",
	"status", "place_id", "annotator", "created", "updated", "actors", "evidence",
}

// CSVColumns returns the header WriteCSV writes. The ACLED columns hold:
//
//	event_id_cnty   the event id (ACLED tools key rows on it); id repeats it
//	event_date      the first day, YYYY-MM-DD
//	time_precision  ACLED's 1 day, 2 week, 3 month; a year is written 3, the
//	                coarsest ACLED knows, and date_precision says "year"
//	event_type, sub_event_type   the taxonomy type and sub-type
//	actor1, actor2  the names of the actors in that role, "; " between two
//	country, admin1, location    country, province, place name
//	latitude, longitude          the coded place's coordinates (WriteCSVPlaces), else a point of
//	                the geometry: a point itself, a line's last vertex (the
//	                destination), a point inside an area; 7 decimals
//	geo_precision   ACLED's 1 exact, 2 near, 3 province; a country-wide event
//	                is written 3 and place_precision says "country"
//	source          the outlets (else the sites of their URLs) of the evidence's articles, "; " between two
//	notes           the coder's notes
//	fatalities      the count, empty when unknown (-1)
//
// then wkt (the geometry, right-hand polygons) and quote (the evidence
// quotes, a blank line between two), then Event Atlas's own columns: id,
// title, date_end, date_precision (day|week|month|year), place_precision
// (exact|near|province|country), certainty, tags ("; " between two), status,
// place_id, annotator, created and updated (RFC 3339 UTC), actors (JSON
// [{"id","name","role"}]) and evidence (JSON [{"id","article_id","start",
// "end","quote","prefix","suffix"}]).
//
// Text cells that a spreadsheet would run as a formula (starting with
// = + - @, a tab or a carriage return) get a leading apostrophe, which
// ReadCSV removes again.
func CSVColumns() []string { return append([]string(nil), csvColumns...) }

// acledTimePrecision maps a date precision to ACLED's time_precision.
func acledTimePrecision(p annotate.DatePrecision) string {
	switch p {
	case annotate.PrecisionDay:
		return "1"
	case annotate.PrecisionWeek:
		return "2"
	case annotate.PrecisionMonth, annotate.PrecisionYear:
		return "3"
	}
	return ""
}

// acledGeoPrecision maps a place precision to ACLED's geo_precision.
func acledGeoPrecision(g annotate.GeoPrecision) string {
	switch g {
	case annotate.GeoExact:
		return "1"
	case annotate.GeoNear:
		return "2"
	case annotate.GeoProvince, annotate.GeoCountry:
		return "3"
	}
	return ""
}

// WriteCSV writes events as CSV (RFC 4180, comma-separated, UTF-8 without
// a byte-order mark) with the header CSVColumns returns, one row per event.
// articles, keyed by article id, name each event's sources; evidence whose
// article is missing still has its quote written.
func WriteCSV(w io.Writer, events []annotate.Event, articles map[string]annotate.Article) error {
	return WriteCSVPlaces(w, events, articles, nil)
}

// WriteCSVPlaces is WriteCSV with the gazetteer: an event with a PlaceID
// that places knows gets that place's coordinates as its latitude and
// longitude, so they agree with the place named in its row. places may be
// nil.
func WriteCSVPlaces(w io.Writer, events []annotate.Event, articles map[string]annotate.Article, places PlacePoints) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	l := csvLine{places: places}
	for _, name := range csvColumns {
		l.field(name)
	}
	l.end()
	for i := range events {
		l.event(&events[i], articles)
		if len(l.b) > 32<<10 {
			if _, err := bw.Write(l.b); err != nil {
				return err
			}
			l.b = l.b[:0]
		}
	}
	if _, err := bw.Write(l.b); err != nil {
		return err
	}
	return bw.Flush()
}

// csvLine builds CSV records, quoting as encoding/csv.Writer does (which
// ReadCSV's encoding/csv.Reader reads).
type csvLine struct {
	b       []byte // records built so far
	scratch []byte // a cell being built
	cells   int    // cells in the current record
	places  PlacePoints
}

// field appends a cell.
func (l *csvLine) field(s string) { l.b = appendCSVField(l.sep(), s) }

// bytes appends a cell held in a byte slice.
func (l *csvLine) bytes(f []byte) { l.b = appendCSVField(l.sep(), f) }

// date appends a day, empty for the zero time; it needs no quotes.
func (l *csvLine) date(t time.Time) {
	l.b = l.sep()
	if !t.IsZero() {
		l.b = t.AppendFormat(l.b, dateLayout)
	}
}

// instant appends a time in UTC, empty for the zero time.
func (l *csvLine) instant(t time.Time) {
	l.b = l.sep()
	if !t.IsZero() {
		l.b = t.UTC().AppendFormat(l.b, time.RFC3339Nano)
	}
}

// degrees appends a coordinate rounded by roundDeg, empty when !ok.
func (l *csvLine) degrees(f float64, ok bool) {
	l.b = l.sep()
	if ok {
		l.b = strconv.AppendFloat(l.b, roundDeg(f), 'f', -1, 64)
	}
}

// count appends n, empty when it is negative (unknown).
func (l *csvLine) count(n int) {
	l.b = l.sep()
	if n >= 0 {
		l.b = strconv.AppendInt(l.b, int64(n), 10)
	}
}

// sep appends the comma before a cell but the first.
func (l *csvLine) sep() []byte {
	if l.cells > 0 {
		l.b = append(l.b, ',')
	}
	l.cells++
	return l.b
}

// end ends the record.
func (l *csvLine) end() {
	l.b = append(l.b, '\n')
	l.cells = 0
}

// appendCSVField appends a cell, quoted when it must be.
func appendCSVField[T string | []byte](b []byte, f T) []byte {
	if !csvNeedsQuotes(f) {
		return append(b, f...)
	}
	b = append(b, '"')
	start := 0
	for i := 0; i < len(f); i++ {
		if f[i] == '"' {
			b = append(b, f[start:i+1]...)
			b = append(b, '"')
			start = i + 1
		}
	}
	b = append(b, f[start:]...)
	return append(b, '"')
}

// csvNeedsQuotes reports whether a cell must be quoted: it holds a comma,
// a quote or a line break, starts with white space, or is \. (which
// PostgreSQL reads as end of data).
func csvNeedsQuotes[T string | []byte](f T) bool {
	if len(f) == 0 {
		return false
	}
	if len(f) == 2 && f[0] == '\\' && f[1] == '.' {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(string(f[:min(len(f), utf8.UTFMax)]))
	return unicode.IsSpace(r)
}

// event appends the record of e, its cells in csvColumns order.
func (l *csvLine) event(e *annotate.Event, articles map[string]annotate.Article) {
	c, located := acledPoint(e, l.places)
	l.field(e.ID)
	l.date(e.DateStart)
	l.field(acledTimePrecision(e.DatePrecision))
	l.field(cell(e.Type))
	l.field(cell(e.SubType))
	l.field(cell(actorNames(e.Actors, "actor1")))
	l.field(cell(actorNames(e.Actors, "actor2")))
	l.field(cell(e.Country))
	l.field(cell(e.Admin1))
	l.field(cell(e.PlaceName))
	l.degrees(c[1], located)
	l.degrees(c[0], located)
	l.field(acledGeoPrecision(e.GeoPrecision))
	l.field(cell(strings.Join(sources(e, articles), "; ")))
	l.field(cell(e.Notes))
	l.count(e.Fatalities)
	l.scratch = l.scratch[:0]
	if e.Geometry != nil {
		l.scratch = append(l.scratch, wkt.Marshal(rightHand(e.Geometry))...)
	}
	l.bytes(l.scratch)
	l.field(cell(quotes(e)))
	l.field(e.ID)
	l.field(cell(e.Title))
	l.date(e.DateEnd)
	l.field(precisionName(e.DatePrecision))
	l.field(geoPrecisionName(e.GeoPrecision))
	l.field(string(e.Certainty))
	l.field(cell(strings.Join(e.Tags, "; ")))
	l.field(string(e.Status))
	l.field(e.PlaceID)
	l.field(cell(e.Annotator))
	l.instant(e.Created)
	l.instant(e.Updated)
	l.scratch = l.scratch[:0]
	if len(e.Actors) > 0 {
		l.scratch = appendActors(l.scratch, e.Actors)
	}
	l.bytes(l.scratch)
	l.scratch = l.scratch[:0]
	if len(e.Spans) > 0 {
		l.scratch = appendSpans(l.scratch, e.Spans)
	}
	l.bytes(l.scratch)
	l.end()
}

// actorNames joins the names of the actors in role.
func actorNames(actors []annotate.ActorRole, role string) string {
	var names []string
	for _, a := range actors {
		if a.Role == role {
			names = append(names, a.Name)
		}
	}
	return strings.Join(names, "; ")
}

// roundDeg rounds degrees to 7 decimals (about a centimetre), so a
// centroid reads 68.73 rather than 68.72999999999999.
func roundDeg(f float64) float64 { return math.Round(f*1e7) / 1e7 }

// formulaLike reports whether a spreadsheet would run s as a formula, or s
// is an apostrophe before such text (so that uncell undoes cell exactly).
func formulaLike(s string) bool {
	for len(s) > 0 && s[0] == '\'' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// cell guards a text cell against formula injection (OWASP "CSV
// injection") with a leading apostrophe.
func cell(s string) string {
	if formulaLike(s) {
		return "'" + s
	}
	return s
}

// uncell undoes cell.
func uncell(s string) string {
	if len(s) > 1 && s[0] == '\'' && formulaLike(s[1:]) {
		return s[1:]
	}
	return s
}
