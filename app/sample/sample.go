// Package sample builds the bundled sample project: the article in
// assets/samples and the events coded from it by hand, each with its
// evidence found in the text at exact code-point offsets.
package sample

import (
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
	"eventatlas/assets"
)

// Gazetteer ids of the places the sample events use.
const (
	kunduzCity = "gn:1135689"
	mazar      = "gn:1133616"
	dushanbe   = "gn:1221874"
	kabul      = "gn:1138958"
	khatlon    = "adm1:TJ-KT"
)

// countryCode is the ISO 3166 alpha-3 code of the sample's countries, the
// gazetteer's id of a country.
var countryCode = map[string]string{"Afghanistan": "AFG", "Tajikistan": "TJK"}

// Article returns the sample article with its metadata.
func Article() annotate.Article {
	text := assets.SampleArticle()
	return annotate.Article{
		ID:        "6f1d3f8e-4a51-4c2b-9a4e-5b9d7d2c1a01",
		Title:     "Tajik delegation holds talks with Taliban officials in Kunduz",
		Outlet:    "CentralasianLIGHT.org (citing Afintl.af)",
		Language:  "en",
		Published: time.Date(2025, 11, 13, 0, 0, 0, 0, time.UTC),
		Text:      text,
		Hash:      annotate.TextHash(text),
	}
}

// coded is one hand-coded event of the sample: its record, where it is and
// the sentences that report it.
type coded struct {
	event  annotate.Event
	places []string // one id: that place's geometry; two: a movement line from the first to the second
	quotes []string
}

// Events returns the events coded from the sample article, placed with g.
func Events(g *gazetteer.Gazetteer, article annotate.Article) ([]annotate.Event, error) {
	day := article.Published
	// "Week" precision: the week up to the article's date, in which it
	// reports the talks (start and end equal would claim the day).
	weekStart := day.AddDate(0, 0, -6)
	tajik := annotate.ActorRole{Name: "Government of Tajikistan", Role: "actor1"}
	taliban := annotate.ActorRole{Name: "Taliban", Role: "actor2"}
	list := []coded{
		{annotate.Event{Type: "Diplomacy", SubType: "talks/meeting", Title: "Tajik delegation holds talks with Taliban officials in Kunduz",
			Actors: []annotate.ActorRole{tajik, taliban}, DateStart: weekStart, DateEnd: day, DatePrecision: annotate.PrecisionWeek,
			GeoPrecision: annotate.GeoExact, Certainty: annotate.Reported, Tags: []string{"security", "intelligence"}},
			[]string{kunduzCity}, []string{"a Tajik delegation visited Kunduz and held talks with Taliban officials on security, intelligence and political matters"}},
		{annotate.Event{Type: "Diplomacy", SubType: "visit", Title: "Balkh governor Yousuf Wafa visits Dushanbe",
			Actors:    []annotate.ActorRole{{Name: "Yousuf Wafa", Role: "actor1"}, {Name: "Government of Tajikistan", Role: "actor2"}},
			DateStart: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), DateEnd: time.Date(2025, 11, 12, 0, 0, 0, 0, time.UTC),
			DatePrecision: annotate.PrecisionYear, GeoPrecision: annotate.GeoExact, Certainty: annotate.Reported,
			Notes: "Movement from Mazar-i-Sharif (seat of Balkh) to Dushanbe; the article gives no date, only that it came before the Kunduz talks."},
			[]string{mazar, dushanbe}, []string{"Yousuf Wafa, the Taliban governor of Balkh and a close aide to the group’s supreme leader Hibatullah Akhundzada, who visited Dushanbe at Tajikistan’s invitation", "the Taliban governor of Balkh visited Tajikistan"}},
		{annotate.Event{Type: "Diplomacy", SubType: "talks/meeting", Title: "Khatlon deputy governor meets Taliban governor of Kunduz",
			Actors:    []annotate.ActorRole{{Name: "Fayzollahzoda", Role: "actor1"}, {Name: "Mohammad Khan", Role: "actor2"}},
			DateStart: weekStart, DateEnd: day, DatePrecision: annotate.PrecisionWeek, GeoPrecision: annotate.GeoExact, Certainty: annotate.Reported},
			[]string{kunduzCity}, []string{"Fayzollahzoda, the deputy governor of Tajikistan’s Khatlon region, met with Mohammad Khan, the Taliban governor of Kunduz"}},
		{annotate.Event{Type: "Diplomacy", SubType: "consular/visa", Title: "Visa and consular services for Khatlon–Kunduz traders discussed",
			Actors: []annotate.ActorRole{tajik, taliban}, DateStart: weekStart, DateEnd: day, DatePrecision: annotate.PrecisionWeek,
			GeoPrecision: annotate.GeoProvince, Certainty: annotate.Reported, Tags: []string{"trade", "cross-border"},
			Notes: "Coded as the Khatlon region, whose traders the arrangements serve."},
			[]string{khatlon}, []string{"the two sides discussed visa arrangements and consular services for traders from both countries"}},
		{annotate.Event{Type: "Security cooperation", SubType: "intelligence exchange", Title: "Tajik security chief Saimumin Yatimov makes a secret visit to Afghanistan",
			Actors:    []annotate.ActorRole{{Name: "Saimumin Yatimov", Role: "actor1"}, taliban},
			DateStart: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), DateEnd: time.Date(2025, 11, 12, 0, 0, 0, 0, time.UTC),
			DatePrecision: annotate.PrecisionYear, GeoPrecision: annotate.GeoCountry, Certainty: annotate.Alleged,
			Notes: "Country-level: the article names no place; placed at the capital."},
			[]string{kabul}, []string{"Tajikistan’s intelligence chief made a secret visit to Afghanistan", "The reported visit by Saimumin Yatimov, Tajikistan’s national security chief"}},
		{annotate.Event{Type: "Diplomacy", SubType: "statement", Title: "Balkh governor calls for diplomatic relations with Tajikistan",
			Actors:    []annotate.ActorRole{{Name: "Yousuf Wafa", Role: "actor1"}},
			DateStart: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), DateEnd: time.Date(2025, 11, 12, 0, 0, 0, 0, time.UTC),
			DatePrecision: annotate.PrecisionYear, GeoPrecision: annotate.GeoExact, Certainty: annotate.Reported},
			[]string{dushanbe}, []string{"called for the establishment of diplomatic relations between the two countries"}},
	}
	events := make([]annotate.Event, 0, len(list))
	for i, c := range list {
		e := c.event
		e.ID = uuid.NewSHA1(uuid.NameSpaceURL, fmt.Appendf(nil, "eventatlas:sample:%d", i)).String()
		e.Status = annotate.StatusReviewed
		e.Annotator = "Event Atlas sample"
		e.Fatalities = -1
		if err := place(&e, g, c.places); err != nil {
			return nil, err
		}
		if e.GeoPrecision == annotate.GeoCountry {
			// Country-level: drawn at the capital, as ACLED does, but
			// named and counted as the country, not the capital's province.
			if c, ok := g.Place("adm0:" + countryCode[e.Country]); ok {
				e.PlaceID, e.PlaceName, e.Admin1 = c.ID, c.Name, ""
			}
		}
		for _, q := range c.quotes {
			s, err := annotate.FindQuote(article.Text, q)
			if err != nil {
				return nil, fmt.Errorf("sample event %q: %w", e.Title, err)
			}
			s.ArticleID = article.ID
			s.EventID = e.ID
			s.ID = uuid.NewSHA1(uuid.NameSpaceURL, fmt.Appendf(nil, "eventatlas:sample:%d:%d", i, s.Start)).String()
			e.Spans = append(e.Spans, s)
		}
		events = append(events, e)
	}
	return events, nil
}

// place sets e's geometry and place fields from gazetteer ids.
func place(e *annotate.Event, g *gazetteer.Gazetteer, ids []string) error {
	var pls []annotate.Place
	for _, id := range ids {
		p, ok := g.Place(id)
		if !ok {
			return fmt.Errorf("sample place %s is not in the gazetteer", id)
		}
		pls = append(pls, p)
	}
	last := pls[len(pls)-1]
	e.PlaceID, e.PlaceName, e.Admin1, e.Country = last.ID, last.Name, last.Admin1, last.Country
	switch len(pls) {
	case 1:
		e.Geometry = pls[0].Geometry
		if pls[0].Kind != annotate.KindProvince && pls[0].Kind != annotate.KindCountry {
			e.Geometry = pls[0].Point
		}
	default:
		line := orb.LineString{}
		for _, p := range pls {
			line = append(line, p.Point)
		}
		e.Geometry = line
	}
	return nil
}
