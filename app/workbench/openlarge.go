package workbench

import (
	"path/filepath"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// backgroundEvents is how many events a project must hold to be read in the
// background when it is opened: reading 100k events takes a few seconds,
// which would otherwise pass before the window appears.
var backgroundEvents = 20000

// readInBackground reads a large project on ReloadInBackground's goroutine
// (a test holds it back to look at the dialog).
var readInBackground = readProject

// ReloadInBackground is Reload for a project just opened. A large project
// is read on another goroutine while a dialog says what is happening, so
// the window shows at once; a small one is read at once. done is called on
// the UI goroutine when the views show the project (or with the error that
// stopped it).
func (wb *Workbench) ReloadInBackground(done func(error)) {
	p := wb.project
	n, err := p.EventCount()
	if err != nil || n < backgroundEvents {
		done(wb.Reload())
		return
	}
	msg := widget.NewLabel(message.NewPrinter(language.English).Sprintf("Reading %d events from %s…", n, filepath.Base(p.Path())))
	dlg := dialog.NewCustomWithoutButtons("Opening the project", container.NewVBox(msg, widget.NewProgressBarInfinite()), wb.win)
	dlg.Show()
	wb.status.setProject(filepath.Base(p.Path()))
	wb.status.setMessage("Opening…")
	started := wb.reloads
	go func() {
		d, err := readInBackground(p)
		fyne.Do(func() {
			dlg.Hide()
			wb.status.setMessage("")
			switch {
			case p != wb.project || wb.reloads != started:
				// The views were filled meanwhile (another project was opened,
				// or an undo reloaded this one): what was read is stale.
				done(nil)
			case err != nil:
				done(err)
			default:
				done(wb.apply(d))
			}
		})
	}()
}
