package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// readerToolbar holds the actions on the reader's selection and the edits.
func (wb *Workbench) readerToolbar() fyne.CanvasObject {
	return widget.NewToolbar(
		widget.NewToolbarAction(theme.ContentAddIcon(), wb.NewEventFromSelection),
		widget.NewToolbarAction(theme.DocumentCreateIcon(), wb.AddSelectionAsEvidence),
		widget.NewToolbarAction(theme.SearchIcon(), wb.OpenFind),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ContentUndoIcon(), wb.Undo),
		widget.NewToolbarAction(theme.ContentRedoIcon(), wb.Redo),
		widget.NewToolbarSpacer(),
		widget.NewToolbarAction(theme.HelpIcon(), wb.ShowShortcuts),
	)
}

// mapToolbar holds zoom, fit, the drawing tools and export.
func (wb *Workbench) mapToolbar() fyne.CanvasObject {
	return widget.NewToolbar(
		widget.NewToolbarAction(theme.ZoomInIcon(), wb.mapView.ZoomIn),
		widget.NewToolbarAction(theme.ZoomOutIcon(), wb.mapView.ZoomOut),
		widget.NewToolbarAction(theme.ZoomFitIcon(), wb.mapView.FitRegion),
		widget.NewToolbarAction(theme.VisibilityIcon(), wb.mapView.FitEvents),
		widget.NewToolbarSeparator(),
		wb.draw.point, wb.draw.line, wb.draw.area, wb.draw.edit,
		widget.NewToolbarSpacer(),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), wb.ExportMapImage),
	)
}

// ExportMapImage asks for a PNG file and writes the current map view to it at 2×.
func (wb *Workbench) ExportMapImage() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			wb.onError(err)
			return
		}
		if w == nil {
			return
		}
		defer w.Close()
		if err := wb.mapView.ExportPNG(w, 2); err != nil {
			wb.onError(err)
			return
		}
		wb.status.setMessage("map image written to " + w.URI().Path())
	}, wb.win)
	d.SetFileName("event-atlas-map.png")
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
