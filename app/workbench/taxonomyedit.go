package workbench

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
)

// okabeIto is the colour-blind-safe palette event types are coloured from,
// by name.
var okabeIto = []struct{ name, hex string }{
	{"Orange", "#E69F00"}, {"Sky blue", "#56B4E9"}, {"Bluish green", "#009E73"}, {"Yellow", "#F0E442"},
	{"Blue", "#0072B2"}, {"Vermillion", "#D55E00"}, {"Reddish purple", "#CC79A7"}, {"Black", "#000000"},
}

// customColour is the colour choice of a hex code outside the palette.
const customColour = "Custom (hex)"

// draftType is an event type as the editor holds it until Save.
type draftType struct {
	orig   string // the stored name, "" for a type added in the editor
	name   string
	subs   string // comma-separated sub-types
	hex    string // "#RRGGBB"
	symbol annotate.Symbol
}

// taxonomyEditor is the Edit → Event types… sheet.
type taxonomyEditor struct {
	wb      *Workbench
	draft   []draftType
	sel     int
	quiet   bool // fields are being filled from the draft
	list    *widget.List
	name    *widget.Entry
	subs    *widget.Entry
	hex     *widget.Entry
	colour  *widget.Select
	symbol  *widget.Select
	message *widget.Label
	sheet   *sheet
}

// ShowTaxonomy opens the editor of the project's event types (Edit → Event
// types…). Save stores them and redraws every view in their colours. A type
// that events use can be neither removed nor renamed.
func (wb *Workbench) ShowTaxonomy() { wb.showTaxonomy() }

func (wb *Workbench) showTaxonomy() *taxonomyEditor {
	e := &taxonomyEditor{wb: wb}
	for _, et := range wb.tax {
		e.draft = append(e.draft, draftType{orig: et.Name, name: et.Name, subs: strings.Join(et.SubTypes, ", "),
			hex: annotate.HexColor(et.Color), symbol: et.Symbol})
	}
	e.list = widget.NewList(func() int { return len(e.draft) }, e.newItem, e.updateItem)
	e.list.OnSelected = e.selectType
	e.name = widget.NewEntry()
	e.name.OnChanged = e.edit(func(d *draftType, s string) { d.name = s })
	e.subs = widget.NewEntry()
	e.subs.SetPlaceHolder("sub-types, comma-separated")
	e.subs.OnChanged = e.edit(func(d *draftType, s string) { d.subs = s })
	e.hex = widget.NewEntry()
	e.hex.SetPlaceHolder("#RRGGBB")
	e.hex.OnChanged = e.edit(func(d *draftType, s string) {
		d.hex = s
		e.quiet = true
		e.colour.SetSelected(paletteName(s))
		e.quiet = false
	})
	var names []string
	for _, c := range okabeIto {
		names = append(names, c.name)
	}
	e.colour = widget.NewSelect(append(names, customColour), func(s string) {
		for _, c := range okabeIto {
			if c.name == s && !e.quiet {
				e.hex.SetText(c.hex)
			}
		}
	})
	var symbols []string
	for _, s := range annotate.Symbols() {
		symbols = append(symbols, string(s))
	}
	e.symbol = widget.NewSelect(symbols, func(s string) {
		e.edit(func(d *draftType, s string) { d.symbol = annotate.Symbol(s) })(s)
	})
	e.message = widget.NewLabel("")
	e.message.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("Name", e.name),
		widget.NewFormItem("Sub-types", e.subs),
		widget.NewFormItem("Colour", container.NewGridWithColumns(2, e.colour, e.hex)),
		widget.NewFormItem("Symbol", e.symbol),
	)
	buttons := container.NewHBox(widget.NewButton("Add type", e.add), widget.NewButton("Remove type", e.remove))
	right := container.NewVBox(form, buttons, e.message)
	body := container.NewHSplit(e.list, right)
	body.SetOffset(0.4)
	e.sheet = showSheet(wb.win.Canvas(), "Event types", body, "Save", e.save, fyne.NewSize(760, 440))
	e.list.Select(0)
	return e
}

func (e *taxonomyEditor) newItem() fyne.CanvasObject {
	sw := canvas.NewRectangle(color.Black)
	sz := theme.IconInlineSize()
	sw.SetMinSize(fyne.NewSize(sz, sz))
	return container.NewHBox(container.NewCenter(sw), widget.NewLabel(""), widget.NewLabel(""))
}

func (e *taxonomyEditor) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	d := e.draft[i]
	row := o.(*fyne.Container)
	sw := row.Objects[0].(*fyne.Container).Objects[0].(*canvas.Rectangle)
	if c, err := annotate.ParseHexColor(d.hex); err == nil {
		sw.FillColor = c
	} else {
		sw.FillColor = color.Transparent
	}
	sw.Refresh()
	row.Objects[1].(*widget.Label).SetText(d.name)
	row.Objects[2].(*widget.Label).SetText("(" + string(d.symbol) + ")")
}

// edit returns an OnChanged handler that applies set to the selected type.
func (e *taxonomyEditor) edit(set func(d *draftType, s string)) func(string) {
	return func(s string) {
		if e.quiet || e.sel < 0 || e.sel >= len(e.draft) {
			return
		}
		set(&e.draft[e.sel], s)
		e.list.RefreshItem(e.sel)
	}
}

// selectType fills the fields from type i.
func (e *taxonomyEditor) selectType(i widget.ListItemID) {
	e.sel = i
	d := e.draft[i]
	e.quiet = true
	defer func() { e.quiet = false }()
	e.name.SetText(d.name)
	e.subs.SetText(d.subs)
	e.hex.SetText(d.hex)
	e.colour.SetSelected(paletteName(d.hex))
	e.symbol.SetSelected(string(d.symbol))
}

// paletteName names hex in the palette, or customColour.
func paletteName(hex string) string {
	for _, c := range okabeIto {
		if strings.EqualFold(c.hex, strings.TrimSpace(hex)) {
			return c.name
		}
	}
	return customColour
}

// add appends a new type and selects it.
func (e *taxonomyEditor) add() {
	c := okabeIto[len(e.draft)%len(okabeIto)]
	e.draft = append(e.draft, draftType{name: fmt.Sprintf("New type %d", len(e.draft)+1), hex: c.hex, symbol: annotate.SymbolCircle})
	e.list.Refresh()
	e.list.Select(len(e.draft) - 1)
	e.message.SetText("")
	e.wb.win.Canvas().Focus(e.name)
}

// remove drops the selected type unless events use it.
func (e *taxonomyEditor) remove() {
	if e.sel < 0 || e.sel >= len(e.draft) {
		return
	}
	d := e.draft[e.sel]
	if n := e.uses(d.orig); n > 0 {
		e.message.SetText(fmt.Sprintf("%q is the type of %s; give them another type before removing it.", d.orig, count(n, "event")))
		return
	}
	if len(e.draft) == 1 {
		e.message.SetText("Keep at least one event type.")
		return
	}
	e.draft = append(e.draft[:e.sel], e.draft[e.sel+1:]...)
	e.message.SetText("")
	e.list.UnselectAll()
	e.list.Refresh()
	e.list.Select(min(e.sel, len(e.draft)-1))
}

// uses counts the project's events of type name.
func (e *taxonomyEditor) uses(name string) int {
	if name == "" {
		return 0
	}
	n := 0
	for _, ev := range e.wb.events {
		if ev.Type == name {
			n++
		}
	}
	return n
}

// taxonomy is the draft as a taxonomy, or why it cannot be saved.
func (e *taxonomyEditor) taxonomy() (annotate.Taxonomy, error) {
	var t annotate.Taxonomy
	for _, d := range e.draft {
		name := strings.TrimSpace(d.name)
		if d.orig != "" && name != d.orig {
			if n := e.uses(d.orig); n > 0 {
				return nil, fmt.Errorf("cannot rename %q to %q: it is the type of %s; event types in use keep their names", d.orig, name, count(n, "event"))
			}
		}
		c, err := annotate.ParseHexColor(strings.TrimSpace(d.hex))
		if err != nil {
			return nil, fmt.Errorf("event type %q: %w", name, err)
		}
		et := annotate.EventType{Name: name, Color: c, Symbol: d.symbol}
		for _, s := range strings.Split(d.subs, ",") {
			if s = strings.TrimSpace(s); s != "" {
				et.SubTypes = append(et.SubTypes, s)
			}
		}
		t = append(t, et)
	}
	return t, nil
}

// save stores the draft and redraws the views.
func (e *taxonomyEditor) save() {
	t, err := e.taxonomy()
	if err == nil {
		err = e.wb.project.SaveTaxonomy(t)
	}
	if err == nil {
		err = e.wb.Reload()
	}
	if err != nil {
		e.wb.onError(fmt.Errorf("event types not saved: %w", err))
		return
	}
	e.wb.status.setMessage(fmt.Sprintf("Saved %s", count(len(t), "event type")))
}

// count says "1 event" or "3 events".
func count(n int, noun string) string { return fmt.Sprintf("%d %s", n, plural(n, noun, noun+"s")) }
