package exchange

import (
	"reflect"
	"testing"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// TestDifferences: the fields that differ are named; what an import would
// store alike (defaults, ring winding, span order) is not a difference.
func TestDifferences(t *testing.T) {
	base := testEvents()[0]
	ring := orb.Ring{{68, 36}, {69, 36}, {69, 37}, {68, 36}}
	cw := orb.Ring{{68, 36}, {69, 37}, {69, 36}, {68, 36}}
	tests := []struct {
		name string
		edit func(in, have *annotate.Event)
		want []string
	}{
		{"same", func(in, have *annotate.Event) {}, nil},
		{"title and notes", func(in, have *annotate.Event) { in.Title, in.Notes = "Other", "n" }, []string{"title", "notes"}},
		{"precisions left out", func(in, have *annotate.Event) {
			in.DatePrecision, in.GeoPrecision = 0, 0
			have.DatePrecision, have.GeoPrecision = annotate.PrecisionDay, annotate.GeoExact
		}, nil},
		{"ring winding", func(in, have *annotate.Event) { in.Geometry, have.Geometry = orb.Polygon{ring}, orb.Polygon{cw} }, nil},
		{"moved", func(in, have *annotate.Event) { in.Geometry = orb.Point{70, 37} }, []string{"geometry"}},
		{"span order", func(in, have *annotate.Event) {
			have.Spans = []annotate.Span{{ArticleID: "a", Start: 1, End: 4}, {ArticleID: "b", Start: 0, End: 2}}
			in.Spans = []annotate.Span{have.Spans[1], have.Spans[0]}
		}, nil},
		{"span moved", func(in, have *annotate.Event) {
			have.Spans = []annotate.Span{{ArticleID: "a", Start: 1, End: 4}}
			in.Spans = []annotate.Span{{ArticleID: "a", Start: 1, End: 5}}
		}, []string{"evidence"}},
		{"updated only", func(in, have *annotate.Event) { in.Updated = in.Updated.AddDate(0, 0, 1) }, nil},
	}
	for _, tt := range tests {
		in, have := base, base
		in.Spans, have.Spans = nil, nil
		tt.edit(&in, &have)
		if got := Differences(in, have); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
