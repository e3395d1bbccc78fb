package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eventatlas/assets"
)

// menuOrder is the order of the menus in the menu bar.
var menuOrder = []string{"File", "Edit", "Event", "Map", "Help"}

// MainMenu returns the window's menus, made from the workbench's actions;
// every item shows its shortcut. openProject and newProject run the File
// menu's Open and New items.
func (wb *Workbench) MainMenu(openProject, newProject func()) *fyne.MainMenu {
	wb.openProject, wb.newProject = openProject, newProject
	items := map[string][]*fyne.MenuItem{}
	for _, a := range wb.actions() {
		if a.label == "-" {
			items[a.menu] = append(items[a.menu], fyne.NewMenuItemSeparator())
			continue
		}
		if a.run == nil {
			continue // a key listed on the help sheet only
		}
		it := fyne.NewMenuItem(a.label, a.run)
		it.Shortcut = a.sc
		if a.check != nil { // a toggle: its tick follows the state
			it.Checked = a.check()
			run, check := a.run, a.check
			it.Action = func() {
				run()
				it.Checked = check()
				if wb.mainMenu != nil {
					wb.mainMenu.Refresh()
				}
			}
		}
		items[a.menu] = append(items[a.menu], it)
	}
	var menus []*fyne.Menu
	for _, m := range menuOrder {
		menus = append(menus, fyne.NewMenu(m, items[m]...))
	}
	wb.mainMenu = fyne.NewMainMenu(menus...)
	return wb.mainMenu
}

func (wb *Workbench) callOpenProject() { run(wb.openProject) }
func (wb *Workbench) callNewProject()  { run(wb.newProject) }

func (wb *Workbench) showAbout() {
	text := widget.NewLabel("Event Atlas — read, highlight, code and map events.\n\n" + assets.Attribution +
		"\nProvince and country borders: Natural Earth (public domain).")
	text.Wrapping = fyne.TextWrapWord
	showSheet(wb.win.Canvas(), "About Event Atlas", container.NewPadded(text), "", nil, fyne.NewSize(460, 240))
}
