package workbench

import (
	"image"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
	"eventatlas/mapview/render"
)

// eventTable lists the events that pass the filter in columns (date, type
// with its map symbol, title, place) under a header whose buttons sort by a
// column; a second click reverses the order. Selecting a row selects the
// event everywhere; Del deletes it.
type eventTable struct {
	wb      *Workbench
	rows    []annotate.Event
	col     sortColumn
	desc    bool
	header  []*widget.Button
	list    *eventRows
	icons   map[iconKey]image.Image // typeIcon's, by type
	content *fyne.Container
	quiet   bool // the selection is being set by code
	selRow  int  // the selected row, -1 for none
}

// columnTitles are the header's labels, by sortColumn.
var columnTitles = []string{"Date", "Type", "Title", "Place"}

func newEventTable(wb *Workbench) *eventTable {
	t := &eventTable{wb: wb, selRow: -1}
	t.list = newEventRows(t)
	cols := &columns{}
	var head []fyne.CanvasObject
	for i, title := range columnTitles {
		col := sortColumn(i)
		b := widget.NewButton(title, func() { t.sortBy(col) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		t.header = append(t.header, b)
		head = append(head, b)
	}
	t.content = container.NewBorder(container.New(cols, head...), nil, nil, nil, t.list)
	t.updateHeader()
	return t
}

// setEvents shows events, sorted by the table's column.
func (t *eventTable) setEvents(events []annotate.Event) {
	t.rows = append(t.rows[:0], events...)
	sortEvents(t.rows, t.col, t.desc)
	if !t.selectID(t.wb.selected) { // showing the selected row redraws the rows
		t.list.Refresh()
	}
}

// sortBy sorts by col, reversing the order when it already sorts by col.
func (t *eventTable) sortBy(col sortColumn) {
	if t.col == col {
		t.desc = !t.desc
	} else {
		t.col, t.desc = col, false
	}
	t.updateHeader()
	t.setEvents(t.rows)
}

// updateHeader marks the sort column with an arrow.
func (t *eventTable) updateHeader() {
	for i, b := range t.header {
		text := columnTitles[i]
		if sortColumn(i) == t.col {
			if t.desc {
				text += " ▼"
			} else {
				text += " ▲"
			}
		}
		b.SetText(text)
	}
}

// selectID selects the row of event id, or none, and reports whether it
// selected a row (which redraws the rows).
func (t *eventTable) selectID(id string) bool {
	t.quiet = true
	defer func() { t.quiet = false }()
	for i, e := range t.rows {
		if e.ID == id && id != "" {
			t.selRow = i
			t.list.Select(i)
			t.list.ScrollTo(i)
			return true
		}
	}
	t.selRow = -1
	t.list.UnselectAll()
	return false
}

// selectedRow returns the selected row, -1 for none.
func (l *eventRows) selectedRow() int { return l.t.selRow }

// rowIndex returns the row of event id, or -1.
func (t *eventTable) rowIndex(id string) int {
	for i, e := range t.rows {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// eventRows is the table's body: a list whose rows are laid out in the
// header's columns. Del deletes the selected event, F1 shows the shortcuts.
type eventRows struct {
	widget.List
	t *eventTable
}

func newEventRows(t *eventTable) *eventRows {
	l := &eventRows{t: t}
	l.Length = func() int { return len(t.rows) }
	l.CreateItem = func() fyne.CanvasObject {
		date := widget.NewLabel("13 Nov 2025")
		date.Truncation = fyne.TextTruncateEllipsis
		swatch := canvas.NewImageFromImage(nil) // the type's map symbol (typeIcon)
		swatch.FillMode = canvas.ImageFillContain
		swatch.ScaleMode = canvas.ImageScaleSmooth
		swatch.SetMinSize(fyne.NewSquareSize(theme.Size(theme.SizeNameInlineIcon)))
		typ := widget.NewLabel("type")
		typ.Truncation = fyne.TextTruncateEllipsis
		title := widget.NewLabel("title")
		title.Truncation = fyne.TextTruncateEllipsis
		place := widget.NewLabel("place")
		place.Truncation = fyne.TextTruncateEllipsis
		return container.New(&columns{}, date, container.NewBorder(nil, nil, container.NewCenter(swatch), nil, typ), title, place)
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= len(t.rows) {
			return
		}
		e := t.rows[i]
		cells := o.(*fyne.Container).Objects
		cells[0].(*widget.Label).SetText(e.DateLabel())
		typ := cells[1].(*fyne.Container)
		typ.Objects[0].(*widget.Label).SetText(shortType(t.wb.tax, e.Type))
		sw := typ.Objects[1].(*fyne.Container).Objects[0].(*canvas.Image)
		if icon := t.typeIcon(e.Type); sw.Image != icon {
			sw.Image = icon
			sw.Refresh()
		}
		cells[2].(*widget.Label).SetText(e.Title)
		cells[3].(*widget.Label).SetText(e.PlaceName)
	}
	l.OnSelected = func(i widget.ListItemID) {
		if t.quiet || i < 0 || i >= len(t.rows) {
			return
		}
		t.selRow = i
		if id := t.rows[i].ID; id != t.wb.selected {
			t.wb.SelectEvent(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey deletes on Del, opens the selected event in the form on Enter
// and passes F1 and F11 to the window; the rest moves through the rows.
func (l *eventRows) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDelete:
		l.t.wb.DeleteSelected()
	case fyne.KeyReturn, fyne.KeyEnter:
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		l.t.wb.form.focusType()
	default:
		if !l.t.wb.windowKey(ev) {
			l.List.TypedKey(ev)
		}
	}
}

// shortType names a type in the table's narrow column: a first word that
// other types share is cut to three letters ("Sec. incident"), so that the
// names still differ when the column truncates them.
func shortType(tax annotate.Taxonomy, name string) string {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || len([]rune(first)) <= 4 {
		return name
	}
	for _, et := range tax {
		if et.Name != name && strings.HasPrefix(et.Name, first+" ") {
			return string([]rune(first)[:3]) + ". " + rest
		}
	}
	return name
}

// columns lays out the table's four cells: the date at the width of its
// text, the rest of the width shared 30 : 45 : 25 by type, title and place.
type columns struct{}

// dateWidth is the width of the date column.
func dateWidth() float32 {
	return fyne.MeasureText("30 Sep 2025", theme.TextSize(), fyne.TextStyle{}).Width + theme.InnerPadding()*2
}

// Layout implements fyne.Layout.
func (columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	d := dateWidth()
	rest := max(size.Width-d, 0)
	widths := []float32{d, rest * 0.3, rest * 0.45, rest * 0.25}
	x := float32(0)
	for i, o := range objs {
		if i >= len(widths) {
			break
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(widths[i], size.Height))
		x += widths[i]
	}
}

// MinSize implements fyne.Layout.
func (columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(dateWidth()+120, h)
}

// shows reports whether the table has a row for event id.
func (t *eventTable) shows(id string) bool {
	for _, e := range t.rows {
		if e.ID == id {
			return true
		}
	}
	return false
}

// typeIcon is event type name's map symbol in its colour, drawn once per
// type and taxonomy: the table shows the shape as well as the colour, so
// that types of near colours stay apart.
func (t *eventTable) typeIcon(name string) image.Image {
	et := t.wb.tax.Lookup(name)
	key := iconKey{name: name, sym: et.Symbol, col: et.Color}
	if img, ok := t.icons[key]; ok {
		return img
	}
	if t.icons == nil {
		t.icons = map[iconKey]image.Image{}
	}
	img := render.SymbolIcon(et.Symbol, et.Color, 7, 2)
	t.icons[key] = img
	return img
}

// iconKey is what a type icon is drawn from.
type iconKey struct {
	name string
	sym  annotate.Symbol
	col  color.NRGBA
}
