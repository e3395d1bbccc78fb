package app

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eventatlas/app/workbench"
	"eventatlas/assets"
	"eventatlas/mapview/render"
)

// sampleCopy writes a project holding the sample at path and runs stmts
// on it as another program would.
func sampleCopy(t *testing.T, path string, stmts ...string) {
	t.Helper()
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	p, err := createProject(path, g)
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// overlayText joins the texts of the labels in o, widgets' renderers
// included.
func overlayText(o fyne.CanvasObject) string {
	var s string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			s += x.Text
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return s
}

// TestRefusedProjectFallsBackToSample opens, as the app starts, projects
// that open but cannot be read (a text in fatalities, a 900 KB title, a
// geometry that does not parse): the app shows the
// sample project with the reason, the bad file is closed (its lock gone),
// left as it was, and not remembered as the last project.
func TestRefusedProjectFallsBackToSample(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	bm, err := assets.LoadBaseMap()
	if err != nil {
		t.Fatal(err)
	}
	engine, err := render.NewMap(bm, theme.DefaultTextFont().Content())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, sql, msg string
	}{
		{"text in fatalities", `UPDATE events SET fatalities = 'many' WHERE fid = 2`,
			`has the text "many" in fatalities, where a number belongs; File › Merge project… brings in its readable events`},
		{"900 KB title", `UPDATE events SET title = 'T' || replace(hex(zeroblob(450000)), '00', 'ab') WHERE fid = 2`,
			`has 878.9 KB in title, more than the 2,000-character limit; File › Merge project… brings in its readable events`},
		{"bad geometry", `UPDATE events SET geom = X'00112233445566778899' WHERE fid = 1`,
			`geometry: not a GeoPackage geometry`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", t.TempDir())
			t.Setenv("EVENTATLAS_ANNOTATOR", "tester")
			a := test.NewTempApp(t)
			bad := filepath.Join(t.TempDir(), "bad.gpkg")
			sampleCopy(t, bad, c.sql)
			before, _ := os.ReadFile(bad)

			// Open takes it (a sound open costs no check of every row);
			// reading it is what fails.
			p, openErr := openStartProject(a, bad, g)
			if p == nil || openErr != nil {
				t.Fatalf("openStartProject = %v, %v; want the project open", p != nil, openErr)
			}
			w := test.NewWindow(nil)
			defer w.Close()
			w.Resize(fyne.NewSize(1200, 800))
			wb := workbench.New(w, p, g, engine)
			w.SetContent(wb.Content())
			var stderr bytes.Buffer
			showFirstProject(a, w, wb, g, openErr, &stderr)
			defer func() { wb.Project().Close() }()

			sample, _ := defaultProjectPath()
			if got := wb.Project().Path(); got != sample {
				t.Errorf("the workbench shows %s, want the sample %s", got, sample)
			}
			if evs, err := wb.Project().Events(); err != nil || len(evs) != 6 {
				t.Errorf("the sample shows %d events, %v", len(evs), err)
			}
			if last := a.Preferences().String(prefLastProject); last != sample {
				t.Errorf("last project = %q, want the sample", last)
			}
			if _, err := os.Stat(bad + ".lock"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the bad project is still open: its lock file is there (%v)", err)
			}
			if after, _ := os.ReadFile(bad); !bytes.Equal(before, after) {
				t.Error("the bad project file was changed")
			}
			top := w.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no message is shown")
			}
			text := overlayText(top)
			if !strings.Contains(text, c.msg) || !strings.Contains(text, "Showing "+sample+" instead.") || !strings.Contains(text, bad) {
				t.Errorf("the message %q lacks %q, the file name or the sample", text, c.msg)
			}
			if !strings.Contains(stderr.String(), c.msg) {
				t.Errorf("stderr %q lacks the reason", stderr.String())
			}
		})
	}
}
