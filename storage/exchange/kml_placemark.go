package exchange

import (
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// placemarks appends KML Placemarks, remembering each article's source
// line, which many events share.
type placemarks struct {
	articles map[string]annotate.Article
	sources  map[string][]byte // article id → sourceHTML
	desc     []byte            // scratch for the description
}

// append appends the Placemark of e.
func (p *placemarks) append(b []byte, e *annotate.Event, styleURL string) ([]byte, error) {
	b = append(b, "<Placemark>\n<name>"...)
	b = appendXML(b, e.Title)
	b = append(b, "</name>\n<description>"...)
	p.desc = p.description(p.desc[:0], e)
	b = appendXML(b, p.desc)
	b = append(b, "</description>\n"...)
	if !e.DateStart.IsZero() || !e.DateEnd.IsZero() {
		b = append(b, "<TimeSpan>"...)
		if !e.DateStart.IsZero() {
			b = append(b, "<begin>"...)
			b = e.DateStart.AppendFormat(b, dateLayout)
			b = append(b, "</begin>"...)
		}
		if !e.DateEnd.IsZero() {
			b = append(b, "<end>"...)
			b = e.DateEnd.AppendFormat(b, dateLayout)
			b = append(b, "</end>"...)
		}
		b = append(b, "</TimeSpan>\n"...)
	}
	b = append(b, "<styleUrl>"...)
	b = appendXML(b, styleURL)
	b = append(b, "</styleUrl>\n<ExtendedData>\n"...)
	fatalities := ""
	if e.Fatalities >= 0 {
		fatalities = strconv.Itoa(e.Fatalities)
	}
	for _, d := range [...][2]string{{"id", e.ID}, {"event_type", e.Type}, {"sub_event_type", e.SubType},
		{"certainty", string(e.Certainty)}, {"fatalities", fatalities}} {
		b = append(b, `<Data name="`+d[0]+`"><value>`...)
		b = appendXML(b, d[1])
		b = append(b, "</value></Data>\n"...)
	}
	b = append(b, "</ExtendedData>\n"...)
	if e.Geometry != nil {
		var err error
		if b, err = appendKMLGeometry(b, rightHand(e.Geometry)); err != nil {
			return b, fmt.Errorf("event %s: %w", e.ID, err)
		}
	}
	return append(b, "</Placemark>\n"...), nil
}

// appendKMLGeometry appends g as a KML geometry.
func appendKMLGeometry(b []byte, g orb.Geometry) ([]byte, error) {
	var err error
	switch g := g.(type) {
	case orb.Point:
		b = append(b, "<Point><coordinates>"...)
		b = appendCoords(b, g)
		b = append(b, "</coordinates></Point>\n"...)
	case orb.LineString:
		b = append(b, "<LineString><tessellate>1</tessellate><coordinates>"...)
		b = appendCoords(b, g...)
		b = append(b, "</coordinates></LineString>\n"...)
	case orb.Polygon:
		b = append(b, "<Polygon><tessellate>1</tessellate>"...)
		for i, r := range g {
			tag := "innerBoundaryIs"
			if i == 0 {
				tag = "outerBoundaryIs"
			}
			b = append(b, "<"+tag+"><LinearRing><coordinates>"...)
			b = appendCoords(b, r...)
			b = append(b, "</coordinates></LinearRing></"+tag+">"...)
		}
		b = append(b, "</Polygon>\n"...)
	case orb.MultiPoint:
		b = append(b, "<MultiGeometry>\n"...)
		for _, p := range g {
			b, _ = appendKMLGeometry(b, p)
		}
		b = append(b, "</MultiGeometry>\n"...)
	case orb.MultiLineString:
		b = append(b, "<MultiGeometry>\n"...)
		for _, l := range g {
			b, _ = appendKMLGeometry(b, l)
		}
		b = append(b, "</MultiGeometry>\n"...)
	case orb.MultiPolygon:
		b = append(b, "<MultiGeometry>\n"...)
		for _, p := range g {
			b, _ = appendKMLGeometry(b, p)
		}
		b = append(b, "</MultiGeometry>\n"...)
	default:
		err = fmt.Errorf("KML cannot hold a %s", g.GeoJSONType())
	}
	return b, err
}

// appendCoords appends "lon,lat lon,lat ...".
func appendCoords(b []byte, ps ...orb.Point) []byte {
	for i, p := range ps {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, p[0], 'f', -1, 64)
		b = append(b, ',')
		b = strconv.AppendFloat(b, p[1], 'f', -1, 64)
	}
	return b
}

// description appends the HTML Google Earth shows in a placemark's balloon:
// each quote with its source, the dates, the type and the place.
func (p *placemarks) description(b []byte, e *annotate.Event) []byte {
	for _, s := range e.Spans {
		b = append(b, "<blockquote>“"...)
		b = appendHTML(b, s.Quote)
		b = append(b, "”</blockquote>"...)
		src, ok := p.sources[s.ArticleID]
		if !ok {
			if a, found := p.articles[s.ArticleID]; found {
				src = []byte("<p>— " + sourceHTML(a) + "</p>")
			}
			p.sources[s.ArticleID] = src
		}
		b = append(b, src...)
	}
	if !e.DateStart.IsZero() || !e.DateEnd.IsZero() {
		b = append(b, "<p><b>Date:</b> "...)
		start, end := formatDate(e.DateStart), formatDate(e.DateEnd)
		switch {
		case start == "":
			b = append(b, "until "+end...)
		case end == "" || end == start:
			b = append(b, start...)
		default:
			b = append(b, start+" – "+end...)
		}
		if prec := precisionName(e.DatePrecision); prec != "" {
			b = append(b, " (to the "+prec+")"...)
		}
		b = append(b, "</p>"...)
	}
	b = append(b, "<p><b>Type:</b> "...)
	b = appendHTML(b, e.Type)
	if e.SubType != "" {
		b = append(b, ": "...)
		b = appendHTML(b, e.SubType)
	}
	b = append(b, "</p>"...)
	var place []string
	for _, s := range []string{e.PlaceName, e.Admin1, e.Country} {
		if s != "" && !slices.Contains(place, s) {
			place = append(place, s)
		}
	}
	if len(place) > 0 {
		b = append(b, "<p><b>Place:</b> "...)
		b = appendHTML(b, strings.Join(place, ", "))
		b = append(b, "</p>"...)
	}
	return b
}

// sourceHTML names an article: outlet, linked title, publication date.
func sourceHTML(a annotate.Article) string {
	esc := html.EscapeString
	var parts []string
	if a.Outlet != "" {
		parts = append(parts, esc(a.Outlet))
	}
	if a.Title != "" {
		t := "<i>" + esc(a.Title) + "</i>"
		if strings.HasPrefix(a.URL, "https://") || strings.HasPrefix(a.URL, "http://") {
			t = `<a href="` + esc(a.URL) + `">` + t + "</a>"
		}
		parts = append(parts, t)
	}
	if !a.Published.IsZero() {
		parts = append(parts, formatDate(a.Published))
	}
	return strings.Join(parts, ", ")
}

// appendHTML appends s escaped as html.EscapeString does.
func appendHTML(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		start = i + 1
	}
	return append(b, s[start:]...)
}

// appendXML appends s as XML character data: & < > escaped, a carriage
// return kept as a character reference, and what XML 1.0 cannot hold
// (other control characters, U+FFFE, U+FFFF, invalid UTF-8) replaced by
// U+FFFD, as encoding/xml.EscapeText does.
func appendXML[T string | []byte](b []byte, s T) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		size := 1
		switch {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\r':
			esc = "&#xD;"
		case c == '\n' || c == '\t':
		case c < 0x20:
			esc = "\uFFFD"
		case c >= utf8.RuneSelf:
			var r rune
			r, size = utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
			if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			b = append(b, s[start:i]...)
			b = append(b, esc...)
			start = i + size
		}
		i += size
	}
	return append(b, s[start:]...)
}
