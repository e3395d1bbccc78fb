package exchange

import (
	"bytes"
	"testing"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// clockwise is the left-hand twin of the test square with its hole: the
// exterior clockwise and the hole counter-clockwise, as a user may draw it.
func clockwise() orb.Polygon {
	ext, h := square.Clone(), hole.Clone()
	ext.Reverse()
	h.Reverse()
	return orb.Polygon{ext, h}
}

func TestRightHand(t *testing.T) {
	right := orb.Polygon{square, hole}
	degenerate := orb.Ring{{1, 1}, {2, 2}, {3, 3}, {1, 1}}
	tests := []struct {
		name string
		in   orb.Geometry
		want orb.Geometry
	}{
		{"already right-hand", right, right},
		{"left-hand polygon", clockwise(), right},
		{"only the hole wrong", orb.Polygon{square, clockwise()[1]}, right},
		{"multipolygon", orb.MultiPolygon{{small}, clockwise()}, orb.MultiPolygon{{small}, right}},
		{"degenerate ring kept", orb.Polygon{degenerate}, orb.Polygon{degenerate}},
		{"point untouched", orb.Point{1, 2}, orb.Point{1, 2}},
		{"line untouched", orb.LineString{{2, 2}, {1, 1}}, orb.LineString{{2, 2}, {1, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rightHand(tt.in)
			if !orb.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestGeoJSONRightHand checks the rule in the written file: exterior rings
// counter-clockwise, holes clockwise (RFC 7946 §3.1.6).
func TestGeoJSONRightHand(t *testing.T) {
	e := testEvents()[2]
	e.Geometry = orb.MultiPolygon{clockwise(), clockwise()}
	var buf bytes.Buffer
	if err := WriteGeoJSON(&buf, []annotate.Event{e}, nil); err != nil {
		t.Fatal(err)
	}
	got, _, err := ReadGeoJSON(&buf)
	if err != nil || len(got) != 1 {
		t.Fatalf("%d events, %v", len(got), err)
	}
	for _, p := range got[0].Geometry.(orb.MultiPolygon) {
		for i, r := range p {
			want := orb.CW
			if i == 0 {
				want = orb.CCW
			}
			if r.Orientation() != want {
				t.Errorf("ring %d orientation %d, want %d", i, r.Orientation(), want)
			}
		}
	}
}
