package workbench

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
)

// articleFilter narrows the article list to the articles whose title,
// outlet, language or date hold every word typed (case and accents
// ignored): "asia-plus 2025-11", "kunduz", "ru".
type articleFilter struct {
	wb    *Workbench
	entry *paneEntry
	shown []int // the list's rows: indexes into wb.articles; nil when nothing is typed
}

func newArticleFilter(wb *Workbench) *articleFilter {
	f := &articleFilter{wb: wb, entry: newPaneEntry(nil)}
	f.entry.window = f.typedKey
	f.entry.SetPlaceHolder("Filter articles: title, outlet, date…")
	f.entry.OnChanged = func(string) { f.apply() }
	return f
}

// typedKey handles, in the filter box, the window's keys, ↓ (into the list)
// and Enter (the first article listed opens).
func (f *articleFilter) typedKey(ev *fyne.KeyEvent) bool {
	if f.wb.windowKey(ev) {
		return true
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if f.rows() > 0 {
			f.wb.articleList.Select(0)
		}
	case fyne.KeyDown:
		if f.rows() > 0 {
			f.wb.focus(f.wb.articleList)
		}
	case fyne.KeyEscape:
		f.entry.SetText("")
	default:
		return false
	}
	return true
}

// apply lists the articles that match, keeping the reader's article
// selected when it is among them.
func (f *articleFilter) apply() {
	f.reindex()
	f.wb.articleList.UnselectAll()
	f.wb.articleList.Refresh()
	f.wb.markArticle(f.wb.current)
}

// reindex lists again the articles that match, after the filter or the
// articles changed.
func (f *articleFilter) reindex() {
	defer func() { f.wb.articlesHeading.SetText(f.heading()) }()
	words := strings.Fields(gazetteer.Fold(f.entry.Text))
	if len(words) == 0 {
		f.shown = nil
	} else {
		f.shown = f.shown[:0]
		for i := range f.wb.articles {
			if articleMatches(&f.wb.articles[i], words) {
				f.shown = append(f.shown, i)
			}
		}
	}
}

// heading is the list's heading: "Articles", or "Articles · 3 of 12" while
// the filter hides some.
func (f *articleFilter) heading() string {
	if f.shown == nil {
		return "Articles"
	}
	return fmt.Sprintf("Articles · %d of %d", len(f.shown), len(f.wb.articles))
}

// articleMatches reports whether every word occurs in a's title, outlet,
// language or publication date (as 2025-11-13 and 13 Nov 2025).
func articleMatches(a *annotate.Article, words []string) bool {
	hay := []string{a.Title, a.Outlet, a.Language}
	if !a.Published.IsZero() {
		hay = append(hay, a.Published.Format("2006-01-02"), a.Published.Format("2 Jan 2006"), a.Published.Format("January 2006"))
	}
	text := gazetteer.Fold(strings.Join(hay, " \n "))
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// rows is how many articles the list shows.
func (f *articleFilter) rows() int {
	if f.shown == nil {
		return len(f.wb.articles)
	}
	return len(f.shown)
}

// article is the index in wb.articles of the list's row.
func (f *articleFilter) article(row int) int {
	if f.shown == nil {
		return row
	}
	return f.shown[row]
}

// row is the list's row of article i; false when the filter hides it.
func (f *articleFilter) row(i int) (int, bool) {
	if f.shown == nil {
		return i, i >= 0 && i < len(f.wb.articles)
	}
	for r, j := range f.shown {
		if j == i {
			return r, true
		}
	}
	return 0, false
}

// markArticle selects the list's row of article i, or no row when the
// filter hides it (the reader still shows it).
func (wb *Workbench) markArticle(i int) {
	if r, ok := wb.articleFilter.row(i); ok {
		wb.articleList.Select(r)
		return
	}
	wb.articleList.UnselectAll()
}
