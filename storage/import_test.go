package storage

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// TestImportEvents imports the test events and reads back what SaveEvent
// would have stored.
func TestImportEvents(t *testing.T) {
	p, _ := newProject(t)
	p.SetAnnotator("ana")
	art := addTestArticle(t, p)
	var in []annotate.Event
	for _, e := range testEvents(t, art) {
		in = append(in, *e)
	}
	n, err := p.ImportEvents(in)
	if err != nil || n != 3 {
		t.Fatalf("ImportEvents = %d, %v", n, err)
	}
	if in[0].ID != "" {
		t.Error("ImportEvents changed the caller's events")
	}
	saved, _ := newProject(t)
	saved.SetAnnotator("ana")
	ref := testEvents(t, addTestArticle(t, saved))
	saveAll(t, saved, ref)
	got, err := p.Events()
	if err != nil || len(got) != 3 {
		t.Fatalf("Events = %d, %v", len(got), err)
	}
	for i, e := range got {
		want := *ref[i]
		if len(e.ID) != 36 || e.Created.IsZero() || !e.Updated.Equal(e.Created) || e.Annotator == "" {
			t.Errorf("event %d not filled: %+v", i, e)
		}
		want.ID, want.Created, want.Updated = e.ID, e.Created, e.Updated
		for j := range want.Spans {
			want.Spans[j].ID, want.Spans[j].EventID, want.Spans[j].ArticleID = e.Spans[j].ID, e.ID, art.ID
		}
		equalEvent(t, e, want)
	}
	var quote, title string
	p.db.QueryRow(`SELECT quote, article_title FROM events WHERE id = ?`, got[0].ID).Scan(&quote, &title)
	if quote != ref[0].Spans[0].Quote || title != art.Title {
		t.Errorf("quote %q, article_title %q", quote, title)
	}
	var minX, maxY float64
	p.db.QueryRow(`SELECT min_x, max_y FROM gpkg_contents WHERE table_name = 'events'`).Scan(&minX, &maxY)
	if minX != 68.7 || maxY != 37.3 {
		t.Errorf("extent min_x %v max_y %v", minX, maxY)
	}
	// Re-importing replaces by id; a bad event fails the whole import.
	got[0].Title = "Renamed"
	bad := []annotate.Event{got[0], {Type: "Other", Title: "no place"}}
	if _, err := p.ImportEvents(bad); err == nil || !strings.Contains(err.Error(), `event 2 ("no place")`) {
		t.Errorf("bad import = %v", err)
	}
	missing := []annotate.Event{{Type: "Other", Title: "lost", Geometry: orb.Point{68, 37},
		Spans: []annotate.Span{{ArticleID: "nowhere", Start: 0, End: 3, Quote: "abc"}}}}
	if _, err := p.ImportEvents(missing); err == nil || !strings.Contains(err.Error(), `article "nowhere", which is not in the project`) {
		t.Errorf("import with a missing article = %v", err)
	}
	if e, _ := p.Event(got[0].ID); e.Title == "Renamed" {
		t.Error("a failed import wrote an event")
	}
	if _, err := p.ImportEvents(got[:1]); err != nil {
		t.Fatal(err)
	}
	if e, _ := p.Event(got[0].ID); e.Title != "Renamed" || len(e.Spans) != 2 {
		t.Errorf("re-import: %q with %d spans", e.Title, len(e.Spans))
	}
	if all, _ := p.Events(); len(all) != 3 {
		t.Errorf("%d events after re-import", len(all))
	}
}

// TestMapEvents checks that the map's fast path returns what Events does
// for the fields the map draws, in the order the events were added, and
// that EventLabel returns what a tooltip shows.
func TestMapEvents(t *testing.T) {
	p, _ := newProject(t)
	events := testEvents(t, addTestArticle(t, p))
	events[2].DateStart = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	saveAll(t, p, events)
	saveAll(t, p, []*annotate.Event{{Type: "Other", Title: "undated", Geometry: orb.Point{69, 37}}})
	added := []string{events[0].ID, events[1].ID, events[2].ID}
	full, err := p.Events()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]annotate.Event{}
	for _, f := range full {
		byID[f.ID] = f
	}
	fast, err := p.MapEvents()
	if err != nil || len(fast) != len(full) {
		t.Fatalf("MapEvents = %d, %v", len(fast), err)
	}
	for i, e := range fast {
		if i < len(added) && e.ID != added[i] {
			t.Errorf("MapEvents[%d] = %s, want %s (the order they were added)", i, e.ID, added[i])
		}
		f := byID[e.ID]
		equalEvent(t, e, annotate.Event{ID: f.ID, Type: f.Type, Geometry: f.Geometry})
	}
	if fast[3].Type != "Other" || fast[3].Geometry != (orb.Point{69, 37}) {
		t.Errorf("last = %+v", fast[3])
	}
	f := byID[events[2].ID]
	label, err := p.EventLabel(f.ID)
	if err != nil {
		t.Fatal(err)
	}
	equalEvent(t, label, annotate.Event{ID: f.ID, Type: f.Type, Title: f.Title, DateStart: f.DateStart, DateEnd: f.DateEnd,
		DatePrecision: f.DatePrecision})
	if _, err := p.EventLabel("no-such-event"); !errors.Is(err, ErrNotFound) {
		t.Errorf("EventLabel(missing) = %v, want ErrNotFound", err)
	}
}

// TestMapEventsSparse reads a project with more rows than a decoder block
// whose fids are not 1…n: some negative, as a GIS program may write them,
// so that max(fid) undercounts the rows, and a gap from deletes.
func TestMapEventsSparse(t *testing.T) {
	p, _ := newProject(t)
	var many []annotate.Event
	for i := range 5000 {
		many = append(many, annotate.Event{Type: fmt.Sprintf("T%d", i%3), Title: "e", Geometry: orb.Point{68 + float64(i)/10000, 37}})
	}
	if _, err := p.ImportEvents(many); err != nil {
		t.Fatal(err)
	}
	if _, err := p.db.Exec(`UPDATE events SET fid = -fid WHERE fid > 4000`); err != nil {
		t.Fatal(err)
	}
	if _, err := p.db.Exec(`DELETE FROM events WHERE fid BETWEEN 1 AND 10`); err != nil {
		t.Fatal(err)
	}
	got, err := p.MapEvents()
	if err != nil || len(got) != 4990 {
		t.Fatalf("MapEvents = %d, %v", len(got), err)
	}
	var order []int // import index of each event in fid order
	for i := 4999; i >= 4000; i-- {
		order = append(order, i)
	}
	for i := 10; i < 4000; i++ {
		order = append(order, i)
	}
	for k, e := range got {
		i := order[k]
		want := orb.Point{68 + float64(i)/10000, 37}
		if e.Geometry != want || e.Type != fmt.Sprintf("T%d", i%3) || e.ID == "" {
			t.Fatalf("event %d: %v %s %q, want %v T%d", k, e.Geometry, e.Type, e.ID, want, i%3)
		}
	}
}
