package main

import (
	"bufio"
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSmokeRealWindow builds the real binary, starts it under Xvfb with an
// empty HOME, waits for its window, takes a screenshot and checks that the
// first run created the sample project and drew the map and the article.
func TestSmokeRealWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("smoke test skipped with -short")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (make test installs xvfb, xdotool and imagemagick): %v", tool, err)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "eventatlas")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	display := startXvfb(t)
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{"HOME=" + home, "DISPLAY=" + display, "PATH=" + os.Getenv("PATH"), "LIBGL_ALWAYS_SOFTWARE=1", "FYNE_THEME=light"}
	app := exec.Command(bin)
	app.Env = env
	var appOut bytes.Buffer
	app.Stdout, app.Stderr = &appOut, &appOut
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Process.Kill() })

	if !waitFor(60*time.Second, func() bool {
		cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Event Atlas")
		cmd.Env = env
		out, err := cmd.Output()
		return err == nil && len(bytes.TrimSpace(out)) > 0
	}) {
		t.Fatalf("no Event Atlas window appeared within 60 s; app output:\n%s", appOut.String())
	}
	project := filepath.Join(home, ".local", "share", "eventatlas", "sample-project.gpkg")
	if _, err := os.Stat(project); err != nil {
		t.Fatalf("first run did not create the sample project: %v", err)
	}
	time.Sleep(4 * time.Second) // let the first frames and the map render settle
	shot := filepath.Join(dir, "shot.png")
	imp := exec.Command("import", "-window", "root", shot)
	imp.Env = env
	if out, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, out)
	}
	if keep := os.Getenv("EVENTATLAS_SMOKE_SHOT"); keep != "" {
		b, _ := os.ReadFile(shot)
		os.WriteFile(keep, b, 0o644)
	}
	img := readPNG(t, shot)
	b := img.Bounds()
	// The map fills the right part of the window: its land colour and the
	// blue of the diplomacy events must be there.
	mapArea := image.Rect(b.Min.X+b.Dx()*64/100, b.Min.Y+b.Dy()/8, b.Max.X-10, b.Max.Y-b.Dy()/8)
	land := countPixels(img, mapArea, func(r, g, bl uint8) bool { return near(r, 0xF2, 24) && near(g, 0xEF, 24) && near(bl, 0xE9, 24) })
	if frac := float64(land) / float64(mapArea.Dx()*mapArea.Dy()); frac < 0.15 {
		t.Errorf("map area holds %.0f%% land-coloured pixels, want ≥ 15%%: was the base map drawn?", 100*frac)
	}
	diplomacy := countPixels(img, mapArea, func(r, g, bl uint8) bool { return near(r, 0x00, 40) && near(g, 0x72, 40) && near(bl, 0xB2, 40) })
	if diplomacy < 20 {
		t.Errorf("found %d pixels of the Diplomacy event colour on the map, want ≥ 20: were the events drawn?", diplomacy)
	}
	// The reader sits in the upper middle: dark text pixels on a light page
	// (the sample article fills it with about 3,000).
	readerArea := image.Rect(b.Min.X+b.Dx()*27/100, b.Min.Y+b.Dy()/10, b.Min.X+b.Dx()*57/100, b.Min.Y+b.Dy()/2)
	ink := countPixels(img, readerArea, func(r, g, bl uint8) bool { return r < 90 && g < 90 && bl < 90 })
	if ink < 1200 {
		t.Errorf("found %d dark text pixels in the reader, want ≥ 1200: was the article drawn?", ink)
	}
	// Told to stop (as at logout), the app closes the project: the log is
	// written into the .gpkg and the lock goes, nothing is left beside it.
	app.Process.Signal(syscall.SIGTERM)
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("after SIGTERM the app ended with %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Error("the app did not end within 15 s of SIGTERM")
	}
	for _, side := range []string{".lock", "-wal", "-shm", "-journal"} {
		if _, err := os.Stat(project + side); err == nil {
			t.Errorf("%s left beside the project after SIGTERM", filepath.Base(project+side))
		}
	}
	if t.Failed() {
		t.Logf("app output:\n%s", appOut.String())
	}
}

func startXvfb(t *testing.T) string {
	t.Helper()
	// Xvfb picks a free display itself and writes its number to the pipe
	// when it is ready (-displayfd): sockets left by killed servers in
	// /tmp/.X11-unix do not get in the way.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1440x900x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w} // fd 3 in the child
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		// SIGTERM lets Xvfb remove its socket and lock file.
		x.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { x.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			x.Process.Kill()
			<-done
		}
	})
	num := make(chan string, 1)
	go func() {
		b, _ := bufio.NewReader(r).ReadString('\n')
		num <- strings.TrimSpace(b)
	}()
	select {
	case n := <-num:
		if n == "" {
			t.Fatal("Xvfb exited without a display")
		}
		return ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start within 20 s")
	}
	return ""
}

func waitFor(limit time.Duration, ok func() bool) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(250 * time.Millisecond) {
		if ok() {
			return true
		}
	}
	return false
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot %s: %v", path, err)
	}
	return img
}

func countPixels(img image.Image, r image.Rectangle, match func(r, g, b uint8) bool) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if match(uint8(cr>>8), uint8(cg>>8), uint8(cb>>8)) {
				n++
			}
		}
	}
	return n
}

func near(v, want, tol uint8) bool {
	d := int(v) - int(want)
	return d >= -int(tol) && d <= int(tol)
}
