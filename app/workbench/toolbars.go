package workbench

import (
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eventatlas/app/present"
	"eventatlas/app/tooltip"
)

// readerToolbar holds the actions on the reader's selection and the edits.
func (wb *Workbench) readerToolbar() fyne.CanvasObject {
	return widget.NewToolbar(
		wb.toolButton(theme.ContentAddIcon(), "New event from selection"),
		wb.toolButton(theme.DocumentCreateIcon(), "Add selection as evidence"),
		wb.toolButton(theme.SearchIcon(), "Find in article…"),
		widget.NewToolbarSeparator(),
		wb.toolButton(theme.ContentUndoIcon(), "Undo"),
		wb.toolButton(theme.ContentRedoIcon(), "Redo"),
		widget.NewToolbarSpacer(),
		wb.toolButton(theme.HelpIcon(), "Keyboard shortcuts"),
	)
}

// mapToolbar holds zoom, fit, the drawing tools and export.
func (wb *Workbench) mapToolbar() fyne.CanvasObject {
	return widget.NewToolbar(
		wb.toolButton(theme.ZoomInIcon(), "Zoom in"),
		wb.toolButton(theme.ZoomOutIcon(), "Zoom out"),
		wb.toolButton(theme.ZoomFitIcon(), "Fit region"),
		wb.toolButton(theme.VisibilityIcon(), "Fit all events"),
		widget.NewToolbarSeparator(),
		wb.draw.point, wb.draw.line, wb.draw.area, wb.draw.edit,
		widget.NewToolbarSpacer(),
		wb.toolButton(theme.DocumentSaveIcon(), "Export map image…"),
	)
}

// toolButton is the toolbar button of the action with this menu label: it
// runs what the menu item runs, and its tip names it with its keys.
func (wb *Workbench) toolButton(icon fyne.Resource, label string) *tooltip.Button {
	for _, a := range wb.actions() {
		if a.label == label && a.run != nil {
			tip := a.label
			if a.keys != "" {
				tip += " (" + a.keys + ")"
			}
			b := tooltip.NewButton(icon, tip, wb.tips, a.run)
			b.OnWindowKey = wb.windowKey
			return b
		}
	}
	panic("workbench: no action " + label) // a typo in the toolbar's list
}

// ExportMapImage asks for a PNG file and writes the current map view to it at 2×.
func (wb *Workbench) ExportMapImage() {
	wb.exportImage("event-atlas-map.png", func(w io.Writer) error { return wb.mapView.ExportPNG(w, 2) })
}

// Slide image: 16:9, 3200×1800 pixels, with names and symbols 1.4 times
// their desktop size, as the presentation draws them for a room.
const (
	slideW, slideH = 1143, 643 // logical pixels
	slideScale     = 2.8       // 2 × the presentation's magnification
)

// ExportSlideImage asks for a PNG file and writes a 16:9 picture of the
// map for a slide deck: what the map shows, widened or heightened to
// 16:9, at 3200×1800 pixels, with the filtered events and the legend,
// named after the project and the filter.
func (wb *Workbench) ExportSlideImage() {
	wb.exportImage(slideFileName(wb.project.Path(), wb.scope(wb.filters.filter())), func(w io.Writer) error {
		return wb.mapView.ExportSizedPNG(w, slideW, slideH, slideScale)
	})
}

// slideFileName is "3k-security-incident-1-mar-2025-31-may-2025-slide.png":
// the project's name and the filter's, as a file name.
func slideFileName(project, scope string) string {
	name := strings.TrimSuffix(filepath.Base(project), filepath.Ext(project))
	if sc := []rune(scope); len(sc) > 48 {
		scope = string(sc[:48])
	}
	base := present.Slug(name + " " + scope)
	if base == "" {
		base = "event-atlas"
	}
	return base + "-slide.png"
}

// exportImage asks for a PNG file, named name by default, and writes it.
func (wb *Workbench) exportImage(name string, write func(io.Writer) error) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			wb.onError(err)
			return
		}
		if w == nil {
			return
		}
		defer w.Close()
		if err := write(w); err != nil {
			wb.onError(err)
			return
		}
		wb.status.setMessage("map image written to " + w.URI().Path())
	}, wb.win)
	d.SetFileName(name)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".png"}))
	wb.StartInProjectFolder(d)
	d.Show()
	d.Resize(DialogSize(wb.win.Canvas().Size()))
}

// showErrorSheet shows err in w; Enter or Esc closes it.
func showErrorSheet(w fyne.Window, err error) *sheet {
	if w == nil {
		return nil
	}
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	return showSheet(w.Canvas(), "Cannot do that", msg, "", nil, fyne.NewSize(480, 190))
}
