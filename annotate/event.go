package annotate

import (
	"errors"
	"fmt"
	"time"

	"github.com/paulmach/orb"
)

// DatePrecision says how exactly an event's date is known (ACLED's
// time_precision: 1 day, 2 week, 3 month; we add year).
type DatePrecision int

// Date precisions, in ACLED's order.
const (
	PrecisionDay DatePrecision = iota + 1
	PrecisionWeek
	PrecisionMonth
	PrecisionYear
)

// String names the precision as shown to the user.
func (p DatePrecision) String() string {
	switch p {
	case PrecisionDay:
		return "day"
	case PrecisionWeek:
		return "week"
	case PrecisionMonth:
		return "month"
	case PrecisionYear:
		return "year"
	}
	return "unknown"
}

// GeoPrecision says how exactly an event's place is known (ACLED's
// geo_precision: 1 the exact place, 2 near a place or part of a region,
// 3 a province, 4 a country).
type GeoPrecision int

// Geographic precisions, in ACLED's order.
const (
	GeoExact GeoPrecision = iota + 1
	GeoNear
	GeoProvince
	GeoCountry
)

// String names the precision as shown to the user.
func (g GeoPrecision) String() string {
	switch g {
	case GeoExact:
		return "exact"
	case GeoNear:
		return "near"
	case GeoProvince:
		return "province"
	case GeoCountry:
		return "country"
	}
	return "unknown"
}

// Certainty is how well the sources establish that an event happened.
type Certainty string

// Certainty levels.
const (
	Confirmed Certainty = "confirmed"
	Reported  Certainty = "reported"
	Alleged   Certainty = "alleged"
)

// Status is where an event stands in review.
type Status string

// Review states.
const (
	StatusDraft    Status = "draft"
	StatusReviewed Status = "reviewed"
)

// ActorRole is an actor taking part in an event in a role: "actor1",
// "actor2" or "associated", as in ACLED.
type ActorRole struct {
	ActorID string // registry id, may be empty for a name typed in place
	Name    string // as shown, e.g. "Taliban"
	Role    string // "actor1", "actor2" or "associated"
}

// Event is one coded event: what happened, who took part, when, where, and
// the evidence spans that report it.
type Event struct {
	ID            string        // UUID
	Type          string        // taxonomy type, e.g. "Diplomacy"
	SubType       string        // taxonomy sub-type, e.g. "visit"
	Title         string        // one line that says what happened
	Actors        []ActorRole   // who took part
	DateStart     time.Time     // first day (zero when unknown)
	DateEnd       time.Time     // last day, equal to DateStart for a one-day event
	DatePrecision DatePrecision // how exactly the dates are known
	PlaceID       string        // gazetteer id of the place, may be empty
	PlaceName     string        // "Kunduz"
	Admin1        string        // first-order division, e.g. "Kunduz" or "Khatlon"
	Country       string        // "Afghanistan"
	Geometry      orb.Geometry  // Point, LineString (movement) or Polygon/MultiPolygon (area), lon/lat
	GeoPrecision  GeoPrecision  // how exactly the place is known
	Certainty     Certainty     // confirmed, reported, alleged
	Fatalities    int           // -1 when not relevant or unknown
	Tags          []string      // free tags
	Notes         string        // coder's notes
	Status        Status        // draft or reviewed
	Annotator     string        // who coded it
	Spans         []Span        // evidence
	Created       time.Time     // when first saved
	Updated       time.Time     // when last changed
}

// ErrNoGeometry is returned by Validate for an event with no place on the map.
var ErrNoGeometry = errors.New("the event has no geometry: pick a place or draw it on the map")

// Validate checks what every saved event must have: an id, a type, a title
// and a geometry whose coordinates are valid longitudes and latitudes.
func (e *Event) Validate() error {
	switch {
	case e.ID == "":
		return errors.New("the event has no id")
	case e.Type == "":
		return errors.New("choose an event type")
	case e.Title == "":
		return errors.New("give the event a title")
	case e.Geometry == nil:
		return ErrNoGeometry
	}
	return ValidateGeometry(e.Geometry)
}

// Centroid returns a representative point of the event's geometry: the point
// itself, the middle of a line's bound or the centre of an area's bound.
func (e *Event) Centroid() orb.Point {
	if e.Geometry == nil {
		return orb.Point{}
	}
	if p, ok := e.Geometry.(orb.Point); ok {
		return p
	}
	return e.Geometry.Bound().Center()
}

// ValidateGeometry checks that g is non-empty, that every coordinate is a
// finite longitude in [-180, 180] and latitude in [-90, 90], that lines have
// two points or more and that rings are closed with four points or more.
func ValidateGeometry(g orb.Geometry) error {
	switch g := g.(type) {
	case orb.Point:
		return validPoint(g)
	case orb.MultiPoint:
		if len(g) == 0 {
			return errors.New("empty multipoint")
		}
		for _, p := range g {
			if err := validPoint(p); err != nil {
				return err
			}
		}
	case orb.LineString:
		if len(g) < 2 {
			return fmt.Errorf("a line needs two points or more, has %d", len(g))
		}
		for _, p := range g {
			if err := validPoint(p); err != nil {
				return err
			}
		}
	case orb.MultiLineString:
		if len(g) == 0 {
			return errors.New("empty multilinestring")
		}
		for _, l := range g {
			if err := ValidateGeometry(l); err != nil {
				return err
			}
		}
	case orb.Polygon:
		if len(g) == 0 {
			return errors.New("empty polygon")
		}
		for _, r := range g {
			if len(r) < 4 {
				return fmt.Errorf("a polygon ring needs four points or more, has %d", len(r))
			}
			if !r.Closed() {
				return errors.New("a polygon ring is not closed")
			}
			for _, p := range r {
				if err := validPoint(p); err != nil {
					return err
				}
			}
		}
	case orb.MultiPolygon:
		if len(g) == 0 {
			return errors.New("empty multipolygon")
		}
		for _, p := range g {
			if err := ValidateGeometry(p); err != nil {
				return err
			}
		}
	case nil:
		return ErrNoGeometry
	default:
		return fmt.Errorf("unsupported geometry type %s", g.GeoJSONType())
	}
	return nil
}

func validPoint(p orb.Point) error {
	lon, lat := p[0], p[1]
	if lon != lon || lat != lat {
		return errors.New("a coordinate is not a number (NaN)")
	}
	if lon < -180 || lon > 180 {
		return fmt.Errorf("longitude %g is outside -180..180", lon)
	}
	if lat < -90 || lat > 90 {
		return fmt.Errorf("latitude %g is outside -90..90", lat)
	}
	return nil
}

// DateLabel shows the event's start date as exactly as it is known:
// "13 Nov 2025" for a day, "wk 13 Nov 2025" for the week of that day,
// "Nov 2025" or "2025";
// "—" when there is no date.
func (e *Event) DateLabel() string {
	d := e.DateStart
	if d.IsZero() {
		return "—"
	}
	switch e.DatePrecision {
	case PrecisionWeek:
		return "wk " + d.Format("2 Jan 2006")
	case PrecisionMonth:
		return d.Format("Jan 2006")
	case PrecisionYear:
		return d.Format("2006")
	}
	return d.Format("2 Jan 2006")
}

// Overlaps reports whether e's dates meet the period from..to (a zero end
// is open): an event of 1–5 March overlaps a filter from 3 March. An
// undated event meets no bounded period, and every unbounded one.
func (e *Event) Overlaps(from, to time.Time) bool {
	start, end := e.DateStart, e.DateEnd
	if end.IsZero() {
		end = start
	}
	if !from.IsZero() && (end.IsZero() || end.Before(from)) {
		return false
	}
	return to.IsZero() || !start.IsZero() && !start.After(to)
}
