package workbench

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// ExportFormats are the formats File → Export project… offers, in order.
var ExportFormats = []string{"gpkg", "geojson", "csv", "kml", "jsonld"}

// exportExt maps a format to its file extension.
var exportExt = map[string]string{"gpkg": ".gpkg", "geojson": ".geojson", "csv": ".csv", "kml": ".kml", "jsonld": ".jsonld"}

// ErrNoExporter is reported when the app has not set ExportFunc.
var ErrNoExporter = errors.New("this window cannot export projects")

// ExportProject asks for a format, then for a new file, and writes the
// project to it (File → Export project…, Ctrl+Shift+S).
func (wb *Workbench) ExportProject() {
	wb.SavePendingEdits()
	format := widget.NewSelect(ExportFormats, nil)
	format.SetSelected(ExportFormats[0])
	note := widget.NewLabel("gpkg: a compacted copy of the project; geojson, csv, kml, jsonld: the events.")
	note.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(widget.NewForm(widget.NewFormItem("Format", format)), note)
	wb.exportSheet = showSheet(wb.win.Canvas(), "Export project", body, "Choose file…",
		func() { wb.chooseExportFile(format.Selected) }, fyne.NewSize(460, 230))
}

// chooseExportFile asks for the file to write the project to in format.
func (wb *Workbench) chooseExportFile(format string) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			wb.onError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		// The dialog creates the file; the export writes a new one and never
		// overwrites, so remove it when it is that empty file.
		if st, err := os.Stat(path); err == nil && st.Size() == 0 {
			os.Remove(path)
		}
		wb.ExportAs(format, path)
	}, wb.win)
	base := strings.TrimSuffix(filepath.Base(wb.project.Path()), filepath.Ext(wb.project.Path()))
	d.SetFileName(base + "-export" + exportExt[format])
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{exportExt[format]}))
	wb.StartInProjectFolder(d)
	d.Show()
	d.Resize(DialogSize(wb.win.Canvas().Size()))
}

// ExportAs writes the project to the new file path in format and says so
// in the status line; errors are shown and returned.
func (wb *Workbench) ExportAs(format, path string) error {
	if _, ok := exportExt[format]; !ok {
		err := fmt.Errorf("unknown export format %q: use one of %s", format, strings.Join(ExportFormats, ", "))
		wb.onError(err)
		return err
	}
	if wb.ExportFunc == nil {
		wb.onError(ErrNoExporter)
		return ErrNoExporter
	}
	if isOpenProject(path, wb.project.Path()) {
		err := fmt.Errorf("%s is the project you have open: an export writes a new file beside it, choose another name", filepath.Base(path))
		wb.onError(err)
		return err
	}
	said, err := wb.ExportFunc(format, path)
	if err != nil {
		err = fmt.Errorf("the project was not exported: %w", err)
		wb.onError(err)
		return err
	}
	if said == "" {
		said = "Exported the project as " + format + " to " + path
	}
	wb.status.setMessage(said)
	return nil
}

// isOpenProject reports whether path is the file of the open project at
// project (or a link to it).
func isOpenProject(path, project string) bool {
	a, err := os.Stat(path)
	if err != nil {
		return false
	}
	b, err := os.Stat(project)
	return err == nil && os.SameFile(a, b)
}
