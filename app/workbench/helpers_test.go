package workbench

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"golang.org/x/image/font/gofont/goregular"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
	"eventatlas/app/sample"
	"eventatlas/assets"
	"eventatlas/mapview/render"
	"eventatlas/storage"
)

// testGazetteer and testBaseMap are built once: they are read-only.
var (
	testBaseMap *assets.BaseMap
	testGaz     *gazetteer.Gazetteer
)

func baseMapAndGazetteer(t testing.TB) (*assets.BaseMap, *gazetteer.Gazetteer) {
	t.Helper()
	if testGaz == nil {
		bm, err := assets.LoadBaseMap()
		if err != nil {
			t.Fatal(err)
		}
		g, err := gazetteer.FromBaseMap(bm)
		if err != nil {
			t.Fatal(err)
		}
		testBaseMap, testGaz = bm, g
	}
	return testBaseMap, testGaz
}

// newTestProject creates a project holding the sample article, and the
// sample events when withEvents is set.
func newTestProject(t *testing.T, withEvents bool) *storage.Project {
	t.Helper()
	_, g := baseMapAndGazetteer(t)
	p, err := storage.Create(filepath.Join(t.TempDir(), "wb.gpkg"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	a := sample.Article()
	if _, err := p.AddArticle(&a); err != nil {
		t.Fatal(err)
	}
	if withEvents {
		evs, err := sample.Events(g, a)
		if err != nil {
			t.Fatal(err)
		}
		for i := range evs {
			if err := p.SaveEvent(&evs[i]); err != nil {
				t.Fatal(err)
			}
		}
	}
	return p
}

// openTestWorkbench shows project p in a new test window with the menus and
// shortcuts the app binds.
func openTestWorkbench(t testing.TB, p *storage.Project) (*Workbench, fyne.Window, *[]error) {
	t.Helper()
	wb, w, errs, _ := openTestWorkbenchEngine(t, p)
	return wb, w, errs
}

// openTestWorkbenchEngine is openTestWorkbench that also returns the map's
// drawing engine.
func openTestWorkbenchEngine(t testing.TB, p *storage.Project) (*Workbench, fyne.Window, *[]error, *render.Map) {
	t.Helper()
	bm, g := baseMapAndGazetteer(t)
	engine, err := render.NewMap(bm, goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("EVENTATLAS_ANNOTATOR", "tester")
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	wb := New(w, p, g, engine)
	var errs []error
	wb.onError = func(err error) { errs = append(errs, err) }
	w.SetContent(wb.Content())
	w.SetMainMenu(wb.MainMenu(func() {}, func() {}))
	wb.AddShortcuts()
	w.Resize(fyne.NewSize(1400, 850))
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	return wb, w, &errs, engine
}

// newTestWorkbench opens a workbench in a test window on a new project that
// holds the sample article, and the sample events when withEvents is set.
func newTestWorkbench(t *testing.T, withEvents bool) (*Workbench, fyne.Window, *[]error) {
	t.Helper()
	test.NewTempApp(t)
	return openTestWorkbench(t, newTestProject(t, withEvents))
}

// offsetOf returns the code-point range of the first occurrence of s in text.
func offsetOf(t *testing.T, text, s string) (int, int) {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in text", s)
	}
	start := annotate.RuneLen(text[:i])
	return start, start + annotate.RuneLen(s)
}

// The helpers below deliver keys as the desktop driver does: runes and keys
// to the focused widget (the canvas when none is), Tab through the focus
// chain unless the focused widget takes it, and shortcuts to the main menu
// first, then to the focused widget, then to the canvas.

func typeText(w fyne.Window, s string) {
	c := w.Canvas()
	for _, r := range s {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		} else if h := c.OnTypedRune(); h != nil {
			h(r)
		}
	}
}

func key(w fyne.Window, name fyne.KeyName) {
	c := w.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if name == fyne.KeyTab {
		if t, ok := c.Focused().(fyne.Tabbable); !ok || !t.AcceptsTab() {
			c.FocusNext()
			return
		}
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// shiftKey presses name with a shift key held.
func shiftKey(w fyne.Window, name fyne.KeyName) {
	c := w.Canvas()
	down := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	if k, ok := c.Focused().(desktop.Keyable); ok {
		k.KeyDown(down)
	}
	if name == fyne.KeyTab {
		if t, ok := c.Focused().(fyne.Tabbable); !ok || !t.AcceptsTab() {
			c.FocusPrevious()
		} else {
			c.Focused().TypedKey(&fyne.KeyEvent{Name: name})
		}
	} else {
		key(w, name)
	}
	if k, ok := c.Focused().(desktop.Keyable); ok {
		k.KeyUp(down)
	}
}

func shortcut(w fyne.Window, sc fyne.Shortcut) {
	if m := w.MainMenu(); m != nil {
		for _, menu := range m.Items {
			for _, it := range menu.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
					it.Action()
					return
				}
			}
		}
	}
	c := w.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(sc)
}

func ctrlKey(k fyne.KeyName) fyne.Shortcut { return ctrl(k) }

func ctrlShiftKey(k fyne.KeyName) fyne.Shortcut { return ctrlShift(k) }

// focusedIs reports whether o has the keyboard.
func focusedIs(w fyne.Window, o fyne.Focusable) bool { return w.Canvas().Focused() == o }
