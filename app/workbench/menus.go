package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"eventatlas/assets"
)

// MainMenu returns the window's menus; every action shows its shortcut.
func (wb *Workbench) MainMenu(openProject, newProject func()) *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	item := func(label string, key fyne.KeyName, mod fyne.KeyModifier, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		if key != "" {
			it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		}
		return it
	}
	newEvent := item("New event from selection", fyne.KeyE, ctrl, wb.NewEventFromSelection)
	undo := item("Undo", fyne.KeyZ, ctrl, wb.Undo)
	redo := item("Redo", fyne.KeyZ, ctrl|fyne.KeyModifierShift, wb.Redo)
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			item("New project…", fyne.KeyN, ctrl, newProject),
			item("Open project…", fyne.KeyO, ctrl, openProject),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Export map image…", wb.ExportMapImage),
		),
		fyne.NewMenu("Edit", undo, redo),
		fyne.NewMenu("Event", newEvent, item("Clear selection", fyne.KeyEscape, 0, func() { wb.SelectEvent("") })),
		fyne.NewMenu("Map",
			fyne.NewMenuItem("Zoom in (+)", wb.mapView.ZoomIn),
			fyne.NewMenuItem("Zoom out (−)", wb.mapView.ZoomOut),
			fyne.NewMenuItem("Fit region (0)", wb.mapView.FitRegion),
			fyne.NewMenuItem("Fit all events", wb.mapView.FitEvents),
		),
		fyne.NewMenu("Help", fyne.NewMenuItem("About Event Atlas", wb.showAbout)),
	)
}

// AddShortcuts binds the window-wide keyboard shortcuts.
func (wb *Workbench) AddShortcuts() {
	c := wb.win.Canvas()
	ctrl := fyne.KeyModifierShortcutDefault
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl}, func(fyne.Shortcut) { wb.NewEventFromSelection() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl}, func(fyne.Shortcut) { wb.Undo() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl | fyne.KeyModifierShift}, func(fyne.Shortcut) { wb.Redo() })
}

func (wb *Workbench) showAbout() {
	text := widget.NewLabel("Event Atlas — read, highlight, code and map events.\n\n" + assets.Attribution +
		"\nProvince and country borders: Natural Earth (public domain).")
	text.Wrapping = fyne.TextWrapWord
	pop := widget.NewModalPopUp(nil, wb.win.Canvas())
	pop.Content = widget.NewCard("About Event Atlas", "", container.NewVBox(text, widget.NewButton("Close", pop.Hide)))
	pop.Resize(fyne.NewSize(420, 220))
	pop.Show()
}
