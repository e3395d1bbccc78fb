package gazetteer

import (
	"bytes"
	"errors"
	"testing"

	"eventatlas/annotate"

	"github.com/paulmach/orb"
)

func TestToJSONLines(t *testing.T) {
	g := New([]annotate.Place{
		{ID: "u:1", Name: "Shir Khan", Kind: annotate.KindUser, Point: orb.Point{68.6, 37.2}},
		{ID: "gn:1", Name: "Qal<a>", Names: []string{"Қалъа"}, Kind: annotate.KindCity, Point: orb.Point{70.5, 38.25}, Rank: 4},
	})
	var buf bytes.Buffer
	if err := ToJSONLines(&buf, g.Match("Shir Khan & Қалъа")); err != nil {
		t.Fatal(err)
	}
	want := `{"start":0,"end":9,"text":"Shir Khan","candidates":[{"id":"u:1","name":"Shir Khan","kind":"user","lon":68.6,"lat":37.2}]}
{"start":12,"end":17,"text":"Қалъа","candidates":[{"id":"gn:1","name":"Qal<a>","kind":"city","lon":70.5,"lat":38.25}]}
`
	if buf.String() != want {
		t.Errorf("ToJSONLines wrote\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	if err := ToJSONLines(&buf, nil); err != nil || buf.Len() != 0 {
		t.Errorf("no matches: wrote %q, err %v", buf.String(), err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestToJSONLinesWriteError(t *testing.T) {
	err := ToJSONLines(failWriter{}, []Match{{Start: 0, End: 5, Text: "Balkh"}})
	if err == nil || err.Error() != `writing match 1 ("Balkh"): disk full` {
		t.Errorf("err = %v", err)
	}
}
