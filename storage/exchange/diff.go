package exchange

import (
	"slices"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// Differences names the fields in which an event read from a file (in)
// differs from the project's event with the same id (have), with the names
// the formats use ("title", "notes", "geometry", "evidence", ...); nil
// when they hold the same. Both are compared as an import would store
// them: FillDefaults applied, polygons wound by the right-hand rule, and
// evidence compared by article and offsets. When times are the record's
// own (created, updated), they are not compared.
func Differences(in, have annotate.Event) []string {
	FillDefaults(&in)
	FillDefaults(&have)
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, name)
		}
	}
	add("event_type", in.Type != have.Type)
	add("sub_event_type", in.SubType != have.SubType)
	add("title", in.Title != have.Title)
	add("actors", !slices.Equal(in.Actors, have.Actors))
	add("event_date", !in.DateStart.Equal(have.DateStart))
	add("date_end", !in.DateEnd.Equal(have.DateEnd))
	add("date_precision", in.DatePrecision != have.DatePrecision)
	add("location", in.PlaceName != have.PlaceName || in.PlaceID != have.PlaceID)
	add("admin1", in.Admin1 != have.Admin1)
	add("country", in.Country != have.Country)
	add("geometry", !sameGeometry(in.Geometry, have.Geometry))
	add("place_precision", in.GeoPrecision != have.GeoPrecision)
	add("certainty", in.Certainty != have.Certainty)
	add("fatalities", in.Fatalities != have.Fatalities)
	add("tags", !slices.Equal(in.Tags, have.Tags))
	add("notes", in.Notes != have.Notes)
	add("status", in.Status != have.Status)
	add("annotator", in.Annotator != have.Annotator)
	add("evidence", !sameSpans(in.Spans, have.Spans))
	return out
}

// sameGeometry compares two geometries as GeoJSON writes them.
func sameGeometry(a, b orb.Geometry) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return orb.Equal(rightHand(a), rightHand(b))
}

// sameSpans compares evidence by article and offsets, in any order.
func sameSpans(a, b []annotate.Span) bool {
	if len(a) != len(b) {
		return false
	}
	type key struct {
		article    string
		start, end int
	}
	count := map[key]int{}
	for _, s := range a {
		count[key{s.ArticleID, s.Start, s.End}]++
	}
	for _, s := range b {
		k := key{s.ArticleID, s.Start, s.End}
		if count[k] == 0 {
			return false
		}
		count[k]--
	}
	return true
}
