package render

import (
	"testing"
	"time"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/assets"
)

// newTestMap returns a map of the embedded base map with Go Regular labels.
func newTestMap(t testing.TB) *Map {
	t.Helper()
	bm, err := assets.LoadBaseMap()
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMap(bm, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// ev builds an event of type typ with geometry g.
func ev(id, typ string, g orb.Geometry) annotate.Event {
	d := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	return annotate.Event{ID: id, Type: typ, Title: id, Geometry: g, DateStart: d, DateEnd: d}
}

// sampleEvents has one event of every type and geometry around the region.
func sampleEvents() []annotate.Event {
	return []annotate.Event{
		ev("area-khatlon", "Security cooperation", orb.Polygon{{{68.3, 37.3}, {69.3, 37.3}, {69.5, 37.9}, {68.6, 38.0}, {68.3, 37.3}}}),
		ev("move-dushanbe-kunduz", "Diplomacy", orb.LineString{{68.78, 38.54}, {68.62, 37.8}, {68.6053, 37.1946}, {68.857, 36.73}}),
		ev("pt-kunduz", "Diplomacy", orb.Point{68.857, 36.729}),
		ev("pt-dushanbe", "Trade and economy", orb.Point{68.779, 38.536}),
		ev("pt-mazar", "Security incident", orb.Point{67.111, 36.709}),
		ev("pt-taloqan", "Protest and unrest", orb.Point{69.535, 36.736}),
		ev("pt-kulob", "Security cooperation", orb.Point{69.78, 37.91}),
		ev("pt-other", "Other", orb.Point{67.9, 37.6}),
	}
}
