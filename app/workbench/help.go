package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// ShowShortcuts shows the sheet of every keyboard shortcut (F1), grouped
// by menu; Esc, Enter or F1 closes it.
func (wb *Workbench) ShowShortcuts() {
	if wb.help != nil && wb.help.pop.Visible() {
		wb.help.close()
		return
	}
	// The Event menu, the longest, has a column to itself.
	left := wb.shortcutGrid("File", "Edit", "Map", "Help")
	right := wb.shortcutGrid("Event")
	body := container.NewGridWithColumns(2, left, right)
	c := wb.win.Canvas().Size()
	size := fyne.NewSize(min(c.Width-60, body.MinSize().Width+40), min(c.Height-60, body.MinSize().Height+110))
	wb.help = showSheet(wb.win.Canvas(), "Keyboard shortcuts", container.NewVScroll(body), "", nil, size)
	const hint = "Keyboard shortcuts: Esc closes the sheet"
	wb.status.setMessage(hint)
	wb.help.onClose = func() { wb.status.clearMessage(hint) }
}

// shortcutGrid lists the keys of the actions of the given menus, a heading
// per menu, keys right-aligned beside what they do.
func (wb *Workbench) shortcutGrid(menus ...string) *fyne.Container {
	grid := container.New(layout.NewFormLayout())
	for _, m := range menus {
		grid.Add(widget.NewLabelWithStyle(m, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(""))
		for _, a := range wb.actions() {
			if a.menu != m || a.keys == "" {
				continue
			}
			what := a.label
			if a.note != "" {
				what += " — " + a.note
			}
			grid.Add(widget.NewLabelWithStyle(a.keys, fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
			grid.Add(widget.NewLabel(what))
		}
	}
	return grid
}
