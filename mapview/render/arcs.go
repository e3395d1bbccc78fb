package render

import (
	"math"

	"github.com/paulmach/orb"
)

// ownedRing is one ring of a province polygon in world pixels.
type ownedRing struct {
	owner   int    // province index
	country string // adm0_a3
	ring    orb.Ring
}

// edgeKey is an undirected edge.
type edgeKey struct{ a, b orb.Point }

func keyOf(p, q orb.Point) edgeKey {
	if q[0] < p[0] || (q[0] == p[0] && q[1] < p[1]) {
		p, q = q, p
	}
	return edgeKey{p, q}
}

// edgeUse is who uses an edge.
type edgeUse struct {
	owners    [2]int
	countries [2]string
	n         int
}

// arcClass is what kind of line an edge is.
type arcClass int

const (
	arcNone     arcClass = iota // not drawn (the data's clip box, or already emitted)
	arcProvince                 // between provinces of one country
	arcBorder                   // between countries, or a border with no data beyond
)

// buildArcs turns the province rings into boundary lines drawn once each:
// shared edges become province lines or international borders, unshared
// edges become borders unless they lie on the clip box (lon/lat) where the
// neighbours' data was cut. Lines break where the pair of areas on either
// side changes, so simplification keeps the junctions. Each kind comes in two
// lists: lines with only neighbouring countries on either side, and lines
// with a focus country on one side.
func buildArcs(rings []ownedRing, box orb.Bound) (prov, border [2][]orb.LineString) {
	countryOf := make(map[int]string, len(rings))
	for _, r := range rings {
		countryOf[r.owner] = r.country
	}
	focusSide := func(side [2]int) int {
		if focusCountries[countryOf[side[0]]] || (side[1] >= 0 && focusCountries[countryOf[side[1]]]) {
			return 1
		}
		return 0
	}
	uses := make(map[edgeKey]*edgeUse)
	for _, r := range rings {
		for i := 1; i < len(r.ring); i++ {
			p, q := r.ring[i-1], r.ring[i]
			if p == q {
				continue
			}
			k := keyOf(p, q)
			u := uses[k]
			if u == nil {
				u = &edgeUse{}
				uses[k] = u
			}
			if u.n < 2 {
				u.owners[u.n], u.countries[u.n] = r.owner, r.country
			}
			u.n++
		}
	}
	wbox := orb.Bound{Min: toWorld(orb.Point{box.Min[0], box.Max[1]}), Max: toWorld(orb.Point{box.Max[0], box.Min[1]})}
	onBox := func(p orb.Point) bool {
		const eps = 1e-9
		return math.Abs(p[0]-wbox.Min[0]) < eps || math.Abs(p[0]-wbox.Max[0]) < eps ||
			math.Abs(p[1]-wbox.Min[1]) < eps || math.Abs(p[1]-wbox.Max[1]) < eps
	}
	done := make(map[edgeKey]bool, len(uses))
	for _, r := range rings {
		var cur orb.LineString
		curClass, curSide := arcNone, [2]int{}
		flush := func() {
			if len(cur) >= 2 {
				f := focusSide(curSide)
				if curClass == arcProvince {
					prov[f] = append(prov[f], cur)
				} else {
					border[f] = append(border[f], cur)
				}
			}
			cur, curClass = nil, arcNone
		}
		for i := 1; i < len(r.ring); i++ {
			p, q := r.ring[i-1], r.ring[i]
			if p == q {
				continue
			}
			k := keyOf(p, q)
			u := uses[k]
			class := arcNone
			side := [2]int{u.owners[0], -1}
			switch {
			case done[k]:
			case u.n == 1:
				if !(onBox(p) && onBox(q)) {
					class = arcBorder
				}
			case u.countries[0] != u.countries[1]:
				class, side = arcBorder, [2]int{min(u.owners[0], u.owners[1]), max(u.owners[0], u.owners[1])}
			default:
				class, side = arcProvince, [2]int{min(u.owners[0], u.owners[1]), max(u.owners[0], u.owners[1])}
			}
			done[k] = true
			if class != curClass || side != curSide {
				flush()
				curSide = side
				curClass = class
				if class != arcNone {
					cur = orb.LineString{p}
				}
			}
			if class != arcNone {
				cur = append(cur, q)
			}
		}
		flush()
	}
	return prov, border
}
