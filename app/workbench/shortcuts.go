package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"eventatlas/mapview"
)

// action is one command of the workbench: its menu, label, keys and what it
// does. The menus, the window's shortcuts and the F1 sheet are all made
// from the one list, so they cannot disagree.
type action struct {
	menu  string        // "File", "Edit", "Event", "Map" or "Help"
	label string        // the menu item
	keys  string        // the keys as the help sheet shows them
	sc    fyne.Shortcut // the menu's shortcut; nil for none
	run   func()
	note  string      // where the keys work, for the help sheet
	check func() bool // for a toggle: whether its menu item shows a tick
}

// separator marks a menu separator in the action list.
var separator = action{label: "-"}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func plain(k fyne.KeyName) fyne.Shortcut { return &desktop.CustomShortcut{KeyName: k} }

// actions lists every command. Keys without Ctrl (Del, F1, Esc, +, −, 0)
// are shown in the menus but work through the focused widget: the table,
// the form, the map.
func (wb *Workbench) actions() []action {
	all := []action{
		{menu: "File", label: "New project…", keys: "Ctrl+N", sc: ctrl(fyne.KeyN), run: wb.callNewProject},
		{menu: "File", label: "Open project…", keys: "Ctrl+O", sc: ctrl(fyne.KeyO), run: wb.callOpenProject},
		separator.in("File"),
		{menu: "File", label: "Merge project…", run: wb.MergeProject},
		separator.in("File"),
		{menu: "File", label: "Import…", keys: "Ctrl+I", sc: ctrl(fyne.KeyI), run: wb.ImportFiles},
		{menu: "File", label: "Import folder…", run: wb.ImportFolder},
		{menu: "File", label: "Export project…", keys: "Ctrl+Shift+S", sc: ctrlShift(fyne.KeyS), run: wb.ExportProject},
		{menu: "File", label: "Export map image…", run: wb.ExportMapImage},
		{menu: "Edit", label: "Undo", keys: "Ctrl+Z", sc: &fyne.ShortcutUndo{}, run: wb.Undo},
		{menu: "Edit", label: "Redo", keys: "Ctrl+Shift+Z", sc: ctrlShift(fyne.KeyZ), run: wb.Redo},
		separator.in("Edit"),
		{menu: "Edit", label: "Paste as new article…", run: wb.PasteAsArticle},
		{menu: "Edit", label: "Article details…", run: wb.ShowArticleDetails},
		{menu: "Edit", label: "Edit article text…", run: wb.EditArticleText},
		{menu: "Edit", label: "Resolve conflicts…", run: wb.ShowConflicts},
		{menu: "Edit", label: "Event types…", run: wb.ShowTaxonomy},
		{menu: "Edit", label: "Your places…", run: wb.ShowPlaces},
		separator.in("Edit"),
		{menu: "Edit", label: "Find in article…", keys: "Ctrl+F", sc: ctrl(fyne.KeyF), run: wb.OpenFind,
			note: "Enter next, Shift+Enter back"},
		{menu: "Event", label: "New event from selection", keys: "Ctrl+E", sc: ctrl(fyne.KeyE), run: wb.NewEventFromSelection},
		{menu: "Event", label: "Add selection as evidence", keys: "Ctrl+Shift+E", sc: ctrlShift(fyne.KeyE), run: wb.AddSelectionAsEvidence},
		separator.in("Event"),
		{menu: "Event", label: "Save event", keys: "Enter", sc: plain(fyne.KeyReturn), run: wb.form.submit,
			note: "in the event form"},
		{menu: "Event", label: "Cancel edits", keys: "Esc", sc: plain(fyne.KeyEscape), run: wb.form.cancel,
			note: "in the form; again: lets go of the event"},
		{menu: "Event", label: "Next field / previous field", keys: "Tab / Shift+Tab", note: "in the event form"},
		{menu: "Event", label: "Pick a suggestion", keys: "Down, Up, Enter", note: "type, sub-type, actor and place fields"},
		{menu: "Event", label: "Actor role / remove", keys: "1 2 3 / Del", note: "on an actor"},
		separator.in("Event"),
		{menu: "Event", label: "Edit event", keys: "Ctrl+L", sc: ctrl(fyne.KeyL), run: wb.form.focusType},
		{menu: "Event", label: "Event history…", keys: "Ctrl+H", sc: ctrl(fyne.KeyH), run: wb.ShowHistory},
		{menu: "Event", label: "Orphaned evidence…", run: wb.ShowOrphans},
		{menu: "Event", label: "Delete event…", keys: "Del", sc: plain(fyne.KeyDelete), run: wb.DeleteSelected,
			note: "in the event table"},
		{menu: "Event", label: "Article list", keys: "Ctrl+Shift+T", sc: ctrlShift(fyne.KeyT), run: wb.focusArticles,
			note: "type to filter, Down into the list, Enter opens"},
		{menu: "Event", label: "Event table", keys: "Ctrl+T", sc: ctrl(fyne.KeyT), run: wb.focusTable},
		{menu: "Event", label: "Filter events", keys: "Ctrl+Shift+F", sc: ctrlShift(fyne.KeyF), run: wb.focusFilter},
		{menu: "Map", label: "Zoom in", keys: "+", sc: plain(fyne.KeyPlus), run: wb.mapView.ZoomIn, note: "on the map"},
		{menu: "Map", label: "Zoom out", keys: "−", sc: plain(fyne.KeyMinus), run: wb.mapView.ZoomOut, note: "on the map"},
		{menu: "Map", label: "Fit region", keys: "0", sc: plain(fyne.Key0), run: wb.mapView.FitRegion, note: "on the map"},
		{menu: "Map", label: "Fit all events", keys: "Ctrl+Shift+0", sc: ctrlShift(fyne.Key0), run: wb.mapView.FitEvents},
		{menu: "Map", label: "Zoom to selection", keys: "Z", sc: plain(fyne.KeyZ), run: wb.mapView.ZoomToSelection, note: "on the map"},
		{menu: "Map", label: "Pan", keys: "arrow keys", note: "on the map"},
		{menu: "Map", label: "Show legend", run: wb.toggleLegend, check: wb.mapView.Legend},
		{menu: "Map", label: "Group dense events", run: wb.toggleGrouping, check: wb.mapView.Grouping,
			note: "bubbles with a count, arrows for movements between them; off draws every event"},
		{menu: "Map", label: "Present events", keys: "F11", sc: plain(fyne.KeyF11), run: wb.Present,
			note: "the filtered events, full screen: Space next, Left back, O overview, S saves the slide, Esc leaves"},
		separator.in("Map"),
		{menu: "Map", label: "Draw point", run: func() { wb.ToggleDrawing(mapview.Point) }},
		{menu: "Map", label: "Draw line", run: func() { wb.ToggleDrawing(mapview.Line) }},
		{menu: "Map", label: "Draw area", run: func() { wb.ToggleDrawing(mapview.Polygon) }},
		{menu: "Map", label: "Edit geometry", run: wb.EditSelectedGeometry},
		{menu: "Map", label: "Add place here…", keys: "Right-click", run: wb.addPlaceHere, note: "on the map"},
		{menu: "Map", label: "Finish / cancel drawing", keys: "Enter / Esc", note: "on the map while drawing"},
		separator.in("Map"),
		{menu: "Map", label: "Export map image…", run: wb.ExportMapImage, note: "the view as a sharp PNG"},
		{menu: "Map", label: "Export slide image (16:9)…", run: wb.ExportSlideImage, note: "the view widened to 16:9, 3200×1800"},
		{menu: "Map", label: "Online background tiles…", run: wb.ShowTileSettings},
		{menu: "Help", label: "Keyboard shortcuts", keys: "F1", sc: plain(fyne.KeyF1), run: wb.ShowShortcuts},
		{menu: "Help", label: "About Event Atlas", run: wb.showAbout},
	}
	// A sheet (a question, a message, a list) is modal: the window's
	// actions wait until it is closed, whether a menu or a key asks.
	for i := range all {
		if run := all[i].run; run != nil {
			all[i].run = func() { wb.unlessSheet(run) }
		}
	}
	return all
}

// unlessSheet runs fn when no sheet is open over the window.
func (wb *Workbench) unlessSheet(fn func()) {
	if !sheetOpen(wb.win.Canvas()) {
		fn()
	}
}

// windowKey handles, for the widget that has the keyboard, the keys that
// act on the whole window (F1 the shortcuts, F11 the presentation), and
// reports whether ev was one.
func (wb *Workbench) windowKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyF1:
		wb.unlessSheet(wb.ShowShortcuts)
	case fyne.KeyF11:
		wb.unlessSheet(wb.Present)
	default:
		return false
	}
	return true
}

// in returns the separator for menu m.
func (a action) in(m string) action {
	a.menu = m
	return a
}

// AddShortcuts binds the window-wide keyboard shortcuts on the canvas, for
// when no menu handles them (the menus take them first), and the keys
// without Ctrl for when no widget has the keyboard.
func (wb *Workbench) AddShortcuts() {
	c := wb.win.Canvas()
	for _, a := range wb.actions() {
		if a.sc == nil || a.run == nil {
			continue
		}
		run := a.run
		if cs, ok := a.sc.(*desktop.CustomShortcut); ok && cs.Modifier == 0 {
			continue
		}
		c.AddShortcut(a.sc, func(fyne.Shortcut) { run() })
	}
	c.AddShortcut(ctrl(fyne.KeyZ), func(fyne.Shortcut) { wb.unlessSheet(wb.Undo) })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { wb.unlessSheet(wb.Redo) })
	c.SetOnTypedKey(wb.typedKey)
}

// typedKey handles the keys typed when no widget has the keyboard.
func (wb *Workbench) typedKey(ev *fyne.KeyEvent) {
	if wb.windowKey(ev) || sheetOpen(wb.win.Canvas()) {
		return
	}
	switch ev.Name {
	case fyne.KeyDelete:
		if wb.selected != "" {
			wb.DeleteSelected()
		}
	case fyne.KeyEscape:
		// Esc undoes the nearest thing: the form's edits, then the text
		// selection, then the selected event (which closes the form).
		start, end := wb.reader.Selection()
		switch {
		case wb.form.shown && (wb.form.dirty || wb.form.isDraft):
			wb.form.cancel()
		case start != end:
			wb.reader.ClearSelection()
		case wb.selected != "":
			wb.SelectEvent("")
		}
	}
}
