package safewrite

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

func TestWriterTruncatesOnlyOnWrite(t *testing.T) {
	test.NewTempApp(t)
	if err := Install(); err != nil {
		t.Fatal(err)
	}
	if err := Install(); err != nil { // a second call changes nothing
		t.Fatal(err)
	}
	dir := t.TempDir()
	project := filepath.Join(dir, "project.gpkg")
	if err := os.WriteFile(project, []byte("a project the user keeps"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		path  string
		write string // "" closes without writing
		want  string
	}{
		{"an existing file closed unwritten is kept", project, "", "a project the user keeps"},
		{"a write replaces the whole file", filepath.Join(dir, "old.png"), "new", "new"},
		{"a missing file is created", filepath.Join(dir, "new.gpkg"), "", ""},
	} {
		if c.path != project {
			os.WriteFile(c.path, []byte("an older, longer image"), 0o644)
			if c.want == "" {
				os.Remove(c.path)
			}
		}
		w, err := storage.Writer(storage.NewFileURI(c.path))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if w.URI().Path() != c.path {
			t.Errorf("%s: URI %s", c.name, w.URI())
		}
		if c.write != "" {
			if _, err := w.Write([]byte(c.write)); err != nil {
				t.Fatalf("%s: write: %v", c.name, err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatalf("%s: close: %v", c.name, err)
		}
		got, err := os.ReadFile(c.path)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if string(got) != c.want {
			t.Errorf("%s: the file holds %q, want %q", c.name, got, c.want)
		}
	}
}

func TestTheOtherFileOperationsStillWork(t *testing.T) {
	test.NewTempApp(t)
	if err := Install(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("text"), 0o644)
	u := storage.NewFileURI(dir)
	if ok, err := storage.CanList(u); err != nil || !ok {
		t.Fatalf("CanList = %v, %v", ok, err)
	}
	l, err := storage.ListerForURI(u)
	if err != nil {
		t.Fatal(err)
	}
	items, err := l.List()
	if err != nil || len(items) != 1 || items[0].Name() != "a.txt" {
		t.Fatalf("List = %v, %v", items, err)
	}
	child, err := storage.Child(u, "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := storage.Exists(child); err != nil || !ok {
		t.Errorf("Exists = %v, %v", ok, err)
	}
	r, err := storage.Reader(child)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b := make([]byte, 4)
	if n, _ := r.Read(b); string(b[:n]) != "text" {
		t.Errorf("Reader read %q", b[:n])
	}
	if err := storage.Delete(child); err != nil {
		t.Errorf("Delete: %v", err)
	}
}
