package workbench

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// sampleProjectFile writes a closed project file holding the sample article
// and events and returns its path and events.
func sampleProjectFile(t *testing.T) string {
	t.Helper()
	p := newTestProject(t, true)
	path := p.Path()
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func emptyProject(t *testing.T) *storage.Project {
	t.Helper()
	p, err := storage.Create(filepath.Join(t.TempDir(), "empty.gpkg"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func TestMergeShowsSummary(t *testing.T) {
	test.NewTempApp(t)
	theirs := sampleProjectFile(t)
	wb, _, errs := openTestWorkbench(t, emptyProject(t))
	sum := wb.MergeFile(theirs)
	if sum == nil || len(*errs) > 0 {
		t.Fatalf("merge failed: %v", *errs)
	}
	if sum.EventsAdded == 0 || sum.ArticlesAdded != 1 || sum.Conflicts != 0 {
		t.Errorf("summary %+v, want the sample events and 1 article added, no conflicts", sum)
	}
	if len(wb.events) != sum.EventsAdded || len(wb.articles) != 1 {
		t.Errorf("the workbench shows %d events and %d articles after the merge, want %d and 1", len(wb.events), len(wb.articles), sum.EventsAdded)
	}
	if wb.mergeSheet == nil || !wb.mergeSheet.pop.Visible() {
		t.Fatal("no merge summary shown")
	}
	text := strings.Join(labelsIn(wb.mergeSheet.pop.Content), "\n")
	if !strings.Contains(text, sum.String()) || !strings.Contains(text, "events added, 0 unchanged, 0 conflicts to resolve") {
		t.Errorf("the summary sheet says %q, want %q", text, sum.String())
	}
	if wb.mergeSheet.def.Text != "Close" {
		t.Errorf("without conflicts the summary's button is %q, want Close", wb.mergeSheet.def.Text)
	}
	// The merge is one undo step.
	wb.Undo()
	if len(wb.events) != 0 {
		t.Errorf("Ctrl+Z after the merge leaves %d events, want 0", len(wb.events))
	}
}

func TestMergeTwiceChangesNothing(t *testing.T) {
	test.NewTempApp(t)
	theirs := sampleProjectFile(t)
	wb, _, _ := openTestWorkbench(t, emptyProject(t))
	first := wb.MergeFile(theirs)
	second := wb.MergeFile(theirs)
	if first == nil || second == nil || second.EventsAdded != 0 || second.EventsUnchanged != first.EventsAdded {
		t.Fatalf("second merge %+v after %+v, want every event unchanged", second, first)
	}
}

func TestMergeOwnProjectRefused(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	if wb.MergeFile(wb.project.Path()) != nil || len(*errs) != 1 || !strings.Contains((*errs)[0].Error(), "is the open project") {
		t.Errorf("merging the open project gave errors %v", *errs)
	}
}

// sharedThenChanged returns our project and their file, which both hold
// the sample's events (ours by a merge of theirs), after change was made to
// their first event in their file; eventID is that event's.
func sharedThenChanged(t *testing.T, change func(*annotate.Event)) (ours *storage.Project, theirs, eventID string) {
	t.Helper()
	theirs = sampleProjectFile(t)
	ours = emptyProject(t)
	if _, err := ours.Merge(theirs); err != nil {
		t.Fatal(err)
	}
	tp, err := storage.Open(theirs)
	if err != nil {
		t.Fatal(err)
	}
	defer tp.Close()
	evs, err := tp.Events()
	if err != nil {
		t.Fatal(err)
	}
	e := evs[0]
	change(&e)
	if err := tp.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	return ours, theirs, e.ID
}

// conflictingProjects returns our project and their file, in which the
// same event has another title.
func conflictingProjects(t *testing.T) (ours *storage.Project, theirs, eventID, theirTitle string) {
	t.Helper()
	theirTitle = "Their title for the event"
	ours, theirs, eventID = sharedThenChanged(t, func(e *annotate.Event) {
		e.Title, e.PlaceName = theirTitle, "Their place"
	})
	mine, err := ours.Events()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mine {
		if m.ID == eventID {
			m.Title = "My title for the event"
			if err := ours.SaveEvent(&m); err != nil {
				t.Fatal(err)
			}
		}
	}
	return ours, theirs, eventID, theirTitle
}

func TestConflictKeepTheirs(t *testing.T) {
	test.NewTempApp(t)
	ours, theirs, id, theirTitle := conflictingProjects(t)
	wb, _, errs := openTestWorkbench(t, ours)
	sum := wb.MergeFile(theirs)
	if sum == nil || sum.Conflicts != 1 || len(*errs) > 0 {
		t.Fatalf("merge %+v, errors %v; want 1 conflict", sum, *errs)
	}
	if wb.mergeSheet.def.Text != "Resolve conflicts…" {
		t.Fatalf("the summary's button is %q, want Resolve conflicts…", wb.mergeSheet.def.Text)
	}
	if wb.mergeSheet.esc.Text != "Later" {
		t.Errorf("the summary's other button is %q, want Later", wb.mergeSheet.esc.Text)
	}
	test.Tap(wb.mergeSheet.def)
	v := wb.conflicts
	if v == nil || !v.sheet.pop.Visible() || len(v.rows) != 1 {
		t.Fatalf("the conflicts view is not shown with 1 row")
	}
	r := v.rows[0]
	if r.c.EventID != id || r.title.Text != "My title for the event" {
		t.Errorf("the row is for %q titled %q", r.c.EventID, r.title.Text)
	}
	for _, want := range []string{`title: mine "My title for the event", theirs "Their title for the event"`, `place: mine "`, `theirs "Their place"`} {
		if !strings.Contains(r.diff.Text, want) {
			t.Errorf("the difference %q lacks %q", r.diff.Text, want)
		}
	}
	if strings.Contains(r.diff.Text, "type:") {
		t.Errorf("the difference lists the type, which is the same: %q", r.diff.Text)
	}
	test.Tap(r.theirs)
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	got, ok := wb.eventByID(id)
	if !ok || got.Title != theirTitle || got.PlaceName != "Their place" {
		t.Errorf("after Keep theirs the event is %q at %q, want theirs", got.Title, got.PlaceName)
	}
	stored, err := wb.project.Events()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range stored {
		if e.ID == id && e.Title != theirTitle {
			t.Errorf("the stored event is titled %q, want %q", e.Title, theirTitle)
		}
	}
	if len(v.rows) != 0 {
		t.Errorf("%d conflicts left in the view, want 0", len(v.rows))
	}
	if cs, _ := wb.project.Conflicts(); len(cs) != 0 {
		t.Errorf("%d conflicts left in storage", len(cs))
	}
	// Undo brings back mine and the conflict.
	wb.Undo()
	got, _ = wb.eventByID(id)
	if got.Title != "My title for the event" {
		t.Errorf("after Ctrl+Z the event is %q, want mine", got.Title)
	}
}

func TestConflictKeepMineAndBoth(t *testing.T) {
	for _, tc := range []struct {
		name       string
		pick       func(conflictRow) func()
		wantEvents int // more than before the merge
	}{
		{"mine", func(r conflictRow) func() { return r.mine.OnTapped }, 0},
		{"both", func(r conflictRow) func() { return r.both.OnTapped }, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			ours, theirs, id, _ := conflictingProjects(t)
			wb, _, errs := openTestWorkbench(t, ours)
			n := len(wb.events)
			wb.MergeFile(theirs)
			wb.ShowConflicts()
			tc.pick(wb.conflicts.rows[0])()
			if len(*errs) > 0 {
				t.Fatal(*errs)
			}
			if got, _ := wb.eventByID(id); got.Title != "My title for the event" {
				t.Errorf("the event is %q, want mine", got.Title)
			}
			if len(wb.events) != n+tc.wantEvents {
				t.Errorf("%d events, want %d", len(wb.events), n+tc.wantEvents)
			}
		})
	}
}
