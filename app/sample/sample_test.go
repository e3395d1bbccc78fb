package sample

import (
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
	"eventatlas/assets"
)

func TestSampleEvents(t *testing.T) {
	bm, err := assets.LoadBaseMap()
	if err != nil {
		t.Fatal(err)
	}
	g, err := gazetteer.FromBaseMap(bm)
	if err != nil {
		t.Fatal(err)
	}
	a := Article()
	if a.Hash != annotate.TextHash(a.Text) {
		t.Error("article hash does not match its text")
	}
	evs, err := Events(g, a)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) < 5 {
		t.Fatalf("%d sample events, want at least 5", len(evs))
	}
	kinds := map[string]string{}
	for _, e := range evs {
		if err := e.Validate(); err != nil {
			t.Errorf("%q: %v", e.Title, err)
		}
		if len(e.Spans) == 0 {
			t.Errorf("%q has no evidence", e.Title)
		}
		for _, s := range e.Spans {
			if !s.Verify(a.Text) || s.ArticleID != a.ID || s.EventID != e.ID {
				t.Errorf("%q: span %d–%d %q does not stand in the article", e.Title, s.Start, s.End, s.Quote)
			}
		}
		kinds[e.Geometry.GeoJSONType()] = e.Title
	}
	for _, want := range []string{"Point", "LineString"} {
		if kinds[want] == "" {
			t.Errorf("no %s event among the sample", want)
		}
	}
	if kinds["Polygon"] == "" && kinds["MultiPolygon"] == "" {
		t.Error("no area event among the sample")
	}
	// The point is the talks in Kunduz, the line runs Mazar-i-Sharif → Dushanbe.
	if p, ok := evs[0].Geometry.(orb.Point); !ok || evs[0].PlaceName != "Kunduz" || p[0] < 68.8 || p[0] > 68.9 {
		t.Errorf("first event at %v %q, want the Kunduz city point", evs[0].Geometry, evs[0].PlaceName)
	}
	line := evs[1].Geometry.(orb.LineString)
	if line[0][0] > line[1][0] || evs[1].PlaceName != "Dushanbe" {
		t.Errorf("the Balkh governor's trip runs %v to %q, want west to east ending in Dushanbe", line, evs[1].PlaceName)
	}
	// The same ids every time, so re-creating the sample never duplicates.
	again, _ := Events(g, a)
	if again[0].ID != evs[0].ID || again[0].Spans[0].ID != evs[0].Spans[0].ID {
		t.Error("sample ids are not stable")
	}
}
