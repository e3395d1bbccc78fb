package workbench

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"

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

// TestDraftTakesTheStatedDate: Ctrl+E on words that state a day presets
// that day, not the article's; words that state none keep the article's.
func TestDraftTakesTheStatedDate(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	text := "Border guard killed near Panji Poyon\n\nDUSHANBE, 4 March 2026 — One Tajik border guard was killed late on Monday, 2 March, when armed men opened fire. The guards seized 48 kilograms of hashish."
	a := annotate.Article{Title: "Border guard killed", Text: text, Published: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)}
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
	for _, c := range []struct{ quote, date string }{
		{"One Tajik border guard was killed late on Monday, 2 March", "2026-03-02"},
		{"The guards seized 48 kilograms of hashish", "2026-03-04"},
	} {
		s, e := offsetOf(t, text, c.quote)
		wb.reader.SetSelection(s, e)
		shortcut(w, ctrl(fyne.KeyE))
		if wb.form.start.Text != c.date || wb.form.end.Text != c.date {
			t.Errorf("%q: dates %q – %q, want %s", c.quote, wb.form.start.Text, wb.form.end.Text, c.date)
		}
		wb.form.cancel()
	}
}
