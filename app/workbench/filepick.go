package workbench

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
)

// PickFile shows the file-open dialog, limited to the extensions exts when
// any are given, and calls then with the chosen file's path. Cancelling does
// nothing; an error from the dialog is reported to the user.
func (wb *Workbench) PickFile(exts []string, then func(path string)) {
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
	d.Show()
	d.Resize(dialogSize(wb.win.Canvas().Size()))
}

// dialogSize is the size of a file dialog in a window of size c: room for
// long names and many files, inside the window.
func dialogSize(c fyne.Size) fyne.Size {
	return fyne.NewSize(max(480, min(c.Width-80, 1000)), max(360, min(c.Height-80, 680)))
}
