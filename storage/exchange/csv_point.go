package exchange

import (
	"math"
	"sort"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// PlacePoints gives the coordinates of a gazetteer place by its id
// (annotate.Place.Point), ok false for an unknown id.
type PlacePoints func(id string) (p orb.Point, ok bool)

// acledPoint is where the CSV's latitude and longitude put an event: a
// point geometry itself; else the
// coded place's own coordinates when places knows the event's PlaceID, so
// the point agrees with the row's location, admin1 and country; else a
// point the event's geometry holds: the point itself, a line's last
// vertex (a movement is coded at its destination), or a point inside an
// area (representativePoint). ok is false for an event with neither.
func acledPoint(e *annotate.Event, places PlacePoints) (orb.Point, bool) {
	if p, ok := e.Geometry.(orb.Point); ok {
		// A point is where the event was coded: a country-level event sits
		// at its capital, as wkt says, not at the country's label point.
		return p, true
	}
	if e.PlaceID != "" && places != nil {
		if p, ok := places(e.PlaceID); ok {
			return p, true
		}
	}
	switch g := e.Geometry.(type) {
	case nil:
		return orb.Point{}, false
	case orb.Point:
		return g, true
	case orb.LineString:
		if len(g) > 0 {
			return g[len(g)-1], true
		}
	case orb.MultiLineString:
		if n := len(g); n > 0 && len(g[n-1]) > 0 {
			return g[n-1][len(g[n-1])-1], true
		}
	case orb.Polygon:
		return representativePoint(g), true
	case orb.MultiPolygon:
		largest, area := -1, -1.0
		for i, p := range g {
			if a := math.Abs(planar.Area(p)); a > area {
				largest, area = i, a
			}
		}
		if largest >= 0 {
			return representativePoint(g[largest]), true
		}
	}
	return e.Geometry.Bound().Center(), true
}

// representativePoint is a point inside polygon p: its planar centroid
// when that lies inside (outside any hole), else the middle of the widest
// stretch of p along the parallel through the centroid, which always
// lies inside.
func representativePoint(p orb.Polygon) orb.Point {
	if len(p) == 0 || len(p[0]) == 0 {
		return orb.Point{}
	}
	c, _ := planar.CentroidArea(p)
	if planar.PolygonContains(p, c) {
		return c
	}
	y := c[1]
	var xs []float64
	for _, ring := range p {
		for i := 0; i+1 < len(ring); i++ {
			a, b := ring[i], ring[i+1]
			// Half-open on y, so a vertex on the parallel counts once.
			if (a[1] <= y) == (b[1] <= y) {
				continue
			}
			xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
		}
	}
	sort.Float64s(xs)
	best, width := orb.Point{}, -1.0
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > width {
			best, width = orb.Point{(xs[i] + xs[i+1]) / 2, y}, w
		}
	}
	if width <= 0 {
		return p[0][0]
	}
	return best
}
