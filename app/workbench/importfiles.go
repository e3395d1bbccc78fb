package workbench

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ErrNoImporter is reported when the app has not set ImportFunc.
var ErrNoImporter = errors.New("this window cannot import files")

// ImportResult is what importing one file did.
type ImportResult struct {
	Path    string // the file
	Summary string // what came in, when it worked
	Err     error  // why it did not
}

// String is the result as the import summary lists it.
func (r ImportResult) String() string {
	if r.Err != nil {
		return filepath.Base(r.Path) + ": failed: " + r.Err.Error()
	}
	return filepath.Base(r.Path) + ": " + r.Summary
}

// ImportFiles asks for a file (an article, GeoJSON or CSV events) and
// imports it (File → Import…, Ctrl+I). Several files can be dropped on the
// window instead.
func (wb *Workbench) ImportFiles() {
	// Only what can be imported is listed: not projects, locks or logs.
	wb.PickFile(importableExts, func(path string) { wb.ImportPaths([]string{path}) })
}

// dropped imports the files dropped on the window.
func (wb *Workbench) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		wb.ImportPaths(paths)
	}
}

// ImportPaths imports the files in the background while a progress bar
// shows how far it got, then reloads, selects the first new article and
// lists each file's result. One events file is previewed first (when
// PreviewFunc is set) and imported only when the preview's Import is
// pressed; one new article opens its details form.
func (wb *Workbench) ImportPaths(paths []string) {
	if wb.importing {
		wb.onError(errors.New("an import is already running: wait for it to finish"))
		return
	}
	if len(paths) == 1 && isEventPath(paths[0]) && wb.PreviewFunc != nil {
		wb.previewEvents(paths[0])
		return
	}
	if wb.ImportFunc == nil {
		wb.onError(ErrNoImporter)
		return
	}
	wb.runImport(paths, wb.ImportFunc)
}

// runImport imports paths with importFn in the background; see ImportPaths.
func (wb *Workbench) runImport(paths []string, importFn func(path string) (string, error)) {
	if wb.importing {
		wb.onError(errors.New("an import is already running: wait for it to finish"))
		return
	}
	wb.SavePendingEdits()
	wb.importing = true
	before := map[string]bool{}
	for _, a := range wb.articles {
		before[a.ID] = true
	}
	bar := widget.NewProgressBar()
	bar.Max = float64(len(paths))
	label := widget.NewLabel("Importing " + filepath.Base(paths[0]) + "…")
	label.Truncation = fyne.TextTruncateEllipsis
	wb.importBar, wb.importLabel = bar, label
	progress := widget.NewModalPopUp(container.NewVBox(
		widget.NewLabelWithStyle(fmt.Sprintf("Importing %d files", len(paths)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		label, bar), wb.win.Canvas())
	progress.Resize(fyne.NewSize(460, 140))
	if len(paths) > 1 {
		progress.Show()
	}
	go func() {
		results := make([]ImportResult, 0, len(paths))
		for i, p := range paths {
			fyne.Do(func() { label.SetText(fmt.Sprintf("Importing %s (%d of %d)…", filepath.Base(p), i+1, len(paths))) })
			sum, err := importFn(p)
			results = append(results, ImportResult{Path: p, Summary: sum, Err: err})
			fyne.Do(func() { bar.SetValue(float64(i + 1)) })
		}
		fyne.Do(func() {
			progress.Hide()
			wb.importing = false
			wb.importDone(results, before)
		})
	}()
}

// importDone shows the results of an import and the first new article.
func (wb *Workbench) importDone(results []ImportResult, before map[string]bool) {
	if err := wb.Reload(); err != nil {
		wb.onError(err)
	}
	newArticle := -1
	for i, a := range wb.articles {
		if !before[a.ID] {
			wb.showNewArticle(i)
			newArticle = i
			break
		}
	}
	var lines []string
	failed := 0
	for _, r := range results {
		lines = append(lines, r.String())
		if r.Err != nil {
			failed++
		}
	}
	wb.importResults = results
	// Each line says what its file brought (an article already in the
	// project is read but not added again): the heading only counts.
	msg := fmt.Sprintf("Read %d of %d %s", len(results)-failed, len(results), plural(len(results), "file", "files"))
	wb.status.setMessage(msg)
	if len(results) == 1 && failed == 0 && newArticle >= 0 && !isEventPath(results[0].Path) {
		// One new article: ask for its details, which ingest may have missed.
		wb.status.setMessage(lines[0])
		wb.editArticleMeta(wb.articles[newArticle], lines[0])
	} else {
		text := widget.NewLabel(msg + ":\n" + strings.Join(lines, "\n"))
		text.Wrapping = fyne.TextWrapWord
		wb.importSheet = showSheet(wb.win.Canvas(), "Import", container.NewVScroll(text), "", nil, fyne.NewSize(560, 300))
	}
	if wb.onImported != nil {
		wb.onImported(results)
	}
}

// plural picks the word for n things.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
