package exchange

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/paulmach/orb"
)

// geomJSON is a GeoJSON geometry object before its coordinates are read.
type geomJSON struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// decodeGeometry reads a GeoJSON geometry object. Unlike a plain
// json.Unmarshal into orb types it refuses positions with fewer than two
// numbers rather than filling in zeros; a third number (altitude) and any
// after it are dropped, as events are placed in two dimensions.
func decodeGeometry(g *geomJSON) (orb.Geometry, error) {
	if g == nil {
		return nil, errors.New("no geometry")
	}
	if g.Type == "GeometryCollection" {
		return nil, errors.New("a GeometryCollection is not supported: give each part its own feature")
	}
	if len(g.Coordinates) == 0 || string(g.Coordinates) == "null" {
		if g.Type == "" {
			return nil, errors.New("the geometry has no type")
		}
		return nil, fmt.Errorf("the %s has no coordinates", g.Type)
	}
	var (
		geom orb.Geometry
		err  error
	)
	switch g.Type {
	case "Point":
		var c []float64
		if err = json.Unmarshal(g.Coordinates, &c); err == nil {
			geom, err = position(c)
		}
	case "MultiPoint":
		var c [][]float64
		if err = json.Unmarshal(g.Coordinates, &c); err == nil {
			var ps []orb.Point
			ps, err = positions(c)
			geom = orb.MultiPoint(ps)
		}
	case "LineString":
		var c [][]float64
		if err = json.Unmarshal(g.Coordinates, &c); err == nil {
			var ps []orb.Point
			ps, err = positions(c)
			geom = orb.LineString(ps)
		}
	case "MultiLineString":
		var c [][][]float64
		if err = json.Unmarshal(g.Coordinates, &c); err == nil {
			var ml orb.MultiLineString
			for _, l := range c {
				ps, perr := positions(l)
				if perr != nil {
					return nil, perr
				}
				ml = append(ml, ps)
			}
			geom = ml
		}
	case "Polygon":
		var c [][][]float64
		if err = json.Unmarshal(g.Coordinates, &c); err == nil {
			geom, err = polygon(c)
		}
	case "MultiPolygon":
		var c [][][][]float64
		if err = json.Unmarshal(g.Coordinates, &c); err == nil {
			mp := orb.MultiPolygon{}
			for _, pc := range c {
				p, perr := polygon(pc)
				if perr != nil {
					return nil, perr
				}
				mp = append(mp, p)
			}
			geom = mp
		}
	case "":
		return nil, errors.New("the geometry has no type")
	default:
		return nil, fmt.Errorf("unknown geometry type %q", g.Type)
	}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		if n, ok := strings.CutPrefix(typeErr.Value, "number "); ok {
			return nil, fmt.Errorf("the coordinate %s is too large for a number", n)
		}
		return nil, fmt.Errorf("the %s coordinates are not nested as RFC 7946 §3.1 says", g.Type)
	}
	if err != nil {
		return nil, err
	}
	return geom, nil
}

func position(c []float64) (orb.Point, error) {
	if len(c) < 2 {
		return orb.Point{}, fmt.Errorf("a position needs a longitude and a latitude, has %d number(s)", len(c))
	}
	return orb.Point{c[0], c[1]}, nil
}

func positions(cs [][]float64) ([]orb.Point, error) {
	ps := make([]orb.Point, len(cs))
	for i, c := range cs {
		p, err := position(c)
		if err != nil {
			return nil, err
		}
		ps[i] = p
	}
	return ps, nil
}

func polygon(c [][][]float64) (orb.Polygon, error) {
	p := make(orb.Polygon, len(c))
	for i, rc := range c {
		ps, err := positions(rc)
		if err != nil {
			return nil, err
		}
		p[i] = orb.Ring(ps)
	}
	return p, nil
}
