package exchange

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"

	"eventatlas/annotate"
)

// kmlIcons are Google Earth's standard icons for the taxonomy's symbols.
var kmlIcons = map[annotate.Symbol]string{
	annotate.SymbolCircle:   "placemark_circle",
	annotate.SymbolSquare:   "placemark_square",
	annotate.SymbolTriangle: "triangle",
	annotate.SymbolDiamond:  "open-diamond",
	annotate.SymbolStar:     "star",
	annotate.SymbolCross:    "cross-hairs",
}

// kmlFillAlpha is the opacity of area fills: about 40 %, so the map shows through.
const kmlFillAlpha = 0x66

// WriteKML writes events as a KML 2.2 document that Google Earth opens: one
// Style per event type in the type's colour (KML's aabbggrr) with the
// Google Earth icon nearest its symbol, and one Folder per type (in the
// taxonomy's order, then unknown types as they first appear) holding a
// Placemark per event with
//
//   - name: the title;
//   - description: HTML with each evidence quote and its source (outlet,
//     title, publication date, link), the event's dates, type and place;
//   - TimeSpan: event_date to date_end, when known;
//   - ExtendedData: id, event_type, sub_event_type, certainty, fatalities;
//   - the geometry as Point, LineString, Polygon (right-hand, which KML
//     asks for) or MultiGeometry.
//
// KML carries no actors or evidence offsets, so it is export only.
func WriteKML(w io.Writer, events []annotate.Event, tax annotate.Taxonomy, articles map[string]annotate.Article) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	groups, order := groupByType(events, tax)
	b := []byte(xml.Header + `<kml xmlns="http://www.opengis.net/kml/2.2">` + "\n<Document>\n<name>Event Atlas events</name>\n")
	ids := map[string]string{}
	used := map[string]bool{}
	for _, name := range order {
		id := styleID(name, used)
		ids[name] = id
		b = appendStyle(b, id, tax.Lookup(name))
	}
	p := placemarks{articles: articles, sources: map[string][]byte{}}
	for _, name := range order {
		b = append(b, "<Folder>\n<name>"...)
		b = appendXML(b, typeLabel(name))
		b = append(b, "</name>\n"...)
		for _, i := range groups[name] {
			var err error
			if b, err = p.append(b, &events[i], "#"+ids[name]); err != nil {
				return err
			}
			if len(b) > 32<<10 {
				if _, err := bw.Write(b); err != nil {
					return err
				}
				b = b[:0]
			}
		}
		b = append(b, "</Folder>\n"...)
	}
	b = append(b, "</Document>\n</kml>\n"...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	return bw.Flush()
}

// groupByType returns the indexes of the events of each type and the types
// in the order the folders come: the taxonomy's, then others by first use.
func groupByType(events []annotate.Event, tax annotate.Taxonomy) (map[string][]int, []string) {
	groups := map[string][]int{}
	var extra []string
	known := map[string]bool{}
	for _, et := range tax {
		known[et.Name] = true
	}
	for i := range events {
		t := events[i].Type
		if _, ok := groups[t]; !ok && !known[t] {
			extra = append(extra, t)
		}
		groups[t] = append(groups[t], i)
	}
	var order []string
	for _, et := range tax {
		if _, ok := groups[et.Name]; ok {
			order = append(order, et.Name)
		}
	}
	return groups, append(order, extra...)
}

func typeLabel(name string) string {
	if name == "" {
		return "(no type)"
	}
	return name
}

// styleID makes an XML id for a type's style: "type-" and the name's
// letters and digits, lower case, numbered when two names make the same.
func styleID(name string, used map[string]bool) string {
	var b strings.Builder
	b.WriteString("type-")
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 5 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	id := strings.TrimSuffix(b.String(), "-")
	for n, base := 2, id; used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	used[id] = true
	return id
}

// kmlColour writes c as KML's aabbggrr with the alpha given.
func kmlColour(c color.NRGBA, alpha uint8) string {
	return fmt.Sprintf("%02x%02x%02x%02x", alpha, c.B, c.G, c.R)
}

// appendStyle appends the Style of an event type.
func appendStyle(b []byte, id string, et annotate.EventType) []byte {
	icon := kmlIcons[et.Symbol]
	if icon == "" {
		icon = "placemark_circle"
	}
	solid, fill := kmlColour(et.Color, 0xff), kmlColour(et.Color, kmlFillAlpha)
	return append(b, `<Style id="`+id+`">`+"\n"+
		"<IconStyle><color>"+solid+"</color><Icon><href>http://maps.google.com/mapfiles/kml/shapes/"+icon+".png</href></Icon></IconStyle>\n"+
		"<LineStyle><color>"+solid+"</color><width>3</width></LineStyle>\n"+
		"<PolyStyle><color>"+fill+"</color></PolyStyle>\n"+
		"</Style>\n"...)
}
