package storage

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// tablesSum hashes every row of every table of p, in rowid order.
func tablesSum(t *testing.T, p *Project) string {
	t.Helper()
	rows, err := p.db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	h := sha256.New()
	for _, name := range tables {
		rows, err := p.db.Query(`SELECT * FROM "` + name + `" ORDER BY rowid`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		n := 0
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s %q\n", name, vals)
			n++
		}
		rows.Close()
		fmt.Fprintf(h, "%s: %d rows\n", name, n)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// teammate copies p's file, as a teammate who got the project would, and
// edits the copy: event 0's title changes, a new article (p's article with
// Windows line endings and a new one) and event, an actor known by another
// id and a new one, and a new place.
func teammate(t *testing.T, p *Project, events []*annotate.Event) (path string, theirs *Project) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "theirs.gpkg")
	// A copy of the .gpkg alone holds every change once it is flushed (or
	// the project has been idle for IdleDelay).
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	copyFile(t, p.Path(), path)
	q, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	q.SetAnnotator("bo")
	changed := *events[0]
	changed.Title = "Delegation meets Taliban in Kunduz"
	if err := q.SaveEvent(&changed); err != nil {
		t.Fatal(err)
	}
	second := annotate.Article{Title: "Clash at the border", Text: "Dushanbe, 6 May.\r\nGuards exchanged fire near Panj on 6 May.\r\n"}
	if _, err := q.AddArticle(&second); err != nil {
		t.Fatal(err)
	}
	s, err := annotate.FindQuote(second.Text, "Guards exchanged fire near Panj")
	if err != nil {
		t.Fatal(err)
	}
	s.ArticleID = second.ID
	added := annotate.Event{Type: "Security incident", Title: "Fire near Panj", Geometry: orb.Point{69.5, 37.2}, Fatalities: -1,
		Actors: []annotate.ActorRole{{ActorID: "their-taliban", Name: "Taliban", Role: "actor1"}}, Spans: []annotate.Span{s}}
	if err := q.SaveEvent(&added); err != nil {
		t.Fatal(err)
	}
	for _, a := range []annotate.Actor{{ID: "their-taliban", Name: "taliban"}, {ID: "their-guards", Name: "Border guards"}} {
		if err := q.SaveActor(&a); err != nil {
			t.Fatal(err)
		}
	}
	pl := annotate.Place{ID: "their-place", Name: "Panj port", Point: orb.Point{69.4, 37.2}}
	if err := q.SavePlace(&pl); err != nil {
		t.Fatal(err)
	}
	return path, q
}

// mergeFixture is a project with the test events and an actor, and a
// teammate's edited copy of it.
func mergeFixture(t *testing.T) (p *Project, events []*annotate.Event, theirsPath string) {
	t.Helper()
	p, _ = newProject(t)
	p.SetAnnotator("ana")
	events = testEvents(t, addTestArticle(t, p))
	saveAll(t, p, events)
	if err := p.SaveActor(&annotate.Actor{ID: "my-taliban", Name: "Taliban"}); err != nil {
		t.Fatal(err)
	}
	theirsPath, q := teammate(t, p, events)
	q.Close()
	return p, events, theirsPath
}

func TestMerge(t *testing.T) {
	p, events, theirsPath := mergeFixture(t)
	sum, err := p.Merge(theirsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sum)
	want := MergeSummary{From: theirsPath, FromProject: p.UUID(), ArticlesAdded: 1, ArticlesDeduplicated: 1,
		EventsAdded: 1, EventsUnchanged: 2, Conflicts: 1, ActorsAdded: 1, ActorsMatched: 2, PlacesAdded: 1}
	got := *sum
	got.Skipped = nil
	if fmt.Sprint(got) != fmt.Sprint(want) || len(sum.Skipped) != 0 {
		t.Errorf("summary = %+v\nwant      %+v", *sum, want)
	}
	if !strings.Contains(sum.String(), "Merged theirs.gpkg: 1 event added, 2 unchanged, 1 conflict to resolve") {
		t.Errorf("summary text = %q", sum)
	}
	// Ours is kept; theirs waits in the conflict list.
	mine, err := p.Event(events[0].ID)
	if err != nil || mine.Title != events[0].Title {
		t.Fatalf("our event after merge = %q, %v", mine.Title, err)
	}
	conflicts, err := p.Conflicts()
	if err != nil || len(conflicts) != 1 {
		t.Fatalf("Conflicts = %v, %v", conflicts, err)
	}
	c := conflicts[0]
	if c.EventID != events[0].ID || c.Mine.Title != events[0].Title || c.Theirs.Title != "Delegation meets Taliban in Kunduz" ||
		c.FromFile != theirsPath || c.FromProject != p.UUID() || c.Theirs.Annotator != "ana" {
		t.Errorf("conflict = %+v", c)
	}
	// Their new event, its new article, and the actor matched by name.
	all, _ := p.Events()
	var added annotate.Event
	for _, e := range all {
		if e.Title == "Fire near Panj" {
			added = e
		}
	}
	if added.ID == "" || len(added.Spans) != 1 || added.Actors[0].ActorID != "my-taliban" {
		t.Fatalf("added event = %+v", added)
	}
	art, err := p.Article(added.Spans[0].ArticleID)
	if err != nil || annotate.RuneSlice(art.Text, added.Spans[0].Start, added.Spans[0].End) != "Guards exchanged fire near Panj" {
		t.Errorf("added span %+v into %q, %v", added.Spans[0], art.Text, err)
	}
	actors, _ := p.Actors()
	if len(actors) != 2 {
		t.Errorf("actors = %+v, want ours and Border guards", actors)
	}

	// The same file again changes nothing, not even a byte of the file.
	before, fileBefore := tablesSum(t, p), fileSum(t, p.Path())
	again, err := p.Merge(theirsPath)
	if err != nil {
		t.Fatal(err)
	}
	if again.Changed() || again.EventsUnchanged != 3 || again.ConflictsKnown != 1 || again.ArticlesDeduplicated != 2 ||
		again.ActorsMatched != 3 || again.PlacesUnchanged != 1 {
		t.Errorf("second merge = %+v", *again)
	}
	if tablesSum(t, p) != before || fileSum(t, p.Path()) != fileBefore {
		t.Error("merging the same file twice changed the project")
	}
}

func TestMergeUndo(t *testing.T) {
	p, _, theirsPath := mergeFixture(t)
	before := snapshot(t, p)
	if _, err := p.Merge(theirsPath); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, p)
	desc, err := p.Undo()
	if err != nil || desc != `merge "theirs.gpkg"` {
		t.Fatalf("Undo = %q, %v", desc, err)
	}
	if got := snapshot(t, p); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("after undoing the merge: %v, want %v", got, before)
	}
	if c, _ := p.Conflicts(); len(c) != 0 {
		t.Errorf("undoing the merge left %d conflicts", len(c))
	}
	if desc, err := p.Redo(); err != nil || desc != `merge "theirs.gpkg"` {
		t.Fatalf("Redo = %q, %v", desc, err)
	}
	if got := snapshot(t, p); fmt.Sprint(got) != fmt.Sprint(after) {
		t.Errorf("after redoing the merge: %v, want %v", got, after)
	}
	if c, _ := p.Conflicts(); len(c) != 1 {
		t.Errorf("redoing the merge gave %d conflicts, want 1", len(c))
	}
}

func TestResolveConflict(t *testing.T) {
	for _, choice := range []Choice{KeepMine, KeepTheirs, KeepBoth} {
		t.Run(choice.String(), func(t *testing.T) {
			p, events, theirsPath := mergeFixture(t)
			if _, err := p.Merge(theirsPath); err != nil {
				t.Fatal(err)
			}
			cs, _ := p.Conflicts()
			c := cs[0]
			before := snapshot(t, p)
			if err := p.ResolveConflict(c.ID, choice); err != nil {
				t.Fatal(err)
			}
			if cs, _ := p.Conflicts(); len(cs) != 0 {
				t.Errorf("%d conflicts left", len(cs))
			}
			mine, _ := p.Event(events[0].ID)
			all, _ := p.Events()
			switch choice {
			case KeepMine:
				if mine.Title != events[0].Title || len(all) != 4 {
					t.Errorf("keep mine: %q, %d events", mine.Title, len(all))
				}
			case KeepTheirs:
				if mine.Title != c.Theirs.Title || len(all) != 4 || len(mine.Spans) != 2 || mine.Spans[0].ID != events[0].Spans[0].ID {
					t.Errorf("keep theirs: %+v, %d events", mine, len(all))
				}
			case KeepBoth:
				var copy annotate.Event
				for _, e := range all {
					if e.Title == c.Theirs.Title {
						copy = e
					}
				}
				if mine.Title != events[0].Title || len(all) != 5 || copy.ID == "" || copy.ID == mine.ID ||
					len(copy.Spans) != 2 || copy.Spans[0].ID == mine.Spans[0].ID || copy.Spans[0].Quote != mine.Spans[0].Quote {
					t.Errorf("keep both: mine %+v copy %+v, %d events", mine, copy, len(all))
				}
			}
			desc, err := p.Undo()
			if err != nil || !strings.Contains(desc, "resolve the conflict on event \"Delegation meets Taliban in Kunduz\" (keep "+choice.String()+")") {
				t.Errorf("Undo = %q, %v", desc, err)
			}
			if got := snapshot(t, p); fmt.Sprint(got) != fmt.Sprint(before) {
				t.Errorf("after undo: %v, want %v", got, before)
			}
			if cs, _ := p.Conflicts(); len(cs) != 1 {
				t.Errorf("undo left %d conflicts, want 1 again", len(cs))
			}
			if _, err := p.Redo(); err != nil {
				t.Fatal(err)
			}
			// Merging the file again does not bring the conflict back.
			sum, err := p.Merge(theirsPath)
			if err != nil || sum.Changed() {
				t.Errorf("merge after resolving: %+v, %v", sum, err)
			}
			if cs, _ := p.Conflicts(); len(cs) != 0 {
				t.Errorf("the conflict came back: %d", len(cs))
			}
			if err := p.ResolveConflict(c.ID, choice); err == nil || !strings.Contains(err.Error(), "already resolved") {
				t.Errorf("resolving twice = %v", err)
			}
		})
	}
	p, _ := newProject(t)
	if err := p.ResolveConflict("no-such", KeepMine); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown conflict = %v", err)
	}
	if err := p.ResolveConflict("no-such", Choice(9)); err == nil {
		t.Error("unknown choice accepted")
	}
}

// TestMergeHostile merges files of the corpus: the broken ones fail with
// their error and change nothing; the partly sound ones bring in what is
// sound and list the rest, and their triggers never run.
func TestMergeHostile(t *testing.T) {
	for _, c := range corpus(makeCorpusBase(t)) {
		t.Run(c.name, func(t *testing.T) {
			p, _ := newProject(t)
			saveAll(t, p, testEvents(t, addTestArticle(t, p)))
			path := filepath.Join(t.TempDir(), c.name+".gpkg")
			c.build(t, path)
			before, file := tablesSum(t, p), fileSum(t, path)
			sum, err := p.Merge(path)
			if fileSum(t, path) != file {
				t.Error("Merge changed their file")
			}
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Errorf("Merge = %v, want %q", err, c.err)
				}
				if tablesSum(t, p) != before {
					t.Error("a failed merge changed the project")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if sum.EventsAdded+sum.EventsUnchanged+sum.Conflicts != c.events || len(sum.Skipped)+len(sum.Repaired) < len(c.problems) {
				t.Errorf("summary %+v for %d sound events and problems %q", *sum, c.events, c.problems)
			}
			events, _ := p.Events()
			if len(events) != 3+c.events {
				t.Errorf("%d events after the merge, want %d", len(events), 3+c.events)
			}
		})
	}
}

// TestMigrateV1ToV2 opens a version 1 file, which gains the conflicts
// table and undo batches, and merges and resolves on it.
func TestMigrateV1ToV2(t *testing.T) {
	path := projectAt(t, 1)
	p, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var n int
	if err := p.db.QueryRow(`SELECT count(*) FROM gpkg_contents WHERE table_name = 'conflicts' AND data_type = 'attributes'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("conflicts in gpkg_contents: %d, %v", n, err)
	}
	if _, err := p.db.Exec(`SELECT batch FROM history LIMIT 1`); err != nil {
		t.Errorf("history.batch: %v", err)
	}
	// A teammate's copy of the old file where ev-1 has another title.
	theirs := projectAt(t, 1)
	db, err := sql.Open("sqlite", theirs)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec(`UPDATE meta SET value = ? WHERE key = 'project_uuid'`, "their-project")
	db.Exec(`UPDATE events SET title = 'Their title' WHERE id = 'ev-1'`)
	db.Close()
	sum, err := p.Merge(theirs)
	if err != nil || sum.Conflicts != 1 || sum.ArticlesDeduplicated != 1 {
		t.Fatalf("merge of a v1 file = %+v, %v", sum, err)
	}
	cs, err := p.Conflicts()
	if err != nil || len(cs) != 1 {
		t.Fatal(cs, err)
	}
	if err := p.ResolveConflict(cs[0].ID, KeepTheirs); err != nil {
		t.Fatal(err)
	}
	if e, _ := p.Event("ev-1"); e.Title != "Their title" {
		t.Errorf("after keep theirs: %q", e.Title)
	}
}
