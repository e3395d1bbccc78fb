package workbench

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"eventatlas/annotate"
)

// TestArticleFilter types into the article filter: the list narrows to the
// articles whose title, outlet, language or date hold every word, a click
// on a row opens that article, Enter opens the first, and the reader keeps
// an article the filter hides.
func TestArticleFilter(t *testing.T) {
	wb, w, errs := newTestWorkbench(t, true)
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, a := range []annotate.Article{
		{Title: "Пограничники задержали наркокурьеров", Outlet: "Asia-Plus", Language: "ru", Published: day("2026-02-10"), Text: "Текст."},
		{Title: "Border clash near Panji Poyon", Outlet: "Asia-Plus", Language: "en", Published: day("2026-03-04"), Text: "Guards clashed near Panji Poyon."},
		{Title: "Trade fair in Termez", Outlet: "Gazeta.uz", Language: "en", Published: day("2025-11-20"), Text: "A trade fair opened in Termez."},
	} {
		if _, err := wb.project.AddArticle(&a); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	shown := func() []string {
		var titles []string
		for r := 0; r < wb.articleFilter.rows(); r++ {
			titles = append(titles, wb.articles[wb.articleFilter.article(r)].Title)
		}
		return titles
	}
	total := len(wb.articles)
	for _, c := range []struct {
		typed string
		want  []string
	}{
		{"asia-plus", []string{"Border clash near Panji Poyon", "Пограничники задержали наркокурьеров"}},
		{"ASIA-PLUS 2026-03", []string{"Border clash near Panji Poyon"}},
		{"ru", []string{"Пограничники задержали наркокурьеров"}},
		{"Nov 2025 termez", []string{"Trade fair in Termez"}},
		{"nothing like this", nil},
	} {
		wb.articleFilter.entry.SetText(c.typed)
		got := shown()
		if len(got) != len(c.want) {
			t.Errorf("%q lists %q, want %q", c.typed, got, c.want)
			continue
		}
		for _, title := range c.want {
			found := false
			for _, g := range got {
				found = found || g == title
			}
			if !found {
				t.Errorf("%q lists %q, want %q", c.typed, got, c.want)
			}
		}
	}
	if h := wb.articlesHeading.Text; h != "Articles · 0 of "+itoa(total) {
		t.Errorf("heading %q", h)
	}

	// Enter opens the first article listed.
	w.Canvas().Focus(wb.articleFilter.entry)
	wb.articleFilter.entry.SetText("termez")
	key(w, fyne.KeyReturn)
	if a := wb.articles[wb.current]; a.Title != "Trade fair in Termez" {
		t.Errorf("Enter in the filter opened %q", a.Title)
	}
	// A filter that hides the shown article leaves it in the reader.
	wb.articleFilter.entry.SetText("panji")
	if a := wb.articles[wb.current]; a.Title != "Trade fair in Termez" {
		t.Errorf("the filter changed the reader to %q", a.Title)
	}
	// A click on the listed row opens it.
	wb.articleList.Select(0)
	if a := wb.articles[wb.current]; a.Title != "Border clash near Panji Poyon" {
		t.Errorf("row 0 opened %q", a.Title)
	}
	// Esc empties the filter; every article is listed again.
	key(w, fyne.KeyEscape)
	if wb.articleFilter.rows() != total || wb.articlesHeading.Text != "Articles" {
		t.Errorf("after Esc: %d rows of %d, heading %q", wb.articleFilter.rows(), total, wb.articlesHeading.Text)
	}
	// Ctrl+Shift+T, then ↓ into the list, ↓ to the second row and Enter
	// open the second article.
	shortcut(w, ctrlShift(fyne.KeyT))
	if w.Canvas().Focused() != wb.articleFilter.entry {
		t.Fatalf("Ctrl+Shift+T put the keyboard in %T", w.Canvas().Focused())
	}
	key(w, fyne.KeyDown)
	key(w, fyne.KeyDown)
	key(w, fyne.KeyReturn)
	if got := wb.articles[wb.current].ID; got != wb.articles[wb.articleFilter.article(1)].ID {
		t.Errorf("↓ ↓ Enter opened %q, want the second article listed", wb.articles[wb.current].Title)
	}
	if len(*errs) > 0 {
		t.Error(*errs)
	}
}

func itoa(n int) string { return fmt.Sprint(n) }

// TestEscClosesArticleDetails: Esc in a field of the article details sheet
// closes it, as on its buttons, and saves nothing.
func TestEscClosesArticleDetails(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	wb.ShowArticleDetails()
	if wb.metaSheet == nil || !sheetOpen(w.Canvas()) {
		t.Fatal("no article details sheet")
	}
	w.Canvas().Focus(wb.metaForm.title)
	typeText(w, " (draft)")
	key(w, fyne.KeyEscape)
	if sheetOpen(w.Canvas()) {
		t.Error("Esc in the title left the sheet open")
	}
	if a, _ := wb.project.Article(wb.articles[wb.current].ID); strings.HasSuffix(a.Title, "(draft)") {
		t.Errorf("Esc saved the title %q", a.Title)
	}
}
