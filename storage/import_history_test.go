package storage

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"eventatlas/annotate"
)

// importedEvents are the test events as an import brings them: with ids,
// and the file's annotator "zed" (not who imports them).
func importedEvents(t *testing.T, a annotate.Article) []annotate.Event {
	t.Helper()
	var out []annotate.Event
	for i, e := range testEvents(t, a) {
		e.ID = fmt.Sprintf("imp-%d", i+1)
		e.Annotator = "zed"
		out = append(out, *e)
	}
	return out
}

// checkImportEntry fails unless h is the import entry of event id made by
// annotator within [from, to], described as desc.
func checkImportEntry(t *testing.T, h HistoryEntry, id, annotator, desc string, from, to time.Time) {
	t.Helper()
	if h.Action != "import" || h.Entity != "import" || h.EntityID != id || h.Annotator != annotator ||
		h.Before != "" || h.Undone || h.Discarded {
		t.Errorf("import entry of %s = %+v", id, h)
	}
	if h.At.Before(from.Truncate(time.Millisecond)) || h.At.After(to) {
		t.Errorf("import entry of %s at %v, want between %v and %v", id, h.At, from, to)
	}
	if got := h.Description(); got != desc {
		t.Errorf("Description = %q, want %q", got, desc)
	}
}

func TestImportHistory(t *testing.T) {
	p, _ := newProject(t)
	p.SetAnnotator("ana")
	evs := importedEvents(t, addTestArticle(t, p))
	tests := []struct {
		name, source string
		events       []annotate.Event
		want         map[string]string // event id → description of its newest entry
		entries      int               // entries of evs[0] after the import
	}{
		{"from a file", "events.csv", evs[:2], map[string]string{
			"imp-1": `import event "Tajik delegation visits Kunduz" from "events.csv"`,
			"imp-2": `import event "Clash near Shir Khan Bandar" from "events.csv"`,
		}, 1},
		{"no source given", "", evs[2:], map[string]string{
			"imp-3": `import event "Panji Poyon trade resumes"`,
		}, 1},
		{"re-import replaces and adds an entry", "again.geojson", evs[:1], map[string]string{
			"imp-1": `import event "Tajik delegation visits Kunduz" from "again.geojson"`,
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			n, err := p.ImportEventsFrom(tt.events, tt.source)
			if err != nil || n != len(tt.events) {
				t.Fatalf("ImportEventsFrom = %d, %v", n, err)
			}
			end := time.Now()
			for id, desc := range tt.want {
				hist, err := p.History(id)
				if err != nil || len(hist) == 0 {
					t.Fatalf("History(%s) = %v, %v", id, hist, err)
				}
				checkImportEntry(t, hist[len(hist)-1], id, "ana", desc, start, end)
			}
			if hist, _ := p.History("imp-1"); len(hist) != tt.entries {
				t.Errorf("imp-1 has %d entries, want %d: %+v", len(hist), tt.entries, hist)
			} else if len(hist) == 2 && hist[1].Seq <= hist[0].Seq {
				t.Errorf("re-import entry seq %d not after %d", hist[1].Seq, hist[0].Seq)
			}
		})
	}
	// ImportEvents records the same entry, without a source.
	e := evs[1]
	e.ID = "imp-4"
	start := time.Now()
	if _, err := p.ImportEvents([]annotate.Event{e}); err != nil {
		t.Fatal(err)
	}
	hist, err := p.History("imp-4")
	if err != nil || len(hist) != 1 {
		t.Fatalf("History(imp-4) = %+v, %v", hist, err)
	}
	checkImportEntry(t, hist[0], "imp-4", "ana", `import event "Clash near Shir Khan Bandar"`, start, time.Now())
}

// TestImportHistoryNothingWritten: an empty or failed import records nothing.
func TestImportHistoryNothingWritten(t *testing.T) {
	p, _ := newProject(t)
	evs := importedEvents(t, addTestArticle(t, p))
	if n, err := p.ImportEventsFrom(nil, "empty.csv"); err != nil || n != 0 {
		t.Fatalf("empty import = %d, %v", n, err)
	}
	bad := append([]annotate.Event(nil), evs...)
	bad[2].Spans = []annotate.Span{{ArticleID: "no-such-article", Start: 0, End: 4}}
	if _, err := p.ImportEventsFrom(bad, "bad.csv"); err == nil {
		t.Fatal("an import with a span into an unknown article succeeded")
	}
	var rows int
	if err := p.db.QueryRow(`SELECT count(*) FROM history`).Scan(&rows); err != nil || rows != 0 {
		t.Errorf("history rows after an empty and a failed import = %d, %v", rows, err)
	}
}

// TestImportHistoryBatches: a bulk import of several statement batches
// writes one history row per batch, and History gives each event one entry
// of its own, with its title and source.
func TestImportHistoryBatches(t *testing.T) {
	p, _ := newProject(t)
	p.SetAnnotator("ana")
	a := addTestArticle(t, p)
	const n = rebuildFrom + 37
	evs := make([]annotate.Event, n)
	for i := range evs {
		e := testEvents(t, a)[i%3]
		e.ID = fmt.Sprintf("ev-%03d", i)
		e.Title = "Event " + e.ID
		evs[i] = *e
	}
	if got, err := p.ImportEventsFrom(evs, "many.csv"); err != nil || got != n {
		t.Fatalf("ImportEventsFrom = %d, %v", got, err)
	}
	// One row per statement batch, each naming its events.
	var rows, bad int
	err := p.db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE json_extract(after_json, '$.Source') != 'many.csv'
			OR undone != ? OR entity_id != '' OR json_array_length(after_json, '$.Events') NOT IN (?, ?))
		FROM history`, stateAudit, importBatch, n%importBatch).Scan(&rows, &bad)
	if want := (n + importBatch - 1) / importBatch; err != nil || rows != want || bad != 0 {
		t.Errorf("history: %d rows, %d wrong, %v; want %d, 0", rows, bad, err, want)
	}
	for i := range n {
		id := fmt.Sprintf("ev-%03d", i)
		hist, err := p.History(id)
		if err != nil || len(hist) != 1 || hist[0].EntityID != id || hist[0].Description() != `import event "Event `+id+`" from "many.csv"` {
			t.Fatalf("History(%s) = %+v, %v", id, hist, err)
		}
	}
	if hist, err := p.History("ev-1003"); err != nil || len(hist) != 1 || hist[0].Description() != `import event "Event ev-1003" from "many.csv"` {
		t.Errorf("History(ev-1003) = %+v, %v", hist, err)
	}
}

// TestUndoSkipsImport: Undo after an import undoes the edit before it and
// leaves the imported events; an import is never redone or undone.
func TestUndoSkipsImport(t *testing.T) {
	p, _ := newProject(t)
	p.SetAnnotator("ana")
	a := addTestArticle(t, p)
	if _, err := p.ImportEventsFrom(importedEvents(t, a)[:2], "first.csv"); err != nil {
		t.Fatal(err)
	}
	if p.CanUndo() || p.CanRedo() {
		t.Fatal("an import alone can be undone or redone")
	}
	if _, err := p.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("Undo after only an import = %v, want ErrNothingToUndo", err)
	}
	mine := testEvents(t, a)[2]
	mine.Title = "My own event"
	saveAll(t, p, []*annotate.Event{mine})
	if _, err := p.ImportEventsFrom(importedEvents(t, a)[2:], "second.csv"); err != nil {
		t.Fatal(err)
	}
	desc, err := p.Undo()
	if err != nil || desc != `create event "My own event"` {
		t.Fatalf("Undo after an import = %q, %v; want the create before it", desc, err)
	}
	want := map[string]string{"imp-1": "Tajik delegation visits Kunduz /ss", "imp-2": "Clash near Shir Khan Bandar /s",
		"imp-3": "Panji Poyon trade resumes /s"}
	if got := snapshot(t, p).events; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("events after Undo = %v, want %v", got, want)
	}
	if _, err := p.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("second Undo = %v, want ErrNothingToUndo", err)
	}
	if desc, err := p.Redo(); err != nil || desc != `create event "My own event"` {
		t.Fatalf("Redo = %q, %v", desc, err)
	}
	if got := len(snapshot(t, p).events); got != 4 {
		t.Errorf("%d events after Redo, want 4", got)
	}
	if _, err := p.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("second Redo = %v, want ErrNothingToRedo", err)
	}
	for _, id := range []string{"imp-1", "imp-3"} {
		if hist, _ := p.History(id); len(hist) != 1 || hist[0].Undone {
			t.Errorf("History(%s) after Undo and Redo = %+v", id, hist)
		}
	}
}

// TestImportDiscardsRedo: an import is a new edit, so what was undone
// before it can no longer be redone (nor overwrite an imported event).
func TestImportDiscardsRedo(t *testing.T) {
	p, _ := newProject(t)
	p.SetAnnotator("ana")
	a := addTestArticle(t, p)
	mine := testEvents(t, a)[0]
	saveAll(t, p, []*annotate.Event{mine})
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	again := importedEvents(t, a)[0]
	again.ID = mine.ID
	if _, err := p.ImportEventsFrom([]annotate.Event{again}, "back.csv"); err != nil {
		t.Fatal(err)
	}
	if p.CanRedo() {
		t.Error("CanRedo after an import")
	}
	if _, err := p.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("Redo after an import = %v, want ErrNothingToRedo", err)
	}
	hist, err := p.History(mine.ID)
	if err != nil || len(hist) != 2 {
		t.Fatalf("History = %+v, %v", hist, err)
	}
	if hist[0].Action != "create" || !hist[0].Undone || !hist[0].Discarded {
		t.Errorf("the undone create = %+v, want undone and discarded", hist[0])
	}
	if hist[1].Action != "import" || hist[1].Undone || hist[1].Discarded {
		t.Errorf("the import entry = %+v", hist[1])
	}
	if e, err := p.Event(mine.ID); err != nil || e.Annotator != "zed" {
		t.Errorf("imported event = %+v, %v", e, err)
	}
}

// TestMergeAfterImport: a merge after an import is undone and redone as
// before, and leaves the imported event and its entry alone.
func TestMergeAfterImport(t *testing.T) {
	p, _, theirsPath := mergeFixture(t)
	a := addTestArticle(t, p)
	imp := importedEvents(t, a)[1]
	imp.Title = "Imported clash"
	if _, err := p.ImportEventsFrom([]annotate.Event{imp}, "mine.csv"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, p)
	sum, err := p.Merge(theirsPath)
	if err != nil || sum.EventsAdded != 1 || sum.Conflicts != 1 {
		t.Fatalf("Merge = %+v, %v", sum, err)
	}
	if desc, err := p.Undo(); err != nil || desc != `merge "theirs.gpkg"` {
		t.Fatalf("Undo = %q, %v", desc, err)
	}
	if got := snapshot(t, p); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("after undoing the merge: %v, want %v", got, before)
	}
	if desc, err := p.Redo(); err != nil || desc != `merge "theirs.gpkg"` {
		t.Fatalf("Redo = %q, %v", desc, err)
	}
	hist, err := p.History(imp.ID)
	if err != nil || len(hist) != 1 || hist[0].Description() != `import event "Imported clash" from "mine.csv"` || hist[0].Undone {
		t.Errorf("History of the imported event = %+v, %v", hist, err)
	}
	if e, err := p.Event(imp.ID); err != nil || e.Title != "Imported clash" {
		t.Errorf("imported event after the merge = %q, %v", e.Title, err)
	}
}

// BenchmarkHistoryOfImported100k reads the history of one event of a
// 100,000-event import, as Ctrl+H does: its import row is found among the
// import's 1,000 batch rows.
func BenchmarkHistoryOfImported100k(b *testing.B) {
	p, _ := newProject(b)
	evs := benchEvents(benchN)
	if _, err := p.ImportEventsFrom(evs, "big.csv"); err != nil {
		b.Fatal(err)
	}
	id := evs[benchN/2].ID
	for b.Loop() {
		if h, err := p.History(id); err != nil || len(h) != 1 {
			b.Fatalf("History = %v, %v", h, err)
		}
	}
}
