package storage

import (
	"path/filepath"
	"testing"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// testText mixes scripts so that code point and byte offsets differ.
const testText = `Душанбе, 3 мая — A Tajik delegation led by the deputy foreign minister visited Kunduz on 3 May and met Taliban officials.
Border guards reported an armed clash near Shir Khan Bandar on 5 May; two people were killed.
Trade through the Panji Poyon crossing (پنج پایان) resumed after talks, officials said.`

// newProject creates an empty project in a fresh temporary folder.
func newProject(t testing.TB) (*Project, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test project.gpkg")
	p, err := Create(path)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p, path
}

// addTestArticle stores the test article.
func addTestArticle(t testing.TB, p *Project) annotate.Article {
	t.Helper()
	a := annotate.Article{
		Title:     "Tajik delegation visits Kunduz",
		Outlet:    "Asia-Plus",
		URL:       "https://example.org/news/1",
		Language:  "en",
		Published: time.Date(2024, 5, 3, 9, 30, 0, 0, time.UTC),
		Text:      testText,
	}
	if _, err := p.AddArticle(&a); err != nil {
		t.Fatalf("AddArticle: %v", err)
	}
	return a
}

// span is the evidence for quote in the test article.
func span(t testing.TB, articleID, quote string) annotate.Span {
	t.Helper()
	s, err := annotate.FindQuote(testText, quote)
	if err != nil {
		t.Fatal(err)
	}
	s.ArticleID = articleID
	return s
}

// testEvents returns a point, a line and a polygon event with evidence in
// article a.
func testEvents(t testing.TB, a annotate.Article) []*annotate.Event {
	t.Helper()
	return []*annotate.Event{
		{
			Type: "Diplomacy", SubType: "visit", Title: "Tajik delegation visits Kunduz",
			Actors: []annotate.ActorRole{
				{ActorID: "a-tj", Name: "Government of Tajikistan", Role: "actor1"},
				{Name: "Taliban", Role: "actor2"},
			},
			DateStart: time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC), DateEnd: time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC),
			DatePrecision: annotate.PrecisionDay,
			PlaceID:       "gn:1135689", PlaceName: "Kunduz", Admin1: "Kunduz", Country: "Afghanistan",
			Geometry: orb.Point{68.8601, 36.7287}, GeoPrecision: annotate.GeoExact,
			Certainty: annotate.Confirmed, Fatalities: -1, Tags: []string{"delegation", "bilateral"},
			Notes: "Душанбе delegation", Status: annotate.StatusDraft, Annotator: "ana",
			Spans: []annotate.Span{
				span(t, a.ID, "A Tajik delegation led by the deputy foreign minister visited Kunduz on 3 May"),
				span(t, a.ID, "met Taliban officials"),
			},
		},
		{
			Type: "Security incident", SubType: "armed clash", Title: "Clash near Shir Khan Bandar",
			Actors:    []annotate.ActorRole{{Name: "Border guards", Role: "actor1"}},
			DateStart: time.Date(2024, 5, 5, 0, 0, 0, 0, time.UTC), DateEnd: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC),
			DatePrecision: annotate.PrecisionWeek,
			PlaceName:     "Shir Khan Bandar", Country: "Afghanistan",
			Geometry:     orb.LineString{{68.83, 37.18}, {68.86, 37.20}, {68.90, 37.19}},
			GeoPrecision: annotate.GeoNear, Certainty: annotate.Reported, Fatalities: 2,
			Spans: []annotate.Span{span(t, a.ID, "an armed clash near Shir Khan Bandar on 5 May; two people were killed")},
		},
		{
			Type: "Trade and economy", SubType: "crossing opened/closed", Title: "Panji Poyon trade resumes",
			DatePrecision: annotate.PrecisionMonth, Admin1: "Khatlon", Country: "Tajikistan",
			Geometry:     orb.Polygon{{{68.70, 37.20}, {68.85, 37.20}, {68.85, 37.30}, {68.70, 37.30}, {68.70, 37.20}}},
			GeoPrecision: annotate.GeoProvince, Certainty: annotate.Alleged, Fatalities: 0, Status: annotate.StatusReviewed,
			Spans: []annotate.Span{span(t, a.ID, "Panji Poyon crossing (پنج پایان) resumed")},
		},
	}
}

// saveAll saves events or fails the test.
func saveAll(t testing.TB, p *Project, events []*annotate.Event) {
	t.Helper()
	for _, e := range events {
		if err := p.SaveEvent(e); err != nil {
			t.Fatalf("SaveEvent %q: %v", e.Title, err)
		}
	}
}

// reopen closes p and opens its file again.
func reopen(t testing.TB, p *Project) *Project {
	t.Helper()
	if err := p.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	q, err := Open(p.Path())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}
