package storage

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// equalEvent compares events field by field, geometries with orb.Equal and
// times with Equal, and names the first difference.
func equalEvent(t *testing.T, got, want annotate.Event) {
	t.Helper()
	if !orb.Equal(got.Geometry, want.Geometry) {
		t.Errorf("event %q geometry = %v, want %v", want.Title, got.Geometry, want.Geometry)
	}
	for name, pair := range map[string][2]time.Time{
		"DateStart": {got.DateStart, want.DateStart}, "DateEnd": {got.DateEnd, want.DateEnd},
		"Created": {got.Created, want.Created}, "Updated": {got.Updated, want.Updated},
	} {
		if !pair[0].Equal(pair[1]) {
			t.Errorf("event %q %s = %v, want %v", want.Title, name, pair[0], pair[1])
		}
	}
	got.Geometry, want.Geometry = nil, nil
	got.DateStart, got.DateEnd, got.Created, got.Updated = want.DateStart, want.DateEnd, want.Created, want.Updated
	if !reflect.DeepEqual(got, want) {
		t.Errorf("event %q:\n got %+v\nwant %+v", want.Title, got, want)
	}
}

func TestProjectRoundTrip(t *testing.T) {
	p, _ := newProject(t)
	p.SetAnnotator("ana")
	art := addTestArticle(t, p)
	events := testEvents(t, art)
	saveAll(t, p, events)
	actor := annotate.Actor{Name: "Taliban", Aliases: []string{"Islamic Emirate of Afghanistan", "طالبان"}, Country: "Afghanistan", Kind: "non-state group"}
	if err := p.SaveActor(&actor); err != nil {
		t.Fatal(err)
	}
	place := annotate.Place{Name: "Shir Khan Bandar port", Names: []string{"Shir Khan Bandar port", "شیرخان بندر"},
		Country: "Afghanistan", Admin1: "Kunduz", Point: orb.Point{68.85, 37.19},
		Geometry: orb.Polygon{{{68.84, 37.18}, {68.86, 37.18}, {68.86, 37.20}, {68.84, 37.18}}}, Rank: 7}
	if err := p.SavePlace(&place); err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.ID == "" || e.Created.IsZero() || !e.Updated.Equal(e.Created) {
			t.Errorf("SaveEvent did not fill ID/Created/Updated: %q %v %v", e.ID, e.Created, e.Updated)
		}
		for _, s := range e.Spans {
			if s.ID == "" || s.EventID != e.ID {
				t.Errorf("span %q of event %s has EventID %q", s.ID, e.ID, s.EventID)
			}
		}
	}
	if events[1].Annotator != "ana" {
		t.Errorf("annotator not filled from SetAnnotator: %q", events[1].Annotator)
	}

	p = reopen(t, p)
	got, err := p.Events()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(events) {
		t.Fatalf("Events returned %d, want %d", len(got), len(events))
	}
	// Order: by date_start (the undated polygon last).
	for i, want := range events {
		equalEvent(t, got[i], *want)
		one, err := p.Event(want.ID)
		if err != nil {
			t.Fatal(err)
		}
		equalEvent(t, one, *want)
	}
	for _, s := range got[0].Spans {
		if !s.Verify(testText) {
			t.Errorf("span %d–%d %q no longer matches the article", s.Start, s.End, s.Quote)
		}
	}
	arts, err := p.Articles()
	if err != nil || len(arts) != 1 || !reflect.DeepEqual(arts[0], art) {
		t.Errorf("Articles = %+v, %v; want [%+v]", arts, err, art)
	}
	if a, err := p.Article(art.ID); err != nil || a.Text != testText {
		t.Errorf("Article = %v", err)
	}
	spans, err := p.SpansForArticle(art.ID)
	if err != nil {
		t.Fatal(err)
	}
	var starts []int
	for _, s := range spans {
		starts = append(starts, s.Start)
	}
	wantStarts := []int{events[0].Spans[0].Start, events[0].Spans[1].Start, events[1].Spans[0].Start, events[2].Spans[0].Start}
	if !reflect.DeepEqual(starts, wantStarts) {
		t.Errorf("SpansForArticle starts = %v, want %v", starts, wantStarts)
	}
	if actors, err := p.Actors(); err != nil || len(actors) != 1 || !reflect.DeepEqual(actors[0], actor) {
		t.Errorf("Actors = %+v, %v", actors, err)
	}
	places, err := p.Places()
	if err != nil || len(places) != 1 {
		t.Fatalf("Places = %v, %v", places, err)
	}
	if !orb.Equal(places[0].Geometry, place.Geometry) || places[0].Kind != annotate.KindUser {
		t.Errorf("place geometry %v kind %q", places[0].Geometry, places[0].Kind)
	}
	places[0].Geometry, place.Geometry = nil, nil
	if !reflect.DeepEqual(places[0], place) {
		t.Errorf("place = %+v, want %+v", places[0], place)
	}
}

// TestStoredColumns checks what a GIS user sees in the events table.
func TestStoredColumns(t *testing.T) {
	p, _ := newProject(t)
	events := testEvents(t, addTestArticle(t, p))
	saveAll(t, p, events)
	var typ, dStart, dEnd, prec, actors, tags, quote, artTitle, created string
	var geoPrec int
	var fatalities any
	// '' || col: the driver would turn DATE and DATETIME values into times.
	err := p.db.QueryRow(`SELECT type, '' || date_start, '' || date_end, date_precision, actors, tags, quote, article_title, '' || created, geo_precision, fatalities
		FROM events WHERE id = ?`, events[0].ID).Scan(&typ, &dStart, &dEnd, &prec, &actors, &tags, &quote, &artTitle, &created, &geoPrec, &fatalities)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Diplomacy", "2024-05-03", "2024-05-03", "day",
		"Government of Tajikistan (actor1); Taliban (actor2)", "delegation; bilateral",
		"A Tajik delegation led by the deputy foreign minister visited Kunduz on 3 May", "Tajik delegation visits Kunduz"}
	for i, got := range []string{typ, dStart, dEnd, prec, actors, tags, quote, artTitle} {
		if got != want[i] {
			t.Errorf("column %d = %q, want %q", i, got, want[i])
		}
	}
	if _, err := time.Parse(time.RFC3339, created); err != nil || !strings.HasSuffix(created, "Z") || len(created) != 24 {
		t.Errorf("created = %q, want RFC 3339 UTC with milliseconds", created)
	}
	if geoPrec != 1 || fatalities != nil {
		t.Errorf("geo_precision = %d, fatalities = %v; want 1 and NULL for -1", geoPrec, fatalities)
	}
	var start, end int
	var q string
	if err := p.db.QueryRow(`SELECT start, "end", quote FROM spans WHERE event_id = ? ORDER BY fid LIMIT 1`, events[0].ID).Scan(&start, &end, &q); err != nil {
		t.Fatal(err)
	}
	// "Душанбе, 3 мая — " is 17 code points but 29 bytes.
	if start != 17 || end != 17+annotate.RuneLen(q) || q != events[0].Spans[0].Quote {
		t.Errorf("span stored as %d–%d %q, want code points from 17", start, end, q)
	}
}

// TestGISEdits reads rows as a GIS user adds or edits them, without the
// JSON columns or an id.
func TestGISEdits(t *testing.T) {
	p, _ := newProject(t)
	blob, _ := EncodeGeometry(orb.Point{69.1, 37.5}, SRSWGS84)
	if _, err := p.db.Exec(`INSERT INTO events (geom, type, title, actors, tags, date_start, date_end, date_precision)
		VALUES (?, 'Other', 'Added in QGIS', 'Taliban (actor1); Local elders', 'qgis; field report', '2024-06-01', 'mid-June', 'Month')`, blob); err != nil {
		t.Fatal(err)
	}
	events, err := p.Events()
	if err != nil || len(events) != 1 {
		t.Fatalf("Events = %v, %v", events, err)
	}
	e := events[0]
	if len(e.ID) != 36 || e.ID[14] != '4' || strings.ToLower(e.ID) != e.ID {
		t.Errorf("trigger gave id %q, want a lower-case version 4 UUID", e.ID)
	}
	wantActors := []annotate.ActorRole{{Name: "Taliban", Role: "actor1"}, {Name: "Local elders"}}
	if !reflect.DeepEqual(e.Actors, wantActors) || !reflect.DeepEqual(e.Tags, []string{"qgis", "field report"}) {
		t.Errorf("actors %+v tags %q", e.Actors, e.Tags)
	}
	if e.DatePrecision != annotate.PrecisionMonth || e.Fatalities != -1 || !e.DateStart.Equal(time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)) || !e.DateEnd.IsZero() {
		t.Errorf("precision %v fatalities %d start %v end %v (want zero for an unreadable date)", e.DatePrecision, e.Fatalities, e.DateStart, e.DateEnd)
	}
}

func TestUpdateEvent(t *testing.T) {
	p, _ := newProject(t)
	art := addTestArticle(t, p)
	events := testEvents(t, art)
	saveAll(t, p, events)
	e := *events[0]
	created := e.Created
	var fid int64
	p.db.QueryRow(`SELECT fid FROM events WHERE id = ?`, e.ID).Scan(&fid)

	time.Sleep(2 * time.Millisecond)
	e.Title = "Tajik delegation meets Taliban in Kunduz"
	e.Geometry = orb.LineString{{68.78, 38.56}, {68.86, 36.73}}
	e.Spans = []annotate.Span{e.Spans[1], span(t, art.ID, "Trade through the Panji Poyon crossing")}
	e.Spans[1].ID = ""
	e.Created = time.Time{}
	e.Tags = nil
	if err := p.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	if !e.Created.Equal(created) || !e.Updated.After(created) {
		t.Errorf("update: Created %v (want %v kept), Updated %v", e.Created, created, e.Updated)
	}
	got, err := p.Event(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalEvent(t, got, e)
	var fid2, nSpans int64
	p.db.QueryRow(`SELECT fid FROM events WHERE id = ?`, e.ID).Scan(&fid2)
	p.db.QueryRow(`SELECT count(*) FROM spans WHERE event_id = ?`, e.ID).Scan(&nSpans)
	if fid2 != fid || nSpans != 2 {
		t.Errorf("after update fid %d→%d, %d spans; want same fid and 2 spans", fid, fid2, nSpans)
	}
	if all, _ := p.Events(); len(all) != 3 {
		t.Errorf("update added an event: %d", len(all))
	}
}

func TestDeleteEvent(t *testing.T) {
	p, _ := newProject(t)
	art := addTestArticle(t, p)
	events := testEvents(t, art)
	saveAll(t, p, events)
	if err := p.DeleteEvent(events[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Event(events[1].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Event after delete = %v, want ErrNotFound", err)
	}
	if err := p.DeleteEvent(events[1].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete = %v, want ErrNotFound", err)
	}
	spans, _ := p.SpansForArticle(art.ID)
	for _, s := range spans {
		if s.EventID == events[1].ID {
			t.Errorf("span %s of the deleted event remains", s.ID)
		}
	}
	if len(spans) != 3 {
		t.Errorf("%d spans remain, want 3", len(spans))
	}
	p = reopen(t, p)
	if all, _ := p.Events(); len(all) != 2 {
		t.Errorf("%d events after delete and reopen, want 2", len(all))
	}
}

func TestSaveEventRejects(t *testing.T) {
	p, _ := newProject(t)
	art := addTestArticle(t, p)
	good := func() *annotate.Event { return testEvents(t, art)[0] }
	tests := []struct {
		name   string
		change func(e *annotate.Event)
		want   string
	}{
		{"no type", func(e *annotate.Event) { e.Type = "" }, "choose an event type"},
		{"no title", func(e *annotate.Event) { e.Title = "" }, "give the event a title"},
		{"no geometry", func(e *annotate.Event) { e.Geometry = nil }, "no geometry"},
		{"bad latitude", func(e *annotate.Event) { e.Geometry = orb.Point{68, 95} }, "latitude 95"},
		{"open ring", func(e *annotate.Event) { e.Geometry = orb.Polygon{{{1, 1}, {2, 1}, {2, 2}, {1, 2}}} }, "not closed"},
		{"empty span", func(e *annotate.Event) { e.Spans[0].End = e.Spans[0].Start }, "empty or negative"},
		{"unknown article", func(e *annotate.Event) { e.Spans[0].ArticleID = "nope" }, `article "nope", which is not in the project`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := good()
			tt.change(e)
			orig := *e
			err := p.SaveEvent(e)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("SaveEvent = %v, want an error saying %q", err, tt.want)
			}
			if e.ID != orig.ID || !e.Created.Equal(orig.Created) {
				t.Error("a failed save changed the event")
			}
		})
	}
	if all, _ := p.Events(); len(all) != 0 {
		t.Errorf("failed saves stored %d events", len(all))
	}
	if p.CanUndo() {
		t.Error("failed saves wrote history")
	}
}

func TestAddArticleDeduplicates(t *testing.T) {
	p, _ := newProject(t)
	first := addTestArticle(t, p)
	if first.ID == "" || first.Hash != annotate.TextHash(testText) || first.Created.IsZero() {
		t.Errorf("AddArticle did not fill ID/Hash/Created: %+v", first)
	}
	again := annotate.Article{Title: "Same text, other title", Text: "\r\n" + strings.ReplaceAll(testText, "\n", "\r\n") + "  "}
	existed, err := p.AddArticle(&again)
	if err != nil {
		t.Fatal(err)
	}
	if !existed || !reflect.DeepEqual(again, first) {
		t.Errorf("AddArticle of the same text: existed=%v, got %+v, want the stored one", existed, again)
	}
	other := annotate.Article{Title: "Other", Text: "Another text."}
	if existed, err := p.AddArticle(&other); err != nil || existed {
		t.Errorf("AddArticle other = %v, %v", existed, err)
	}
	if arts, _ := p.Articles(); len(arts) != 2 || arts[0].ID != first.ID {
		t.Errorf("Articles = %d, want 2 oldest first", len(arts))
	}
	if _, err := p.AddArticle(&annotate.Article{Title: "empty"}); err == nil {
		t.Error("AddArticle without text succeeded")
	}
	if _, err := p.Article("missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Article(missing) = %v, want ErrNotFound", err)
	}
}

func TestEventsOrder(t *testing.T) {
	p, _ := newProject(t)
	mk := func(title string, start time.Time) *annotate.Event {
		return &annotate.Event{Type: "Other", Title: title, DateStart: start, Geometry: orb.Point{68, 37}}
	}
	d := func(day int) time.Time { return time.Date(2024, 5, day, 0, 0, 0, 0, time.UTC) }
	saveAll(t, p, []*annotate.Event{mk("undated", time.Time{}), mk("may 9", d(9)), mk("may 2 a", d(2)), mk("may 2 b", d(2))})
	events, err := p.Events()
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range events {
		titles = append(titles, e.Title)
	}
	if want := []string{"may 2 a", "may 2 b", "may 9", "undated"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("Events order = %q, want %q", titles, want)
	}
}

// TestConcurrentUse saves and reads from several goroutines at once, as the
// app's UI and background work do.
func TestConcurrentUse(t *testing.T) {
	p, _ := newProject(t)
	art := addTestArticle(t, p)
	errs := make(chan error, 8)
	for g := range 4 {
		go func() {
			for i := range 5 {
				e := testEvents(t, art)[i%3]
				e.Title = fmt.Sprintf("g%d e%d", g, i)
				if err := p.SaveEvent(e); err != nil {
					errs <- err
					return
				}
				if _, err := p.Events(); err != nil {
					errs <- err
					return
				}
				p.CanUndo()
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if all, _ := p.Events(); len(all) != 20 {
		t.Errorf("%d events after concurrent saves, want 20", len(all))
	}
}
