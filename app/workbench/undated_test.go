package workbench

import (
	"strings"
	"testing"

	"eventatlas/annotate"
)

// TestUndatedArticleAsksForTheDate codes an event from an article with no
// date: the draft has none (not today's), the status says so, Enter asks
// for it, and the typed date is saved.
func TestUndatedArticleAsksForTheDate(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, false)
	a := annotate.Article{Title: "Border report", Text: "Border guards met their Afghan counterparts in Panj."}
	if _, err := wb.project.AddArticle(&a); err != nil {
		t.Fatal(err)
	}
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	for i, x := range wb.articles {
		if x.ID == a.ID {
			wb.SelectArticle(i)
		}
	}
	s, e := offsetOf(t, a.Text, "met their Afghan counterparts")
	wb.reader.SetSelection(s, e)
	wb.NewEventFromSelection()
	if got := wb.form.start.Text; got != "" {
		t.Errorf("the draft's start date is %q, want it empty", got)
	}
	if !strings.Contains(wb.status.message.Text, "the article has no date: type the event's date") {
		t.Errorf("status %q", wb.status.message.Text)
	}
	wb.form.typ.setText("Diplomacy")
	wb.form.submit()
	if evs, _ := wb.project.Events(); len(evs) != 0 {
		t.Fatalf("saved %d events without a date", len(evs))
	}
	if !strings.Contains(wb.form.message.Text, "enter a date") {
		t.Errorf("form message %q, want it to ask for the date", wb.form.message.Text)
	}
	wb.form.start.SetText("2025-11-20")
	wb.form.submit()
	evs, _ := wb.project.Events()
	if len(evs) != 1 || evs[0].DateStart.Format("2006-01-02") != "2025-11-20" {
		t.Fatalf("saved %v", evs)
	}
}
