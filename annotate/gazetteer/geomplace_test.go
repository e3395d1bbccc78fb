package gazetteer

import (
	"math"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

func TestPlaceForGeometry(t *testing.T) {
	g := baseGazetteer(t)
	dushanbe := orb.Point{68.77905, 38.53575} // gn:1221874
	kunduz := orb.Point{68.857, 36.72895}     // gn:1135689
	northAfghanistan := orb.Polygon{{{66.5, 36.3}, {71.5, 36.3}, {71.5, 37.6}, {66.5, 37.6}, {66.5, 36.3}}}
	inKunduz := orb.Polygon{{{68.7, 36.6}, {69.0, 36.6}, {69.0, 36.8}, {68.7, 36.8}, {68.7, 36.6}}}
	tests := []struct {
		name            string
		geom            orb.Geometry
		id              string
		admin1, country string
		prec            annotate.GeoPrecision
		from            string
		distance        float64 // metres, ±1
	}{
		{"snapped onto Dushanbe", dushanbe, "gn:1221874", "Dushanbe", "Tajikistan", annotate.GeoExact, "point", 0},
		{"446 m from Kunduz", orb.Point{68.862, 36.72895}, "gn:1135689", "Kunduz", "Afghanistan", annotate.GeoExact, "point", 446},
		{"4.5 km from Kunduz", orb.Point{68.907, 36.72895}, "gn:1135689", "Kunduz", "Afghanistan", annotate.GeoNear, "point", 4461},
		// the analyst's point, 350 km from Dushanbe: no town within 10 km
		{"Kyrgyz border area", orb.Point{72.70628, 39.77062}, "adm1:KG-O", "Osh", "Kyrgyzstan", annotate.GeoProvince, "point", 0},
		{"open country in Baghlan", orb.Point{69.0, 35.5}, "adm1:AF-BGL", "Baghlan", "Afghanistan", annotate.GeoProvince, "point", 0},
		// the crossing, in its first side's country
		{"on the Panji Poyon bridge", orb.Point{68.6053, 37.1946}, "xing:1", "Khatlon", "Tajikistan", annotate.GeoExact, "point", 0},
		// Panji Poyon is 6 km off but in Tajikistan: not "near" it
		{"Afghan bank of the Panj", orb.Point{68.62, 37.15}, "adm1:AF-KDZ", "Kunduz", "Afghanistan", annotate.GeoProvince, "point", 0},
		{"line Dushanbe → Kunduz", orb.LineString{dushanbe, kunduz}, "gn:1135689", "Kunduz", "Afghanistan", annotate.GeoExact, "line's end", 0},
		{"line Kunduz → Dushanbe", orb.MultiLineString{{kunduz, dushanbe}}, "gn:1221874", "Dushanbe", "Tajikistan", annotate.GeoExact, "line's end", 0},
		{"area inside Kunduz", inKunduz, "adm1:AF-KDZ", "Kunduz", "Afghanistan", annotate.GeoProvince, "area", 0},
		// Balkh–Kunduz–Takhar–Badakhshan: its centroid is in one province,
		// its vertices in several, so the country
		{"area over northern Afghanistan", northAfghanistan, "adm0:AFG", "", "Afghanistan", annotate.GeoCountry, "area", 0},
		{"multipolygon inside Kunduz", orb.MultiPolygon{inKunduz}, "adm1:AF-KDZ", "Kunduz", "Afghanistan", annotate.GeoProvince, "area", 0},
	}
	for _, tt := range tests {
		gp, ok := g.PlaceForGeometry(tt.geom)
		if !ok {
			t.Errorf("%s: no place", tt.name)
			continue
		}
		if gp.Place.ID != tt.id || gp.Place.Admin1 != tt.admin1 || gp.Place.Country != tt.country || gp.Precision != tt.prec ||
			gp.From != tt.from || math.Abs(gp.Distance-tt.distance) > 1 {
			t.Errorf("%s: got %s (%q, %q) %s from the %s at %.0f m, want %s (%q, %q) %s from the %s at %.0f m", tt.name,
				gp.Place.ID, gp.Place.Admin1, gp.Place.Country, gp.Precision, gp.From, gp.Distance,
				tt.id, tt.admin1, tt.country, tt.prec, tt.from, tt.distance)
		}
	}
}

func TestPlaceForGeometryNone(t *testing.T) {
	g := baseGazetteer(t)
	for _, geom := range []orb.Geometry{
		nil, orb.Point{60, 20}, orb.LineString{}, orb.MultiLineString{{}}, orb.MultiPoint{},
		orb.Collection{orb.Point{68.78, 38.54}}, orb.Polygon{{{10, 10}, {11, 10}, {11, 11}, {10, 10}}},
	} {
		if gp, ok := g.PlaceForGeometry(geom); ok {
			t.Errorf("PlaceForGeometry(%v) = %s, want none", geom, gp.Place.ID)
		}
	}
}

// TestPlaceForGeometryUserPlace: a place a user added is snapped to.
func TestPlaceForGeometryUserPlace(t *testing.T) {
	bg := baseGazetteer(t)
	g := New(bg.All())
	post := annotate.Place{ID: "u1", Name: "Post 7", Kind: annotate.KindUser, Country: "Tajikistan", Admin1: "Khatlon", Point: orb.Point{68.9, 37.3}}
	g.Add(post)
	gp, ok := g.PlaceForGeometry(orb.Point{68.9, 37.304})
	if !ok || gp.Place.ID != "u1" || gp.Precision != annotate.GeoExact {
		t.Errorf("near a user place: %s %s, want u1 exact", gp.Place.ID, gp.Precision)
	}
}

func BenchmarkPlaceForGeometry(b *testing.B) {
	g := baseGazetteer(b)
	pt := orb.Point{68.907, 36.72895}
	for b.Loop() {
		g.PlaceForGeometry(pt)
	}
}
