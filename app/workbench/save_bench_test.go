package workbench

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// newBigProject creates a project of n events spread over 100 articles,
// each event with one evidence span, as an analyst's project grows: mostly
// points, some lines and areas, across the region.
func newBigProject(t testing.TB, n int) *storage.Project {
	t.Helper()
	p, err := storage.Create(filepath.Join(t.TempDir(), "big.gpkg"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	const nArticles = 100
	sentence := func(i int) string { // as long for every article
		return fmt.Sprintf("Border guards reported incident %03d near the river crossing at dawn. ", i)
	}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]annotate.Article, nArticles)
	for i := range arts {
		arts[i] = annotate.Article{ID: fmt.Sprintf("art-%03d", i), Title: fmt.Sprintf("Report %d", i),
			Published: base.AddDate(0, 0, i), Text: strings.Repeat(sentence(i), 120)}
		if existed, err := p.AddArticle(&arts[i]); err != nil || existed {
			t.Fatal("article not added:", err, existed)
		}
	}
	types := annotate.DefaultTaxonomy()
	places := []string{"Kunduz", "Dushanbe", "Shir Khan Bandar", "Panj", "Mazar-i-Sharif", "Kulob"}
	slen := annotate.RuneLen(sentence(0))
	evs := make([]annotate.Event, n)
	for i := range evs {
		lon, lat := 67+float64(i%100)/40, 36.5+float64(i/100%100)/50
		var g orb.Geometry = orb.Point{lon, lat}
		switch i % 30 {
		case 7, 17:
			g = orb.LineString{{lon, lat}, {lon + 0.05, lat + 0.02}, {lon + 0.1, lat}}
		case 27:
			g = orb.Polygon{{{lon, lat}, {lon + 0.1, lat}, {lon + 0.1, lat + 0.1}, {lon, lat + 0.1}, {lon, lat}}}
		}
		a := arts[i%nArticles]
		k := i / nArticles % 120
		span, err := annotate.NewSpan(a.Text, k*slen, (k+1)*slen)
		if err != nil {
			t.Fatal(err)
		}
		span.ArticleID = a.ID
		day := base.AddDate(0, 0, i%400)
		place := places[i%len(places)]
		evs[i] = annotate.Event{
			ID:   fmt.Sprintf("00000000-0000-4000-8000-%012d", i),
			Type: types[i%len(types)].Name, Title: fmt.Sprintf("Event %d near %s", i, place),
			Actors:    []annotate.ActorRole{{Name: fmt.Sprintf("Actor %d", i%40), Role: "actor1"}, {Name: "Border guards", Role: "actor2"}},
			DateStart: day, DateEnd: day, DatePrecision: annotate.PrecisionDay,
			PlaceName: place, Admin1: place, Country: "Afghanistan",
			Geometry: g, GeoPrecision: annotate.GeoNear, Certainty: annotate.Reported, Fatalities: i % 3,
			Tags: []string{"border"}, Notes: "Reported by two outlets.", Status: annotate.StatusDraft,
			Created: base.Add(time.Duration(i) * time.Second), Spans: []annotate.Span{span},
		}
	}
	if _, err := p.ImportEvents(evs); err != nil {
		t.Fatal(err)
	}
	return p
}

// BenchmarkSaveEvent10k is the time from pressing Enter in the form of an
// edited event to every view showing it saved, in a project of 10,000
// events.
func BenchmarkSaveEvent10k(b *testing.B) {
	test.NewTempApp(b)
	wb, _, errs := openTestWorkbench(b, newBigProject(b, 10_000))
	id := wb.events[len(wb.events)/2].ID
	wb.SelectEvent(id)
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		wb.form.title.SetText(fmt.Sprintf("Edited title %d", i))
		if !wb.form.dirty {
			b.Fatal("the title edit did not mark the form edited")
		}
		b.StartTimer()
		wb.form.submit()
	}
	b.StopTimer()
	if len(*errs) > 0 {
		b.Fatal(*errs)
	}
	if e, _ := wb.eventByID(id); e.Title != fmt.Sprintf("Edited title %d", i) {
		b.Fatalf("the edit was not saved: %q", e.Title)
	}
}

// BenchmarkAddEvidence10k is the time from Ctrl+Shift+E (the reader's
// selection added as evidence to the selected event) to every view
// showing it, in a project of 10,000 events; the map, which does not show
// evidence, is not rebuilt.
func BenchmarkAddEvidence10k(b *testing.B) {
	test.NewTempApp(b)
	wb, _, errs := openTestWorkbench(b, newBigProject(b, 10_000))
	id := wb.events[len(wb.events)/2].ID
	wb.SelectEvent(id)
	before, _ := wb.eventByID(id)
	n := 0
	for b.Loop() {
		b.StopTimer()
		wb.reader.SetSelection(n*7, n*7+5) // a new range each time
		n++
		b.StartTimer()
		wb.AddSelectionAsEvidence()
	}
	b.StopTimer()
	if len(*errs) > 0 {
		b.Fatal(*errs)
	}
	if e, _ := wb.eventByID(id); len(e.Spans) != len(before.Spans)+n {
		b.Fatalf("%d spans, want %d", len(e.Spans), len(before.Spans)+n)
	}
}
