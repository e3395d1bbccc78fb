package workbench

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestImportFolder imports the articles and event files of a folder, in
// name order, and leaves out other files, hidden files and sub-folders.
func TestImportFolder(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.HTML", "events.geojson", "notes.pdf", ".hidden.txt", "c.docx"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := importableFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, filepath.Base(p))
	}
	if want := []string{"a.HTML", "b.txt", "c.docx", "events.geojson"}; !slices.Equal(names, want) {
		t.Errorf("importable files %v, want %v", names, want)
	}

	wb, _, errs := newTestWorkbench(t, false)
	var imported []string
	wb.ImportFunc = func(path string) (string, error) {
		imported = append(imported, filepath.Base(path))
		return "ok", nil
	}
	done := make(chan []ImportResult, 1)
	wb.onImported = func(r []ImportResult) { done <- r }
	wb.importFolder(dir)
	select {
	case r := <-done:
		if len(r) != 4 {
			t.Errorf("%d results, want 4", len(r))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the folder was not imported")
	}
	if strings.Join(imported, " ") != "a.HTML b.txt c.docx events.geojson" {
		t.Errorf("imported %v", imported)
	}
	if len(*errs) != 0 {
		t.Errorf("errors %v", *errs)
	}

	empty := t.TempDir()
	wb.importFolder(empty)
	if len(*errs) != 1 || !strings.Contains((*errs)[0].Error(), "holds no file to import") {
		t.Errorf("empty folder: errors %v", *errs)
	}
	wb.importFolder(filepath.Join(dir, "missing"))
	if len(*errs) != 2 || !strings.Contains((*errs)[1].Error(), "cannot read the folder") {
		t.Errorf("missing folder: errors %v", *errs)
	}
}
