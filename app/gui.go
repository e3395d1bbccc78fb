package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate/gazetteer"
	"eventatlas/app/safewrite"
	"eventatlas/app/workbench"
	"eventatlas/assets"
	"eventatlas/mapview/render"
	"eventatlas/storage"
)

// prefLastProject is the preference that remembers the last project opened.
const prefLastProject = "lastProject"

// runGUI opens the desktop window on the project at path, or on the last
// project, or on a new sample project on the first run.
func runGUI(path string, stderr io.Writer) int {
	// Fyne creates its cache folder without parents: make sure they exist on
	// a fresh account so it does not log errors.
	if d, err := os.UserCacheDir(); err == nil {
		os.MkdirAll(d, 0o755)
	}
	a := fyneapp.NewWithID("org.eventatlas.app")
	// Save dialogs must not empty the file the user picks (safewrite).
	if err := safewrite.Install(); err != nil {
		fmt.Fprintln(stderr, "eventatlas: save dialogs may empty an existing file they are pointed at:", err)
	}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	w := a.NewWindow("Event Atlas")
	w.Resize(fyne.NewSize(1440, 880))

	g, err := loadGazetteer()
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas:", err)
		return 1
	}
	bm, err := assets.LoadBaseMap()
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas:", err)
		return 1
	}
	engine, err := render.NewMap(bm, theme.DefaultTextFont().Content())
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas:", err)
		return 1
	}

	p, openErr := openStartProject(a, path, g)
	if p == nil {
		// Nothing could be opened: fall back to the default project so the user
		// still gets a window, and say what went wrong.
		var err error
		if p, err = openOrCreateDefault(g); err != nil {
			err = errors.Join(openErr, err)
			fmt.Fprintln(stderr, "eventatlas:", err)
			showFatal(a, w, err)
			return 1
		}
	}
	wb := workbench.New(w, p, g, engine)
	wb.ExportFunc = func(format, out string) (string, error) { return Export(wb.Project(), format, out) }
	wb.ImportFunc = func(name string) (string, error) { return ImportFile(wb.Project(), name) }
	wb.NewMapEngine = func() (*render.Map, error) { return render.NewMap(bm, theme.DefaultTextFont().Content()) }
	wb.PreviewFunc = func(name string) (*workbench.EventImport, error) {
		ep, err := PreviewEvents(wb.Project(), name)
		if err != nil {
			return nil, err
		}
		return ep.Workbench(wb.Project()), nil
	}
	w.SetContent(wb.Content())
	w.SetMainMenu(wb.MainMenu(func() { openProjectDialog(a, w, wb, g) }, func() { newProjectDialog(a, w, wb, g) }))
	wb.AddShortcuts()
	showFirstProject(a, w, wb, g, openErr, stderr)
	// However the app ends — the window closed, Quit, or told to stop at
	// logout — the edits are saved and the project closed: its log written
	// into the .gpkg and its lock file removed, nothing left beside it.
	var leave, closing sync.Once
	closeProject := func() {
		closing.Do(func() {
			if err := wb.Project().Close(); err != nil {
				fmt.Fprintln(stderr, "eventatlas: closing the project:", err)
			}
		})
	}
	shutdown := func() {
		leave.Do(func() {
			wb.SaveLayout()
			wb.SavePendingEdits()
		})
		closeProject()
	}
	w.SetOnClosed(shutdown)
	stopOnSignal(shutdown, closeProject)
	w.ShowAndRun()
	closeProject() // Fyne's own quit (SIGINT, SIGTERM) closes no window
	return 0
}

// openStartProject opens the named project (creating it when it does not
// exist yet), else the last one, else the default sample project.
func openStartProject(a fyne.App, path string, g *gazetteer.Gazetteer) (*storage.Project, error) {
	if path != "" {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			p, err := createProject(path, nil)
			return p, err
		}
		p, err := storage.Open(path)
		return p, err
	}
	if last := a.Preferences().String(prefLastProject); last != "" {
		if _, err := os.Stat(last); err == nil {
			p, err := storage.Open(last)
			if err == nil {
				return p, nil
			}
			return nil, fmt.Errorf("cannot reopen the last project %s: %w", last, err)
		}
	}
	p, err := openOrCreateDefault(g)
	return p, err
}

// showFirstProject fills the workbench from its project and remembers it.
// openErr is why the project asked for is not the one shown, if it is
// not. When the project cannot be read (a value Open's checks do not look
// at, such as a geometry that does not parse), it is closed and the sample
// shown instead (fallBack).
func showFirstProject(a fyne.App, w fyne.Window, wb *workbench.Workbench, g *gazetteer.Gazetteer, openErr error, stderr io.Writer) {
	w.SetTitle("Event Atlas — " + wb.Project().Path())
	wb.ReloadInBackground(func(err error) {
		if err != nil {
			err = fmt.Errorf("cannot read %s: %w", wb.Project().Path(), err)
			fmt.Fprintln(stderr, "eventatlas:", err)
			fallBack(a, w, wb, g, err)
			return
		}
		remember(a, w, wb.Project())
		if openErr != nil {
			fmt.Fprintln(stderr, "eventatlas:", openErr)
			dialog.ShowError(fmt.Errorf("%w\n\nShowing %s instead.", openErr, wb.Project().Path()), w)
		}
	})
}

// remember names p in the title bar and as the project to open next time.
func remember(a fyne.App, w fyne.Window, p *storage.Project) {
	a.Preferences().SetString(prefLastProject, p.Path())
	w.SetTitle("Event Atlas — " + p.Path())
}

// fallBack closes the workbench's project, which could not be read, and
// shows the sample project instead with the reason, so the app is never
// left with a project open (and writable) whose content it could not
// show. When the sample cannot be shown either, it says so and quits.
func fallBack(a fyne.App, w fyne.Window, wb *workbench.Workbench, g *gazetteer.Gazetteer, err error) {
	failed := wb.Project()
	sample, serr := defaultProjectPath()
	if serr == nil && sample == failed.Path() {
		serr = errors.New("it is the sample project")
	}
	var p *storage.Project
	if serr == nil {
		failed.Close() // releases its lock before the sample is opened
		p, serr = openOrCreateDefault(g)
	}
	if serr == nil {
		if serr = wb.SetProject(p); serr != nil {
			p.Close()
		}
	}
	if serr != nil {
		failed.Close()
		w.SetMainMenu(nil)
		w.SetContent(widget.NewLabel("Event Atlas could not open a project."))
		d := dialog.NewError(errors.Join(err, fmt.Errorf("the sample project cannot be shown either: %w", serr)), w)
		d.SetOnClosed(a.Quit)
		d.Show()
		return
	}
	remember(a, w, p)
	dialog.ShowError(fmt.Errorf("%w\n\nShowing %s instead.", err, p.Path()), w)
}

// switchProject shows p in the workbench and remembers it; when p cannot
// be read it shows the sample instead (fallBack).
func switchProject(a fyne.App, w fyne.Window, wb *workbench.Workbench, g *gazetteer.Gazetteer, p *storage.Project) {
	if err := wb.SetProject(p); err != nil {
		fallBack(a, w, wb, g, fmt.Errorf("cannot read %s: %w", p.Path(), err))
		return
	}
	remember(a, w, p)
}

func openProjectDialog(a fyne.App, w fyne.Window, wb *workbench.Workbench, g *gazetteer.Gazetteer) {
	wb.PickProjectFile(func(path string) {
		if path == wb.Project().Path() {
			return
		}
		p, err := storage.Open(path)
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		switchProject(a, w, wb, g, p)
	})
}

func newProjectDialog(a fyne.App, w fyne.Window, wb *workbench.Workbench, g *gazetteer.Gazetteer) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		// The dialog creates the file it returns. Remove it only when it is that
		// empty file: an existing project is never overwritten.
		if st, err := os.Stat(path); err == nil && st.Size() > 0 {
			dialog.ShowError(fmt.Errorf("%s already exists: choose a new file name for the new project", path), w)
			return
		}
		os.Remove(path)
		if !strings.HasSuffix(strings.ToLower(path), ".gpkg") {
			path += ".gpkg"
		}
		p, err := createProject(path, nil)
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		switchProject(a, w, wb, g, p)
	}, w)
	d.SetFileName("project.gpkg")
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".gpkg"}))
	wb.StartInProjectFolder(d)
	d.Show()
	d.Resize(workbench.DialogSize(w.Canvas().Size()))
}

// showFatal tells the user, in a window, why no project could be opened (for
// instance because another Event Atlas has it open) and quits when they close
// the message.
func showFatal(a fyne.App, w fyne.Window, err error) {
	w.Resize(fyne.NewSize(640, 360))
	w.SetContent(widget.NewLabel("Event Atlas could not open a project."))
	d := dialog.NewError(err, w)
	d.SetOnClosed(a.Quit)
	d.Show()
	w.ShowAndRun()
}

// stopOnSignal ends the program when its session ends or it is told to
// stop (SIGTERM, SIGINT, SIGHUP): shutdown runs on the UI goroutine, and
// if it has not run within 3 s — Fyne stops its loop by itself on SIGINT
// and SIGTERM, and runs nothing more — closeProject runs from here. Either
// way the project is closed before the program exits.
func stopOnSignal(shutdown, closeProject func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	go func() {
		<-sigs
		done := make(chan struct{})
		fyne.Do(func() {
			shutdown()
			close(done)
		})
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			closeProject()
		}
		os.Exit(0)
	}()
}
