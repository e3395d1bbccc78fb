package present

import (
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/theme"
)

func TestSlideName(t *testing.T) {
	cases := []struct {
		title string
		i     int
		want  string
	}{
		{"Border talks", 2, "border-talks-03.png"},
		{"sample-project", -1, "sample-project-overview.png"},
		{"  Кундуз / 2025!  ", 0, "кундуз-2025-01.png"},
		{"***", 9, "slide-10.png"},
	}
	for _, c := range cases {
		if got := slideName(c.title, c.i); got != c.want {
			t.Errorf("slideName(%q, %d) = %q, want %q", c.title, c.i, got, c.want)
		}
	}
}

// TestSaveSlide: S writes the window — map and caption — as a PNG named
// after the project and the slide, and says where.
func TestSaveSlide(t *testing.T) {
	s := newTestShow(t)
	s.dir = filepath.Join(t.TempDir(), "slides")
	s.fallback = ""
	key(s, "Right")
	saved := make(chan error, 1)
	s.saved = func(_ string, err error) { saved <- err }
	wait := func() error {
		select {
		case err := <-saved:
			return err
		case <-time.After(20 * time.Second):
			t.Fatal("the slide was not written")
			return nil
		}
	}
	s.typedRune('s')
	if err := wait(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(s.dir, "border-talks-01.png")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no slide written: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if w, b := s.mapW.Size(), img.Bounds(); b.Dx() != int(math.Round(2*float64(w.Width))) || b.Dy() != int(math.Round(2*float64(w.Height))) {
		t.Errorf("slide is %v, want the %.0f×%.0f map at twice the density", b, w.Width, w.Height)
	}
	// The card (the theme's overlay colour) in the top-left corner, the map
	// (no pixel of that colour) at the bottom right.
	card := color.NRGBAModel.Convert(theme.Color(theme.ColorNameOverlayBackground)).(color.NRGBA)
	same := func(x, y int) bool {
		c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
		return c == card
	}
	if !same(120, 60) {
		t.Errorf("slide pixel (120, 60) is %v, want the card's %v", img.At(120, 60), card)
	}
	if same(2300, 1200) {
		t.Errorf("slide pixel (2400, 1200) is the card's colour, want the map")
	}
	if !s.toastBox.Visible() || !strings.Contains(s.toast.Text, path) || s.toastBox.Size().Width < 200 {
		t.Errorf("message %q (shown %v, %v wide), want the path", s.toast.Text, s.toastBox.Visible(), s.toastBox.Size().Width)
	}
	// Saving again replaces the file; nothing else is left in the folder.
	s.typedRune('S')
	wait()
	entries, _ := os.ReadDir(s.dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the slides folder, want 1", len(entries))
	}
	// An unwritable folder is said, not a crash.
	s.dir = filepath.Join(path, "sub") // a file's child
	s.typedRune('s')
	if err := wait(); err == nil || !strings.Contains(s.toast.Text, "cannot save the slide") {
		t.Errorf("message %q, want the error", s.toast.Text)
	}
	// With a fallback folder, the slide goes there instead.
	s.fallback = filepath.Join(t.TempDir(), "Event Atlas slides")
	s.typedRune('s')
	if err := wait(); err != nil {
		t.Fatalf("with a fallback folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(s.fallback, "border-talks-01.png")); err != nil {
		t.Errorf("slide not in the fallback folder: %v", err)
	}
}

func TestDirsFor(t *testing.T) {
	cases := []struct {
		name, xdg string
		want      string
	}{
		{"xdg-user-dir's folder", "/home/ann/Bilder\n", "/home/ann/Bilder/Event Atlas"},
		{"no pictures folder set: it prints the home", "/home/ann\n", "/home/ann/Pictures/Event Atlas"},
		{"no xdg-user-dir", "", "/home/ann/Pictures/Event Atlas"},
		{"relative answer", "Pictures", "/home/ann/Pictures/Event Atlas"},
		{"trailing slash", "/data/pics/", "/data/pics/Event Atlas"},
	}
	for _, c := range cases {
		got := dirsFor("/home/ann", c.xdg)
		if len(got) != 2 || got[0] != c.want || got[1] != "/home/ann/Event Atlas slides" {
			t.Errorf("%s: dirsFor = %q, want [%q, \"/home/ann/Event Atlas slides\"]", c.name, got, c.want)
		}
	}
}

func TestTildeHome(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home folder")
	}
	cases := []struct{ in, want string }{
		{filepath.Join(home, "Pictures", "Event Atlas", "a-01.png"), "~/Pictures/Event Atlas/a-01.png"},
		{"/elsewhere/a-01.png", "/elsewhere/a-01.png"},
		{home, home},
	}
	for _, c := range cases {
		if got := tildeHome(c.in); got != c.want {
			t.Errorf("tildeHome(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Security incident · 1 Mar 2025 – 31 May 2025", "security-incident-1-mar-2025-31-may-2025"},
		{"  Проект: граница  ", "проект-граница"},
		{"···", ""},
	} {
		if got := Slug(c.in); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
