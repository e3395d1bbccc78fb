package reader

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"eventatlas/annotate"
)

const (
	dari = "یک هیئت تاجیکستانی به ولایت کندز سفر کرد و با مقامات طالبان در مورد امنیت، استخبارات و مسائل سیاسی گفتگو کرد."
	// mixed runs, right to left: "هیئت تاجیکستان به " "Kunduz" " در سال " "2024" " سفر کرد."
	mixed = "هیئت تاجیکستان به Kunduz در سال 2024 سفر کرد."
)

// joinedCut is rs[:k], with a ZERO WIDTH JOINER when the cut falls between
// two Arabic letters so that the last one keeps its joined (narrower) form.
func joinedCut(rs []rune, k int) string {
	if k > 0 && k < len(rs) && unicode.Is(unicode.Arabic, rs[k-1]) && unicode.Is(unicode.Arabic, rs[k]) {
		return string(rs[:k]) + "\u200d"
	}
	return string(rs[:k])
}

func measureBody(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
}

// rtlPos returns the widget position inside the glyph of code point off on a
// right-to-left line drawn as one run, frac of the way from its right
// (logical start) edge, measured with fyne.MeasureText from the right edge
// of the text column (only the line breaks come from the widget).
func rtlPos(t testing.TB, r *Reader, off int, frac float32) fyne.Position {
	t.Helper()
	l := r.lay.lines[r.lineOf(off)]
	rs := []rune(r.article.Text)
	right := r.lay.m.padX + r.lay.avail
	before := measureBody(joinedCut(rs[l.start:], off-l.start))
	glyph := measureBody(joinedCut(rs[l.start:], off+1-l.start)) - before
	return fyne.NewPos(right-before-glyph*frac, l.y-r.scrollY+r.lay.m.textH/2)
}

// bodyTexts returns the canvas.Text objects of the body (below the header).
func bodyTexts(r *Reader) []*canvas.Text {
	var out []*canvas.Text
	for _, o := range test.WidgetRenderer(r).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Position().Y >= r.lay.lines[0].y-r.scrollY {
			out = append(out, tx)
		}
	}
	return out
}

func TestRTLParagraphIsRightAligned(t *testing.T) {
	r := newTestReader(t, dari+"\n"+english, 500, 400)
	right := r.lay.m.padX + r.lay.avail
	var first, eng *canvas.Text
	for _, tx := range bodyTexts(r) {
		switch {
		case strings.HasPrefix(tx.Text, rlm+"یک هیئت"):
			first = tx
		case strings.HasPrefix(tx.Text, "A Tajik"):
			eng = tx
		}
	}
	if first == nil || eng == nil {
		t.Fatalf("texts %q: missing the first Dari line or the English one", renderedTexts(r))
	}
	if end := first.Position().X + measureBody(first.Text); end < right-0.5 || end > right+0.5 {
		t.Errorf("first Dari line ends at x=%v, want the column's right edge %v", end, right)
	}
	if x := eng.Position().X; x != r.lay.m.padX {
		t.Errorf("English line starts at x=%v, want %v", x, r.lay.m.padX)
	}
	if w, w0 := measureBody(rlm+"یک هیئت"), measureBody("یک هیئت"); w != w0 {
		t.Errorf("RLM changes the width: %v, want %v", w, w0)
	}

	// pixels: the ink of the first Dari line reaches the right edge and the
	// RLM draws no box at the right
	img, off := capture(t, r, 500, 400)
	l := r.lay.lines[0]
	x0, x1, ok := inkColumns(img, off, l.y-r.scrollY, r.lay.m.textH)
	if !ok {
		t.Fatal("no ink on the first line")
	}
	if x1 < right-4 || x1 > right+1 {
		t.Errorf("first line's ink ends at x=%v, want near %v", x1, right)
	}
	if x0 < r.lay.m.padX+r.lay.avail/3 && r.lineOf(runeLen(dari)-1) == 0 {
		t.Errorf("ink starts at x=%v", x0)
	}
}

func TestRTLDragSelectsWord(t *testing.T) {
	tests := []struct {
		name  string
		width float32
		word  string
		n     int
	}{
		{"first word", 700, "یک", 0},
		{"middle word", 700, "تاجیکستانی", 0},
		{"word with comma after", 700, "امنیت", 0},
		{"word on a wrapped line", 300, "طالبان", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestReader(t, dari, tt.width, 400)
			a := runeIndex(t, dari, tt.word, tt.n)
			b := a + runeLen(tt.word)
			if l := r.lay.lines[r.lineOf(a)]; r.lineOf(b-1) != r.lineOf(a) || !l.bidi {
				t.Fatalf("word not on one bidi line")
			}
			drag(r, rtlPos(t, r, a, 0.25), rtlPos(t, r, b-1, 0.75))
			if s, e := r.Selection(); s != a || e != b {
				t.Errorf("Selection() = %d, %d; want %d, %d (%q)", s, e, a, b, r.SelectedText())
			}
			drag(r, rtlPos(t, r, b-1, 0.75), rtlPos(t, r, a, 0.25))
			if s, e := r.Selection(); s != a || e != b {
				t.Errorf("backwards: Selection() = %d, %d; want %d, %d", s, e, a, b)
			}
			r.DoubleTapped(&fyne.PointEvent{Position: rtlPos(t, r, a+1, 0.5)})
			if got := r.SelectedText(); got != tt.word {
				t.Errorf("double tap selected %q, want %q", got, tt.word)
			}
			// the selection rectangle covers the word
			x0 := rtlPos(t, r, b-1, 1).X
			x1 := rtlPos(t, r, a, 0).X
			sel := rectsOf(r, r.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant()))
			if len(sel) != 1 || !near(sel[0].Position().X, x0, 2) || !near(sel[0].Position().X+sel[0].Size().Width, x1, 2) {
				t.Errorf("selection rectangles %v, want one over x %v..%v", rectExtents(sel), x0, x1)
			}
		})
	}
}

// mixedLayout returns the x extents, in widget coordinates, of the five
// runs of mixed, measured independently, right to left.
func mixedLayout(r *Reader) [5][2]float32 {
	parts := []string{"هیئت تاجیکستان به ", "Kunduz", " در سال ", "2024", " سفر کرد."}
	x := r.lay.m.padX + r.lay.avail
	var out [5][2]float32
	for i, p := range parts {
		w := measureBody(p)
		out[i] = [2]float32{x - w, x}
		x -= w
	}
	return out
}

func TestMixedLineMapsClicks(t *testing.T) {
	r := newTestReader(t, mixed, 700, 300)
	runs := mixedLayout(r)
	y := r.lay.lines[0].y - r.scrollY + r.lay.m.textH/2
	kunduz := runeIndex(t, mixed, "Kunduz", 0)
	year := runeIndex(t, mixed, "2024", 0)
	dar := runeIndex(t, mixed, "در", 0)
	safar := runeIndex(t, mixed, "سفر", 0)
	ltrX := func(run int, s string, i int, frac float32) float32 {
		pre := measureBody(s[:i])
		return runs[run][0] + pre + (measureBody(s[:i+1])-pre)*frac
	}
	rtlX := func(run int, s string, i int, frac float32) float32 {
		rs := []rune(s)
		pre := measureBody(joinedCut(rs, i))
		return runs[run][1] - pre - (measureBody(joinedCut(rs, i+1))-pre)*frac
	}
	tests := []struct {
		name string
		x    float32
		want int
	}{
		{"before the K of Kunduz", ltrX(1, "Kunduz", 0, 0.2), kunduz},
		{"after the n of Kunduz", ltrX(1, "Kunduz", 2, 0.8), kunduz + 3},
		{"end of Kunduz", ltrX(1, "Kunduz", 5, 0.9), kunduz + 6},
		{"inside 2024", ltrX(3, "2024", 1, 0.8), year + 2},
		{"start of در", rtlX(2, " در سال ", 1, 0.2), dar},
		{"after the space before سفر", rtlX(4, " سفر کرد.", 1, 0.1), safar},
		{"first code point of the line", rtlX(0, "هیئت", 0, 0.1), 0},
		{"right margin", r.lay.m.padX + r.lay.avail + 5, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			click(r, fyne.NewPos(tt.x, y), 0)
			if s, e := r.Selection(); s != tt.want || e != tt.want {
				t.Errorf("click at x=%v: caret %d, %d; want %d", tt.x, s, e, tt.want)
			}
		})
	}
	// double taps select the English name and the year
	r.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(ltrX(1, "Kunduz", 3, 0.5), y)})
	if got := r.SelectedText(); got != "Kunduz" {
		t.Errorf("double tap on Kunduz selected %q", got)
	}
	r.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(ltrX(3, "2024", 2, 0.5), y)})
	if got := r.SelectedText(); got != "2024" {
		t.Errorf("double tap on 2024 selected %q", got)
	}

	// a drag from the start of "به" into "Kunduz" selects them logically,
	// snapped to the whole of "Kunduz": "به " on the left of the first run
	// and all of the second run, which touch, so one rectangle
	be := runeIndex(t, mixed, "به", 0)
	drag(r, fyne.NewPos(rtlX(0, "هیئت تاجیکستان به ", be, 0.2), y), fyne.NewPos(ltrX(1, "Kunduz", 2, 0.8), y))
	if s, e := r.Selection(); s != be || e != kunduz+6 {
		t.Fatalf("drag: Selection() = %d, %d (%q); want %d, %d", s, e, r.SelectedText(), be, kunduz+6)
	}
	sel := rectsOf(r, r.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant()))
	want := [][2]float32{{runs[1][0], rtlX(0, "هیئت تاجیکستان به ", be, 0)}}
	if len(sel) != 1 {
		t.Fatalf("selection rectangles %v, want %v", rectExtents(sel), want)
	}
	for i, b := range sel {
		if !near(b.Position().X, want[i][0], 2) || !near(b.Position().X+b.Size().Width, want[i][1], 2) {
			t.Errorf("selection rectangle %d spans %v, want %v", i, rectExtents(sel)[i], want[i])
		}
	}
	// with Alt held the same drag stops inside "Kunduz", after "Kun": two
	// rectangles, "Kun" and "به " on the left of the first run
	dragMod(r, fyne.NewPos(rtlX(0, "هیئت تاجیکستان به ", be, 0.2), y), fyne.NewPos(ltrX(1, "Kunduz", 2, 0.8), y), fyne.KeyModifierAlt)
	if s, e := r.Selection(); s != be || e != kunduz+3 {
		t.Fatalf("Alt+drag: Selection() = %d, %d (%q); want %d, %d", s, e, r.SelectedText(), be, kunduz+3)
	}
	sel = rectsOf(r, r.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant()))
	if len(sel) != 2 || !near(sel[0].Position().X, runs[1][0], 2) || !near(sel[0].Position().X+sel[0].Size().Width, ltrX(1, "Kunduz", 3, 0), 2) ||
		!near(sel[1].Position().X, runs[0][0], 2) {
		t.Errorf("Alt+drag: selection rectangles %v, want the first to end after \"Kun\" at %v", rectExtents(sel), ltrX(1, "Kunduz", 3, 0))
	}
}

func TestRTLHighlightAndPlaceMark(t *testing.T) {
	r := newTestReader(t, dari, 700, 300)
	kondoz := runeIndex(t, dari, "کندز", 0)
	green := color.NRGBA{0x00, 0x9E, 0x73, 0xff}
	r.SetHighlights([]Highlight{{Start: kondoz, End: kondoz + 4, Color: green, ID: "e"}})
	r.SetPlaceMarks([]Range{{kondoz, kondoz + 4}})
	x0, x1 := rtlPos(t, r, kondoz+3, 1).X, rtlPos(t, r, kondoz, 0).X
	bands := rectsOf(r, withAlpha(green, bandAlpha))
	if len(bands) != 1 {
		t.Fatalf("%d bands, want 1", len(bands))
	}
	// the band is drawn a pixel wider on each side
	if b := bands[0]; !near(b.Position().X+1, x0, 2) || !near(b.Position().X+b.Size().Width-1, x1, 2) {
		t.Errorf("band spans %v, want %v..%v", rectExtents(bands)[0], x0, x1)
	}
	var dots []fyne.CanvasObject
	for _, o := range test.WidgetRenderer(r).Objects() {
		if _, ok := o.(*canvas.Raster); ok {
			dots = append(dots, o)
		}
	}
	if len(dots) != 1 || !near(dots[0].Position().X, x0, 2) || !near(dots[0].Position().X+dots[0].Size().Width, x1, 2) {
		t.Errorf("underlines %d, want one over %v..%v", len(dots), x0, x1)
	}
	// the caret after a click before "کندز" is drawn at the word's right edge
	r.FocusGained()
	click(r, rtlPos(t, r, kondoz, 0.1), 0)
	if s, _ := r.Selection(); s != kondoz {
		t.Fatalf("caret %d, want %d", s, kondoz)
	}
	caret := rectsOf(r, r.Theme().Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant()))
	if len(caret) != 1 || !near(caret[0].Position().X+0.75, x1, 1) {
		t.Errorf("caret rectangles %v, want one at x=%v", rectExtents(caret), x1)
	}
	// the find bar's match shows as the selection over the word
	r.Find("کندز")
	r.ShowMatch(0)
	sel := rectsOf(r, r.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant()))
	if len(sel) != 1 || !near(sel[0].Position().X, x0, 2) || !near(sel[0].Position().X+sel[0].Size().Width, x1, 2) {
		t.Errorf("match rectangles %v, want one over %v..%v", rectExtents(sel), x0, x1)
	}
}

func TestRTLFinalPeriodAtLeftEnd(t *testing.T) {
	const text = "هیئت تاجیکستان به کندز سفر کرد."
	r := newTestReader(t, text, 600, 300)
	l := r.lay.lines[0]
	if r.lineOf(runeLen(text)-1) != 0 {
		t.Fatal("sentence wraps")
	}
	right := r.lay.m.padX + r.lay.avail
	left := right - measureBody(text)
	y := l.y - r.scrollY + r.lay.m.textH/2
	if c := r.charAt(fyne.NewPos(left+1, y)); c != runeLen(text)-1 {
		t.Errorf("code point at the line's left end = %d, want the period %d", c, runeLen(text)-1)
	}
	// in pixels: the leftmost ink is the period, a dot near the baseline
	img, off := capture(t, r, 600, 300)
	savePNG(t, img, "reader-rtl-period.png")
	x0, _, ok := inkColumns(img, off, l.y-r.scrollY, r.lay.m.textH)
	if !ok {
		t.Fatal("no ink")
	}
	if x0 > left+3 {
		t.Errorf("ink starts at x=%v, want near the left end %v", x0, left)
	}
	top, bottom := inkRows(img, off, x0, x0+2, l.y-r.scrollY, r.lay.m.textH)
	if h := bottom - top; h > r.lay.m.textH*0.2 || bottom < l.y-r.scrollY+r.lay.m.base-3 {
		t.Errorf("leftmost ink rows %v..%v (baseline %v): not a period", top, bottom, l.y-r.scrollY+r.lay.m.base)
	}
}

func TestRTLArrowKeysMoveVisually(t *testing.T) {
	r := newTestReader(t, mixed, 700, 300)
	kunduz := runeIndex(t, mixed, "Kunduz", 0)
	r.SetSelection(0, 0)
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // leftwards in Dari: forwards
	if s, _ := r.Selection(); s != 1 {
		t.Errorf("Left from 0: caret %d, want 1", s)
	}
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, _ := r.Selection(); s != 0 {
		t.Errorf("Right back: caret %d, want 0", s)
	}
	r.SetSelection(kunduz+2, kunduz+2)
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // in the English name: backwards
	if s, _ := r.Selection(); s != kunduz+1 {
		t.Errorf("Left in Kunduz: caret %d, want %d", s, kunduz+1)
	}
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, _ := r.Selection(); s != kunduz+3 {
		t.Errorf("Right×2 in Kunduz: caret %d, want %d", s, kunduz+3)
	}
	// every Left press moves the drawn caret left until the line's left end
	r.SetSelection(0, 0)
	r.FocusGained()
	last := r.caretX(r.lay.lines[0], 0)
	for i := 0; i < runeLen(mixed)+2; i++ {
		r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
		x := r.caretX(r.lay.lines[0], r.caret)
		if x > last+0.01 {
			t.Fatalf("press %d: caret at offset %d moved right to x=%v from %v", i+1, r.caret, x, last)
		}
		last = x
	}
	if x := mixedLayout(r)[4][0] - r.lay.m.padX; !near(last, x, 1) {
		t.Errorf("caret ends at x=%v, want the line's left end %v", last, x)
	}
}

func near(a, b, tol float32) bool { return a-b <= tol && b-a <= tol }

// rectsOf returns the renderer's rectangles filled with c.
func rectsOf(r *Reader, c color.Color) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	want := color.NRGBAModel.Convert(c)
	for _, o := range test.WidgetRenderer(r).Objects() {
		if b, ok := o.(*canvas.Rectangle); ok && color.NRGBAModel.Convert(b.FillColor) == want {
			out = append(out, b)
		}
	}
	return out
}

func rectExtents(bs []*canvas.Rectangle) [][2]float32 {
	var out [][2]float32
	for _, b := range bs {
		out = append(out, [2]float32{b.Position().X, b.Position().X + b.Size().Width})
	}
	return out
}

// capture renders r in a test window and returns the image and the reader's
// offset in it.
func capture(t *testing.T, r *Reader, w, h float32) (image.Image, fyne.Position) {
	t.Helper()
	win := test.NewWindow(r)
	t.Cleanup(win.Close)
	win.Resize(fyne.NewSize(w+16, h+16))
	r.Resize(fyne.NewSize(w, h))
	return win.Canvas().Capture(), r.Position()
}

// isInk reports whether c is much darker than the light test background or
// lighter than a dark one: text.
func isInk(c color.NRGBA, bg color.NRGBA) bool {
	d := func(a, b uint8) int {
		if a > b {
			return int(a - b)
		}
		return int(b - a)
	}
	return d(c.R, bg.R)+d(c.G, bg.G)+d(c.B, bg.B) > 200
}

// inkColumns returns the leftmost and rightmost x (reader coordinates) with
// ink in the band [y, y+h) of the reader's image.
func inkColumns(img image.Image, off fyne.Position, y, h float32) (float32, float32, bool) {
	bg := color.NRGBAModel.Convert(img.At(int(off.X)+1, int(off.Y+y+h/2))).(color.NRGBA)
	x0, x1, ok := 0, 0, false
	for py := int(off.Y + y); py < int(off.Y+y+h); py++ {
		for px := int(off.X); px < img.Bounds().Max.X; px++ {
			if isInk(color.NRGBAModel.Convert(img.At(px, py)).(color.NRGBA), bg) {
				if !ok || px < x0 {
					x0 = px
				}
				if !ok || px > x1 {
					x1 = px
				}
				ok = true
			}
		}
	}
	return float32(x0) - off.X, float32(x1+1) - off.X, ok
}

// inkRows returns the top and bottom y (reader coordinates) of the ink in
// columns [xa, xb) of the band [y, y+h).
func inkRows(img image.Image, off fyne.Position, xa, xb, y, h float32) (float32, float32) {
	bg := color.NRGBAModel.Convert(img.At(int(off.X)+1, int(off.Y+y+h/2))).(color.NRGBA)
	top, bottom := float32(-1), float32(-1)
	for py := int(off.Y + y); py < int(off.Y+y+h); py++ {
		for px := int(off.X + xa); px < int(off.X+xb); px++ {
			if isInk(color.NRGBAModel.Convert(img.At(px, py)).(color.NRGBA), bg) {
				if top < 0 {
					top = float32(py) - off.Y
				}
				bottom = float32(py+1) - off.Y
			}
		}
	}
	return top, bottom
}

// savePNG writes img to $READER_PNG_DIR (or the test's temp directory).
func savePNG(t *testing.T, img image.Image, name string) {
	t.Helper()
	dir := os.Getenv("READER_PNG_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestRenderRTL draws a Dari title and paragraph, a mixed line and an
// English one with a highlight, a place mark and a selection spanning both
// directions, saves reader-rtl.png to $READER_PNG_DIR (or a temp directory)
// and checks that the highlight's band is painted over its word.
func TestRenderRTL(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(theme.LightTheme())
	text := dari + "\n\n" + mixed + "\n«کندز» (هرات) [Kunduz] ١٢٣ و ۴۵۶.\n" + english
	r := New()
	r.SetArticle(annotate.Article{Title: "هیئت تاجیکستان به کندز سفر کرد", Outlet: "Test", Text: text})
	kondoz := runeIndex(t, text, "کندز", 0)
	green := color.NRGBA{0x00, 0x9E, 0x73, 0xff}
	r.SetHighlights([]Highlight{{Start: kondoz, End: kondoz + 4, Color: green, ID: "e"}})
	talebān := runeIndex(t, text, "طالبان", 0)
	r.SetPlaceMarks([]Range{{talebān, talebān + 6}})
	be := runeIndex(t, text, "به Kunduz", 0)
	r.SetSelection(be, be+runeLen("به Kun"))
	img, off := capture(t, r, 560, 360)
	savePNG(t, img, "reader-rtl.png")

	p := rtlPos(t, r, kondoz+2, 0.5).Add(off).Add(fyne.NewPos(0, -r.lay.m.textH/2))
	if c := pixel(img, 1, p); !(c.G > c.R+0x20) {
		t.Errorf("pixel %v over the green highlight is %v, want green-tinted", p, c)
	}
	var title *canvas.Text
	for _, o := range test.WidgetRenderer(r).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.TextStyle.Bold {
			title = tx
		}
	}
	right := r.lay.m.padX + r.lay.avail
	if title == nil || !near(title.Position().X+title.Size().Width, right, 0.5) {
		t.Errorf("title not right-aligned at %v", right)
	}
}

func TestDariNameInEnglishLine(t *testing.T) {
	const text = "The delegation reached کندز ولایت on Monday."
	r := newTestReader(t, text, 700, 300)
	y := r.lay.lines[0].y - r.scrollY + r.lay.m.textH/2
	left := r.lay.m.padX + measureBody("The delegation reached ")
	dariW := measureBody("کندز ولایت")
	// the Dari words run right to left between the English ones: کندز on the right
	kondoz := runeIndex(t, text, "کندز", 0)
	rs := []rune(text)
	wordW := measureBody("کندز")
	drag(r, fyne.NewPos(left+dariW-1, y), fyne.NewPos(left+dariW-wordW+1, y))
	if s, e := r.Selection(); s != kondoz || e != kondoz+4 {
		t.Errorf("drag over کندز: Selection() = %d, %d (%q); want %d, %d", s, e, r.SelectedText(), kondoz, kondoz+4)
	}
	on := runeIndex(t, text, "on Monday", 0)
	click(r, fyne.NewPos(left+dariW+measureBody(" o")+0.5, y), 0)
	if s, _ := r.Selection(); s != on+1 {
		t.Errorf("click after the o of on: caret %d, want %d (%q)", s, on+1, string(rs[s:]))
	}
	var eng *canvas.Text
	for _, tx := range bodyTexts(r) {
		if strings.HasPrefix(tx.Text, "The delegation") {
			eng = tx
		}
	}
	if eng == nil || eng.Position().X != r.lay.m.padX {
		t.Errorf("the English start is not at the left edge")
	}
}
