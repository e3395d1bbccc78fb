package exchange

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"eventatlas/annotate"
)

// ReadGeoJSON reads events from a GeoJSON FeatureCollection with the
// properties WriteGeoJSON writes. Features are read one at a time, so the
// file is never held whole in memory.
//
// A feature with a bad geometry (annotate.ValidateGeometry: out-of-range or
// missing coordinates, open rings, a GeometryCollection), without
// event_type or title, with a property of the wrong JSON type or an
// unknown precision, certainty or status is skipped and the report says
// why. Events keep the id in properties.id, else the Feature's id, else get
// a new UUID; a second feature with an id already read is skipped.
// Unknown properties are ignored.
//
// The error is non-nil, and the events nil, only for a file that is empty,
// not UTF-8 (an *EncodingError; a UTF-8 byte-order mark is skipped and
// UTF-16 with one is decoded), not JSON, not a FeatureCollection, or larger than MaxInputSize.
func ReadGeoJSON(r io.Reader) ([]annotate.Event, Report, error) {
	dec := json.NewDecoder(textReader(newLimitReader(r)))
	var (
		rep     Report
		events  []annotate.Event
		typ     string
		hasType bool
		hasFeat bool
		seen    = map[string]int{}
	)
	tok, err := dec.Token()
	if err == io.EOF {
		return nil, Report{}, errors.New("the file is empty")
	}
	if err != nil {
		return nil, Report{}, jsonError(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, Report{}, fmt.Errorf("not a GeoJSON FeatureCollection: the file holds %s, not a JSON object", describeToken(tok))
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, Report{}, jsonError(err)
		}
		switch key, _ := tok.(string); key {
		case "type":
			hasType = true
			if err := dec.Decode(&typ); err != nil {
				return nil, Report{}, notCollection(err, `its "type" is not a string`)
			}
			if typ != "FeatureCollection" {
				return nil, Report{}, fmt.Errorf("not a GeoJSON FeatureCollection: its type is %q", typ)
			}
		case "features":
			hasFeat = true
			if events, err = readFeatures(dec, &rep, events, seen); err != nil {
				return nil, Report{}, err
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, Report{}, jsonError(err)
			}
		}
	}
	if _, err := dec.Token(); err != nil { // the closing }
		return nil, Report{}, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		if err != nil {
			return nil, Report{}, jsonError(err)
		}
		return nil, Report{}, errors.New("the file is not valid JSON: more data follows the FeatureCollection")
	}
	switch {
	case !hasType:
		return nil, Report{}, errors.New(`not a GeoJSON FeatureCollection: the object has no "type"`)
	case !hasFeat:
		return nil, Report{}, errors.New(`not a GeoJSON FeatureCollection: the object has no "features"`)
	}
	rep.Imported = len(events)
	return events, rep, nil
}

// readFeatures reads the "features" array, appending the events read to
// events and the features skipped to rep; seen maps the ids read to their
// feature numbers.
func readFeatures(dec *json.Decoder, rep *Report, events []annotate.Event, seen map[string]int) ([]annotate.Event, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonError(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, fmt.Errorf(`not a GeoJSON FeatureCollection: "features" is %s, not an array`, describeToken(tok))
	}
	for dec.More() {
		var f featureJSON
		err := dec.Decode(&f)
		var typeErr *json.UnmarshalTypeError
		if err != nil && !errors.As(err, &typeErr) {
			return nil, jsonError(err)
		}
		rep.Read++
		e, id, err := decodeFeature(&f, typeErr)
		if err == nil && seen[e.ID] > 0 {
			err = fmt.Errorf("the id is the same as feature %d's", seen[e.ID])
			if id == "" {
				err = fmt.Errorf("the same event as feature %d: no id and every field alike", seen[e.ID])
			}
		}
		if err != nil {
			rep.skip(rep.Read, id, "%v", err)
			continue
		}
		seen[e.ID] = rep.Read
		events = append(events, e)
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		return nil, jsonError(err)
	}
	return events, nil
}

// featureJSON is a GeoJSON Feature as read.
type featureJSON struct {
	Type       string    `json:"type"`
	ID         any       `json:"id"`
	Geometry   *geomJSON `json:"geometry"`
	Properties props     `json:"properties"`
}

// decodeFeature turns a Feature read with the type error typeErr (nil when
// none) into an event, returning the id it carries (for the report) and
// why it cannot be imported.
func decodeFeature(f *featureJSON, typeErr *json.UnmarshalTypeError) (annotate.Event, string, error) {
	id := featureID(f.ID)
	if typeErr != nil {
		return annotate.Event{}, id, featureTypeError(typeErr)
	}
	if f.Type != "Feature" {
		return annotate.Event{}, id, fmt.Errorf("not a Feature: its type is %q", f.Type)
	}
	p := &f.Properties
	if p.ID == "" {
		p.ID = id
	}
	id = p.ID
	e, err := p.event()
	if err != nil {
		return e, id, err
	}
	if e.Geometry, err = decodeGeometry(f.Geometry); err != nil {
		return e, id, err
	}
	if err := annotate.ValidateGeometry(e.Geometry); err != nil {
		return e, id, err
	}
	if e.ID == "" {
		setID(&e, contentID(e))
	}
	return e, id, nil
}

// setID gives e and its spans the id.
func setID(e *annotate.Event, id string) {
	e.ID = id
	for i := range e.Spans {
		e.Spans[i].EventID = id
	}
}

// featureID turns a Feature's id member, a string or a number, into text.
func featureID(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

// featureTypeError says which part of a Feature has the wrong JSON type.
func featureTypeError(te *json.UnmarshalTypeError) error {
	switch field := te.Field; {
	case field == "properties":
		return errors.New("the properties are not a JSON object")
	case strings.HasPrefix(field, "properties."):
		return fmt.Errorf("property %q is %s, want %s", strings.TrimPrefix(field, "properties."),
			article(te.Value), jsonKind(te.Type.Kind().String()))
	case field == "geometry" || strings.HasPrefix(field, "geometry."):
		return errors.New("the geometry is not a GeoJSON geometry object")
	}
	return errors.New("not a GeoJSON Feature object")
}

// article puts "a" or "an" before a JSON value kind such as "string".
func article(kind string) string {
	switch kind {
	case "array", "object":
		return "an " + kind
	case "bool":
		return "a boolean"
	case "":
		return "of the wrong type"
	}
	return "a " + kind
}

// jsonKind says which JSON value a Go kind is read from.
func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "int", "int64", "float64":
		return "a number"
	case "slice", "array":
		return "an array"
	case "struct", "map":
		return "an object"
	case "ptr":
		return "a value or null"
	}
	return goKind
}

// jsonError turns a decoding error into one that says what is wrong with
// the file.
func jsonError(err error) error {
	var se *json.SyntaxError
	var ee *EncodingError
	switch {
	case tooLarge(err):
		return ErrTooLarge
	case errors.As(err, &ee):
		return ee
	case err == io.EOF, err == io.ErrUnexpectedEOF:
		// Past the first token, the end of the file means it was cut short.
		return errors.New("the file is not valid JSON: it ends in the middle of a value (is it cut short?)")
	case errors.As(err, &se):
		return fmt.Errorf("the file is not valid JSON: %s at byte %d", se.Error(), se.Offset)
	}
	return fmt.Errorf("reading the file: %w", err)
}

// notCollection reports a FeatureCollection member of the wrong type,
// unless err is a syntax or size error.
func notCollection(err error, what string) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return errors.New("not a GeoJSON FeatureCollection: " + what)
	}
	return jsonError(err)
}

// describeToken names a JSON token for an error message.
func describeToken(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return "an array"
		}
		return "an object"
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a value"
}
