package present

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"

	"eventatlas/mapview/render"
)

// slidesDirs are the folders S tries in turn: "Event Atlas" in the user's
// pictures folder ($XDG_PICTURES_DIR, what `xdg-user-dir PICTURES` says,
// or ~/Pictures), then "Event Atlas slides" in the home folder.
func slidesDirs() []string {
	home, err := os.UserHomeDir()
	if err != nil {
		return []string{filepath.Join(os.TempDir(), "Event Atlas")}
	}
	xdg := os.Getenv("XDG_PICTURES_DIR")
	if xdg == "" {
		if out, err := exec.Command("xdg-user-dir", "PICTURES").Output(); err == nil {
			xdg = string(out)
		}
	}
	return dirsFor(home, xdg)
}

// dirsFor is slidesDirs for home folder home and pictures folder xdg as
// `xdg-user-dir PICTURES` prints it. That prints the home folder itself
// when no pictures folder is configured; ~/Pictures is used then, as when
// xdg is empty or not absolute.
func dirsFor(home, xdg string) []string {
	pics := filepath.Join(home, "Pictures")
	if d := strings.TrimSpace(xdg); d != "" && filepath.IsAbs(d) && filepath.Clean(d) != filepath.Clean(home) {
		pics = filepath.Clean(d)
	}
	return []string{filepath.Join(pics, "Event Atlas"), filepath.Join(home, "Event Atlas slides")}
}

// Slug is s as part of a file name: lower-case letters and digits, in any
// script, with one "-" for each run of anything else ("Security incident ·
// 1 Mar 2025" is "security-incident-1-mar-2025"); "" when s has none.
func Slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// slideName is the file name of slide i (−1: the overview) of a
// presentation titled title: "border-talks-03.png".
func slideName(title string, i int) string {
	base := Slug(title)
	if base == "" {
		base = "slide"
	}
	if i < 0 {
		return base + "-overview.png"
	}
	return fmt.Sprintf("%s-%02d.png", base, i+1)
}

// maxScopeInName is the most characters of the filter's description a
// slide's file name carries.
const maxScopeInName = 48

// slideFile is the file name of the slide shown: the title and the
// filter's scope, so that the slides of two filtered runs do not replace
// each other ("3k-security-incident-1-mar-2025-31-may-2025-07.png"), then
// the slide's number, "overview" or "end".
func (s *Show) slideFile() string {
	base := s.title
	if sc := []rune(s.scope); len(sc) > 0 {
		base += " " + string(sc[:min(len(sc), maxScopeInName)])
	}
	if styleForTheme().Name == "dark" {
		base += " dark" // the dark slides do not replace the light ones
	}
	if s.ended {
		return strings.TrimSuffix(slideName(base, -1), "-overview.png") + "-end.png"
	}
	return slideName(base, s.at)
}

// slideScale is the pixel density of saved slides: sharp on a projector
// and in a slide deck.
const slideScale = 2

// slideImage draws what the presentation shows — the map with the caption
// card — at slideScale, off screen: the map from the engine, the card by
// Fyne's software renderer (a window's own capture depends on the graphics
// driver and comes back black on some).
func (s *Show) slideImage() image.Image {
	v := s.mapW.View()
	size := s.mapW.Size()
	if size.Width < 1 || size.Height < 1 {
		size = fyne.NewSize(float32(v.Width), float32(v.Height))
	}
	// As on the screen: the map magnified for the room, the card at its size.
	v.Scale = slideScale * float64(size.Width) / float64(v.Width)
	bg := canvas.NewImageFromImage(s.engine.Render(v, render.Selection{Selected: s.selected()}))
	bg.FillMode = canvas.ImageFillStretch
	c := newCard()
	c.show(s.slideCaption())
	card := container.NewThemeOverride(c.box, roomTheme{fyne.CurrentApp().Settings().Theme()})
	sc := software.NewCanvas()
	sc.SetPadded(false)
	sc.SetScale(slideScale)
	layers := container.NewStack(bg, container.New(cardLayout{}, card))
	if s.loc.shown {
		layers.Add(container.New(cornerLayout{}, s.loc.copyObject()))
	}
	sc.SetContent(layers)
	sc.Resize(size)
	return sc.Capture()
}

// slideCaption is the card of a saved slide: what the screen shows but the
// keys, which are for the presenter, not the slide deck.
func (s *Show) slideCaption() caption {
	c := s.caption()
	c.hint = ""
	return c
}

// SaveSlide writes what the presentation shows — the map with the caption
// — as a PNG at twice the screen's logical size in the slides folder and
// returns its path. An existing file of that name is replaced, so saving a
// slide again after panning updates it.
func (s *Show) SaveSlide() (string, error) {
	return writeSlideIn(s.slideImage(), s.dirs(), s.slideFile())
}

// dirs are the folders a slide is saved in, in the order tried.
func (s *Show) dirs() []string {
	if s.fallback == "" || s.fallback == s.dir {
		return []string{s.dir}
	}
	return []string{s.dir, s.fallback}
}

// writeSlideIn writes img as name in the first of dirs where that works;
// the error is the first folder's when none does.
func writeSlideIn(img image.Image, dirs []string, name string) (string, error) {
	var first error
	for _, d := range dirs {
		path, err := writeSlide(img, d, name)
		if err == nil {
			return path, nil
		}
		if first == nil {
			first = err
		}
	}
	if first == nil {
		first = fmt.Errorf("cannot save the slide: no folder to save it in")
	}
	return "", first
}

// saveSlide (key S) draws the slide at once and writes it in the
// background — encoding a picture this size takes a second or two — then
// says where it went. saved, when set, is called with the result (tests).
func (s *Show) saveSlide() {
	img, dirs, name := s.slideImage(), s.dirs(), s.slideFile()
	s.say("Saving " + name + "…")
	go func() {
		path, err := writeSlideIn(img, dirs, name)
		fyne.Do(func() {
			if err != nil {
				s.say(err.Error())
			} else {
				s.say("Saved " + tildeHome(path))
			}
			if s.saved != nil {
				s.saved(path, err)
			}
		})
	}()
}

// toastTime is how long a message stays on screen (a variable for tests,
// which check the message on slow machines).
var toastTime = 3 * time.Second

// writeSlide encodes img as dir/name, through a temporary file so that a
// failed write leaves no half picture. It makes dir when it is missing.
func writeSlide(img image.Image, dir, name string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot save the slide: %w", err)
	}
	path := filepath.Join(dir, name)
	tmp, err := os.CreateTemp(dir, ".slide-*.png")
	if err != nil {
		return "", fmt.Errorf("cannot save the slide: %w", err)
	}
	werr := png.Encode(tmp, img)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("cannot save the slide: %w", werr)
	}
	return path, nil
}

// tildeHome writes path under the home folder as "~/…", shorter on the
// card.
func tildeHome(path string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return path
	}
	if rel, err := filepath.Rel(home, path); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
		return "~" + string(filepath.Separator) + rel
	}
	return path
}
