package workbench

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
)

// PickFile shows the file-open dialog, limited to the extensions exts when
// any are given, and calls then with the chosen file's path. Cancelling does
// nothing; an error from the dialog is reported to the user.
func (wb *Workbench) PickFile(exts []string, then func(path string)) {
	wb.pickFile(exts, false, then)
}

// PickProjectFile shows the file-open dialog for a project (.gpkg), in the
// open project's folder, and calls then with the chosen file's path.
func (wb *Workbench) PickProjectFile(then func(path string)) {
	wb.pickFile([]string{".gpkg"}, true, then)
}

// pickFile is PickFile, starting in the open project's folder when inProject.
func (wb *Workbench) pickFile(exts []string, inProject bool, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			wb.onError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, wb.win)
	if len(exts) > 0 {
		d.SetFilter(fynestorage.NewExtensionFileFilter(exts))
	}
	if inProject {
		wb.StartInProjectFolder(d)
	}
	d.Show()
	d.Resize(DialogSize(wb.win.Canvas().Size()))
}

// StartInProjectFolder makes file dialog d open in the open project's
// folder — where a new project, an export or a teammate's copy usually
// belongs — rather than in the last folder any dialog showed.
func (wb *Workbench) StartInProjectFolder(d *dialog.FileDialog) {
	if wb.project == nil {
		return
	}
	if l, err := fynestorage.ListerForURI(fynestorage.NewFileURI(filepath.Dir(wb.project.Path()))); err == nil {
		d.SetLocation(l)
	}
}

// DialogSize is the size of a file dialog in a window of size c: room for
// long names and many files, inside the window.
func DialogSize(c fyne.Size) fyne.Size {
	return fyne.NewSize(max(480, min(c.Width-80, 1000)), max(360, min(c.Height-80, 680)))
}
