package workbench

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// eventForm is the pane under the reader that shows the selected event, or
// a new draft made from the reader's selection, for coding: every field of
// the record in Tab order, Enter to save, Esc to drop the edits.
type eventForm struct {
	wb    *Workbench
	hooks *keyHooks

	base    annotate.Event // the event as stored, or the new draft
	isDraft bool           // base has never been saved
	shown   bool           // the form holds an event (else the hint shows)
	dirty   bool           // the fields differ from base
	// periodNote is the status line's note on the period a month or year
	// start date stands for, while it shows.
	periodNote string
	loading    bool // fields are being filled by code

	suggested []annotate.Place // places offered for the evidence, best first
	placeID   string           // the place picked
	placeText string           // the entry text of the picked place
	geometry  orb.Geometry     // the geometry the event gets
	actors    []annotate.ActorRole

	// endFollows is set while the end date is the preset: typing a start
	// date then moves the end to the end of the typed day, month or year.
	endFollows bool
	// warnID and warning are a warning about the event being saved (no
	// actor 1), shown when the form shows it saved.
	warnID, warning string

	heading               *widget.Label
	typ, sub              *completer
	title                 *fieldEntry
	actorAdd              *completer
	chips                 *fyne.Container // the actor field, then a chip per actor
	chipsLayout           *wrapLayout
	start, end            *fieldEntry
	precision             *choice
	place                 *completer
	geo, certainty, state *choice
	fatalities            *fieldEntry
	tags, notes           *fieldEntry
	message               *widget.Label // an error that stopped the save
	notice                *widget.Label // a warning that did not
	save, revert, history *widget.Button
	del                   *widget.Button

	grid    *fyne.Container   // the labelled fields, the scroll's content
	scroll  *container.Scroll // scrolls grid
	fields  *fyne.Container   // the form proper
	hint    *fyne.Container   // shown when there is no event
	content *fyne.Container   // hint or fields
}

func newEventForm(wb *Workbench) *eventForm {
	f := &eventForm{wb: wb}
	f.hooks = &keyHooks{submit: f.submit, cancel: f.cancel, window: wb.windowKey, win: wb.win, reveal: f.reveal}
	f.build()
	f.clear()
	return f
}

// build makes the widgets and lays them out: one labelled row per group of
// fields, labels aligned in one column.
func (f *eventForm) build() {
	h := f.hooks
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.heading.Truncation = fyne.TextTruncateEllipsis
	f.typ = newCompleter(h, "type, e.g. dipl…", f.typeOptions, f.pickType)
	f.sub = newCompleter(h, "sub-type", f.subTypeOptions, func(option) { f.edited() })
	f.title = newFieldEntry(h, "what happened, in one line")
	f.actorAdd = newCompleter(h, "add actor…", f.actorOptions, f.pickActor)
	f.actorAdd.onBackspaceEmpty = f.removeLastActor
	f.chipsLayout = &wrapLayout{}
	f.chips = container.New(f.chipsLayout)
	f.start = newFieldEntry(h, "YYYY-MM-DD")
	f.end = newFieldEntry(h, "as start")
	// Validated as the user types: the ✓ never stands beside a bad date.
	f.start.AlwaysShowValidationError = true
	f.end.AlwaysShowValidationError = true
	f.start.Validator = func(s string) error { _, _, err := parseDate(s, false); return err }
	f.end.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		end, _, err := parseDate(s, true)
		if err != nil {
			return err
		}
		if start, _, err := parseDate(f.start.Text, false); err == nil && end.Before(start) {
			return errEndBeforeStart
		}
		return nil
	}
	f.precision = newChoice(h, precisionNames, func(string) { f.edited() })
	f.place = newCompleter(h, "place (Down key: suggestions)", f.placeOptions, f.pickPlace)
	f.geo = newChoice(h, geoNames, func(string) { f.edited() })
	f.certainty = newChoice(h, certaintyNames, func(string) { f.edited() })
	f.fatalities = newFieldEntry(h, "—")
	f.state = newChoice(h, statusNames, func(string) { f.edited() })
	f.tags = newFieldEntry(h, "tags, comma-separated")
	f.notes = newFieldEntry(h, "notes: sources, doubts")
	for _, e := range []*fieldEntry{f.title, f.fatalities, f.tags, f.notes} {
		e.OnChanged = func(string) { f.edited() }
	}
	f.start.OnChanged = f.startChanged
	f.end.OnChanged = f.endChanged
	for _, c := range []*completer{f.typ, f.sub, f.place} {
		c.onEdit = func(string) { f.edited() }
	}
	f.message = widget.NewLabel("")
	f.message.Hide()
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.notice = widget.NewLabel("")
	f.notice.Hide()
	f.notice.Importance = widget.WarningImportance
	f.notice.Wrapping = fyne.TextWrapWord
	f.save = widget.NewButtonWithIcon("Save", theme.ConfirmIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	f.revert = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), f.cancel)
	f.history = widget.NewButtonWithIcon("", theme.HistoryIcon(), f.wb.ShowHistory) // Ctrl+H
	f.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), f.wb.DeleteSelected)   // Del
	f.history.Importance, f.del.Importance = widget.LowImportance, widget.LowImportance

	label := func(s string) fyne.CanvasObject {
		l := widget.NewLabel(s)
		l.Alignment = fyne.TextAlignTrailing
		return l
	}
	small := func(s string) *widget.Label { return widget.NewLabel(s) }
	dateW := dateFieldWidth()
	grid := container.New(layout.NewFormLayout(),
		label("Type"), row([]float32{3, 2}, f.typ, f.sub),
		label("Title"), f.title,
		label("Actors"), f.chips,
		label("Date"), row([]float32{0, 0, 0, 0, 1}, sized(dateW, f.start), small("–"), sized(dateW, f.end), f.precision, layout.NewSpacer()),
		label("Place"), row([]float32{1, 0}, f.place, f.geo),
		label("Certainty"), row([]float32{0, 0, 0, 1}, f.certainty, small("Status"), f.state, layout.NewSpacer()),
		label("Tags"), row([]float32{1, 0, 0}, f.tags, small("Fatalities"), sized(theme.TextSize()*4, f.fatalities)),
		label("Notes"), f.notes,
	)
	buttons := row([]float32{1, 0, 0, 0, 0}, f.heading, f.history, f.del, f.revert, f.save)
	scroll := container.NewVScroll(grid)
	f.grid, f.scroll = grid, scroll
	f.chipsLayout.changed = scroll.Refresh
	f.fields = container.NewBorder(buttons, container.NewVBox(f.message, f.notice), nil, nil, scroll)
	hint := widget.NewLabel("Select words in the article and press Ctrl+E to code an event from them,\n" +
		"or pick an event in the list, on the map or in the text to edit it.")
	hint.Importance = widget.LowImportance
	hint.Alignment = fyne.TextAlignCenter
	hint.Wrapping = fyne.TextWrapWord // it asks for no width: the panes keep theirs
	f.hint = container.NewCenter(hint)
	f.content = container.New(steadyStack{}, f.hint, f.fields)
}

// Object returns the form's pane.
func (f *eventForm) Object() fyne.CanvasObject { return f.content }

// showFields shows the form (true) or the hint (false).
func (f *eventForm) showFields(on bool) {
	f.shown = on
	f.fields.Hidden = !on
	f.hint.Hidden = on
	f.content.Refresh()
	f.wb.panes.formShown(on)
}

// focusType puts the keyboard in the type field.
func (f *eventForm) focusType() {
	if f.shown {
		f.wb.focus(f.typ)
		f.reveal(f.typ) // also when the type field had the keyboard already
	}
}

// reveal scrolls the form so that o, one of its fields, is fully visible
// (a field gets the keyboard: Tab, Shift+Tab, Ctrl+E, an error). The
// scroll container does not do it by itself.
func (f *eventForm) reveal(o fyne.CanvasObject) {
	if !f.shown || o == nil {
		return
	}
	p, ok := posWithin(f.grid, o)
	if !ok {
		return
	}
	pad := theme.Padding()
	top, bottom := max(p.Y-pad, 0), p.Y+o.Size().Height+pad
	view := f.scroll.Size().Height
	off := f.scroll.Offset.Y
	if bottom > off+view {
		off = bottom - view
	}
	if top < off {
		off = top
	}
	content := max(f.grid.Size().Height, f.grid.MinSize().Height)
	f.scrollTo(min(max(off, 0), max(content-view, 0)))
}

// scrollTo scrolls the form's fields to y.
func (f *eventForm) scrollTo(y float32) {
	if f.scroll.Offset.Y == y {
		return
	}
	f.scroll.ScrollToOffset(fyne.NewPos(f.scroll.Offset.X, y))
	f.scroll.Refresh()
}

// posWithin returns the position of target within root, looking through
// the containers under root, and whether target is there.
func posWithin(root, target fyne.CanvasObject) (fyne.Position, bool) {
	if root == target {
		return fyne.Position{}, true
	}
	c, ok := root.(*fyne.Container)
	if !ok {
		return fyne.Position{}, false
	}
	for _, o := range c.Objects {
		if p, ok := posWithin(o, target); ok {
			return o.Position().Add(p), true
		}
	}
	return fyne.Position{}, false
}

// edited marks the form as changed by the user.
func (f *eventForm) edited() {
	if f.loading || !f.shown {
		return
	}
	if !f.dirty {
		f.dirty = true
		f.updateHeading()
	}
}

// updateHeading says what the form holds, how much evidence it has and
// whether it is saved, and enables the buttons that apply.
func (f *eventForm) updateHeading() {
	state := "Saved ✓"
	switch {
	case f.isDraft:
		state = "New event · not saved"
	case f.dirty:
		state = "Edited · not saved"
	}
	f.heading.SetText(state + " · " + spansText(len(f.base.Spans)))
	enable(f.history, !f.isDraft)
	enable(f.del, !f.isDraft)
	enable(f.save, f.isDraft || f.dirty)
	enable(f.revert, f.isDraft || f.dirty)
}

// spansText counts evidence spans: "1 span", "3 spans", "no evidence".
func spansText(n int) string {
	switch n {
	case 0:
		return "no evidence"
	case 1:
		return "1 span"
	}
	return fmt.Sprintf("%d spans", n)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// setMessage shows a problem under the form; "" hides the line.
func (f *eventForm) setMessage(s string) {
	f.message.SetText(s)
	f.message.Hidden = s == ""
	f.fields.Refresh()
}

// setWarning shows, under the form, a problem that did not stop the save
// (in the warning colour, beside any error); "" hides the line.
func (f *eventForm) setWarning(s string) {
	f.notice.SetText(s)
	f.notice.Hidden = s == ""
	f.fields.Refresh()
}
