package reader

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"eventatlas/annotate"
	"eventatlas/assets"
)

// TestRenderSample draws the sample article with two highlights (one nested
// in the other, the inner one active), place marks and a selection, checks
// pixels of the bands and saves the PNG to $READER_PNG_DIR or the test's temp
// directory.
func TestRenderSample(t *testing.T) {
	for _, tt := range []struct {
		name   string
		theme  fyne.Theme
		active string
	}{
		{"dark", theme.DarkTheme(), "talks"},
		{"light", theme.LightTheme(), ""},
	} {
		t.Run(tt.name, func(t *testing.T) { renderSample(t, tt.theme, tt.active, tt.name) })
	}
}

func renderSample(t *testing.T, th fyne.Theme, active, name string) {
	test.NewTempApp(t).Settings().SetTheme(th)
	text := assets.SampleArticle()
	r := New()
	r.SetArticle(annotate.Article{
		Title:     "Tajik delegation visits Kunduz for talks with Taliban officials",
		Outlet:    "CentralasianLIGHT.org",
		Published: time.Date(2025, 11, 13, 0, 0, 0, 0, time.UTC),
		URL:       "https://centralasianlight.org/news/tajik-delegation-kunduz",
		Text:      text,
	})
	blue := color.NRGBA{0x00, 0x72, 0xB2, 0xff}  // Diplomacy
	green := color.NRGBA{0x00, 0x9E, 0x73, 0xff} // Security cooperation
	visit := runeIndex(t, text, "a Tajik delegation visited Kunduz", 0)
	talks := runeIndex(t, text, "held talks", 0)
	r.SetHighlights([]Highlight{
		{Start: visit, End: visit + annotate.RuneLen("a Tajik delegation visited Kunduz and held talks with Taliban officials on security, intelligence and political matters"), Color: blue, ID: "visit"},
		{Start: talks, End: talks + annotate.RuneLen("held talks"), Color: green, ID: "talks"},
	})
	r.SetActive(active)
	var marks []Range
	for _, w := range []string{"Kunduz", "Dushanbe", "Balkh", "Khatlon"} {
		marks = append(marks, everyMatch(text, w)...)
	}
	r.SetPlaceMarks(marks)
	sel := runeIndex(t, text, "Yousuf Wafa", 0)
	r.SetSelection(sel, sel+annotate.RuneLen("Yousuf Wafa"))

	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(560, 640))
	img := w.Canvas().Capture()

	dir := os.Getenv("READER_PNG_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "reader-"+name+".png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()
	t.Logf("saved %s", path)

	// a band pixel just above the text of "visited" is tinted blue
	p := glyphPos(t, r, runeIndex(t, text, "visited", 0)+1, 0.5)
	p = p.Add(r.Position()).Add(fyne.NewPos(0, -r.lay.m.textH/2))
	if c := pixel(img, w.Canvas().Scale(), p); !(c.B > c.R+0x20) {
		t.Errorf("pixel %v over the blue highlight is %v, want blue-tinted", p, c)
	}
}

func pixel(img image.Image, scale float32, p fyne.Position) color.NRGBA {
	return color.NRGBAModel.Convert(img.At(int(p.X*scale), int(p.Y*scale))).(color.NRGBA)
}

// TestFindMarksEveryMatch finds "Kunduz": every match in view is tinted in
// the theme's warning hue, not only the current one; an empty search
// clears the marks.
func TestFindMarksEveryMatch(t *testing.T) {
	text := "Talks in Kunduz went well. Officials from Kunduz and Balkh met. The Kunduz governor spoke."
	r := newTestReader(t, text, 560, 300)
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(560, 300))
	if got := r.Find("kunduz"); len(got) != 3 {
		t.Fatalf("Find = %v, want 3 matches", got)
	}
	r.ShowMatch(0)
	warn := color.NRGBAModel.Convert(test.Theme().Color(theme.ColorNameWarning, theme.VariantLight)).(color.NRGBA)
	tinted := func(img image.Image, n int) bool {
		p := glyphPos(t, r, runeIndex(t, text, "Kunduz", n)+2, 0.5)
		p = p.Add(r.Position()).Add(fyne.NewPos(0, -r.lay.m.textH/2))
		c := pixel(img, w.Canvas().Scale(), p)
		// Over the page the warning hue raises red above blue.
		return int(c.R)-int(c.B) > 0x20 && warn.R > warn.B
	}
	img := w.Canvas().Capture()
	for n := 1; n < 3; n++ {
		if !tinted(img, n) {
			t.Errorf("match %d is not marked", n+1)
		}
	}
	r.Find("")
	img = w.Canvas().Capture()
	if tinted(img, 1) {
		t.Error("the marks stayed after an empty search")
	}
}
