package gazetteer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventatlas/annotate"
	"eventatlas/assets"
)

// goldFile is a hand-made annotation of testdata/gold/NAME.txt: every
// mention of a place the base map holds, as code points [start, end) and
// the place's ID. Guidelines: the span is the name as written (a Russian
// name in its case form, "Хатлонской области" whole since the adjective
// alone names nothing), without quotes or apostrophes at its edges; a
// river, a people ("Tajik", "Afghan") or an outlet ("Afghanistan
// International") is not a place mention.
type goldFile struct {
	Text        string `json:"text"`
	Annotations []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
		ID    string `json:"id"`
	} `json:"annotations"`
}

// Match must stay above these on the gold set.
const (
	minPrecision = 0.9
	minRecall    = 0.85
)

func TestGoldPrecisionRecall(t *testing.T) {
	g := baseGazetteer(t)
	files, err := filepath.Glob("testdata/gold/*.json")
	if err != nil || len(files) < 5 {
		t.Fatalf("gold files: %v (%d found)", err, len(files))
	}
	var tp, found, gold int
	for _, f := range files {
		var gf goldFile
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &gf); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		tb, err := os.ReadFile(filepath.Join("testdata/gold", gf.Text))
		if err != nil {
			t.Fatal(err)
		}
		text := string(tb)
		if strings.HasPrefix(gf.Text, "sample-") && text != assets.SampleArticle() {
			t.Errorf("%s differs from assets.SampleArticle(): copy it again", gf.Text)
		}
		type span struct{ s, e int }
		want := map[span]string{}
		for _, a := range gf.Annotations {
			if got := annotate.RuneSlice(text, a.Start, a.End); got != a.Text {
				t.Fatalf("%s: gold %d–%d reads %q, not %q", f, a.Start, a.End, got, a.Text)
			}
			if _, ok := g.Place(a.ID); !ok {
				t.Fatalf("%s: gold id %s (%q) is not in the gazetteer", f, a.ID, a.Text)
			}
			want[span{a.Start, a.End}] = a.ID
		}
		ms := g.Match(text)
		hit := 0
		for _, m := range ms {
			id, ok := want[span{m.Start, m.End}]
			if ok && hasID(m.Candidates, id) {
				hit++
				delete(want, span{m.Start, m.End})
				continue
			}
			t.Logf("%s: false positive %d–%d %q → %s", gf.Text, m.Start, m.End, m.Text, ids(m.Candidates))
		}
		for sp, id := range want {
			t.Logf("%s: missed %d–%d %q (%s)", gf.Text, sp.s, sp.e, annotate.RuneSlice(text, sp.s, sp.e), id)
		}
		t.Logf("%-38s gold %2d  found %2d  right %2d", gf.Text, len(gf.Annotations), len(ms), hit)
		tp, found, gold = tp+hit, found+len(ms), gold+len(gf.Annotations)
	}
	p, r := float64(tp)/float64(found), float64(tp)/float64(gold)
	t.Logf("gold set: %d mentions, %d matches, %d right: precision %.3f, recall %.3f", gold, found, tp, p, r)
	if p < minPrecision || r < minRecall {
		t.Errorf("precision %.3f (want ≥ %.2f), recall %.3f (want ≥ %.2f)", p, minPrecision, r, minRecall)
	}
}

func hasID(ps []annotate.Place, id string) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}

func ids(ps []annotate.Place) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.ID
	}
	return strings.Join(s, " ")
}
