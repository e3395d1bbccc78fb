package workbench

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// importableExts are the file types File → Import folder… brings in:
// articles and event files, as the import command reads them.
var importableExts = []string{".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".geojson", ".csv"}

// ImportFolder asks for a folder and imports every article and events file
// in it (not in its sub-folders), as dropping them on the window does
// (File → Import folder…).
func (wb *Workbench) ImportFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			wb.onError(err)
			return
		}
		if u == nil {
			return
		}
		wb.importFolder(u.Path())
	}, wb.win)
	d.Show()
}

// importFolder imports the importable files of dir, in name order.
func (wb *Workbench) importFolder(dir string) {
	paths, err := importableFiles(dir)
	if err != nil {
		wb.onError(err)
		return
	}
	if len(paths) == 0 {
		wb.onError(fmt.Errorf("%s holds no file to import (%s)", filepath.Base(dir), strings.Join(importableExts, " ")))
		return
	}
	if wb.ImportFunc == nil {
		wb.onError(ErrNoImporter)
		return
	}
	wb.runImport(paths, wb.ImportFunc)
}

// importableFiles lists the files of dir (not its sub-folders) with an
// extension the import reads, skipping hidden ones, in name order.
func importableFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the folder: %w", err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") {
			continue
		}
		if slices.Contains(importableExts, strings.ToLower(filepath.Ext(name))) {
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out, nil
}
