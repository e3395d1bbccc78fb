package workbench

import (
	"testing"

	"eventatlas/annotate"
)

// TestSwitchingArticleLeavesItsEvent: the form shows an event only while
// the reader shows an article that holds its evidence; an edit made before
// the switch is saved, and an event with no evidence stays selected.
func TestSwitchingArticleLeavesItsEvent(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	other := annotate.Article{Title: "Second article", Text: "Border guards met at Panj."}
	if _, err := wb.project.AddArticle(&other); err != nil {
		t.Fatal(err)
	}
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	indexOf := func(id string) int {
		for i, a := range wb.articles {
			if a.ID == id {
				return i
			}
		}
		t.Fatalf("article %s not listed", id)
		return -1
	}
	var withSpans annotate.Event
	for _, e := range wb.events {
		if len(e.Spans) > 0 {
			withSpans = e
			break
		}
	}
	if withSpans.ID == "" {
		t.Fatal("the sample has no event with evidence")
	}
	wb.SelectEvent(withSpans.ID)
	sample := wb.current
	wb.form.title.SetText("Edited before switching")
	if !wb.form.dirty {
		t.Fatal("typing a title did not mark the form edited")
	}

	wb.SelectArticle(indexOf(other.ID))
	if wb.Selected() != "" || wb.form.shown {
		t.Errorf("after switching article: selected %q, form shown %v; want nothing", wb.Selected(), wb.form.shown)
	}
	saved, err := wb.project.Event(withSpans.ID)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Title != "Edited before switching" {
		t.Errorf("the edit made before switching was not saved: title %q", saved.Title)
	}

	// Back on the sample, select the event again: switching to its own
	// article keeps it.
	wb.SelectArticle(sample)
	wb.SelectEvent(withSpans.ID)
	wb.SelectArticle(sample)
	if wb.Selected() != withSpans.ID {
		t.Errorf("re-selecting the event's own article dropped it")
	}

	// An event without evidence (as imported) is not tied to an article.
	loose := annotate.Event{Type: withSpans.Type, Title: "Imported clash", DateStart: withSpans.DateStart, DateEnd: withSpans.DateEnd,
		DatePrecision: withSpans.DatePrecision, Geometry: withSpans.Geometry, GeoPrecision: withSpans.GeoPrecision}
	if err := wb.project.SaveEvent(&loose); err != nil {
		t.Fatal(err)
	}
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	wb.SelectEvent(loose.ID)
	wb.SelectArticle(indexOf(other.ID))
	if wb.Selected() != loose.ID || !wb.form.shown {
		t.Errorf("an event without evidence was dropped on switching article: selected %q", wb.Selected())
	}
	if len(*errs) > 0 {
		t.Errorf("errors: %v", *errs)
	}
}
