package exchange

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// kmlDoc is the part of a KML file the tests read back.
type kmlDoc struct {
	XMLName  xml.Name `xml:"http://www.opengis.net/kml/2.2 kml"`
	Document struct {
		Styles []struct {
			ID        string `xml:"id,attr"`
			IconColor string `xml:"IconStyle>color"`
			IconHref  string `xml:"IconStyle>Icon>href"`
			LineColor string `xml:"LineStyle>color"`
			PolyColor string `xml:"PolyStyle>color"`
		} `xml:"Style"`
		Folders []struct {
			Name       string         `xml:"name"`
			Placemarks []kmlPlacemark `xml:"Placemark"`
		} `xml:"Folder"`
	} `xml:"Document"`
}

type kmlPlacemark struct {
	Name        string `xml:"name"`
	Description string `xml:"description"`
	Begin       string `xml:"TimeSpan>begin"`
	End         string `xml:"TimeSpan>end"`
	StyleURL    string `xml:"styleUrl"`
	Data        []struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value"`
	} `xml:"ExtendedData>Data"`
	Point         *string    `xml:"Point>coordinates"`
	LineString    *string    `xml:"LineString>coordinates"`
	Outer         *string    `xml:"Polygon>outerBoundaryIs>LinearRing>coordinates"`
	Inner         []string   `xml:"Polygon>innerBoundaryIs>LinearRing>coordinates"`
	MultiPolygons []struct{} `xml:"MultiGeometry>Polygon"`
}

func readKML(t *testing.T, events []annotate.Event) kmlDoc {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteKML(&buf, events, annotate.DefaultTaxonomy(), testArticles); err != nil {
		t.Fatal(err)
	}
	var doc kmlDoc
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("the KML is not well-formed XML: %v\n%s", err, buf.String())
	}
	return doc
}

func TestKMLStructure(t *testing.T) {
	events := testEvents()
	events = append(events, annotate.Event{ID: "x1", Type: "Cross-border <trade>", Title: "Unknown type & ctrl \x01 char",
		Geometry: orb.MultiPoint{{68, 37}, {69, 37}}, Fatalities: -1})
	doc := readKML(t, events)

	wantStyles := map[string]string{ // id → icon colour, aabbggrr
		"type-diplomacy":          "ffb27200",
		"type-security-incident":  "ff005ed5",
		"type-trade-and-economy":  "ff009fe6",
		"type-protest-and-unrest": "ffa779cc",
		"type-other":              "ffe9b456",
		"type-cross-border-trade": "ff666666",
	}
	if len(doc.Document.Styles) != len(wantStyles) {
		t.Fatalf("%d styles, want %d", len(doc.Document.Styles), len(wantStyles))
	}
	for _, s := range doc.Document.Styles {
		if want, ok := wantStyles[s.ID]; !ok || s.IconColor != want || s.LineColor != want || s.PolyColor != "66"+want[2:] {
			t.Errorf("style %s: icon %s line %s poly %s, want %s", s.ID, s.IconColor, s.LineColor, s.PolyColor, want)
		}
	}
	if got := doc.Document.Styles[0].IconHref; got != "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png" {
		t.Errorf("Diplomacy icon %s", got)
	}

	var folders []string
	count := 0
	for _, f := range doc.Document.Folders {
		folders = append(folders, f.Name)
		count += len(f.Placemarks)
	}
	if want := "Diplomacy|Security incident|Trade and economy|Protest and unrest|Other|Cross-border <trade>"; strings.Join(folders, "|") != want {
		t.Errorf("folders %q, want %s", folders, want)
	}
	if count != len(events) {
		t.Errorf("%d placemarks, want %d", count, len(events))
	}

	dip := doc.Document.Folders[0].Placemarks[0]
	if dip.Name != "Tajik delegation visits Kunduz" || dip.StyleURL != "#type-diplomacy" || dip.Begin != "2024-03-05" || dip.End != "2024-03-05" {
		t.Errorf("diplomacy placemark %+v", dip)
	}
	if dip.Point == nil || *dip.Point != "68.857,36.729" {
		t.Errorf("point %+v", dip.Point)
	}
	for _, want := range []string{
		"<blockquote>“a delegation, led by &#34;the minister&#34;, arrived”</blockquote>",
		`<p>— Asia-Plus, <a href="https://example.org/kunduz?a=1&amp;b=2"><i>Tajik delegation visits Kunduz</i></a>, 2024-03-06</p>`,
		"<p><b>Date:</b> 2024-03-05 (to the day)</p>",
		"<p><b>Type:</b> Diplomacy: visit</p>",
		"<p><b>Place:</b> Kunduz, Afghanistan</p>",
	} {
		if !strings.Contains(dip.Description, want) {
			t.Errorf("description lacks %s:\n%s", want, dip.Description)
		}
	}
	if len(dip.Data) != 5 || dip.Data[0].Name != "id" || dip.Data[0].Value != events[0].ID || dip.Data[4].Value != "" {
		t.Errorf("extended data %+v", dip.Data)
	}

	area := doc.Document.Folders[1].Placemarks[0]
	if area.Outer == nil || *area.Outer != "68,37 69,37 69,38 68,38 68,37" || len(area.Inner) != 1 {
		t.Errorf("polygon outer %v inner %v", area.Outer, area.Inner)
	}
	if area.Data[4].Value != "3" {
		t.Errorf("fatalities %q", area.Data[4].Value)
	}
	line := doc.Document.Folders[2].Placemarks[0]
	if line.LineString == nil || *line.LineString != "68.78,37.23 68.6,36.9 68.86,36.73" {
		t.Errorf("line %v", line.LineString)
	}
	if !strings.Contains(line.Description, "2024-02-12 – 2024-02-18 (to the week)") || !strings.Contains(line.Description, "<p>— <i>Встреча в Душанбе</i></p>") {
		t.Errorf("line description %s", line.Description)
	}
	if multi := doc.Document.Folders[3].Placemarks[0]; len(multi.MultiPolygons) != 2 {
		t.Errorf("multipolygon has %d polygons", len(multi.MultiPolygons))
	}
	undated := doc.Document.Folders[4].Placemarks[0]
	if undated.Begin != "" || strings.Contains(undated.Description, "Date:") {
		t.Errorf("undated event has a date: %+v", undated)
	}
	odd := doc.Document.Folders[5].Placemarks[0]
	if odd.Name != "Unknown type & ctrl \uFFFD char" || odd.StyleURL != "#type-cross-border-trade" {
		t.Errorf("unknown-type placemark %q %q", odd.Name, odd.StyleURL)
	}
}

// TestKMLRightHand: KML polygons are wound counter-clockwise too.
func TestKMLRightHand(t *testing.T) {
	e := testEvents()[2]
	e.Geometry = clockwise()
	doc := readKML(t, []annotate.Event{e})
	if got := *doc.Document.Folders[0].Placemarks[0].Outer; got != "68,37 69,37 69,38 68,38 68,37" {
		t.Errorf("outer ring %s", got)
	}
}

func TestStyleID(t *testing.T) {
	used := map[string]bool{}
	for _, tt := range []struct{ name, want string }{
		{"Diplomacy", "type-diplomacy"},
		{"Trade and economy", "type-trade-and-economy"},
		{"Trade & economy", "type-trade-economy"},
		{"trade-economy", "type-trade-economy-2"},
		{"Торговля", "type"},
		{"", "type-2"},
	} {
		if got := styleID(tt.name, used); got != tt.want {
			t.Errorf("styleID(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
