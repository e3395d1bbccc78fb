package present

import (
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// testEvents are three events out of date order, one without a date, and
// an article their evidence comes from.
func testEvents() ([]annotate.Event, []annotate.Article) {
	art := annotate.Article{ID: "a1", Title: "Tajik delegation holds talks", Outlet: "CentralasianLIGHT.org", Published: day("2025-11-13")}
	evs := []annotate.Event{
		{ID: "late", Type: "Diplomacy", SubType: "talks/meeting", Title: "Talks in Kunduz", DateStart: day("2025-11-10"), DateEnd: day("2025-11-10"),
			DatePrecision: annotate.PrecisionDay, PlaceName: "Kunduz", Admin1: "Kunduz", Country: "Afghanistan", Certainty: annotate.Reported,
			Geometry: orb.Point{68.857, 36.729},
			Spans: []annotate.Span{
				{ArticleID: "a1", Quote: "old words", Orphan: true},
				{ArticleID: "a1", Quote: "a Tajik delegation\nvisited   Kunduz"},
			}},
		{ID: "undated", Type: "Other", Title: "Undated statement", Geometry: orb.Point{68.78, 38.54}},
		{ID: "early", Type: "Trade and economy", Title: "Crossing reopened", DateStart: day("2025-03-02"), DateEnd: day("2025-03-02"),
			DatePrecision: annotate.PrecisionMonth, PlaceName: "Khatlon", Country: "Tajikistan", Certainty: annotate.Confirmed,
			Geometry: orb.Point{68.6, 37.2}},
	}
	return evs, []annotate.Article{art}
}

func TestSlides(t *testing.T) {
	evs, arts := testEvents()
	got := Slides(evs, arts)
	var order []string
	for _, s := range got {
		order = append(order, s.Event.ID)
	}
	if strings.Join(order, " ") != "early late undated" {
		t.Fatalf("order %v, want early late undated", order)
	}
	cases := []struct {
		slide                         Slide
		heading, place, quote, source string
	}{
		{got[0], "1 / 3 · Mar 2025 · Trade and economy", "Khatlon, Tajikistan · confirmed", "", ""},
		{got[1], "2 / 3 · 10 Nov 2025 · Diplomacy › talks/meeting", "Kunduz, Afghanistan · reported",
			"a Tajik delegation visited Kunduz", "Tajik delegation holds talks · CentralasianLIGHT.org · 13 Nov 2025"},
		{got[2], "3 / 3 · — · Other", "", "", ""},
	}
	// A movement names where it starts, unless that is where it ends.
	moved := got[1]
	moved.From = "Dushanbe"
	if p := moved.Place(); p != "From Dushanbe to Kunduz, Afghanistan · reported" {
		t.Errorf("a movement's place %q", p)
	}
	moved.From = "Kunduz"
	if p := moved.Place(); p != "Kunduz, Afghanistan · reported" {
		t.Errorf("a movement starting where it ends: %q", p)
	}
	for i, c := range cases {
		if h := c.slide.Heading(i, 3); h != c.heading {
			t.Errorf("slide %d heading %q, want %q", i, h, c.heading)
		}
		if p := c.slide.Place(); p != c.place {
			t.Errorf("slide %d place %q, want %q", i, p, c.place)
		}
		if c.slide.Quote != c.quote || c.slide.Source != c.source {
			t.Errorf("slide %d quote %q source %q, want %q and %q", i, c.slide.Quote, c.slide.Source, c.quote, c.source)
		}
	}
}

func TestShorten(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 12, "one two…"},
		{"Кундуз и провела переговоры", 16, "Кундуз и…"},
		{"abcdefghijklmnop", 8, "abcdefg…"},
	}
	for _, c := range cases {
		if got := shorten(c.in, c.n); got != c.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
		if n := len([]rune(shorten(c.in, c.n))); n > c.n {
			t.Errorf("shorten(%q, %d) has %d code points", c.in, c.n, n)
		}
	}
}

func BenchmarkSlides1000(b *testing.B) {
	evs, arts := testEvents()
	many := make([]annotate.Event, 0, 1000)
	for i := range 1000 {
		e := evs[i%3]
		e.DateStart = e.DateStart.AddDate(0, 0, -i%97)
		many = append(many, e)
	}
	for b.Loop() {
		Slides(many, arts)
	}
}
