package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
)

// deletedFixture is the team's case: three copies of one project. In ours
// (Alice's) event 1 is deleted; Bob renamed that event in his copy; Carol
// left it alone.
type deletedFixture struct {
	p          *Project
	events     []*annotate.Event
	bob, carol string
	bobTitle   string
}

func newDeletedFixture(t *testing.T) deletedFixture {
	t.Helper()
	p, _ := newProject(t)
	events := testEvents(t, addTestArticle(t, p))
	saveAll(t, p, events)
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	f := deletedFixture{p: p, events: events, bob: filepath.Join(dir, "bob.gpkg"), carol: filepath.Join(dir, "carol.gpkg"),
		bobTitle: "BOB: Clash near Shir Khan Bandar, two killed"}
	copyFile(t, p.Path(), f.bob)
	copyFile(t, p.Path(), f.carol)
	q, err := Open(f.bob)
	if err != nil {
		t.Fatal(err)
	}
	changed := *events[1]
	changed.Title = f.bobTitle
	if err := q.SaveEvent(&changed); err != nil {
		t.Fatal(err)
	}
	q.Close()
	if err := p.DeleteEvent(events[1].ID); err != nil {
		t.Fatal(err)
	}
	return f
}

// mergeLine is the first line of a summary.
func mergeLine(s *MergeSummary) string { return strings.SplitN(s.String(), "\n", 2)[0] }

func TestMergeKeepsDeletions(t *testing.T) {
	const carolSays = "Merged carol.gpkg: 0 events added, 2 unchanged, 0 conflicts to resolve; 1 event you deleted stays deleted; " +
		"0 articles added, 1 already here; 0 actors added, 0 already here; 0 places added, 0 unchanged."
	const bobSays = "Merged bob.gpkg: 0 events added, 2 unchanged, 1 conflict to resolve; 0 articles added, 1 already here; " +
		"0 actors added, 0 already here; 0 places added, 0 unchanged. 1 conflict is an event you deleted and theirs changed."
	for _, c := range []struct {
		name  string
		files []string // merged in this order
		want  []string // each merge's summary
		// conflicts left, and whether the deleted event is back
		conflicts int
		back      bool
	}{
		{"carol", []string{"carol"}, []string{carolSays}, 0, false},
		{"bob", []string{"bob"}, []string{bobSays}, 1, false},
		{"bob then carol", []string{"bob", "carol"}, []string{bobSays, carolSays}, 1, false},
		{"carol then bob", []string{"carol", "bob"}, []string{carolSays, bobSays}, 1, false},
		{"bob twice", []string{"bob", "bob"}, []string{bobSays,
			"Merged bob.gpkg: 0 events added, 2 unchanged, 0 conflicts to resolve (1 more already recorded); 0 articles added, 1 already here; " +
				"0 actors added, 0 already here; 0 places added, 0 unchanged."}, 1, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newDeletedFixture(t)
			for i, name := range c.files {
				path := map[string]string{"bob": f.bob, "carol": f.carol}[name]
				sum, err := f.p.Merge(path)
				if err != nil {
					t.Fatal(err)
				}
				if got := sum.String(); got != c.want[i] {
					t.Errorf("merge %d (%s) says\n%q\nwant\n%q", i+1, name, got, c.want[i])
				}
			}
			cs, err := f.p.Conflicts()
			if err != nil || len(cs) != c.conflicts {
				t.Fatalf("Conflicts = %d, %v; want %d", len(cs), err, c.conflicts)
			}
			if _, err := f.p.Event(f.events[1].ID); errors.Is(err, ErrNotFound) == c.back {
				t.Errorf("the deleted event: Event = %v, want back %v", err, c.back)
			}
			if c.conflicts == 1 {
				got := cs[0]
				if got.EventID != f.events[1].ID || got.Mine.ID != "" || got.Deleted.IsZero() || got.Theirs.Title != f.bobTitle {
					t.Errorf("conflict = mine %q deleted %v theirs %q, want a deleted one with Bob's title", got.Mine.ID, got.Deleted, got.Theirs.Title)
				}
			}
		})
	}
}

func TestResolveDeletedConflict(t *testing.T) {
	for _, c := range []struct {
		choice     Choice
		back       bool   // the event exists afterwards
		resolution string // as stored
	}{
		{KeepMine, false, "mine"},
		{KeepTheirs, true, "theirs"},
		{KeepBoth, true, "theirs"}, // nothing of ours to keep beside theirs
	} {
		t.Run(c.choice.String(), func(t *testing.T) {
			f := newDeletedFixture(t)
			if _, err := f.p.Merge(f.bob); err != nil {
				t.Fatal(err)
			}
			cs, _ := f.p.Conflicts()
			if len(cs) != 1 {
				t.Fatalf("%d conflicts, want 1", len(cs))
			}
			before := snapshot(t, f.p)
			if err := f.p.ResolveConflict(cs[0].ID, c.choice); err != nil {
				t.Fatal(err)
			}
			all, _ := f.p.Events()
			e, err := f.p.Event(f.events[1].ID)
			switch {
			case c.back && (err != nil || e.Title != f.bobTitle || len(e.Spans) != 1 || len(all) != 3):
				t.Errorf("after keep %s: %q with %d spans, %d events, %v; want Bob's version with its evidence", c.choice, e.Title, len(e.Spans), len(all), err)
			case !c.back && (!errors.Is(err, ErrNotFound) || len(all) != 2):
				t.Errorf("after keep %s: Event = %v, %d events; want it still deleted", c.choice, err, len(all))
			}
			var res string
			f.p.db.QueryRow(`SELECT resolution FROM conflicts WHERE id = ?`, cs[0].ID).Scan(&res)
			if res != c.resolution {
				t.Errorf("resolution %q, want %q", res, c.resolution)
			}
			// Carol's older copy changes nothing now either way.
			sum, err := f.p.Merge(f.carol)
			if err != nil {
				t.Fatal(err)
			}
			wantCarol := "0 events added, 2 unchanged, 0 conflicts to resolve; 1 event you deleted stays deleted;"
			if c.back {
				wantCarol = "0 events added, 2 unchanged, 0 conflicts to resolve; 1 event of theirs is an older version of yours (yours kept);"
			}
			if got := mergeLine(sum); !strings.Contains(got, wantCarol) || sum.Changed() {
				t.Errorf("merging Carol after keep %s says %q, want %q and no change", c.choice, got, wantCarol)
			}
			// Undo the resolution (Carol's merge changed nothing, so it is
			// the latest edit), then the merge of Bob.
			if _, err := f.p.Undo(); err != nil {
				t.Fatal(err)
			}
			if got := snapshot(t, f.p); fmt.Sprint(got) != fmt.Sprint(before) {
				t.Errorf("after undoing the resolution: %v, want %v", got, before)
			}
			if desc, err := f.p.Undo(); err != nil || desc != `merge "bob.gpkg"` {
				t.Fatalf("Undo = %q, %v", desc, err)
			}
			if cs, _ := f.p.Conflicts(); len(cs) != 0 {
				t.Errorf("undoing the merge left %d conflicts", len(cs))
			}
			if _, err := f.p.Event(f.events[1].ID); !errors.Is(err, ErrNotFound) {
				t.Errorf("undoing the merge: Event = %v, want still deleted", err)
			}
		})
	}
}

// TestMergeAfterUndoneDelete: a delete that was undone is no delete; the
// event is ours again and theirs compares with it.
func TestMergeAfterUndoneDelete(t *testing.T) {
	f := newDeletedFixture(t)
	if _, err := f.p.Undo(); err != nil {
		t.Fatal(err)
	}
	sum, err := f.p.Merge(f.carol)
	if err != nil {
		t.Fatal(err)
	}
	if sum.EventsUnchanged != 3 || sum.DeletedKept != 0 || sum.EventsAdded != 0 {
		t.Errorf("summary %+v, want 3 unchanged", *sum)
	}
	// Deleted again, then merged: theirs (the version deleted) stays out.
	if err := f.p.DeleteEvent(f.events[1].ID); err != nil {
		t.Fatal(err)
	}
	if sum, err = f.p.Merge(f.carol); err != nil || sum.DeletedKept != 1 || sum.EventsAdded != 0 {
		t.Errorf("after deleting again: %+v, %v", sum, err)
	}
}

// TestMergeTwoSamplesNoConflicts: two projects that each began as the
// sample, at different times, hold the same events: merging one into the
// other records no conflict.
func TestMergeTwoSamplesNoConflicts(t *testing.T) {
	mine, _ := newProject(t)
	art := addTestArticle(t, mine)
	e := testEvents(t, art)[0]
	if err := mine.SaveEvent(e); err != nil {
		t.Fatal(err)
	}
	theirs, theirsPath := newProject(t)
	art2 := art
	if _, err := theirs.AddArticle(&art2); err != nil {
		t.Fatal(err)
	}
	twin := *e
	twin.Created = e.Created.Add(-time.Hour)
	if err := theirs.SaveEvent(&twin); err != nil {
		t.Fatal(err)
	}
	theirs.Close()
	sum, err := mine.Merge(theirsPath)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Conflicts != 0 || sum.EventsUnchanged != 1 {
		t.Errorf("merge: %d conflicts, %d unchanged; want 0 and 1", sum.Conflicts, sum.EventsUnchanged)
	}
}
