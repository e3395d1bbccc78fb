package exchange

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// The writers build JSON by appending to a byte slice rather than through
// encoding/json's reflection: 100,000 events are written several times
// faster. The output is what encoding/json would write without HTML
// escaping, and reads back with the props struct's tags (the round-trip
// and fuzz tests hold the two together).

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD,
// as with encoding/json.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendTime appends t in layout as a JSON string, null for the zero
// time. The layouts used make nothing JSON must escape.
func appendTime(b []byte, t time.Time, layout string) []byte {
	if t.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = t.AppendFormat(b, layout)
	return append(b, '"')
}

// errNotFinite is returned for a NaN or infinite coordinate, which JSON
// cannot hold.
var errNotFinite = errors.New("a coordinate is not a finite number")

func appendPosition(b []byte, p orb.Point) ([]byte, error) {
	if math.IsNaN(p[0]) || math.IsInf(p[0], 0) || math.IsNaN(p[1]) || math.IsInf(p[1], 0) {
		return b, errNotFinite
	}
	b = append(b, '[')
	b = strconv.AppendFloat(b, p[0], 'f', -1, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, p[1], 'f', -1, 64)
	return append(b, ']'), nil
}

func appendPositions(b []byte, ps []orb.Point) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendPosition(b, p); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

func appendRings(b []byte, p orb.Polygon) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i, r := range p {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendPositions(b, r); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// appendGeometry appends g as a GeoJSON geometry object, null for nil.
func appendGeometry(b []byte, g orb.Geometry) ([]byte, error) {
	if g == nil {
		return append(b, "null"...), nil
	}
	var err error
	switch g := g.(type) {
	case orb.Point:
		b = append(b, `{"type":"Point","coordinates":`...)
		b, err = appendPosition(b, g)
	case orb.MultiPoint:
		b = append(b, `{"type":"MultiPoint","coordinates":`...)
		b, err = appendPositions(b, g)
	case orb.LineString:
		b = append(b, `{"type":"LineString","coordinates":`...)
		b, err = appendPositions(b, g)
	case orb.MultiLineString:
		b = append(b, `{"type":"MultiLineString","coordinates":[`...)
		for i, l := range g {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendPositions(b, l); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	case orb.Polygon:
		b = append(b, `{"type":"Polygon","coordinates":`...)
		b, err = appendRings(b, g)
	case orb.MultiPolygon:
		b = append(b, `{"type":"MultiPolygon","coordinates":[`...)
		for i, p := range g {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendRings(b, p); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	default:
		return b, fmt.Errorf("an event cannot have a %s geometry", g.GeoJSONType())
	}
	return append(b, '}'), err
}

// appendActors appends actors as [{"id","name","role"}], id left out when empty.
func appendActors(b []byte, actors []annotate.ActorRole) []byte {
	b = append(b, '[')
	for i, a := range actors {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		if a.ActorID != "" {
			b = append(b, `"id":`...)
			b = appendString(b, a.ActorID)
			b = append(b, ',')
		}
		b = append(b, `"name":`...)
		b = appendString(b, a.Name)
		b = append(b, `,"role":`...)
		b = appendString(b, a.Role)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendSpans appends evidence as [{"id","article_id","start","end","quote","prefix","suffix"}].
func appendSpans(b []byte, spans []annotate.Span) []byte {
	b = append(b, '[')
	for i, s := range spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		if s.ID != "" {
			b = append(b, `"id":`...)
			b = appendString(b, s.ID)
			b = append(b, ',')
		}
		b = append(b, `"article_id":`...)
		b = appendString(b, s.ArticleID)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, `,"quote":`...)
		b = appendString(b, s.Quote)
		b = append(b, `,"prefix":`...)
		b = appendString(b, s.Prefix)
		b = append(b, `,"suffix":`...)
		b = appendString(b, s.Suffix)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendField appends ,"name": (or "name": first in an object).
func appendField(b []byte, name string) []byte {
	if len(b) > 0 && b[len(b)-1] != '{' {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, name...)
	return append(b, '"', ':')
}

// appendProps appends the properties object of e, the fields in the
// order of the props struct, then the style members when hex is not "".
func appendProps(b []byte, e *annotate.Event, hex string) []byte {
	b = append(b, '{')
	for _, f := range [...]struct{ name, value string }{
		{"id", e.ID}, {"title", e.Title}, {"event_type", e.Type}, {"sub_event_type", e.SubType},
	} {
		b = appendField(b, f.name)
		b = appendString(b, f.value)
	}
	b = appendField(b, "actors")
	b = appendActors(b, e.Actors)
	b = appendField(b, "event_date")
	b = appendTime(b, e.DateStart, dateLayout)
	b = appendField(b, "date_end")
	b = appendTime(b, e.DateEnd, dateLayout)
	for _, f := range [...]struct{ name, value string }{
		{"date_precision", precisionName(e.DatePrecision)}, {"location", e.PlaceName}, {"place_id", e.PlaceID},
		{"admin1", e.Admin1}, {"country", e.Country}, {"place_precision", geoPrecisionName(e.GeoPrecision)},
		{"certainty", string(e.Certainty)},
	} {
		b = appendField(b, f.name)
		b = appendString(b, f.value)
	}
	b = appendField(b, "fatalities")
	if e.Fatalities >= 0 {
		b = strconv.AppendInt(b, int64(e.Fatalities), 10)
	} else {
		b = append(b, "null"...)
	}
	b = appendField(b, "tags")
	b = append(b, '[')
	for i, t := range e.Tags {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, t)
	}
	b = append(b, ']')
	for _, f := range [...]struct{ name, value string }{
		{"notes", e.Notes}, {"status", string(e.Status)}, {"annotator", e.Annotator},
	} {
		b = appendField(b, f.name)
		b = appendString(b, f.value)
	}
	b = appendField(b, "evidence")
	b = appendSpans(b, e.Spans)
	b = appendField(b, "created")
	b = appendTime(b, e.Created.UTC(), time.RFC3339Nano)
	b = appendField(b, "updated")
	b = appendTime(b, e.Updated.UTC(), time.RFC3339Nano)
	if hex != "" {
		b = appendField(b, "marker-color")
		b = appendString(b, hex)
		if _, point := e.Geometry.(orb.Point); !point && e.Geometry != nil {
			b = append(b, `,"stroke":"`+hex+`","fill":"`+hex+`","fill-opacity":`+areaOpacity...)
		}
	}
	return append(b, '}')
}

// appendFeature appends e as a GeoJSON Feature with right-hand polygons and
// the given Feature id; hex, when not "", adds the simplestyle colours.
func appendFeature(b []byte, e *annotate.Event, id, hex string) ([]byte, error) {
	b = append(b, `{"type":"Feature","id":`...)
	b = appendString(b, id)
	b = append(b, `,"geometry":`...)
	var err error
	if b, err = appendGeometry(b, rightHand(e.Geometry)); err != nil {
		return b, fmt.Errorf("event %s: %w", e.ID, err)
	}
	b = append(b, `,"properties":`...)
	b = appendProps(b, e, hex)
	return append(b, '}'), nil
}
