package workbench

import (
	"path/filepath"
	"testing"

	"eventatlas/annotate"

	"fyne.io/fyne/v2/test"
)

func TestStatusCountsInWords(t *testing.T) {
	test.NewTempApp(t)
	s := newStatusLine()
	for _, c := range []struct {
		shown, all int
		want       string
	}{
		{0, 0, "0 events"},
		{1, 1, "1 event"},
		{2, 2, "2 events"},
		{1, 6, "1 of 6 events"},
		{0, 1, "0 of 1 event"},
	} {
		s.setCount(c.shown, c.all)
		if got := s.count.Text; got != c.want {
			t.Errorf("setCount(%d, %d) = %q, want %q", c.shown, c.all, got, c.want)
		}
	}
	for n, want := range map[int]string{1: "1 character selected — Ctrl+E makes an event", 14: "14 characters selected — Ctrl+E makes an event"} {
		s.setSelection(n)
		if got := s.message.Text; got != want {
			t.Errorf("setSelection(%d) = %q, want %q", n, got, want)
		}
	}
	s.setSelection(0)
	if got := s.message.Text; got != "" {
		t.Errorf("nothing selected any more, the status still says %q", got)
	}
	s.setMessage("Created “Talks” (Ctrl+Z undoes)")
	s.setSelection(0)
	if got := s.message.Text; got != "Created “Talks” (Ctrl+Z undoes)" {
		t.Errorf("an empty selection wiped another message: %q", got)
	}
}

// TestStatusForgetsTheLastArticle switches articles and projects: what the
// status line said about the last one goes.
func TestStatusForgetsTheLastArticle(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	if len(wb.articles) < 1 {
		t.Fatal("no articles")
	}
	other := annotate.Article{Title: "Second article", Text: "Border guards met at Panj."}
	if _, err := wb.project.AddArticle(&other); err != nil {
		t.Fatal(err)
	}
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	wb.status.setMessage("New event dropped")
	for i, a := range wb.articles {
		if a.ID == other.ID {
			wb.SelectArticle(i)
		}
	}
	if got := wb.status.message.Text; got != "" {
		t.Errorf("after switching articles the status says %q", got)
	}
	wb.status.setMessage("trade.html: article added")
	p := newTestProject(t, false)
	if err := wb.SetProject(p); err != nil {
		t.Fatal(err)
	}
	if got, want := wb.status.message.Text, "Opened "+filepath.Base(p.Path()); got != want {
		t.Errorf("after opening another project the status says %q, want %q", got, want)
	}
}

// TestFormTakesTheSameRoomShownOrNot: the form and the hint in its place
// ask for the same minimum, so opening an event does not move the panes.
func TestFormTakesTheSameRoomShownOrNot(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	closed := wb.form.content.MinSize()
	wb.SelectEvent(wb.table.rows[0].ID)
	if !wb.form.shown {
		t.Fatal("set-up: the form did not open")
	}
	if open := wb.form.content.MinSize(); open.Width != closed.Width {
		t.Errorf("the form's minimum width is %g open and %g closed: the panes beside it would move", open.Width, closed.Width)
	}
}
