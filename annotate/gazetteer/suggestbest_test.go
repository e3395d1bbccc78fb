package gazetteer

import (
	"github.com/paulmach/orb"
	"reflect"
	"testing"

	"eventatlas/annotate"
	"eventatlas/assets"
)

// The analyst's articles (UT5), as imported.
const (
	ut5English = "Border guard killed in clash with smugglers on Tajik-Afghan frontier\n\n" +
		"DUSHANBE, 4 March 2026 (Asia-Plus) — One Tajik border guard was killed and two were wounded late on Monday, 2 March, " +
		"when a group of armed men crossing the Panj river from Afghanistan's Kunduz province opened fire on a patrol near the " +
		"village of Panji Poyon in Khatlon region, Tajikistan's State Committee for National Security said on Tuesday.\n\n" +
		"According to the statement, the border guards returned fire, killing three of the intruders, and seized 48 kilograms " +
		"of hashish and two Kalashnikov rifles. The other members of the group fled back across the river towards Imam Sahib district.\n"
	ut5Russian = "Таджикские пограничники задержали наркокурьеров на границе с Афганистаном\n\n" +
		"Душанбе, 10 февраля 2026 г. — Пограничники Таджикистана задержали трёх граждан Афганистана, пытавшихся переправить " +
		"через реку Пяндж 30 килограммов героина на участке заставы «Шаартуз» в Хатлонской области, сообщило Главное управление " +
		"пограничных войск ГКНБ.\n"
)

func TestSuggestBest(t *testing.T) {
	g := baseGazetteer(t)
	sample := assets.SampleArticle()
	tests := []struct {
		name, text, quote string
		best              bool
		want              []string // the first places offered, best first
	}{
		// (a) the most specific place inside the selection wins: the
		// village, then the provinces, then the country
		{"village over country", ut5English,
			"One Tajik border guard was killed and two were wounded late on Monday, 2 March, when a group of armed men crossing the Panj river from Afghanistan's Kunduz province opened fire on a patrol near the village of Panji Poyon in Khatlon region",
			true, []string{"gnn:TJ-KT:panji-poyon", "adm1:AF-KDZ", "adm1:TJ-KT", "adm0:AFG"}},
		// (b) "граждан Афганистана" says whose citizens, not where: the
		// province in its sentence is the best match, Afghanistan after it
		{"citizens of (ru)", ut5Russian,
			"задержали трёх граждан Афганистана, пытавшихся переправить через реку Пяндж 30 килограммов героина",
			true, []string{"adm1:TJ-KT", "adm0:TJK", "adm0:AFG"}},
		{"citizens of (ru), province selected", ut5Russian,
			"задержали трёх граждан Афганистана, пытавшихся переправить через реку Пяндж 30 килограммов героина на участке заставы «Шаартуз» в Хатлонской области",
			true, []string{"adm1:TJ-KT", "adm0:TJK", "adm0:AFG"}},
		// (c) no place in the selection or its sentence: the most specific
		// place of the sentence before, never the next sentence's Imam Sahib
		{"antecedent, not the next sentence", ut5English,
			"seized 48 kilograms of hashish and two Kalashnikov rifles",
			true, []string{"gnn:TJ-KT:panji-poyon", "adm1:TJ-KT", "adm1:AF-KDZ", "adm0:TJK", "adm0:AFG"}},
		// the antecedent one line up (Kunduz), not the next sentence's Balkh
		{"antecedent on the line before", sample,
			"The delegation travelled to the northern Afghan province at the Taliban’s invitation",
			true, []string{"gn:1135689", "adm0:AFG", "adm0:TJK", "adm1:AF-KDZ", "adm1:AF-BAL"}},
		// two towns named alike: the analyst chooses (or codes two events)
		{"two towns", "Officials held talks in Dushanbe and Kabul on Monday.", "held talks in Dushanbe and Kabul",
			false, []string{"gn:1221874", "gn:1138958"}},
		// a town and its province: the town, as before
		{"town and its province", ut5English, "near the village of Panji Poyon in Khatlon region",
			true, []string{"gnn:TJ-KT:panji-poyon", "adm1:TJ-KT"}},
		// a headline with no place and nothing before it: nothing to pre-fill
		{"nothing before", ut5English, "Border guard killed in clash with smugglers",
			false, []string{}},
	}
	for _, tt := range tests {
		sp, err := annotate.FindQuote(tt.text, tt.quote)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		places, best := g.SuggestBest(tt.text, sp.Start, sp.End)
		got := placeIDs(places)
		if len(got) > len(tt.want) {
			got = got[:len(tt.want)]
		}
		if best != tt.best || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: SuggestBest = %v (best %v), want %v (best %v)", tt.name, got, best, tt.want, tt.best)
		}
		if !reflect.DeepEqual(placeIDs(g.Suggest(tt.text, sp.Start, sp.End)), placeIDs(places)) {
			t.Errorf("%s: Suggest and SuggestBest differ", tt.name)
		}
	}
}

func TestIsDemonym(t *testing.T) {
	tests := []struct {
		text, name string
		want       bool
	}{
		{"three citizens of Afghanistan were held", "Afghanistan", true},
		{"two Afghan nationals from Kunduz", "Kunduz", true},
		{"задержали трёх граждан Афганистана", "Афганистана", true},
		{"уроженец Кундуза задержан", "Кундуза", true},
		{"سه تن از اتباع افغانستان", "افغانستان", true},
		{"guards of Tajikistan seized heroin", "Tajikistan", false},
		{"fled from Kunduz", "Kunduz", false},
		{"Afghanistan", "Afghanistan", false},
	}
	for _, tt := range tests {
		rs := []rune(tt.text)
		sp, err := annotate.FindQuote(tt.text, tt.name)
		if err != nil {
			t.Fatal(err)
		}
		if got := isDemonym(tokenize(rs), sp.Start); got != tt.want {
			t.Errorf("isDemonym(%q at %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}

func BenchmarkSuggestBest(b *testing.B) {
	g := baseGazetteer(b)
	for b.Loop() {
		g.SuggestBest(ut5English, 400, 460)
	}
}

func TestCapital(t *testing.T) {
	g := baseGazetteer(t)
	for _, c := range []struct{ country, want string }{
		{"Afghanistan", "Kabul"}, {"Tajikistan", "Dushanbe"}, {"Atlantis", ""},
	} {
		p, ok := g.Capital(c.country)
		if p.Name != c.want || ok != (c.want != "") {
			t.Errorf("Capital(%q) = %q, %v; want %q", c.country, p.Name, ok, c.want)
		}
	}
}

// TestVillageSnapRadius: a point 500 m from a city's centre is at the city;
// 500 m from a village it is near the village, not at it.
func TestVillageSnapRadius(t *testing.T) {
	g := baseGazetteer(t)
	for _, c := range []struct {
		id   string
		want annotate.GeoPrecision
	}{
		{"gn:1221874", annotate.GeoExact},           // Dushanbe
		{"gnn:TJ-KT:panji-poyon", annotate.GeoNear}, // a village
	} {
		p, ok := g.Place(c.id)
		if !ok {
			t.Fatalf("no %s", c.id)
		}
		gp, ok := g.PlaceForGeometry(orb.Point{p.Point[0], p.Point[1] + 0.0045})
		if !ok || gp.Place.ID != c.id || gp.Precision != c.want {
			t.Errorf("500 m from %s: %s, precision %v; want %v", p.Name, gp.Place.Name, gp.Precision, c.want)
		}
	}
}
