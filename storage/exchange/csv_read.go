package exchange

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"
)

// csvHeader finds columns by name.
type csvHeader map[string]int

// has reports whether the header has the column.
func (h csvHeader) has(name string) bool { _, ok := h[name]; return ok }

// get returns the row's cell in the column, "" when there is no such
// column. ReadCSV refuses input that is not UTF-8 before it gets here;
// invalid UTF-8 would become U+FFFD, as in JSON.
func (h csvHeader) get(rec []string, name string) string {
	if i, ok := h[name]; ok && i < len(rec) {
		if !utf8.ValidString(rec[i]) {
			return strings.ToValidUTF8(rec[i], "\uFFFD")
		}
		return rec[i]
	}
	return ""
}

// trimmed returns the cell without surrounding white space.
func (h csvHeader) trimmed(rec []string, name string) string {
	return strings.TrimSpace(h.get(rec, name))
}

// text returns a text cell as written by cell.
func (h csvHeader) text(rec []string, name string) string { return uncell(h.get(rec, name)) }

// ReadCSV reads events from CSV with the columns WriteCSV writes. Only
// event_type, title and a geometry (wkt, or latitude and longitude) are
// required; names are matched without regard to case and surrounding space,
// a "date" column stands for event_date when there is none, other columns
// are ignored, and a UTF-8 byte-order mark is skipped.
//
// Each cell is read as CSVColumns describes. Where both are present, the
// own columns win over ACLED's: wkt over latitude/longitude, date_precision
// over time_precision, place_precision over geo_precision, the actors JSON
// over actor1/actor2 and id over event_id_cnty. Dates are YYYY-MM-DD (or
// ACLED's "02 January 2006"), or a month YYYY-MM or a year YYYY, which
// give month or year precision when the row gives none. A missing date_end
// column makes one-day events (a month or a year for those dates); an empty date_end cell leaves it unknown. Evidence
// is read from the evidence column only; quote and source are not read.
//
// A row with a bad geometry, no event_type or title, an unreadable date,
// number or JSON cell, or the wrong number of cells is skipped and the
// report says why. Events keep their id or get a new UUID; a row with an id
// already read is skipped.
//
// The error is non-nil, and the events nil, for a file that is empty, is
// not UTF-8 (an *EncodingError; UTF-16 with a byte-order mark is decoded), is
// not valid CSV, lacks a required column, or is larger than MaxInputSize.
func ReadCSV(r io.Reader) ([]annotate.Event, Report, error) {
	cr := csv.NewReader(textReader(newLimitReader(r)))
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, Report{}, errors.New("the CSV is empty: it has no header row")
		}
		return nil, Report{}, csvError(err)
	}
	h, err := parseHeader(header)
	if err != nil {
		return nil, Report{}, err
	}
	var (
		rep    Report
		events []annotate.Event
		seen   = map[string]int{}
	)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		rep.Read++
		row := rep.Read + 1 // the header is row 1
		if errors.Is(err, csv.ErrFieldCount) {
			rep.skip(row, h.trimmed(rec, "id"), "the row has %d cells, the header %d", len(rec), len(header))
			continue
		}
		if err != nil {
			return nil, Report{}, csvError(err)
		}
		e, err := csvEvent(h, rec)
		given := e.ID
		if err == nil && e.ID == "" {
			setID(&e, contentID(e))
		}
		if err == nil && seen[e.ID] > 0 {
			err = fmt.Errorf("the id is the same as row %d's", seen[e.ID])
			if given == "" {
				err = fmt.Errorf("the same event as row %d: no id and every field alike", seen[e.ID])
			}
		}
		if err != nil {
			rep.skip(row, given, "%v", err)
			continue
		}
		seen[e.ID] = row
		events = append(events, e)
	}
	rep.Imported = len(events)
	return events, rep, nil
}

// parseHeader maps column names to indexes and checks the required ones.
func parseHeader(header []string) (csvHeader, error) {
	h := csvHeader{}
	for i, name := range header {
		if i == 0 {
			name = strings.TrimPrefix(name, "\uFEFF")
		}
		name = strings.ToLower(strings.TrimSpace(name))
		if _, dup := h[name]; !dup {
			h[name] = i
		}
	}
	missing := ""
	switch {
	case !h.has("event_type"):
		missing = `no "event_type" column`
	case !h.has("title"):
		missing = `no "title" column`
	case !h.has("wkt") && !(h.has("latitude") && h.has("longitude")):
		missing = `no geometry: neither a "wkt" column nor "latitude" and "longitude"`
	}
	if missing == "" {
		return h, nil
	}
	hint := ""
	if len(header) == 1 && strings.ContainsAny(header[0], ";\t") {
		hint = "; the file seems separated by semicolons or tabs: save it with commas"
	}
	return nil, fmt.Errorf("the CSV header has %s (its columns: %s)%s", missing, listColumns(header), hint)
}

// listColumns lists up to ten header names for an error message.
func listColumns(header []string) string {
	const most = 10
	if len(header) > most {
		return strings.Join(header[:most], ", ") + fmt.Sprintf(" and %d more", len(header)-most)
	}
	return strings.Join(header, ", ")
}

// csvError explains a CSV syntax error.
func csvError(err error) error {
	if tooLarge(err) {
		return ErrTooLarge
	}
	var ee *EncodingError
	if errors.As(err, &ee) {
		return ee
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("the CSV is malformed on line %d, column %d: %v", pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("reading the CSV: %w", err)
}

// csvEvent reads one row. The returned event carries the row's id even
// when the row is rejected, for the report.
func csvEvent(h csvHeader, rec []string) (annotate.Event, error) {
	id := h.trimmed(rec, "id")
	if id == "" {
		id = h.trimmed(rec, "event_id_cnty")
	}
	e := annotate.Event{
		ID:        id,
		Type:      h.text(rec, "event_type"),
		SubType:   h.text(rec, "sub_event_type"),
		Title:     h.text(rec, "title"),
		PlaceID:   h.trimmed(rec, "place_id"),
		PlaceName: h.text(rec, "location"),
		Admin1:    h.text(rec, "admin1"),
		Country:   h.text(rec, "country"),
		Certainty: annotate.Certainty(h.trimmed(rec, "certainty")),
		Notes:     h.text(rec, "notes"),
		Status:    annotate.Status(h.trimmed(rec, "status")),
		Annotator: h.text(rec, "annotator"),
	}
	// Type and title first: a row without them is not an event at all.
	if err := checkFields(&annotate.Event{Type: e.Type, Title: e.Title}); err != nil {
		return e, err
	}
	var err error
	if e.Geometry, err = csvGeometry(h, rec); err != nil {
		return e, err
	}
	if err = annotate.ValidateGeometry(e.Geometry); err != nil {
		return e, err
	}
	var textPrec annotate.DatePrecision
	dateCol := "event_date"
	if !h.has(dateCol) && h.has("date") {
		dateCol = "date" // a file from another tool
	}
	if e.DateStart, textPrec, err = parseDateText(dateCol, h.trimmed(rec, dateCol), false); err != nil {
		return e, err
	}
	e.DateEnd = annotate.PeriodEnd(e.DateStart, textPrec)
	if h.has("date_end") {
		if e.DateEnd, _, err = parseDateText("date_end", h.trimmed(rec, "date_end"), true); err != nil {
			return e, err
		}
	}
	if e.DatePrecision, err = csvPrecision(h, rec); err != nil {
		return e, err
	}
	if e.DatePrecision == 0 && textPrec > annotate.PrecisionDay {
		e.DatePrecision = textPrec
	}
	if e.GeoPrecision, err = csvGeoPrecision(h, rec); err != nil {
		return e, err
	}
	if e.Fatalities, err = csvFatalities(h.trimmed(rec, "fatalities")); err != nil {
		return e, err
	}
	if e.Created, err = parseTime("created", h.trimmed(rec, "created")); err != nil {
		return e, err
	}
	if e.Updated, err = parseTime("updated", h.trimmed(rec, "updated")); err != nil {
		return e, err
	}
	if e.Actors, err = csvActors(h, rec); err != nil {
		return e, err
	}
	if e.Spans, err = csvSpans(h.trimmed(rec, "evidence"), e.ID); err != nil {
		return e, err
	}
	e.Tags = splitList(h.text(rec, "tags"))
	return e, checkFields(&e)
}

// csvGeometry reads the wkt cell, else latitude and longitude.
func csvGeometry(h csvHeader, rec []string) (orb.Geometry, error) {
	if s := strings.TrimSpace(h.get(rec, "wkt")); s != "" {
		return parseWKT(s)
	}
	lat, lon := h.trimmed(rec, "latitude"), h.trimmed(rec, "longitude")
	if lat == "" && lon == "" {
		return nil, errors.New("no geometry: wkt, latitude and longitude are empty")
	}
	y, err := strconv.ParseFloat(lat, 64)
	if err != nil {
		return nil, fmt.Errorf("latitude %q is not a number", lat)
	}
	x, err := strconv.ParseFloat(lon, 64)
	if err != nil {
		return nil, fmt.Errorf("longitude %q is not a number", lon)
	}
	return orb.Point{x, y}, nil
}

// parseWKT reads a WKT geometry; a panic in the parser becomes an error.
func parseWKT(s string) (g orb.Geometry, err error) {
	defer func() {
		if recover() != nil {
			g, err = nil, fmt.Errorf("wkt %s is not a WKT geometry", shorten(s))
		}
	}()
	g, err = wkt.Unmarshal(s)
	if err != nil {
		return nil, fmt.Errorf("wkt %s is not a WKT geometry (%v)", shorten(s), err)
	}
	if _, ok := g.(orb.Collection); ok {
		return nil, errors.New("a GEOMETRYCOLLECTION is not supported: give each part its own row")
	}
	return g, nil
}

// shorten quotes s, cut to 40 bytes, for an error message.
func shorten(s string) string {
	const most = 40
	if len(s) > most {
		cut := most
		for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
			cut--
		}
		return strconv.Quote(s[:cut]) + "…"
	}
	return strconv.Quote(s)
}

// csvPrecision reads date_precision, else ACLED's time_precision.
func csvPrecision(h csvHeader, rec []string) (annotate.DatePrecision, error) {
	if s := h.trimmed(rec, "date_precision"); s != "" {
		return parsePrecision(s)
	}
	switch s := h.trimmed(rec, "time_precision"); s {
	case "":
		return 0, nil
	case "1":
		return annotate.PrecisionDay, nil
	case "2":
		return annotate.PrecisionWeek, nil
	case "3":
		return annotate.PrecisionMonth, nil
	default:
		return 0, fmt.Errorf("time_precision %q is not 1, 2 or 3", s)
	}
}

// csvGeoPrecision reads place_precision, else ACLED's geo_precision.
func csvGeoPrecision(h csvHeader, rec []string) (annotate.GeoPrecision, error) {
	if s := h.trimmed(rec, "place_precision"); s != "" {
		return parseGeoPrecision(s)
	}
	switch s := h.trimmed(rec, "geo_precision"); s {
	case "":
		return 0, nil
	case "1":
		return annotate.GeoExact, nil
	case "2":
		return annotate.GeoNear, nil
	case "3":
		return annotate.GeoProvince, nil
	default:
		return 0, fmt.Errorf("geo_precision %q is not 1, 2 or 3", s)
	}
}

// csvFatalities reads a count; empty is unknown (-1).
func csvFatalities(s string) (int, error) {
	if s == "" {
		return -1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("fatalities %q is not a whole number", s)
	}
	return n, checkFatalities(n)
}

// csvActors reads the actors JSON, else the names in actor1 and actor2.
func csvActors(h csvHeader, rec []string) ([]annotate.ActorRole, error) {
	if s := h.trimmed(rec, "actors"); s != "" {
		var list []actorJSON
		if err := json.Unmarshal([]byte(s), &list); err != nil {
			return nil, errors.New(`actors is not a JSON list of {"id", "name", "role"}`)
		}
		var out []annotate.ActorRole
		for _, a := range list {
			if a.Name == "" {
				return nil, errors.New("an actor has no name")
			}
			if err := checkRole(a.Role); err != nil {
				return nil, err
			}
			out = append(out, annotate.ActorRole{ActorID: a.ID, Name: a.Name, Role: a.Role})
		}
		return out, nil
	}
	var out []annotate.ActorRole
	for _, role := range []string{"actor1", "actor2"} {
		for _, name := range splitList(h.text(rec, role)) {
			out = append(out, annotate.ActorRole{Name: name, Role: role})
		}
	}
	return out, nil
}

// csvSpans reads the evidence JSON.
func csvSpans(s, eventID string) ([]annotate.Span, error) {
	if s == "" {
		return nil, nil
	}
	var list []spanJSON
	if err := json.Unmarshal([]byte(s), &list); err != nil {
		return nil, errors.New(`evidence is not a JSON list of {"article_id", "start", "end", "quote", ...}`)
	}
	var out []annotate.Span
	for _, sp := range list {
		out = append(out, annotate.Span{ID: sp.ID, ArticleID: sp.ArticleID, EventID: eventID,
			Start: sp.Start, End: sp.End, Quote: sp.Quote, Prefix: sp.Prefix, Suffix: sp.Suffix})
	}
	return out, nil
}

// splitList splits "a; b" into its trimmed, non-empty items.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ";") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
