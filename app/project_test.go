package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestFirstRunCreatesSampleThenReopensLast(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	a := test.NewTempApp(t)
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	p, err := openStartProject(a, "", g)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := defaultProjectPath()
	if p.Path() != want {
		t.Errorf("first run opened %s, want %s", p.Path(), want)
	}
	evs, _ := p.Events()
	if len(evs) != 6 {
		t.Errorf("first-run project holds %d events, want the 6 sample events", len(evs))
	}
	p.Close()

	other := filepath.Join(t.TempDir(), "other.gpkg")
	q, err := openStartProject(a, other, g)
	if err != nil {
		t.Fatal(err)
	}
	if evs, _ := q.Events(); len(evs) != 0 {
		t.Errorf("a named new project holds %d events, want none", len(evs))
	}
	a.Preferences().SetString(prefLastProject, q.Path())
	q.Close()

	r, err := openStartProject(a, "", g)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.Path() != q.Path() {
		t.Errorf("later run opened %s, want the last project %s", r.Path(), q.Path())
	}
}

func TestOpenStartProjectRefusesNonProject(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	a := test.NewTempApp(t)
	g, _ := loadGazetteer()
	notes := filepath.Join(t.TempDir(), "notes.gpkg")
	content := []byte("these are my notes")
	os.WriteFile(notes, content, 0o644)
	p, err := openStartProject(a, notes, g)
	if err == nil || p != nil {
		t.Fatalf("opened a file that is not a project: %v", err)
	}
	if !strings.Contains(err.Error(), "not an Event Atlas project") {
		t.Errorf("error %q does not say what is wrong", err)
	}
	if b, _ := os.ReadFile(notes); !bytes.Equal(b, content) {
		t.Error("the file was changed")
	}
}

func TestCreateProjectInUnwritablePlace(t *testing.T) {
	g, _ := loadGazetteer()
	_, err := createProject("/proc/eventatlas/p.gpkg", g)
	if err == nil || !strings.Contains(err.Error(), "cannot create") {
		t.Fatalf("err = %v, want a clear 'cannot create' message", err)
	}
}
