package workbench

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"eventatlas/annotate"
)

func TestExportAsCallsExportFunc(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	var got []string
	wb.ExportFunc = func(format, path string) (string, error) {
		got = append(got, format, path)
		switch format {
		case "kml":
			return "", errors.New("disk full")
		case "jsonld":
			return "wrote x.jsonld: 8 annotations for 6 events; 2 events without evidence are not in a JSON-LD export", nil
		}
		return "", nil
	}
	out := filepath.Join(t.TempDir(), "x.geojson")
	if err := wb.ExportAs("geojson", out); err != nil || strings.Join(got, " ") != "geojson "+out {
		t.Errorf("ExportAs gave %v and called %v", err, got)
	}
	if !strings.Contains(wb.status.message.Text, "Exported the project as geojson") {
		t.Errorf("status %q", wb.status.message.Text)
	}
	// What the exporter says is what the status line shows.
	if err := wb.ExportAs("jsonld", out); err != nil || !strings.HasSuffix(wb.status.message.Text, "2 events without evidence are not in a JSON-LD export") {
		t.Errorf("jsonld: %v, status %q", err, wb.status.message.Text)
	}
	for _, tc := range []struct{ format, want string }{
		{"kml", "the project was not exported: disk full"},
		{"shp", `unknown export format "shp": use one of gpkg, geojson, csv, kml, jsonld`},
	} {
		*errs = nil
		err := wb.ExportAs(tc.format, out)
		if err == nil || err.Error() != tc.want || len(*errs) != 1 {
			t.Errorf("ExportAs(%q) = %v (shown %v), want %q", tc.format, err, *errs, tc.want)
		}
	}
	// The open project itself is never the target, by its name or a link.
	link := filepath.Join(t.TempDir(), "link.gpkg")
	if err := os.Symlink(wb.project.Path(), link); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{wb.project.Path(), link} {
		got, *errs = nil, nil
		err := wb.ExportAs("gpkg", target)
		want := filepath.Base(target) + " is the project you have open: an export writes a new file beside it, choose another name"
		if err == nil || err.Error() != want || len(*errs) != 1 || got != nil {
			t.Errorf("ExportAs over the open project %s = %v (ExportFunc called with %v), want %q", target, err, got, want)
		}
	}
	wb.ExportFunc = nil
	if err := wb.ExportAs("csv", out); !errors.Is(err, ErrNoExporter) {
		t.Errorf("without ExportFunc: %v", err)
	}
}

func TestExportProjectSheetOffersFormats(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	shortcut(w, ctrlShiftKey(fyne.KeyS))
	if wb.exportSheet == nil || !wb.exportSheet.pop.Visible() {
		t.Fatal("Ctrl+Shift+S showed no export sheet")
	}
	text := strings.Join(labelsIn(wb.exportSheet.pop.Content), "\n")
	if !strings.Contains(text, "gpkg: a compacted copy") || wb.exportSheet.def.Text != "Choose file…" {
		t.Errorf("export sheet says %q, button %q", text, wb.exportSheet.def.Text)
	}
}

// waitImport runs ImportPaths and waits for its results.
func waitImport(t *testing.T, wb *Workbench, paths []string) []ImportResult {
	t.Helper()
	done := make(chan []ImportResult, 1)
	wb.onImported = func(r []ImportResult) { done <- r }
	wb.ImportPaths(paths)
	select {
	case r := <-done:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not finish")
	}
	return nil
}

func TestImportPathsShowsProgressAndSummary(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	wb.ImportFunc = func(path string) (string, error) {
		if strings.HasSuffix(path, ".bad") {
			return "", errors.New("not an article")
		}
		a := annotate.Article{Title: filepath.Base(path), Text: "Text of " + path}
		if _, err := wb.project.AddArticle(&a); err != nil {
			return "", err
		}
		return "article added", nil
	}
	res := waitImport(t, wb, []string{"/x/one.txt", "/x/two.bad", "/x/three.txt"})
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	if len(res) != 3 || res[0].Err != nil || res[1].Err == nil || res[2].Summary != "article added" {
		t.Fatalf("results %+v", res)
	}
	if wb.importBar.Value != 3 || wb.importBar.Max != 3 {
		t.Errorf("progress %v of %v, want 3 of 3", wb.importBar.Value, wb.importBar.Max)
	}
	if len(wb.articles) != 3 || wb.articles[wb.current].Title != "one.txt" {
		t.Errorf("%d articles, current %q; want 3 with one.txt shown", len(wb.articles), wb.articles[wb.current].Title)
	}
	text := strings.Join(labelsIn(wb.importSheet.pop.Content), "\n")
	for _, want := range []string{"Read 2 of 3 files", "one.txt: article added", "two.bad: failed: not an article"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary %q lacks %q", text, want)
		}
	}
	// Files dropped on the window are imported too.
	done := make(chan []ImportResult, 1)
	wb.onImported = func(r []ImportResult) { done <- r }
	wb.dropped(fyne.NewPos(5, 5), []fyne.URI{fakeURI("/x/four.txt")})
	select {
	case r := <-done:
		if len(r) != 1 || r[0].Path != "/x/four.txt" {
			t.Errorf("drop imported %+v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the drop did not import")
	}
	if wb.articles[wb.current].Title != "four.txt" {
		t.Errorf("after the drop the reader shows %q", wb.articles[wb.current].Title)
	}
}

func TestImportWithoutImporter(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	wb.ImportPaths([]string{"/x/a.txt"})
	if len(*errs) != 1 || !errors.Is((*errs)[0], ErrNoImporter) {
		t.Errorf("errors %v", *errs)
	}
}

func TestPasteAsArticle(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	text := "Border talks resume\nOfficials met in Dushanbe on Monday."
	fyne.CurrentApp().Clipboard().SetContent(text)
	wb.PasteAsArticle()
	f := wb.pasteForm
	if f == nil || f.title.Text != "Border talks resume" {
		t.Fatalf("the form's title is not the first line")
	}
	f.outlet.SetText("Asia-Plus")
	f.date.SetText("2024-13-01")
	wb.addPastedArticle(f)
	if len(*errs) != 1 || (*errs)[0].Error() != `the date "2024-13-01" is not a day: type it as 2025-11-20, 20 Nov 2025 or 20.11.2025` {
		t.Fatalf("bad date gave %v", *errs)
	}
	f.date.SetText("2024-05-06")
	test.Tap(wb.pasteSheet.def)
	if len(*errs) != 1 {
		t.Fatal(*errs)
	}
	a := wb.articles[wb.current]
	if a.Title != "Border talks resume" || a.Outlet != "Asia-Plus" || a.Text != text || a.Published.Format("2006-01-02") != "2024-05-06" {
		t.Errorf("the reader shows %+v", a)
	}
	n := len(wb.articles)
	wb.PasteAsArticle()
	wb.addPastedArticle(wb.pasteForm)
	if len(wb.articles) != n || !strings.Contains(wb.status.message.Text, "already in the project") {
		t.Errorf("pasting again: %d articles, status %q", len(wb.articles), wb.status.message.Text)
	}
}

// fakeURI is a file URI for a drop.
func fakeURI(path string) fyne.URI { return fynestorage.NewFileURI(path) }

func TestImportProgressWhileRunning(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	step := make(chan struct{})
	type seen struct {
		label string
		bar   float64
	}
	mid := make(chan seen, 1)
	wb.ImportFunc = func(path string) (string, error) {
		if strings.HasSuffix(path, "b.txt") {
			// The import goroutine set both just before this call (fyne.Do
			// runs at once under the test driver): read them here, not
			// from the test's goroutine.
			mid <- seen{wb.importLabel.Text, wb.importBar.Value}
		}
		<-step
		return "article added", nil
	}
	done := make(chan []ImportResult, 1)
	wb.onImported = func(r []ImportResult) { done <- r }
	wb.ImportPaths([]string{"/x/a.txt", "/x/b.txt", "/x/c.txt"})
	step <- struct{}{} // a.txt done; b.txt is waiting
	select {
	case m := <-mid:
		if m.bar != 1 || m.label != "Importing b.txt (2 of 3)…" {
			t.Errorf("mid-import: progress %v, label %q", m.bar, m.label)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the import did not reach b.txt")
	}
	if over := w.Canvas().Overlays().Top(); over == nil {
		t.Error("no progress pop-up over the window")
	}
	wb.ImportPaths([]string{"/x/d.txt"}) // refused while running
	close(step)
	select {
	case r := <-done:
		if len(r) != 3 {
			t.Errorf("%d results", len(r))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not finish")
	}
}
