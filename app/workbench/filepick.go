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
}
