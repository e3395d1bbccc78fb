package render

import (
	"errors"
	"math"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"eventatlas/annotate"
	"eventatlas/assets"
)

// Zoom bands: geometry is simplified once per integer device zoom
// (zoom + log2(scale)) from minBand to minBand+nBands−1.
const (
	minBand = 4
	nBands  = 13
	// simplifyTol is the Douglas–Peucker tolerance in device pixels.
	simplifyTol = 0.35
)

// bandFor returns the simplification band for a view.
func bandFor(v View) int {
	b := int(math.Floor(v.Zoom+math.Log2(v.scale()))) - minBand
	return max(0, min(nBands-1, b))
}

// bandTol is the simplification tolerance of band b in world pixels.
func bandTol(b int) float64 { return simplifyTol / math.Exp2(float64(b+minBand)) }

// focusCountries are the countries the region is about; they get a lighter land tint.
var focusCountries = map[string]bool{"AFG": true, "TJK": true}

// focusISO2 are the focus countries by their two-letter codes, as places
// name their country.
var focusISO2 = map[string]bool{"AF": true, "TJ": true}

// country is one country, projected to world pixels and simplified per band.
type country struct {
	a3, name string
	focus    bool
	bound    orb.Bound
	bands    [nBands]orb.MultiPolygon
	bounds   [nBands]multiBounds // of bands' rings (base_bounds.go)
}

// province is a first-order division with its label point.
type province struct {
	name, a3 string
	focus    bool
	poly     orb.MultiPolygon // world, lightly simplified, for label fitting
	polyB    multiBounds      // poly's ring bounds
	pole     orb.Point        // world
	area     float64          // world pixels²
	bound    orb.Bound
}

// arc is a boundary line between two areas, in world pixels.
type arc struct {
	line  orb.LineString
	bound orb.Bound
}

// place is a populated place that can be labelled.
type place struct {
	name  string
	ascii string // name_ascii, for fonts without the name's letters
	world orb.Point
	rank  int // 0 capital, 1 province seat, 2 district seat, 3 other
	pop   int
	focus bool // in a focus country (whole in the data), not a neighbour
}

// crossing is a border crossing (a bridge).
type crossing struct {
	name  string
	world orb.Point
}

// baseData is the base map prepared for drawing.
type baseData struct {
	countries []country
	provinces []province
	provLines [nBands][]arc // boundaries between provinces of one country
	borders   [nBands][]arc // international borders
	// provSplit and borderSplit are where, in provLines and borders, the
	// lines with a focus country on one side begin: those before lie
	// between neighbours only.
	provSplit, borderSplit [nBands]int
	places                 []place // by label priority
	crossings              []crossing
}

// buildBase projects, simplifies and indexes the base map.
func buildBase(bm *assets.BaseMap) (*baseData, error) {
	if bm == nil || bm.Countries == nil || bm.Admin1 == nil || bm.Places == nil {
		return nil, errors.New("render: the base map is missing a layer (countries, admin1 or places)")
	}
	bd := &baseData{}
	for _, f := range bm.Countries.Features {
		mp := asMultiPolygon(worldGeometry(f.Geometry))
		if mp == nil {
			continue
		}
		c := country{a3: prop(f, "adm0_a3"), name: prop(f, "name"), bound: mp.Bound()}
		c.focus = focusCountries[c.a3]
		for b := range nBands {
			c.bands[b] = simplifyMulti(mp, bandTol(b))
			c.bounds[b] = boundsOf(c.bands[b])
		}
		bd.countries = append(bd.countries, c)
	}
	if len(bd.countries) == 0 {
		return nil, errors.New("render: the base map has no country polygons")
	}
	var rings []ownedRing
	for i, f := range bm.Admin1.Features {
		mp := asMultiPolygon(worldGeometry(f.Geometry))
		if mp == nil {
			continue
		}
		pr := province{name: prop(f, "name"), a3: prop(f, "adm0_a3"), bound: mp.Bound(), area: multiArea(mp)}
		pr.focus = focusCountries[pr.a3]
		pr.poly = simplifyMulti(mp, bandTol(4))
		pr.polyB = boundsOf(pr.poly)
		if big := largest(pr.poly); big != nil {
			pr.pole, _ = poleOfInaccessibility(big, bandTol(6))
		}
		bd.provinces = append(bd.provinces, pr)
		for _, poly := range mp {
			for _, r := range poly {
				rings = append(rings, ownedRing{owner: i, country: pr.a3, ring: r})
			}
		}
	}
	provArcs, borderArcs := buildArcs(rings, clipBox)
	for b := range nBands {
		bd.provLines[b] = simplifyArcs(provArcs[0], bandTol(b))
		bd.provSplit[b] = len(bd.provLines[b])
		bd.provLines[b] = append(bd.provLines[b], simplifyArcs(provArcs[1], bandTol(b))...)
		bd.borders[b] = simplifyArcs(borderArcs[0], bandTol(b))
		bd.borderSplit[b] = len(bd.borders[b])
		bd.borders[b] = append(bd.borders[b], simplifyArcs(borderArcs[1], bandTol(b))...)
	}
	for _, f := range bm.Places.Features {
		pt, ok := f.Geometry.(orb.Point)
		if !ok {
			continue
		}
		name := prop(f, "name")
		if name == "" {
			continue
		}
		bd.places = append(bd.places, place{name: name, ascii: prop(f, "name_ascii"), world: toWorld(pt), rank: placeRank(prop(f, "fcode")),
			pop: int(f.Properties.MustFloat64("population", 0)), focus: focusISO2[prop(f, "country")]})
	}
	// Capitals, then province seats, then the rest by population.
	sort.SliceStable(bd.places, func(i, j int) bool {
		a, b := bd.places[i], bd.places[j]
		if ra, rb := min(a.rank, 2), min(b.rank, 2); ra != rb {
			return ra < rb
		}
		if a.pop != b.pop {
			return a.pop > b.pop
		}
		return a.rank < b.rank
	})
	if bm.Crossings != nil {
		for _, f := range bm.Crossings.Features {
			if pt, ok := f.Geometry.(orb.Point); ok {
				bd.crossings = append(bd.crossings, crossing{name: prop(f, "name"), world: toWorld(pt)})
			}
		}
	}
	return bd, nil
}

// clipBox is where the neighbours' data was clipped: boundary edges lying on
// it are not borders and are not drawn.
var clipBox = orb.Bound{Min: orb.Point{60, 33}, Max: orb.Point{76, 42}}

// placeRank orders GeoNames feature codes for labelling: capital, province
// seats, district seats, then every other place alike.
func placeRank(fcode string) int { return min(annotate.FeatureCodeRank(fcode), 3) }

// prop reads a string property, "" when missing.
func prop(f *geojson.Feature, key string) string {
	return strings.TrimSpace(f.Properties.MustString(key, ""))
}

// simplifyArcs simplifies each arc, keeping its end points so arcs still meet.
func simplifyArcs(in []orb.LineString, tol float64) []arc {
	out := make([]arc, 0, len(in))
	for _, l := range in {
		s := dpLine(l, tol)
		if len(s) >= 2 {
			out = append(out, arc{line: s, bound: s.Bound()})
		}
	}
	return out
}

// dpLine is Douglas–Peucker on a copy of l (orb's simplifier reuses its input).
func dpLine(l orb.LineString, tol float64) orb.LineString {
	if len(l) <= 2 {
		return l.Clone()
	}
	keep := make([]bool, len(l))
	keep[0], keep[len(l)-1] = true, true
	type span struct{ a, b int }
	stack := []span{{0, len(l) - 1}}
	t2 := tol * tol
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		best, bi := -1.0, -1
		for i := s.a + 1; i < s.b; i++ {
			if d := segDist2(l[s.a], l[s.b], l[i]); d > best {
				best, bi = d, i
			}
		}
		if bi >= 0 && best > t2 {
			keep[bi] = true
			stack = append(stack, span{s.a, bi}, span{bi, s.b})
		}
	}
	out := make(orb.LineString, 0, 16)
	for i, k := range keep {
		if k {
			out = append(out, l[i])
		}
	}
	return out
}
