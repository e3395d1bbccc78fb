package app

import (
	"fmt"
	"image"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// diplomacyBlue counts the pixels of the Diplomacy colour (#0072B2) in r.
func diplomacyBlue(t *testing.T, path string, r image.Rectangle) int {
	t.Helper()
	img := readPNG(t, path)
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c, g, b, _ := img.At(x, y).RGBA()
			if c>>8 < 16 && g>>8 > 0x66 && g>>8 < 0x7e && b>>8 > 0xa6 && b>>8 < 0xbe {
				n++
			}
		}
	}
	return n
}

func TestRenderLegendFlag(t *testing.T) {
	dir, proj := newSample(t)
	box := image.Rect(0, 300, 400, 580) // bottom-left, above the scale bar
	counts := map[string]int{}
	for _, legend := range []string{"true", "false"} {
		out := filepath.Join(dir, "map-"+legend+".png")
		if code, _, errs := run("render", "-project", proj, "-o", out, "-size", "1000x600", "-legend="+legend); code != 0 {
			t.Fatalf("render -legend=%s: exit %d: %s", legend, code, errs)
		}
		counts[legend] = diplomacyBlue(t, out, box)
	}
	if counts["true"] < counts["false"]+20 {
		t.Errorf("Diplomacy blue in the legend corner: %d with the legend, %d without; want at least 20 more with it", counts["true"], counts["false"])
	}
}

func TestRenderCenterZoom(t *testing.T) {
	dir, proj := newSample(t)
	out := filepath.Join(dir, "dushanbe.png")
	// Dushanbe, where the Balkh governor's trip (Diplomacy) ends, zoomed in:
	// the line's arrowhead sits at the middle of the image.
	if code, _, errs := run("render", "-project", proj, "-o", out, "-size", "600x400", "-center", "68.78,38.54", "-zoom", "10", "-legend=false"); code != 0 {
		t.Fatalf("render -center -zoom: exit %d: %s", code, errs)
	}
	centre := image.Rect(290, 190, 310, 210)
	if n := diplomacyBlue(t, out, centre); n < 100 {
		t.Errorf("Diplomacy blue at the centre of the view on Dushanbe: %d pixels, want at least 100", n)
	}
	// The same zoom east of Dushanbe, where there are no events.
	if code, _, errs := run("render", "-project", proj, "-o", out, "-size", "600x400", "-center", "70.5,38.54", "-zoom", "10", "-legend=false"); code != 0 {
		t.Fatalf("render -center -zoom: exit %d: %s", code, errs)
	}
	if n := diplomacyBlue(t, out, centre); n != 0 {
		t.Errorf("Diplomacy blue at the centre of a view with no events: %d pixels, want 0", n)
	}
	for _, c := range []struct {
		flag, value, want string
	}{
		{"-center", "Dushanbe", `-center "Dushanbe": want LON,LAT in degrees, e.g. 68.78,38.54`},
		{"-center", "68.78,98", `-center "68.78,98": want LON,LAT in degrees, e.g. 68.78,38.54`},
		{"-zoom", "30", "-zoom 30 is outside 1..19"},
		{"-fit", "world", `-fit "world": want region or events`},
	} {
		code, _, errs := run("render", "-project", proj, "-o", out, c.flag, c.value)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("render %s %s: exit %d, stderr %q; want 2 (a wrong argument) and %q", c.flag, c.value, code, errs, c.want)
		}
	}
}

// TestRenderGroupFlag: 40 Diplomacy points at one spot draw as one bubble
// (a white disc with the count in a blue ring) by default, and as the
// symbols themselves with -group=false.
func TestRenderGroupFlag(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "dense.gpkg")
	p, err := storage.Create(proj)
	if err != nil {
		t.Fatal(err)
	}
	var evs []annotate.Event
	for i := range 40 {
		evs = append(evs, annotate.Event{Type: "Diplomacy", Title: fmt.Sprintf("meeting %d", i),
			Geometry: orb.Point{68.0 + float64(i%8)*0.004, 37.5 + float64(i/8)*0.004}})
	}
	if _, err := p.ImportEvents(evs); err != nil {
		t.Fatal(err)
	}
	p.Close()
	centre := image.Rect(280, 180, 320, 220)
	white := map[string]int{}
	for _, group := range []string{"true", "false"} {
		out := filepath.Join(dir, "group-"+group+".png")
		if code, _, errs := run("render", "-project", proj, "-o", out, "-size", "600x400", "-center", "68.014,37.508",
			"-zoom", "7", "-legend=false", "-group="+group); code != 0 {
			t.Fatalf("render -group=%s: exit %d: %s", group, code, errs)
		}
		img := readPNG(t, out)
		for y := centre.Min.Y; y < centre.Max.Y; y++ {
			for x := centre.Min.X; x < centre.Max.X; x++ {
				if r, g, b, _ := img.At(x, y).RGBA(); r>>8 >= 0xFA && g>>8 >= 0xFA && b>>8 >= 0xFA {
					white[group]++
				}
			}
		}
	}
	if white["true"] < 300 || white["false"] > 100 {
		t.Errorf("white pixels at the spot: %d grouped, %d with -group=false; want ≥ 300 (the bubble's disc) and ≤ 100 (symbols' outlines)",
			white["true"], white["false"])
	}
}

// TestRenderWhileTheAppHasTheProject draws a project another Event Atlas
// holds open: from a copy of what it saved, saying so, with the same events.
func TestRenderWhileTheAppHasTheProject(t *testing.T) {
	dir, proj := newSample(t)
	free := filepath.Join(dir, "free.png")
	if code, _, errs := run("render", "-project", proj, "-o", free, "-size", "1000x600", "-legend=false"); code != 0 {
		t.Fatalf("render: exit %d: %s", code, errs)
	}
	p, err := storage.Open(proj) // the app
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	held := filepath.Join(dir, "held.png")
	code, _, errs := run("render", "-project", proj, "-o", held, "-size", "1000x600", "-legend=false")
	if code != 0 {
		t.Fatalf("render of an open project: exit %d: %s", code, errs)
	}
	if want := "s.gpkg is open in Event Atlas: drawing what it has saved"; !strings.Contains(errs, want) {
		t.Errorf("stderr %q lacks %q", errs, want)
	}
	all := image.Rect(0, 0, 1000, 600)
	if a, b := diplomacyBlue(t, free, all), diplomacyBlue(t, held, all); a == 0 || a != b {
		t.Errorf("Diplomacy pixels: %d drawn from the free project, %d from the open one", a, b)
	}
}

func TestRenderRefusesATinyImage(t *testing.T) {
	_, proj := newSample(t)
	code, _, errs := run("render", "-project", proj, "-o", filepath.Join(t.TempDir(), "x.png"), "-size", "100x50")
	if want := `-size "100x50": want WIDTHxHEIGHT between 480x320 and 8000x8000, e.g. 1280x800`; code != 2 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr %q; want 2 (a wrong argument) and %q", code, errs, want)
	}
}
