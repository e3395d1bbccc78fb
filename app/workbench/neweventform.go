package workbench

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
)

// newEventForm is the dialog that turns the reader's selection into an event.
type newEventForm struct {
	wb         *Workbench
	start, end int
	places     []annotate.Place
	placeRadio *widget.RadioGroup
	search     *widget.Entry
	typeSel    *widget.Select
	subSel     *widget.Select
	title      *widget.Entry
	dlg        dialog.Dialog
}

// placeLabel names a place with its kind and where it is, so that Kunduz the
// city and Kunduz the province can be told apart.
func placeLabel(p annotate.Place) string {
	where := p.Country
	if p.Admin1 != "" && p.Admin1 != p.Name {
		where = p.Admin1 + ", " + p.Country
	}
	return fmt.Sprintf("%s — %s, %s", p.Name, p.Kind, where)
}

// NewEventFromSelection opens the new-event form for the reader's selection
// (Ctrl+E). A selection of nothing but spaces gets a message instead.
func (wb *Workbench) NewEventFromSelection() { wb.openNewEventForm() }

// openNewEventForm shows the form and returns it, or nil after reporting why
// there is nothing to make an event from.
func (wb *Workbench) openNewEventForm() *newEventForm {
	if wb.current < 0 {
		wb.onError(ErrNoArticle)
		return nil
	}
	start, end := wb.reader.Selection()
	text := wb.articles[wb.current].Text
	span, err := annotate.NewSpan(text, start, end)
	if err != nil {
		wb.onError(err)
		return nil
	}
	f := &newEventForm{wb: wb, start: span.Start, end: span.End}
	f.build(text, span)
	f.dlg.Show()
	wb.win.Canvas().Focus(f.typeSel)
	return f
}

func (f *newEventForm) build(text string, span annotate.Span) {
	wb := f.wb
	f.placeRadio = widget.NewRadioGroup(nil, nil)
	f.setPlaces(wb.gaz.Suggest(text, span.Start, span.End))
	f.search = widget.NewEntry()
	f.search.SetPlaceHolder("Find another place…")
	f.search.OnChanged = func(q string) {
		if len([]rune(q)) >= 2 {
			f.setPlaces(wb.gaz.Search(q, 8))
		}
	}
	f.typeSel = widget.NewSelect(wb.tax.Names(), nil)
	f.subSel = widget.NewSelect(nil, nil)
	f.typeSel.OnChanged = func(name string) {
		f.subSel.Options = wb.tax.Lookup(name).SubTypes
		f.subSel.ClearSelected()
	}
	f.typeSel.SetSelected(wb.tax[0].Name)
	f.title = widget.NewEntry()
	f.title.SetText(defaultTitle(span.Quote))
	f.title.OnSubmitted = func(string) { f.submit() }
	quote := widget.NewLabel("“" + defaultTitle(span.Quote) + "”")
	quote.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("Evidence", quote),
		widget.NewFormItem("Type", f.typeSel),
		widget.NewFormItem("Sub-type", f.subSel),
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Place", f.placeRadio),
		widget.NewFormItem("", f.search),
	}
	f.dlg = dialog.NewForm("New event from selection", "Save", "Cancel", items, func(ok bool) {
		if ok {
			f.save()
		}
	}, wb.win)
	f.dlg.Resize(fyne.NewSize(560, 520))
}

func (f *newEventForm) setPlaces(ps []annotate.Place) {
	if len(ps) > 8 {
		ps = ps[:8]
	}
	f.places = ps
	opts := make([]string, len(ps))
	for i, p := range ps {
		opts[i] = placeLabel(p)
	}
	f.placeRadio.Options = opts
	if len(opts) > 0 {
		f.placeRadio.SetSelected(opts[0])
	} else {
		f.placeRadio.SetSelected("")
	}
	f.placeRadio.Refresh()
}

func (f *newEventForm) submit() {
	f.dlg.Hide()
	f.save()
}

func (f *newEventForm) save() {
	placeID := ""
	for i, p := range f.places {
		if placeLabel(p) == f.placeRadio.Selected {
			placeID = f.places[i].ID
		}
	}
	_, err := f.wb.CreateEvent(NewEventRequest{Start: f.start, End: f.end, Type: f.typeSel.Selected,
		SubType: f.subSel.Selected, Title: f.title.Text, PlaceID: placeID})
	if err != nil {
		f.wb.onError(err)
	}
}
