package workbench

import (
	"github.com/paulmach/orb"
	"testing"

	"fyne.io/fyne/v2"

	"eventatlas/annotate"
)

// selectEventWithEvidence selects the first sample event that has evidence
// and types a new title into the form, unsaved.
func selectEventWithEvidence(t *testing.T, wb *Workbench) annotate.Event {
	t.Helper()
	for _, e := range wb.events {
		if len(e.Spans) > 0 {
			wb.SelectEvent(e.ID)
			wb.form.title.SetText("Edited before the new article")
			if !wb.form.dirty {
				t.Fatal("typing a title did not mark the form edited")
			}
			return e
		}
	}
	t.Fatal("the sample has no event with evidence")
	return annotate.Event{}
}

// assertLeft checks that nothing is selected, the form is closed, and the
// edit typed before was saved.
func assertLeft(t *testing.T, wb *Workbench, e annotate.Event, after string) {
	t.Helper()
	if wb.Selected() != "" || wb.form.shown {
		t.Errorf("after %s: selected %q, form shown %v; want nothing", after, wb.Selected(), wb.form.shown)
	}
	saved, err := wb.project.Event(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Title != "Edited before the new article" {
		t.Errorf("after %s the edit made before was not saved: title %q", after, saved.Title)
	}
}

// TestImportedArticleLeavesTheSelectedEvent: the form no longer shows an
// event of the sample article over an article just imported.
func TestImportedArticleLeavesTheSelectedEvent(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	e := selectEventWithEvidence(t, wb)
	wb.ImportFunc = func(path string) (string, error) {
		a := annotate.Article{Title: "Border guards seize heroin", Text: "Border guards seized 40 kg of heroin at Panj."}
		_, err := wb.project.AddArticle(&a)
		return "article added", err
	}
	r := waitImport(t, wb, []string{"/x/border.txt"})
	if len(r) != 1 || r[0].Err != nil {
		t.Fatalf("import: %+v", r)
	}
	if a := wb.articles[wb.current]; a.Title != "Border guards seize heroin" {
		t.Fatalf("the reader shows %q", a.Title)
	}
	assertLeft(t, wb, e, "an import")
}

// TestPastedArticleLeavesTheSelectedEvent is the same for a pasted article.
func TestPastedArticleLeavesTheSelectedEvent(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	e := selectEventWithEvidence(t, wb)
	fyne.CurrentApp().Clipboard().SetContent("Border talks resume\nOfficials met in Termez on Monday.")
	wb.PasteAsArticle()
	wb.addPastedArticle(wb.pasteForm)
	if a := wb.articles[wb.current]; a.Title != "Border talks resume" {
		t.Fatalf("the reader shows %q", a.Title)
	}
	assertLeft(t, wb, e, "a paste")
}

// TestSwitchingArticleKeepsTheEvent: a user who picks another article keeps
// the selected event, to add evidence from it.
func TestSwitchingArticleKeepsTheEvent(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	other := annotate.Article{Title: "Second article", Text: "Border guards met at Panj."}
	if _, err := wb.project.AddArticle(&other); err != nil {
		t.Fatal(err)
	}
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	e := selectEventWithEvidence(t, wb)
	for i, a := range wb.articles {
		if a.ID == other.ID {
			wb.SelectArticle(i)
		}
	}
	if wb.Selected() != e.ID || !wb.form.shown {
		t.Errorf("switching article dropped the event: selected %q", wb.Selected())
	}
}

// TestCountryPlaceIsACapitalPoint: an event placed at a country is drawn
// at its capital, as ACLED codes it, not as the country's outline.
func TestCountryPlaceIsACapitalPoint(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	wb.SelectEvent(wb.table.rows[0].ID)
	afg, ok := wb.gaz.Place("adm0:AFG")
	if !ok {
		t.Fatal("no Afghanistan in the gazetteer")
	}
	kabul, _ := wb.gaz.Capital("Afghanistan")
	wb.form.setPlace(afg)
	if pt, ok := wb.form.geometry.(orb.Point); !ok || pt != kabul.Point {
		t.Errorf("Afghanistan placed as %T %v, want Kabul's point %v", wb.form.geometry, wb.form.geometry, kabul.Point)
	}
	if got := wb.form.geo.Selected; got != "country" {
		t.Errorf("geo precision %q, want country", got)
	}
}
