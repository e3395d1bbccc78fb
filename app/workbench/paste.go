package workbench

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
)

// articleForm is the metadata form of Edit → Paste as new article….
type articleForm struct {
	text                               string
	title, outlet, url, date, language *paneEntry
	message                            *widget.Label
}

// PasteAsArticle makes the clipboard's text a new article, after asking
// for its title, outlet, URL, date and language (Edit → Paste as new
// article…).
func (wb *Workbench) PasteAsArticle() {
	text := strings.TrimSpace(fyne.CurrentApp().Clipboard().Content())
	if text == "" {
		wb.onError(errors.New("the clipboard holds no text to paste as an article"))
		return
	}
	f := &articleForm{text: text, title: newPaneEntry(nil), outlet: newPaneEntry(nil), url: newPaneEntry(nil),
		date: newPaneEntry(nil), language: newPaneEntry(nil), message: widget.NewLabel("")}
	first := strings.TrimSpace(strings.SplitN(text, "\n", 2)[0])
	f.title.SetText(defaultTitle(first))
	f.date.SetPlaceHolder("YYYY-MM-DD")
	f.language.SetText("en")
	f.url.SetPlaceHolder("https://…")
	f.message.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Title", f.title), widget.NewFormItem("Outlet", f.outlet),
		widget.NewFormItem("URL", f.url), widget.NewFormItem("Date", f.date),
		widget.NewFormItem("Language", f.language),
		widget.NewFormItem("", widget.NewLabel(fmt.Sprintf("%d characters from the clipboard", annotate.RuneLen(text)))))
	wb.pasteForm = f
	wb.pasteSheet = showSheet(wb.win.Canvas(), "Paste as new article", form, "Add article", func() { wb.addPastedArticle(f) }, fyne.NewSize(520, 340))
	f.submitOnEnter(wb.pasteSheet)
}

// article reads the form into an article.
func (f *articleForm) article() (annotate.Article, error) {
	a := annotate.Article{Text: f.text, Title: strings.TrimSpace(f.title.Text), Outlet: strings.TrimSpace(f.outlet.Text),
		URL: strings.TrimSpace(f.url.Text), Language: strings.TrimSpace(f.language.Text)}
	if a.Title == "" {
		return a, errors.New("give the article a title")
	}
	if d := strings.TrimSpace(f.date.Text); d != "" {
		t, p, err := parseDate(d, false)
		if err != nil || p != annotate.PrecisionDay {
			return a, fmt.Errorf("the date %q is not a day: type it as 2025-11-20, 20 Nov 2025 or 20.11.2025", d)
		}
		a.Published = t
	}
	return a, nil
}

// submitOnEnter makes Enter in the form's one-line fields press the
// sheet's default button, when it is enabled (the form is valid), and Esc
// close the sheet.
func (f *articleForm) submitOnEnter(s *sheet) {
	submit := func(string) {
		if !s.def.Disabled() {
			s.def.OnTapped()
		}
	}
	// Esc in a field closes the sheet, as it does on its buttons.
	closeOnEsc := func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyEscape {
			s.close()
			return true
		}
		return false
	}
	for _, e := range []*paneEntry{f.title, f.outlet, f.url, f.date, f.language} {
		e.OnSubmitted = submit
		e.window = closeOnEsc
	}
}

// addPastedArticle stores the pasted article, reports a duplicate and
// shows the article.
func (wb *Workbench) addPastedArticle(f *articleForm) {
	a, err := f.article()
	if err != nil {
		wb.onError(err)
		return
	}
	existed, err := wb.project.AddArticle(&a)
	if err != nil {
		wb.onError(fmt.Errorf("the article was not added: %w", err))
		return
	}
	if err := wb.Reload(); err != nil {
		wb.onError(err)
	}
	for i, x := range wb.articles {
		if x.ID == a.ID && !existed {
			wb.showNewArticle(i)
		} else if x.ID == a.ID {
			wb.SelectArticle(i)
			wb.markArticle(i)
		}
	}
	if existed {
		wb.status.setMessage(fmt.Sprintf("The same text is already in the project as “%s”: not added again", a.Title))
		return
	}
	wb.status.setMessage(fmt.Sprintf("Added the article (%d characters): “%s”", annotate.RuneLen(a.Text), a.Title))
}
