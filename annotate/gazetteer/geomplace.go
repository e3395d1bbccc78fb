package gazetteer

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/planar"
	"strings"

	"eventatlas/annotate"
)

// Distances, in metres, PlaceForGeometry places a point by.
const (
	// SnapRadius: a point this close to a capital, a province or district
	// seat is at that town (they spread over kilometres).
	SnapRadius = 1000.0
	// VillageSnapRadius: the same for a smaller place. A drawn point snaps
	// exactly onto a place the map shows; one merely clicked near a village
	// (which the map may not show at that zoom) is near it, not at it.
	VillageSnapRadius = 100.0
	// NearRadius: a point this close to a town is near it.
	NearRadius = 10000.0
)

// areaShare is the share of an area's vertices a province must hold, with
// its centroid, for the area to be placed in that province; an area
// spreading wider is placed in its country.
const areaShare = 0.75

// GeometryPlace is the place a drawn geometry lies at.
type GeometryPlace struct {
	Place     annotate.Place        // the place, with its Country and Admin1
	Precision annotate.GeoPrecision // how exactly the geometry is at Place
	From      string                // the part of the geometry placed: "point", "line's end" or "area"
	At        orb.Point             // that part's point: the point, the line's last vertex, the area's centroid
	Distance  float64               // metres from At to Place.Point (0 for a province or country holding At)
}

// PlaceForGeometry derives where a drawn or moved geometry lies from the
// gazetteer's places and areas:
//   - a point within SnapRadius of a known place (a town, crossing or user
//     place) is at that place, precision exact;
//   - else within NearRadius of a town in the same country, near the
//     nearest one, precision near;
//   - else in the province holding it (precision province), else in the
//     country (precision country);
//   - a line (a movement) is placed by its last vertex, its destination,
//     by the same rules;
//   - an area is placed in the province holding its centroid and most of
//     its vertices (precision province), else in the country holding its
//     centroid (precision country).
//
// ok is false for an empty or unsupported geometry and for one that lies
// in no country the gazetteer knows (From and At still say what was
// looked at, when anything was).
func (g *Gazetteer) PlaceForGeometry(geom orb.Geometry) (gp GeometryPlace, ok bool) {
	switch t := geom.(type) {
	case orb.Point:
		return g.placePoint(t, "point")
	case orb.MultiPoint:
		if len(t) > 0 {
			return g.placePoint(t[len(t)-1], "point")
		}
	case orb.LineString:
		if len(t) > 0 {
			return g.placePoint(t[len(t)-1], "line's end")
		}
	case orb.MultiLineString:
		if n := len(t); n > 0 && len(t[n-1]) > 0 {
			return g.placePoint(t[n-1][len(t[n-1])-1], "line's end")
		}
	case orb.Polygon, orb.MultiPolygon:
		return g.placeArea(t)
	}
	return GeometryPlace{}, false
}

// placePoint places pt (see PlaceForGeometry); from names what pt is.
func (g *Gazetteer) placePoint(pt orb.Point, from string) (GeometryPlace, bool) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	prov, country := g.areasAt(pt)
	var snap, near *annotate.Place
	snapD, nearD := SnapRadius, NearRadius
	for i := range g.places {
		p := &g.places[i]
		if p.Kind == annotate.KindProvince || p.Kind == annotate.KindCountry || isCrossingEnd(p) {
			continue // a crossing's end is a name on the bridge's own point: the bridge answers for it
		}
		at := snapD
		if p.Kind == annotate.KindCity && p.Rank > 2 {
			at = min(at, VillageSnapRadius)
		}
		if d := geo.Distance(pt, p.Point); d <= at {
			snap, snapD = p, d
		} else if d <= nearD && p.Kind == annotate.KindCity && (country == nil || p.Country == country.Name) {
			near, nearD = p, d
		}
	}
	switch {
	case snap != nil:
		return GeometryPlace{*snap, annotate.GeoExact, from, pt, snapD}, true
	case near != nil:
		return GeometryPlace{*near, annotate.GeoNear, from, pt, nearD}, true
	case prov != nil:
		return GeometryPlace{*prov, annotate.GeoProvince, from, pt, 0}, true
	case country != nil:
		return GeometryPlace{*country, annotate.GeoCountry, from, pt, 0}, true
	}
	return GeometryPlace{From: from, At: pt}, false
}

// placeArea places an area (see PlaceForGeometry).
func (g *Gazetteer) placeArea(area orb.Geometry) (GeometryPlace, bool) {
	c, _ := planar.CentroidArea(area)
	g.mu.RLock()
	defer g.mu.RUnlock()
	prov, country := g.areasAt(c)
	if prov != nil {
		var in, all int
		eachVertex(area, func(v orb.Point) {
			all++
			if areaContains(prov.Geometry, v) {
				in++
			}
		})
		if float64(in) >= areaShare*float64(all) {
			return GeometryPlace{*prov, annotate.GeoProvince, "area", c, 0}, true
		}
	}
	if country != nil {
		return GeometryPlace{*country, annotate.GeoCountry, "area", c, 0}, true
	}
	return GeometryPlace{From: "area", At: c}, false
}

// AdminAt returns the country and the province whose areas hold pt ("" for
// none), as a place added at pt is filed.
func (g *Gazetteer) AdminAt(pt orb.Point) (country, admin1 string) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	prov, c := g.areasAt(pt)
	if c != nil {
		country = c.Name
	}
	if prov != nil {
		admin1 = prov.Admin1
		if admin1 == "" {
			admin1 = prov.Name
		}
	}
	return country, admin1
}

// areasAt returns the province and the country whose areas hold pt, nil
// when none does. The caller holds g.mu.
func (g *Gazetteer) areasAt(pt orb.Point) (prov, country *annotate.Place) {
	for i := range g.places {
		p := &g.places[i]
		switch {
		case p.Kind == annotate.KindProvince && prov == nil && areaContains(p.Geometry, pt):
			prov = p
		case p.Kind == annotate.KindCountry && country == nil && areaContains(p.Geometry, pt):
			country = p
		}
	}
	if prov != nil && country == nil {
		for i := range g.places {
			if p := &g.places[i]; p.Kind == annotate.KindCountry && p.Name == prov.Country {
				country = p
			}
		}
	}
	return prov, country
}

// areaContains reports whether the (Multi)Polygon a holds pt.
func areaContains(a orb.Geometry, pt orb.Point) bool {
	switch a := a.(type) {
	case orb.Polygon:
		return a.Bound().Contains(pt) && planar.PolygonContains(a, pt)
	case orb.MultiPolygon:
		return a.Bound().Contains(pt) && planar.MultiPolygonContains(a, pt)
	}
	return false
}

// eachVertex calls f with every vertex of an area's outer rings (a closed
// ring's repeated last vertex once).
func eachVertex(area orb.Geometry, f func(orb.Point)) {
	var polys []orb.Polygon
	switch a := area.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{a}
	case orb.MultiPolygon:
		polys = a
	}
	for _, p := range polys {
		if len(p) == 0 {
			continue
		}
		r := p[0]
		if len(r) > 1 && r[0] == r[len(r)-1] {
			r = r[:len(r)-1]
		}
		for _, v := range r {
			f(v)
		}
	}
}

// isCrossingEnd reports whether p is one end of a border crossing, a place
// made for the end's name (see crossingPlaces).
func isCrossingEnd(p *annotate.Place) bool {
	return p.Kind == annotate.KindCity && strings.HasPrefix(p.ID, "xing:")
}
