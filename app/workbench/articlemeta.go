package workbench

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
)

// articleMetaUI is the article details form: the fields of a paste form
// for an article already in the project.
type articleMetaUI struct {
	articleForm
	id string // the article edited
}

// ShowArticleDetails opens the details form (title, outlet, URL, date,
// language) of the article in the reader (Edit → Article details…).
func (wb *Workbench) ShowArticleDetails() {
	if wb.current < 0 || wb.current >= len(wb.articles) {
		wb.onError(errors.New("no article is open: pick one in the article list first"))
		return
	}
	wb.editArticleMeta(wb.articles[wb.current], "")
}

// editArticleMeta shows a's details prefilled for editing; note, when not
// empty, heads the form (e.g. what the import did). Save stores them.
func (wb *Workbench) editArticleMeta(a annotate.Article, note string) {
	f := &articleMetaUI{id: a.ID, articleForm: articleForm{text: a.Text,
		title: newPaneEntry(nil), outlet: newPaneEntry(nil), url: newPaneEntry(nil),
		date: newPaneEntry(nil), language: newPaneEntry(nil), message: widget.NewLabel("")}}
	f.title.SetText(a.Title)
	f.outlet.SetText(a.Outlet)
	f.url.SetText(a.URL)
	f.url.SetPlaceHolder("https://…")
	f.date.SetText(formatDate(a.Published))
	f.date.SetPlaceHolder("2025-11-20 or 20 Nov 2025")
	f.language.SetText(a.Language)
	f.language.SetPlaceHolder("en, ru, tg, fa, ps…")
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Importance = widget.DangerImportance
	items := []*widget.FormItem{}
	if note != "" {
		items = append(items, widget.NewFormItem("", wrapLabel(note)))
	}
	items = append(items,
		widget.NewFormItem("Title", f.title), widget.NewFormItem("Outlet", f.outlet),
		widget.NewFormItem("URL", f.url), widget.NewFormItem("Date", f.date),
		widget.NewFormItem("Language", f.language), widget.NewFormItem("", f.message))
	wb.metaForm = f
	s := showSheet(wb.win.Canvas(), "Article details", widget.NewForm(items...), "Save", func() { wb.saveArticleMeta(f) },
		fyne.NewSize(560, 380))
	wb.metaSheet = s
	check := func(string) {
		if _, err := f.article(); err != nil {
			f.message.SetText(err.Error())
			s.def.Disable()
			return
		}
		f.message.SetText("")
		s.def.Enable()
	}
	f.title.OnChanged, f.date.OnChanged = check, check
	check("")
	f.submitOnEnter(s)
}

// saveArticleMeta stores the form's details on its article and shows them.
func (wb *Workbench) saveArticleMeta(f *articleMetaUI) {
	a, err := f.article()
	if err != nil {
		wb.onError(err)
		return
	}
	a.ID = f.id
	if err := wb.project.UpdateArticleMeta(a); err != nil {
		wb.onError(fmt.Errorf("the article details were not saved: %w", err))
		return
	}
	if err := wb.articleStored(a.ID); err != nil {
		wb.onError(err)
		return
	}
	wb.status.setMessage(fmt.Sprintf("Saved the details of “%s”", a.Title))
}
