package gazetteer

import (
	"strings"
	"testing"

	"eventatlas/annotate"
	"eventatlas/assets"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

func TestFromBaseMapCounts(t *testing.T) {
	g := baseGazetteer(t)
	count := map[annotate.PlaceKind]int{}
	seen := map[string]bool{}
	for _, p := range g.All() {
		count[p.Kind]++
		if seen[p.ID] {
			t.Errorf("duplicate id %s", p.ID)
		}
		seen[p.ID] = true
		if p.Name == "" || len(p.Names) == 0 || p.Names[0] != p.Name {
			t.Errorf("%s: Name %q must come first in Names %v", p.ID, p.Name, p.Names)
		}
	}
	want := map[annotate.PlaceKind]int{annotate.KindCountry: 10, annotate.KindProvince: 74, annotate.KindCity: 997 + 6, annotate.KindCrossing: 4} // 6 crossing ends without a town of their own
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%d places of kind %s, want %d", count[k], k, n)
		}
	}
}

func TestFromBaseMapPlaces(t *testing.T) {
	g := baseGazetteer(t)
	tests := []struct {
		id, name        string
		kind            annotate.PlaceKind
		country, admin1 string
		rank            int
		names           []string // among Names
	}{
		{"adm0:TJK", "Tajikistan", annotate.KindCountry, "Tajikistan", "", 0, []string{"Таджикистан", "Тоҷикистон", "تاجیکستان"}},
		{"adm1:TJ-KT", "Khatlon", annotate.KindProvince, "Tajikistan", "Khatlon", 1, []string{"Хатлонская область", "Вилояти Хатлон", "Хатлон", "ختلان", "Hatlon"}},
		{"adm1:AF-KDZ", "Kunduz", annotate.KindProvince, "Afghanistan", "Kunduz", 1, []string{"Qunduz", "کندوز", "کندز", "Кундуз"}},
		{"adm1:TJ-SU", "Sughd", annotate.KindProvince, "Tajikistan", "Sughd", 1, []string{"Согдийская область", "Согд", "Суғд", "سغد"}},
		{"adm1:TJ-GB", "Gorno-Badakhshan", annotate.KindProvince, "Tajikistan", "Gorno-Badakhshan", 1, []string{"Горно-Бадахшан", "GBAO"}},
		{"adm1:AF-HER", "Herat", annotate.KindProvince, "Afghanistan", "Herat", 1, []string{"Hirat"}},
		// Natural Earth files these two under AF-PAR and AF-URU
		{"adm1:AF-PAN", "Panjshir", annotate.KindProvince, "Afghanistan", "Panjshir", 1, []string{"پنجشیر"}},
		{"adm1:AF-DAY", "Daykundi", annotate.KindProvince, "Afghanistan", "Daykundi", 1, []string{"Дайкунди"}},
		{"gn:1221874", "Dushanbe", annotate.KindCity, "Tajikistan", "Dushanbe", 0, []string{"Душанбе", "دوشنبه", "Stalinabad"}},
		{"gn:1135689", "Kunduz", annotate.KindCity, "Afghanistan", "Kunduz", 1, []string{"Kondoz", "Qunduz", "Кундуз", "کندز"}},
		{"gn:1147290", "Balkh", annotate.KindCity, "Afghanistan", "Balkh", 2, []string{"Балх", "بلخ"}},
		{"gn:1133616", "Mazari Sharif", annotate.KindCity, "Afghanistan", "Balkh", 1, []string{"Mazār-e Sharīf", "Mazar-i-Sharif", "مزار شریف", "Мазари-Шариф", "Mazar"}},
		{"gn:1220747", "Bokhtar", annotate.KindCity, "Tajikistan", "Khatlon", 1, []string{"Kurgan-Tyube", "Бохтар"}},
		{"gn:1220164", "Vorukh", annotate.KindCity, "Tajikistan", "Sughd", 4, nil},
		{"gnn:TJ-KT:panji-poyon", "Panji Poyon", annotate.KindCity, "Tajikistan", "Khatlon", 5, nil},
		// a crossing lies in its first side's country and province (one
		// country, as ACLED's field holds), named by both sides
		{"xing:1", "Panji Poyon – Sherkhan Bandar", annotate.KindCrossing, "Tajikistan", "Khatlon", 2, []string{"Panji Poyon", "Sherkhan Bandar", "Нижний Пяндж – Шерхан-Бандар", "Nizhniy Pyandzh"}},
		{"xing:3", "Tem – Demogan (Khorugh)", annotate.KindCrossing, "Tajikistan", "Gorno-Badakhshan", 2, []string{"Demogan"}}, // "GBAO" in the data
		{"xing:2", "Termez – Hairatan (Friendship Bridge)", annotate.KindCrossing, "Uzbekistan", "Surxondaryo", 2, []string{"Hairatan", "Termez", "Friendship Bridge", "Хайратон", "حیرتان"}},
	}
	for _, tt := range tests {
		p, ok := g.Place(tt.id)
		if !ok {
			t.Errorf("%s missing", tt.id)
			continue
		}
		if p.Name != tt.name || p.Kind != tt.kind || p.Country != tt.country || p.Admin1 != tt.admin1 || p.Rank != tt.rank {
			t.Errorf("%s = {%q %s %q %q rank %d}, want {%q %s %q %q rank %d}", tt.id,
				p.Name, p.Kind, p.Country, p.Admin1, p.Rank, tt.name, tt.kind, tt.country, tt.admin1, tt.rank)
		}
		for _, n := range tt.names {
			if !contains(p.Names, n) {
				t.Errorf("%s: %q not among names %v", tt.id, n, p.Names)
			}
		}
	}
	if _, ok := g.Place("adm1:AF-PAR"); !ok {
		t.Error("Parwan lost in the correction")
	}
}

func TestFromBaseMapGeometry(t *testing.T) {
	g := baseGazetteer(t)
	for _, p := range g.All() {
		switch geo := p.Geometry.(type) {
		case orb.Polygon:
			if !planar.PolygonContains(geo, p.Point) {
				t.Errorf("%s (%s): label point %v outside its polygon", p.ID, p.Name, p.Point)
			}
		case orb.MultiPolygon:
			if !planar.MultiPolygonContains(geo, p.Point) {
				t.Errorf("%s (%s): label point %v outside its polygons", p.ID, p.Name, p.Point)
			}
		case orb.Point:
			if p.Point != geo {
				t.Errorf("%s: Point %v is not its geometry %v", p.ID, p.Point, geo)
			}
		default:
			t.Errorf("%s: geometry %T", p.ID, p.Geometry)
		}
	}
	if p, _ := g.Place("gn:1221874"); p.Population != 679400 {
		t.Errorf("Dushanbe population %d", p.Population)
	}
}

func TestLabelPointConcave(t *testing.T) {
	// A U shape: its centroid falls in the gap, the label must not.
	u := orb.Polygon{{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}}}
	c, _ := planar.CentroidArea(u)
	if planar.PolygonContains(u, c) {
		t.Fatal("test shape: centroid should be outside")
	}
	if p := labelPoint(u); !planar.PolygonContains(u, p) {
		t.Errorf("labelPoint = %v, outside the U", p)
	}
	if p := labelPoint(orb.Point{1, 2}); p != (orb.Point{1, 2}) {
		t.Errorf("labelPoint of a point = %v", p)
	}
}

func TestFromBaseMapErrors(t *testing.T) {
	bm, err := assets.LoadBaseMap()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := FromBaseMap(nil); err == nil || !strings.Contains(err.Error(), "missing a layer") {
		t.Errorf("nil base map: %v", err)
	}
	partial := *bm
	partial.Crossings = nil
	if _, err := FromBaseMap(&partial); err == nil {
		t.Error("no error for a missing layer")
	}
	bad := *bm
	bad.Places = geojson.NewFeatureCollection()
	f := geojson.NewFeature(orb.LineString{{0, 0}, {1, 1}})
	f.Properties["name"] = "Nowhere"
	bad.Places.Append(f)
	if _, err := FromBaseMap(&bad); err == nil || err.Error() != `gazetteer: populated place 0 ("Nowhere") is not a Point` {
		t.Errorf("bad place geometry: %v", err)
	}
	bad = *bm
	bad.Admin1 = geojson.NewFeatureCollection()
	bad.Admin1.Append(geojson.NewFeature(orb.Point{1, 1}))
	if _, err := FromBaseMap(&bad); err == nil || err.Error() != "gazetteer: admin1 feature 0 has no iso_3166_2 or name" {
		t.Errorf("admin1 without properties: %v", err)
	}
}

func BenchmarkFromBaseMap(b *testing.B) {
	bm, err := assets.LoadBaseMap()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := FromBaseMap(bm); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCrossingEnds: an end of a crossing with no town of its own is a place
// in its own country and province.
func TestCrossingEnds(t *testing.T) {
	g := baseGazetteer(t)
	for _, c := range []struct{ id, name, country, admin1 string }{
		{"xing:1:2", "Sherkhan Bandar", "Afghanistan", "Kunduz"},
		{"xing:2:2", "Hairatan", "Afghanistan", "Balkh"},
	} {
		p, ok := g.Place(c.id)
		if !ok || p.Name != c.name || p.Country != c.country || p.Admin1 != c.admin1 {
			t.Errorf("%s: %q, %q, %q (%v); want %q, %q, %q", c.id, p.Name, p.Country, p.Admin1, ok, c.name, c.country, c.admin1)
		}
	}
	if _, ok := g.Place("xing:1:1"); ok {
		t.Error("Panji Poyon, a town of the base map, got a second place as a crossing's end")
	}
}
