package annotate

import "github.com/paulmach/orb"

// PlaceKind says what sort of place a gazetteer entry is.
type PlaceKind string

// Kinds of place.
const (
	KindCountry  PlaceKind = "country"
	KindProvince PlaceKind = "province"
	KindCity     PlaceKind = "city"
	KindCrossing PlaceKind = "crossing"
	KindUser     PlaceKind = "user" // added by a user
)

// Place is a gazetteer entry: something an event can be placed at.
type Place struct {
	ID         string       // stable id: "gn:1135689", "adm1:AF-KDZ", "adm0:AFG", "xing:1", or a UUID for user places
	Name       string       // display name in English
	Names      []string     // every name and variant, in every script, Name first
	Kind       PlaceKind    // country, province, city, crossing, user
	Country    string       // country name, e.g. "Afghanistan"
	Admin1     string       // province name, e.g. "Kunduz" (empty for countries)
	Point      orb.Point    // label point (lon, lat)
	Geometry   orb.Geometry // Point for cities and crossings, (Multi)Polygon for areas
	Population int          // 0 when unknown
	Rank       int          // importance for labels and suggestions: lower shows first (0 capital … 9 village)
}

// GeoPrecision is the precision an event placed at p gets by default.
func (p Place) GeoPrecision() GeoPrecision {
	switch p.Kind {
	case KindCountry:
		return GeoCountry
	case KindProvince:
		return GeoProvince
	}
	return GeoExact
}

// FeatureCodeRank ranks a populated place by its GeoNames feature code, most
// important first: PPLC (capital) 0, PPLA (seat of a province) 1, PPLA2 2,
// PPLA3 and PPLA4 3, PPL 4, anything else 5. The gazetteer orders candidates
// by it and the map labels places by it.
func FeatureCodeRank(fcode string) int {
	switch fcode {
	case "PPLC":
		return 0
	case "PPLA":
		return 1
	case "PPLA2":
		return 2
	case "PPLA3", "PPLA4":
		return 3
	case "PPL":
		return 4
	}
	return 5
}
