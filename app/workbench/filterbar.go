package workbench

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Labels of the filter drop-downs' "no filter" options.
const (
	allTypes    = "All types"
	allActors   = "All actors"
	allArticles = "All articles"
)

// filterBar sits above the event table: words, type, actor, date range and
// article. Every change filters the table and the map at once.
type filterBar struct {
	wb       *Workbench
	text     *paneEntry
	typ      *paneSelect
	actor    *paneSelect
	article  *paneSelect
	from, to *paneEntry
	clear    *paneButton
	content  fyne.CanvasObject
	articles []string // ids by the article drop-down's options, after allArticles
	quiet    bool
}

func newFilterBar(wb *Workbench) *filterBar {
	b := &filterBar{wb: wb}
	b.text = newPaneEntry(wb.windowKey)
	b.text.SetPlaceHolder("Filter: words in title, place, actors, notes…")
	b.text.ActionItem = widget.NewIcon(theme.SearchIcon())
	b.typ = newPaneSelect(append([]string{allTypes}, wb.tax.Names()...), wb.windowKey)
	b.actor = newPaneSelect([]string{allActors}, wb.windowKey)
	b.article = newPaneSelect([]string{allArticles}, wb.windowKey)
	b.from, b.to = newPaneEntry(wb.windowKey), newPaneEntry(wb.windowKey)
	b.from.SetPlaceHolder("from date") // YYYY-MM-DD; the validator says so
	b.to.SetPlaceHolder("to date")
	for _, e := range []*paneEntry{b.from, b.to} {
		e.Validator = func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			_, _, err := parseDate(s, false)
			return err
		}
	}
	b.clear = newPaneButton(theme.ContentClearIcon(), b.reset, wb.windowKey)
	b.clear.Importance = widget.LowImportance
	b.typ.SetSelected(allTypes)
	b.actor.SetSelected(allActors)
	b.article.SetSelected(allArticles)
	changed := func(string) { b.apply() }
	b.text.OnChanged, b.from.OnChanged, b.to.OnChanged = changed, changed, changed
	b.typ.OnChanged, b.actor.OnChanged, b.article.OnChanged = changed, changed, changed
	b.content = container.NewVBox(
		row([]float32{1}, b.text),
		row([]float32{1, 1, 1}, b.typ, b.actor, b.article),
		row([]float32{1, 1, 0}, b.from, b.to, b.clear),
	)
	return b
}

// filter reads the bar. Dates that do not parse are ignored (the entry
// shows why).
func (b *filterBar) filter() eventFilter {
	f := eventFilter{Text: strings.TrimSpace(b.text.Text)}
	if s := b.typ.Selected; s != allTypes {
		f.Type = s
	}
	if s := b.actor.Selected; s != allActors {
		f.Actor = s
	}
	if i := b.article.SelectedIndex(); i > 0 && i-1 < len(b.articles) {
		f.ArticleID = b.articles[i-1]
	}
	f.From = dateOrZero(b.from.Text, false)
	f.To = dateOrZero(b.to.Text, true)
	return f
}

func dateOrZero(s string, end bool) time.Time {
	if strings.TrimSpace(s) == "" {
		return time.Time{}
	}
	t, _, err := parseDate(s, end)
	if err != nil {
		return time.Time{}
	}
	return t
}

// apply filters the table and the map. A selected event the filter now
// hides is no longer selected: the form, the map and the status line do
// not hold on to an event the table does not show.
func (b *filterBar) apply() {
	if b.quiet {
		return
	}
	b.wb.applyFilter()
	if id := b.wb.selected; id != "" && !b.wb.table.shows(id) {
		b.wb.SelectEvent("")
	}
}

// reset shows every event again.
func (b *filterBar) reset() {
	b.quiet = true
	b.text.SetText("")
	b.typ.SetSelected(allTypes)
	b.actor.SetSelected(allActors)
	b.article.SetSelected(allArticles)
	b.from.SetText("")
	b.to.SetText("")
	b.quiet = false
	b.apply()
}

// updateOptions refreshes the actor and article drop-downs from the
// project, keeping what is chosen when it still exists.
func (b *filterBar) updateOptions() {
	b.quiet = true
	defer func() { b.quiet = false }()
	seen := map[string]bool{}
	var names []string
	for _, e := range b.wb.events {
		for _, a := range e.Actors {
			if !seen[a.Name] {
				seen[a.Name] = true
				names = append(names, a.Name)
			}
		}
	}
	sort.Strings(names)
	keepActor := b.actor.Selected
	b.actor.Options = append([]string{allActors}, names...)
	if !seen[keepActor] {
		keepActor = allActors
	}
	b.actor.SetSelected(keepActor)
	keepType := b.typ.Selected
	b.typ.Options = append([]string{allTypes}, b.wb.tax.Names()...)
	if indexOf(b.typ.Options, keepType) < 0 {
		keepType = allTypes
	}
	b.typ.SetSelected(keepType)
	keepArticle := b.article.Selected
	opts := []string{allArticles}
	b.articles = b.articles[:0]
	for i, a := range b.wb.articles {
		opts = append(opts, fmt.Sprintf("%d. %s", i+1, defaultTitle(a.Title)))
		b.articles = append(b.articles, a.ID)
	}
	b.article.Options = opts
	if indexOf(opts, keepArticle) < 0 {
		keepArticle = allArticles
	}
	b.article.SetSelected(keepArticle)
}
