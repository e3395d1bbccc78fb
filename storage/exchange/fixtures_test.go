package exchange

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// Right-hand rings (exterior counter-clockwise, hole clockwise), so a round
// trip through the right-hand writers gives them back unchanged.
var (
	square = orb.Ring{{68, 37}, {69, 37}, {69, 38}, {68, 38}, {68, 37}}
	hole   = orb.Ring{{68.2, 37.2}, {68.2, 37.8}, {68.8, 37.8}, {68.8, 37.2}, {68.2, 37.2}}
	small  = orb.Ring{{70.1, 36.1}, {70.5, 36.1}, {70.5, 36.4}, {70.1, 36.1}}
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var testArticles = map[string]annotate.Article{
	"a1": {ID: "a1", Title: "Tajik delegation visits Kunduz", Outlet: "Asia-Plus", URL: "https://example.org/kunduz?a=1&b=2",
		Published: day(2024, 3, 6)},
	"a2": {ID: "a2", Title: "Встреча в Душанбе"},
}

// testEvents returns one event per case the round trips must carry.
func testEvents() []annotate.Event {
	created := time.Date(2024, 3, 7, 10, 30, 15, 123456789, time.UTC)
	base := func(id, title string, g orb.Geometry) annotate.Event {
		return annotate.Event{ID: id, Type: "Diplomacy", SubType: "visit", Title: title, Geometry: g,
			DateStart: day(2024, 3, 5), DateEnd: day(2024, 3, 5), DatePrecision: annotate.PrecisionDay,
			GeoPrecision: annotate.GeoExact, Certainty: annotate.Confirmed, Fatalities: -1,
			Status: annotate.StatusDraft, Created: created, Updated: created}
	}
	point := base("0b6f2c4e-8f0a-4f0e-9a57-0d3c8a1b2c01", "Tajik delegation visits Kunduz", orb.Point{68.857, 36.729})
	point.PlaceID, point.PlaceName, point.Admin1, point.Country = "gn:1135689", "Kunduz", "Kunduz", "Afghanistan"
	point.Actors = []annotate.ActorRole{
		{ActorID: "act-1", Name: "Government of Tajikistan", Role: "actor1"},
		{ActorID: "act-2", Name: "Taliban", Role: "actor2"},
		{Name: "Red Crescent", Role: "associated"},
	}
	point.Tags = []string{"border", "visit"}
	point.Notes = "Second visit this year."
	point.Annotator = "Dilnoza"
	point.Spans = []annotate.Span{{ID: "span-1", ArticleID: "a1", EventID: point.ID, Start: 10, End: 52,
		Quote: `a delegation, led by "the minister", arrived`, Prefix: "On Tuesday ", Suffix: " in Kunduz,\nwhere"}}

	line := base("0b6f2c4e-8f0a-4f0e-9a57-0d3c8a1b2c02", "Колонна грузовиков прошла через Нижний Пяндж", orb.LineString{{68.78, 37.23}, {68.6, 36.9}, {68.86, 36.73}})
	line.Type, line.SubType = "Trade and economy", "trade flow"
	line.DateStart, line.DateEnd, line.DatePrecision = day(2024, 2, 12), day(2024, 2, 18), annotate.PrecisionWeek
	line.GeoPrecision = annotate.GeoNear
	line.Certainty = annotate.Reported
	line.Spans = []annotate.Span{
		{ID: "span-2", ArticleID: "a2", EventID: line.ID, Start: 0, End: 20, Quote: "Колонна, из 40 \"КамАЗов\"", Suffix: ", прошла"},
		{ID: "span-3", ArticleID: "a1", EventID: line.ID, Start: 100, End: 120, Quote: "=SUM(A1:A2) trucks", Prefix: "- "},
	}

	area := base("0b6f2c4e-8f0a-4f0e-9a57-0d3c8a1b2c03", "Clashes in Khatlon, \"border area\"", orb.Polygon{square, hole})
	area.Type, area.SubType = "Security incident", "armed clash"
	area.DateStart, area.DateEnd, area.DatePrecision = day(2024, 1, 1), day(2024, 1, 31), annotate.PrecisionMonth
	area.GeoPrecision = annotate.GeoProvince
	area.Fatalities = 3
	area.Certainty = annotate.Alleged
	area.Status = annotate.StatusReviewed
	area.Actors = []annotate.ActorRole{{Name: "Unidentified armed group", Role: "actor1"}}

	multi := base("0b6f2c4e-8f0a-4f0e-9a57-0d3c8a1b2c04", "Protests across two provinces", orb.MultiPolygon{{square, hole}, {small}})
	multi.Type, multi.SubType = "Protest and unrest", "protest"
	multi.DateStart, multi.DateEnd, multi.DatePrecision = day(2023, 1, 1), day(2023, 12, 31), annotate.PrecisionYear
	multi.GeoPrecision = annotate.GeoCountry
	multi.Fatalities = 0
	multi.Certainty = ""
	multi.Tags = []string{"=cmd"}

	undated := base("0b6f2c4e-8f0a-4f0e-9a57-0d3c8a1b2c05", "Statement with no known date", orb.Point{-179.5, -89.9})
	undated.Type = "Other"
	undated.DateStart, undated.DateEnd, undated.DatePrecision = time.Time{}, time.Time{}, 0
	undated.GeoPrecision = 0
	undated.Created, undated.Updated = time.Time{}, time.Time{}
	undated.Notes = "line one\nline two, with \"quotes\""

	return []annotate.Event{point, line, area, multi, undated}
}

// equalEvent compares two events field by field, times with Equal and
// nil slices as empty, and reports each difference.
func equalEvent(t *testing.T, got, want annotate.Event) {
	t.Helper()
	for _, f := range []struct {
		name string
		g, w time.Time
	}{{"DateStart", got.DateStart, want.DateStart}, {"DateEnd", got.DateEnd, want.DateEnd},
		{"Created", got.Created, want.Created}, {"Updated", got.Updated, want.Updated}} {
		if !f.g.Equal(f.w) {
			t.Errorf("%s: %s = %v, want %v", want.ID, f.name, f.g, f.w)
		}
	}
	got.DateStart, got.DateEnd, got.Created, got.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	want.DateStart, want.DateEnd, want.Created, want.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	for _, e := range []*annotate.Event{&got, &want} {
		if len(e.Actors) == 0 {
			e.Actors = nil
		}
		if len(e.Tags) == 0 {
			e.Tags = nil
		}
		if len(e.Spans) == 0 {
			e.Spans = nil
		}
	}
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := range gv.NumField() {
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			t.Errorf("%s: %s = %#v, want %#v", want.ID, gv.Type().Field(i).Name, gv.Field(i).Interface(), wv.Field(i).Interface())
		}
	}
}

// manyEvents makes n varied events for benchmarks and client tests: mostly
// points, every tenth a line, every twentieth a polygon with a hole.
func manyEvents(n int) []annotate.Event {
	tax := annotate.DefaultTaxonomy()
	events := make([]annotate.Event, n)
	start := day(2024, 1, 1)
	for i := range events {
		var g orb.Geometry = orb.Point{67 + float64(i%1000)/500, 36 + float64(i%700)/350}
		switch {
		case i%20 == 5:
			g = orb.Polygon{square, hole}
		case i%10 == 3:
			g = orb.LineString{{68.78, 37.23}, {68.6, 36.9 + float64(i%10)/100}}
		}
		id := fmt.Sprintf("00000000-0000-4000-8000-%012d", i)
		d := start.AddDate(0, 0, i%365)
		events[i] = annotate.Event{ID: id, Type: tax[i%len(tax)].Name, Title: fmt.Sprintf("Event %d near Kunduz", i),
			Geometry: g, DateStart: d, DateEnd: d, DatePrecision: annotate.PrecisionDay, GeoPrecision: annotate.GeoExact,
			PlaceName: "Kunduz", Admin1: "Kunduz", Country: "Afghanistan", Certainty: annotate.Reported, Fatalities: i % 4,
			Actors: []annotate.ActorRole{{Name: "Taliban", Role: "actor1"}}, Tags: []string{"border"}, Status: annotate.StatusDraft,
			Created: start, Updated: start,
			Spans: []annotate.Span{{ID: fmt.Sprintf("span-%d", i), ArticleID: "a1", EventID: id, Start: 10, End: 52,
				Quote: "a delegation, led by the minister, arrived", Prefix: "On Tuesday ", Suffix: " in Kunduz"}}}
	}
	return events
}
