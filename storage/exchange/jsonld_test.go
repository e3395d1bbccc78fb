package exchange

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"eventatlas/annotate"
)

// annoDoc is the part of the JSON-LD the tests read back.
type annoDoc struct {
	Context string `json:"@context"`
	ID      string `json:"id"`
	Type    string `json:"type"`
	Total   int    `json:"total"`
	First   *struct {
		ID         string `json:"id"`
		Type       string `json:"type"`
		StartIndex *int   `json:"startIndex"`
		Items      []struct {
			ID         string `json:"id"`
			Type       string `json:"type"`
			Motivation string `json:"motivation"`
			Created    string `json:"created"`
			Creator    *struct{ Type, Name string }
			Body       struct {
				ID         string `json:"id"`
				Type       string `json:"type"`
				Geometry   struct{ Type string }
				Properties json.RawMessage `json:"properties"`
			} `json:"body"`
			Target struct {
				Source   string `json:"source"`
				Selector []struct {
					Type   string `json:"type"`
					Exact  string `json:"exact"`
					Prefix string `json:"prefix"`
					Suffix string `json:"suffix"`
					Start  *int   `json:"start"`
					End    *int   `json:"end"`
				} `json:"selector"`
			} `json:"target"`
		} `json:"items"`
	} `json:"first"`
}

func writeJSONLD(t *testing.T, events []annotate.Event) ([]byte, annoDoc) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSONLD(&buf, events, testArticles); err != nil {
		t.Fatal(err)
	}
	var doc annoDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not valid JSON: %v\n%s", err, buf.String())
	}
	return buf.Bytes(), doc
}

func TestJSONLD(t *testing.T) {
	events := testEvents()
	raw, doc := writeJSONLD(t, events)
	if doc.Context != "http://www.w3.org/ns/anno.jsonld" || doc.Type != "AnnotationCollection" || !strings.HasPrefix(doc.ID, "urn:uuid:") {
		t.Errorf("collection %q %q %q", doc.Context, doc.Type, doc.ID)
	}
	// testEvents have 1 + 2 spans; the other events have none.
	if doc.Total != 3 || doc.First == nil || len(doc.First.Items) != 3 {
		t.Fatalf("total %d, page %+v", doc.Total, doc.First)
	}
	if doc.First.Type != "AnnotationPage" || doc.First.StartIndex == nil || *doc.First.StartIndex != 0 || doc.First.ID == doc.ID {
		t.Errorf("page %q %q %v", doc.First.ID, doc.First.Type, doc.First.StartIndex)
	}
	items := doc.First.Items
	first := items[0]
	if first.Type != "Annotation" || first.Motivation != "identifying" || first.Created != "2024-03-07T10:30:15.123456789Z" ||
		first.Creator == nil || first.Creator.Name != "Dilnoza" || first.Creator.Type != "Person" {
		t.Errorf("annotation %+v", first)
	}
	if first.Body.ID != "urn:uuid:0b6f2c4e-8f0a-4f0e-9a57-0d3c8a1b2c01" || first.Body.Type != "Feature" || first.Body.Geometry.Type != "Point" {
		t.Errorf("body %+v", first.Body)
	}
	var p props
	if err := json.Unmarshal(first.Body.Properties, &p); err != nil || p.ID != events[0].ID || p.EventType != "Diplomacy" || len(p.Evidence) != 1 {
		t.Errorf("body properties %+v, %v", p, err)
	}
	if first.Target.Source != "https://example.org/kunduz?a=1&b=2" {
		t.Errorf("source %s", first.Target.Source)
	}
	sel := first.Target.Selector
	if len(sel) != 2 || sel[0].Type != "TextQuoteSelector" || sel[0].Exact != `a delegation, led by "the minister", arrived` ||
		sel[0].Prefix != "On Tuesday " || sel[0].Suffix != " in Kunduz,\nwhere" ||
		sel[1].Type != "TextPositionSelector" || *sel[1].Start != 10 || *sel[1].End != 52 {
		t.Errorf("selectors %+v", sel)
	}
	// The second event's first span is in an article without URL.
	if got, want := items[1].Target.Source, iri("a2"); got != want || !strings.HasPrefix(got, "urn:uuid:") {
		t.Errorf("source without URL %s, want %s", got, want)
	}
	if items[1].Body.Geometry.Type != "LineString" || items[1].Body.ID != items[2].Body.ID {
		t.Errorf("both spans of the line event should carry it: %q %q", items[1].Body.ID, items[2].Body.ID)
	}
	ids := map[string]bool{doc.ID: true, doc.First.ID: true}
	for _, it := range items {
		if ids[it.ID] {
			t.Errorf("id %s used twice", it.ID)
		}
		ids[it.ID] = true
	}

	again, _ := writeJSONLD(t, events)
	if !bytes.Equal(raw, again) {
		t.Error("two exports of the same events differ")
	}
}

func TestJSONLDNoEvidence(t *testing.T) {
	_, doc := writeJSONLD(t, testEvents()[2:])
	if doc.Total != 0 || doc.First != nil {
		t.Errorf("total %d, first %+v", doc.Total, doc.First)
	}
}

func TestIRI(t *testing.T) {
	if got := iri("0B6F2C4E-8F0A-4F0E-9A57-0D3C8A1B2C01"); got != "urn:uuid:0b6f2c4e-8f0a-4f0e-9a57-0d3c8a1b2c01" {
		t.Errorf("uuid iri %s", got)
	}
	if a, b := iri("AFG12345"), iri("AFG12345"); a != b || !strings.HasPrefix(a, "urn:uuid:") || a == iri("AFG12346") {
		t.Errorf("name-based iris %s %s", a, b)
	}
}
