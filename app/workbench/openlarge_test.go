package workbench

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eventatlas/storage"
)

// TestLargeProjectOpensInBackground: a project at or above backgroundEvents
// is read on another goroutine behind a "Reading N events" dialog, and the
// views show every event when done is called; below it, done is called
// before ReloadInBackground returns.
func TestLargeProjectOpensInBackground(t *testing.T) {
	test.NewTempApp(t)
	p := newTestProject(t, true)
	wb, w, errs := openTestWorkbench(t, p)
	n := len(wb.events)
	if n < 2 {
		t.Fatalf("the sample project has %d events", n)
	}

	for _, c := range []struct {
		name       string
		threshold  int
		background bool
	}{
		{"small project: read at once", n + 1, false},
		{"large project: read in the background", n, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			defer func(old int) { backgroundEvents = old }(backgroundEvents)
			backgroundEvents = c.threshold
			wb.events = nil
			done := make(chan error, 1)
			// The reading waits until the test has looked at the dialog (the
			// test driver runs fyne.Do on the calling goroutine at once).
			release := make(chan struct{})
			defer func(old func(*storage.Project) (projectData, error)) { readInBackground = old }(readInBackground)
			readInBackground = func(p *storage.Project) (projectData, error) {
				<-release
				return readProject(p)
			}
			var dialogText string
			wb.ReloadInBackground(func(err error) {
				done <- err
			})
			// The dialog is the window's top overlay while reading.
			if top := w.Canvas().Overlays().Top(); top != nil {
				dialogText = overlayText(top)
			}
			close(release)
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("done was not called")
			}
			if c.background {
				want := "Reading " + strconv.Itoa(n) + " events from wb.gpkg…" // n < 1000: no separator
				if !strings.Contains(dialogText, want) || !strings.Contains(dialogText, "Opening the project") {
					t.Errorf("while reading, the dialog says %q, want %q", dialogText, want)
				}
			} else if dialogText != "" {
				t.Errorf("a small project showed a dialog: %q", dialogText)
			}
			if len(wb.events) != n {
				t.Errorf("after done, the workbench holds %d events, want %d", len(wb.events), n)
			}
			if top := w.Canvas().Overlays().Top(); top != nil {
				t.Errorf("a dialog is left on screen after reading: %q", overlayText(top))
			}
		})
	}
	if len(*errs) != 0 {
		t.Errorf("errors: %v", *errs)
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
