// Package safewrite keeps Fyne's file-save dialog from emptying an existing
// file before anything is written to it.
//
// When the user picks an existing file in dialog.NewFileSave and confirms
// "Overwrite?", Fyne opens it with os.Create, which truncates it at once,
// before the app's callback runs. An app that only wants the chosen path —
// to refuse an existing project, or to write a copy next to it and rename
// — would find the file already empty: picking the open project as the
// target of File → Export project… or File → New project… destroyed it.
// Install replaces the "file" scheme's repository with one that opens the
// file without truncating it and truncates it on the first Write, so a
// writer closed without writing leaves the file as it was.
package safewrite

import (
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Install wraps the repository registered for the "file" scheme (the app
// or test driver registers it when it starts). Calling it again does
// nothing.
func Install() error {
	base, err := repository.ForScheme("file")
	if err != nil {
		return err
	}
	if _, ok := base.(*fileRepository); ok {
		return nil
	}
	repository.Register("file", &fileRepository{base: base})
	return nil
}

// fileRepository is the driver's file repository with a Writer that
// truncates on the first Write.
type fileRepository struct {
	base repository.Repository
}

// Writer opens u's file for writing, creating it when missing, without
// truncating it; the first Write truncates it.
func (r *fileRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	f, err := os.OpenFile(u.Path(), os.O_WRONLY|os.O_CREATE, 0o666)
	if err != nil {
		return nil, err
	}
	return &truncatingWriter{f: f, uri: u}, nil
}

// truncatingWriter empties its file on the first Write.
type truncatingWriter struct {
	f    *os.File
	uri  fyne.URI
	once sync.Once
	err  error
}

// URI is the file's URI.
func (w *truncatingWriter) URI() fyne.URI { return w.uri }

// Write truncates the file the first time, then writes p.
func (w *truncatingWriter) Write(p []byte) (int, error) {
	w.once.Do(func() { w.err = w.f.Truncate(0) })
	if w.err != nil {
		return 0, w.err
	}
	return w.f.Write(p)
}

// Close closes the file; unwritten, it is as it was.
func (w *truncatingWriter) Close() error { return w.f.Close() }
