package workbench

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// deletedConflict returns our project, in which an event was deleted, and
// their file, in which the same event has a new title.
func deletedConflict(t *testing.T) (ours *storage.Project, theirs, eventID, theirTitle string) {
	t.Helper()
	theirTitle = "Their title for the event I deleted"
	ours, theirs, eventID = sharedThenChanged(t, func(e *annotate.Event) { e.Title = theirTitle })
	if err := ours.DeleteEvent(eventID); err != nil {
		t.Fatal(err)
	}
	return ours, theirs, eventID, theirTitle
}

func TestConflictDeletedHere(t *testing.T) {
	for _, c := range []struct {
		name   string
		tap    func(conflictRow)
		back   bool
		status string
	}{
		{"keep mine", func(r conflictRow) { test.Tap(r.mine) }, false,
			"Resolved “Their title for the event I deleted”: kept mine, it stays deleted (Ctrl+Z undoes)"},
		{"keep theirs", func(r conflictRow) { test.Tap(r.theirs) }, true,
			"Resolved “Their title for the event I deleted”: restored theirs (Ctrl+Z undoes)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			test.NewTempApp(t)
			ours, theirs, id, theirTitle := deletedConflict(t)
			wb, _, errs := openTestWorkbench(t, ours)
			n := len(wb.events)
			sum := wb.MergeFile(theirs)
			if sum == nil || sum.Conflicts != 1 || sum.DeletedConflicts != 1 || sum.EventsAdded != 0 || len(*errs) > 0 {
				t.Fatalf("merge %+v, errors %v; want 1 conflict on the deleted event", sum, *errs)
			}
			if _, ok := wb.eventByID(id); ok || len(wb.events) != n {
				t.Fatalf("the merge brought the deleted event back")
			}
			wb.ShowConflicts()
			if len(wb.conflicts.rows) != 1 {
				t.Fatalf("%d rows, want 1", len(wb.conflicts.rows))
			}
			r := wb.conflicts.rows[0]
			today := time.Now().Format("2006-01-02")
			wantDiff := "You deleted it; theirs changed it.\ndeleted in this project on " + today + "; theirs: "
			if r.title.Text != theirTitle || !strings.HasPrefix(r.diff.Text, wantDiff) || strings.Contains(r.diff.Text, "mine") ||
				!strings.HasSuffix(r.diff.Text, "\nfrom "+filepath.Base(theirs)) {
				t.Errorf("the row says %q / %q, want the title of theirs and %q…", r.title.Text, r.diff.Text, wantDiff)
			}
			if r.both != nil || r.mine.Text != "Keep mine (stays deleted)" || r.theirs.Text != "Keep theirs (restores it)" {
				t.Errorf("buttons %q, %q, Keep both shown %v", r.mine.Text, r.theirs.Text, r.both != nil)
			}
			c.tap(r)
			if len(*errs) > 0 {
				t.Fatal(*errs)
			}
			got, ok := wb.eventByID(id)
			if ok != c.back || (ok && (got.Title != theirTitle || len(got.Spans) == 0)) {
				t.Errorf("after %s: event shown %v, %q with %d spans", c.name, ok, got.Title, len(got.Spans))
			}
			if msg := wb.status.message.Text; msg != c.status {
				t.Errorf("status %q, want %q", msg, c.status)
			}
			if len(wb.conflicts.rows) != 0 {
				t.Errorf("%d rows left", len(wb.conflicts.rows))
			}
			wb.Undo() // the resolution
			wb.Undo() // the merge
			if _, ok := wb.eventByID(id); ok {
				t.Error("after undoing the resolution and the merge the deleted event is back")
			}
			if cs, _ := wb.project.Conflicts(); len(cs) != 0 {
				t.Errorf("undoing the merge left %d conflicts", len(cs))
			}
		})
	}
}

func TestElideLongValues(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"Душанбе и Кундуз", 7, "Душанбе… (9 more characters)"},
	} {
		if got := elide(c.in, c.n); got != c.want {
			t.Errorf("elide(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}
