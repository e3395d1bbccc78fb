package gazetteer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"eventatlas/annotate"
	"eventatlas/assets"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Ranks given to the kinds of place that are not populated places (cities
// take theirs from the GeoNames feature code, see cityRank).
const (
	rankCountry  = 0
	rankProvince = 1
	rankCrossing = 2
)

// FromBaseMap builds the gazetteer of the base map:
//   - one country per feature of bm.Countries: ID "adm0:"+adm0_a3, names in
//     English, Persian, Pashto, Russian and Tajik;
//   - one province per feature of bm.Admin1: ID "adm1:"+iso_3166_2, names
//     name, name_en, name_fa, name_ru, name_tg, name_alt and their short forms
//     without "province"/"область"/"ولایت"/"Вилояти" ("Хатлон");
//   - one city per populated place: ID "gn:"+GeoNames id (or
//     "gnn:"+admin1+":"+folded name for the places of the newer list that
//     have no id), Rank from the feature code (see cityRank);
//   - one crossing per feature of bm.Crossings: ID "xing:N" (N from 1, in
//     file order), named by its full name, the bridge's own name
//     ("Friendship Bridge") and the places at its two ends (Panji Poyon,
//     Sherkhan Bandar, Termez, Hairatan), which Match offers after the
//     towns of the same name unless the text says "bridge" or "crossing".
//
// Two Natural Earth provinces filed under a neighbour's code (Panjshir and
// Daykundi, both filed as Parwan/Uruzgan) are corrected by their GeoNames id.
func FromBaseMap(bm *assets.BaseMap) (*Gazetteer, error) {
	if bm == nil || bm.Countries == nil || bm.Admin1 == nil || bm.Places == nil || bm.Crossings == nil {
		return nil, errors.New("gazetteer: the base map is missing a layer (countries, admin1, places and crossings are all needed)")
	}
	countries, byISO2, err := countryPlaces(bm.Countries)
	if err != nil {
		return nil, err
	}
	provinces, admin1Names, err := provincePlaces(bm.Admin1)
	if err != nil {
		return nil, err
	}
	cities, cityAdmin1, err := cityPlaces(bm.Places, byISO2, admin1Names)
	if err != nil {
		return nil, err
	}
	lendSeatNames(provinces, cities, cityAdmin1)
	cityNames := map[string]bool{}
	for _, c := range cities {
		for _, n := range c.Names {
			cityNames[foldKey(n)] = true
		}
	}
	crossings, err := crossingPlaces(bm.Crossings, cityNames, provinceNames(provinces))
	if err != nil {
		return nil, err
	}
	all := make([]annotate.Place, 0, len(countries)+len(provinces)+len(cities)+len(crossings))
	all = append(all, countries...)
	all = append(all, provinces...)
	all = append(all, cities...)
	all = append(all, crossings...)
	return New(all), nil
}

// extraCountryNames are common names the data lacks.
var extraCountryNames = map[string][]string{
	"AFG": {"Islamic Emirate of Afghanistan", "Afġānistān", "Afgʻoniston"},
	"TJK": {"Republic of Tajikistan", "Tojikiston", "Tadzhikistan", "Республика Таджикистан", "Ҷумҳурии Тоҷикистон"},
	"UZB": {"Oʻzbekiston", "Ўзбекистон"},
	"KGZ": {"Kirghizia", "Kyrgyz Republic", "Кыргызстан"},
	"TKM": {"Türkmenistan"},
	"PAK": {"پاکستان"},
	"IRN": {"ایران"},
}

func countryPlaces(fc *geojson.FeatureCollection) ([]annotate.Place, map[string]string, error) {
	out := make([]annotate.Place, 0, len(fc.Features))
	byISO2 := map[string]string{}
	for i, f := range fc.Features {
		p := props(f)
		a3, name := p.str("adm0_a3"), p.str("name")
		if a3 == "" || name == "" {
			return nil, nil, fmt.Errorf("gazetteer: country feature %d has no adm0_a3 or name", i)
		}
		if err := areaGeometry(f, "country "+a3); err != nil {
			return nil, nil, err
		}
		byISO2[p.str("iso_a2")] = name
		names := appendNames(nil, name, p.str("name_fa"), p.str("name_ps"), p.str("name_ru"), p.str("name_tg"))
		names = appendNames(names, extraCountryNames[a3]...)
		out = append(out, annotate.Place{
			ID: "adm0:" + a3, Name: name, Names: names, Kind: annotate.KindCountry,
			Country: name, Point: labelPoint(f.Geometry), Geometry: f.Geometry, Rank: rankCountry,
		})
	}
	return out, byISO2, nil
}

// admin1Fix corrects a Natural Earth province filed under another's code.
type admin1Fix struct{ iso, name, fa, ru string }

// admin1Fixes, by GeoNames id: Natural Earth 5.1 files Panjshir as AF-PAR and
// Daykundi as AF-URU, which gives two features each for Parwan and Uruzgan
// (their outlines lie where Panjshir and Daykundi are).
var admin1Fixes = map[int]admin1Fix{
	6957555: {"AF-PAN", "Panjshir", "ولایت پنجشیر", "Панджшер"},
	6957553: {"AF-DAY", "Daykundi", "ولایت دایکندی", "Дайкунди"},
}

func provincePlaces(fc *geojson.FeatureCollection) ([]annotate.Place, map[string]string, error) {
	out := make([]annotate.Place, 0, len(fc.Features))
	names := map[string]string{}
	seen := map[string]bool{}
	for i, f := range fc.Features {
		p := props(f)
		iso := p.str("iso_3166_2")
		name := firstOf(p.str("name_en"), p.str("name"))
		if iso == "" || name == "" {
			return nil, nil, fmt.Errorf("gazetteer: admin1 feature %d has no iso_3166_2 or name", i)
		}
		if err := areaGeometry(f, "admin1 "+iso); err != nil {
			return nil, nil, err
		}
		var all []string
		if fix, ok := admin1Fixes[p.int("gn_id")]; ok {
			iso, name = fix.iso, fix.name
			all = appendNames(nil, fix.name, fix.fa, fix.ru)
		} else {
			all = appendNames(nil, name, p.str("name"), p.str("name_fa"), p.str("name_ru"), p.str("name_tg"))
			all = appendNames(all, p.strs("name_alt")...)
		}
		for _, n := range all {
			all = appendNames(all, shortForms(n)...)
		}
		id := "adm1:" + iso
		if seen[id] { // an unknown duplicate: keep it, under a distinct id
			id += "~" + strconv.Itoa(p.int("gn_id"))
		}
		seen[id] = true
		names[iso] = name
		out = append(out, annotate.Place{
			ID: id, Name: name, Names: all, Kind: annotate.KindProvince,
			Country: p.str("country"), Admin1: name,
			Point: labelPoint(f.Geometry), Geometry: f.Geometry, Rank: rankProvince,
		})
	}
	return out, names, nil
}

// extraCityNames are short forms the data lacks, by GeoNames id.
var extraCityNames = map[int][]string{
	1133616: {"Mazar", "Mazar-i Sharif", "Mazari-Sharif"}, // Mazār-e Sharīf
}

// displayNameOverrides replaces an outdated English name (Bokhtar was
// Kurgan-Tyube until 2018).
var displayNameOverrides = map[int]string{1220747: "Bokhtar"}

// cityPlaces returns the populated places and, for each, its ISO 3166-2
// province code.
func cityPlaces(fc *geojson.FeatureCollection, countries, admin1 map[string]string) ([]annotate.Place, []string, error) {
	out := make([]annotate.Place, 0, len(fc.Features))
	codes := make([]string, 0, len(fc.Features))
	for i, f := range fc.Features {
		p := props(f)
		pt, ok := f.Geometry.(orb.Point)
		if !ok {
			return nil, nil, fmt.Errorf("gazetteer: populated place %d (%q) is not a Point", i, p.str("name"))
		}
		name := p.str("name")
		if name == "" {
			return nil, nil, fmt.Errorf("gazetteer: populated place %d has no name", i)
		}
		gn := p.int("id")
		display := firstOf(displayNameOverrides[gn], p.str("name_en"), name)
		names := appendNames(nil, display, name, p.str("name_ascii"), p.str("name_en"), p.str("name_fa"), p.str("name_ps"),
			p.str("name_tg"), p.str("name_ru"), p.str("name_uz"))
		names = appendNames(names, p.strs("alt_names")...)
		names = appendNames(names, p.str("name_gn_newer"))
		names = appendNames(names, extraCityNames[gn]...)
		id := "gn:" + strconv.Itoa(gn)
		if gn == 0 {
			id = "gnn:" + firstOf(p.str("admin1"), p.str("country")) + ":" + strings.ReplaceAll(foldKey(name), " ", "-")
		}
		out = append(out, annotate.Place{
			ID: id, Name: display, Names: names, Kind: annotate.KindCity,
			Country: countries[p.str("country")], Admin1: admin1[p.str("admin1")],
			Point: pt, Geometry: pt, Population: p.int("population"), Rank: annotate.FeatureCodeRank(p.str("fcode")),
		})
		codes = append(codes, p.str("admin1"))
	}
	return out, codes, nil
}

// lendSeatNames gives a province the Arabic-script and Cyrillic names of the
// capital or seat it is named after (the province of Kunduz is written
// کندز as often as its own ولایت کندوز suggests): a text naming the one
// offers both.
func lendSeatNames(provinces, cities []annotate.Place, cityAdmin1 []string) {
	for pi := range provinces {
		prov := &provinces[pi]
		iso := strings.TrimPrefix(prov.ID, "adm1:")
		own := map[string]bool{}
		for _, n := range prov.Names {
			own[foldKey(n)] = true
		}
		for ci, c := range cities {
			if cityAdmin1[ci] != iso || c.Rank > 1 || !sharesName(c.Names, own) {
				continue
			}
			for _, n := range c.Names {
				if r, _ := utf8.DecodeRuneInString(n); unicode.In(r, unicode.Arabic, unicode.Cyrillic) {
					prov.Names = appendUnique(prov.Names, n)
				}
			}
		}
	}
}

func sharesName(names []string, set map[string]bool) bool {
	for _, n := range names {
		if set[foldKey(n)] {
			return true
		}
	}
	return false
}

// provinceNames maps a country and a folded name of one of its provinces
// ("Tajikistan|gbao") to the province's Name ("Gorno-Badakhshan").
func provinceNames(provinces []annotate.Place) map[string]string {
	out := map[string]string{}
	for _, p := range provinces {
		for _, n := range p.Names {
			if k := p.Country + "|" + foldKey(n); out[k] == "" {
				out[k] = p.Name
			}
		}
	}
	return out
}

// crossingPlaces returns the border crossings. A crossing lies in the
// country and province of its first side, the one its name begins with
// ("Panji Poyon – Sherkhan Bandar": Tajikistan, Khatlon): an event's
// country holds one country, as ACLED's does. Its full name, which names
// both sides, stays the place's Name.
func crossingPlaces(fc *geojson.FeatureCollection, cityNames map[string]bool, provinces map[string]string) ([]annotate.Place, error) {
	out := make([]annotate.Place, 0, len(fc.Features))
	iso3 := map[string]string{"TJK": "Tajikistan", "AFG": "Afghanistan", "UZB": "Uzbekistan", "TKM": "Turkmenistan"}
	for i, f := range fc.Features {
		p := props(f)
		pt, ok := f.Geometry.(orb.Point)
		name := p.str("name")
		if !ok || name == "" {
			return nil, fmt.Errorf("gazetteer: crossing %d has no name or is not a Point", i+1)
		}
		names := []string{name}
		addPart := func(s string, always bool) {
			s = strings.TrimSpace(s)
			k := foldKey(s)
			if s == "" || len([]rune(k)) < 4 || (cityNames[k] && !always) {
				return
			}
			names = appendUnique(names, s)
		}
		for _, full := range []string{name, p.str("name_ru"), p.str("name_fa")} {
			if full == "" {
				continue
			}
			names = appendUnique(names, full)
			for _, part := range strings.Split(full, " – ") {
				addPart(stripParens(part), true)
				for _, in := range parens(part) {
					addPart(in, false)
				}
			}
		}
		var country, admin1 string
		var sides []annotate.Place
		for si, side := range p.strs("sides") {
			code, rest, _ := strings.Cut(side, ": ")
			parts := strings.Split(rest, ", ")
			addPart(stripParens(parts[0]), true)
			for _, in := range parens(parts[0]) {
				addPart(in, true)
			}
			sc := firstOf(iso3[code], code)
			var sa string
			if len(parts) > 1 {
				a := strings.TrimSpace(parts[len(parts)-1])
				sa = firstOf(provinces[sc+"|"+foldKey(a)], a)
			}
			if si == 0 {
				country, admin1 = sc, sa
			}
			// A side the base map has no town for ("Sherkhan Bandar") is
			// a place of its own, in its own country: an event at the
			// Afghan end is not filed in Tajikistan.
			sideName := strings.TrimSpace(stripParens(parts[0]))
			if sideName == "" || cityNames[foldKey(sideName)] {
				continue
			}
			sideNames := []string{sideName}
			for _, full := range []string{p.str("name_ru"), p.str("name_fa")} {
				if ps := strings.Split(full, " – "); len(ps) == 2 {
					if n := strings.TrimSpace(stripParens(ps[si])); n != "" {
						sideNames = appendUnique(sideNames, n)
					}
				}
			}
			sides = append(sides, annotate.Place{
				ID: fmt.Sprintf("xing:%d:%d", i+1, si+1), Name: sideName, Names: sideNames, Kind: annotate.KindCity,
				Country: sc, Admin1: sa, Point: pt, Geometry: pt, Rank: annotate.FeatureCodeRank("PPL"),
			})
		}
		out = append(out, annotate.Place{
			ID: "xing:" + strconv.Itoa(i+1), Name: name, Names: names, Kind: annotate.KindCrossing,
			Country: country, Admin1: admin1,
			Point: pt, Geometry: pt, Rank: rankCrossing,
		})
		out = append(out, sides...)
	}
	return out, nil
}

func areaGeometry(f *geojson.Feature, what string) error {
	switch f.Geometry.(type) {
	case orb.Polygon, orb.MultiPolygon:
		return nil
	}
	return fmt.Errorf("gazetteer: %s is not a Polygon or MultiPolygon", what)
}

// properties reads GeoJSON properties leniently.
type properties map[string]any

func props(f *geojson.Feature) properties { return properties(f.Properties) }

func (p properties) str(k string) string {
	s, _ := p[k].(string)
	return strings.TrimSpace(s)
}

func (p properties) int(k string) int {
	switch v := p[k].(type) {
	case float64:
		return int(v)
	case int:
		return v
	}
	return 0
}

func (p properties) strs(k string) []string {
	switch v := p[k].(type) {
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	case []string:
		return v
	}
	return nil
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
