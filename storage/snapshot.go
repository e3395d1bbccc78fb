package storage

import (
	"encoding/json"

	"eventatlas/annotate"
	"github.com/paulmach/orb/geojson"
)

// eventSnapshot is an event as the history keeps it: JSON with the geometry
// as GeoJSON (the outer Geometry field shadows the interface one).
type eventSnapshot struct {
	annotate.Event
	Geometry *geojson.Geometry
}

// placeSnapshot is a place as the history keeps it.
type placeSnapshot struct {
	annotate.Place
	Geometry *geojson.Geometry `json:",omitempty"`
}

// marshalEvent encodes e as an eventSnapshot.
func marshalEvent(e *annotate.Event) (string, error) {
	s := eventSnapshot{Event: *e}
	if e.Geometry != nil {
		s.Geometry = geojson.NewGeometry(e.Geometry)
	}
	return jsonText(s)
}

// unmarshalEvent decodes an eventSnapshot.
func unmarshalEvent(js string) (annotate.Event, error) {
	var s eventSnapshot
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		return annotate.Event{}, err
	}
	e := s.Event
	if s.Geometry != nil {
		e.Geometry = s.Geometry.Geometry()
	}
	return e, nil
}

// marshalPlace encodes pl as a placeSnapshot.
func marshalPlace(pl *annotate.Place) (string, error) {
	s := placeSnapshot{Place: *pl}
	if pl.Geometry != nil {
		s.Geometry = geojson.NewGeometry(pl.Geometry)
	}
	return jsonText(s)
}

// unmarshalPlace decodes a placeSnapshot.
func unmarshalPlace(js string) (annotate.Place, error) {
	var s placeSnapshot
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		return annotate.Place{}, err
	}
	pl := s.Place
	if s.Geometry != nil {
		pl.Geometry = s.Geometry.Geometry()
	}
	return pl, nil
}
