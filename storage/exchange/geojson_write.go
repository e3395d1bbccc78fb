package exchange

import (
	"bufio"
	"fmt"
	"image/color"
	"io"

	"eventatlas/annotate"
)

// areaOpacity is the simplestyle fill opacity written for lines and areas.
const areaOpacity = "0.25"

// WriteGeoJSON writes events as an RFC 7946 FeatureCollection: one Feature
// per event, in order, with the event id as the Feature id, the geometry in
// lon/lat with exterior rings counter-clockwise and holes clockwise, and
// these properties:
//
//	id, title, event_type, sub_event_type,
//	actors          [{"id", "name", "role"}], role actor1|actor2|associated
//	event_date, date_end   "YYYY-MM-DD" or null
//	date_precision  day|week|month|year or ""
//	location (place name), place_id, admin1, country,
//	place_precision exact|near|province|country or ""
//	certainty, fatalities (null when unknown), tags [...], notes, status, annotator,
//	evidence        [{"id", "article_id", "start", "end", "quote", "prefix", "suffix"}], offsets in code points
//	created, updated       RFC 3339 UTC or null
//	marker-color, and for lines and areas stroke, fill, fill-opacity:
//	                the type's colour in tax (simplestyle-spec 1.1.0)
//
// Coordinates keep full float64 precision so the round trip is exact. An
// event without geometry gets "geometry": null. The events are not changed.
func WriteGeoJSON(w io.Writer, events []annotate.Event, tax annotate.Taxonomy) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	colours := map[string]string{}
	var buf []byte
	for i := range events {
		e := &events[i]
		hex, ok := colours[e.Type]
		if !ok {
			hex = hexColour(tax.Lookup(e.Type).Color)
			colours[e.Type] = hex
		}
		buf = buf[:0]
		if i > 0 {
			buf = append(buf, ',')
		}
		var err error
		if buf, err = appendFeature(buf, e, e.ID, hex); err != nil {
			return err
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// hexColour writes c as "#rrggbb".
func hexColour(c color.NRGBA) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}
