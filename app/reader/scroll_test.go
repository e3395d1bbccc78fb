package reader

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eventatlas/annotate"
	"eventatlas/assets"
)

// bigText repeats the sample article until it is at least n bytes long.
func bigText(n int) string {
	s := assets.SampleArticle()
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(s)
		b.WriteString("\n")
	}
	return b.String()
}

func TestScrollToOffsetShowsLine(t *testing.T) {
	text := strings.TrimSuffix(bigText(40_000), "\n")
	n := annotate.RuneLen(text)
	for _, off := range []int{0, 5_000, n / 2, n - 10, n} {
		r := newTestReader(t, text, 420, 300)
		r.ScrollToOffset(off)
		l := r.lay.lines[r.lineOf(off)]
		if top := l.y - r.ScrollOffset(); top < 0 || top+r.lay.m.lineH > 300 {
			t.Errorf("offset %d: line at %v..%v of a 300 px view", off, top, top+r.lay.m.lineH)
		}
		want := string([]rune(text)[l.start:l.end])
		if !contains(renderedTexts(r), want) {
			t.Errorf("offset %d: line %q not among the rendered texts", off, want)
		}
	}
}

func TestScrollToOffsetBeforeLayout(t *testing.T) {
	test.NewTempApp(t)
	text := bigText(20_000)
	r := New()
	r.SetArticle(annotate.Article{Text: text})
	r.ScrollToOffset(15_000)
	r.Resize(fyne.NewSize(400, 300))
	l := r.lay.lines[r.lineOf(15_000)]
	if top := l.y - r.ScrollOffset(); top < 0 || top > 300 {
		t.Errorf("pending scroll not applied: line top at %v", top)
	}
}

func TestScrolledAndClamped(t *testing.T) {
	r := newTestReader(t, bigText(10_000), 400, 300)
	r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	if got := r.ScrollOffset(); got != 120 {
		t.Errorf("after wheel down: offset %v, want 120", got)
	}
	r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 1000)})
	if got := r.ScrollOffset(); got != 0 {
		t.Errorf("after wheel up past the top: offset %v, want 0", got)
	}
	r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -1e7)})
	if got, want := r.ScrollOffset(), r.lay.contentH-300; got != want {
		t.Errorf("after wheel down past the end: offset %v, want %v", got, want)
	}
}

func TestLargeArticleBuildsOnlyVisibleLines(t *testing.T) {
	text := bigText(1 << 20)
	r := newTestReader(t, text, 800, 600)
	r.SetPlaceMarks(everyMatch(text, "Kunduz"))
	for _, off := range []int{0, annotate.RuneLen(text) / 2, annotate.RuneLen(text)} {
		r.ScrollToOffset(off)
		objs := test.WidgetRenderer(r).Objects()
		if len(objs) == 0 || len(objs) >= 500 {
			t.Errorf("offset %d: renderer has %d objects, want 1..499", off, len(objs))
		}
	}
	if len(r.lay.lines) < 5000 {
		t.Errorf("only %d lines laid out for 1 MB", len(r.lay.lines))
	}
}

// everyMatch returns the ranges of every occurrence of word in text.
func everyMatch(text, word string) []Range {
	var out []Range
	rs, w := []rune(text), []rune(word)
	for i := 0; i+len(w) <= len(rs); i++ {
		if string(rs[i:i+len(w)]) == word {
			out = append(out, Range{i, i + len(w)})
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestUnsizedReaderIsSafe(t *testing.T) {
	test.NewTempApp(t)
	r := New()
	r.SetArticle(annotate.Article{Text: bigText(5000)})
	r.SetArticle(annotate.Article{Text: "short text"}) // replaces a longer one before any layout
	r.SetHighlights([]Highlight{{Start: 0, End: 5, ID: "a"}})
	r.SetPlaceMarks([]Range{{0, 5}})
	r.SetSelection(2, 7)
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	r.MouseDown(mouse(fyne.NewPos(10, 10), 0))
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(50, 10)}})
	r.MouseUp(mouse(fyne.NewPos(50, 10), 0))
	r.DragEnd()
	r.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(10, 10)})
	r.ScrollToOffset(8)
	r.Find("text")
	r.ShowMatch(0)
	if got := r.SelectedText(); got != "text" {
		t.Errorf("SelectedText() = %q, want %q", got, "text")
	}
	r.Resize(fyne.NewSize(300, 200))
	if got := renderedTexts(r); !contains(got, "short text") {
		t.Errorf("after resize rendered %q", got)
	}
}

func TestVerticalKeys(t *testing.T) {
	r := newTestReader(t, english, 180, 400)
	if len(r.lay.lines) < 3 {
		t.Fatalf("want at least 3 lines at width 180, got %d", len(r.lay.lines))
	}
	l0, l1 := r.lay.lines[0], r.lay.lines[1]
	r.SetSelection(l0.start+2, l0.start+2)
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	_, c := r.Selection()
	if r.lineOf(c) != 1 || c < l1.start || c > l1.start+4 {
		t.Errorf("Down from column 2 went to %d (line %d), want near %d on line 1", c, r.lineOf(c), l1.start+2)
	}
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if _, c := r.Selection(); c != l1.end-1 || r.doc.runes[c] != ' ' {
		t.Errorf("End went to %d, want %d (before the hanging space)", c, l1.end-1)
	}
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if _, c := r.Selection(); c != l1.start {
		t.Errorf("Home went to %d, want %d", c, l1.start)
	}
}

// TestCaretStaysInViewWhenShorter: a selection near the bottom of the view
// stays in view when the reader gets shorter (the event form opening under
// it); one that was out of view does not pull the view along.
func TestCaretStaysInViewWhenShorter(t *testing.T) {
	text := strings.Repeat("A line of the article about the border talks. ", 120)
	r := newTestReader(t, text, 500, 700)
	visible := func(off int) bool {
		l := r.lay.lines[r.lineOf(off)]
		return l.y >= r.scrollY && l.y+r.lay.m.lineH <= r.scrollY+r.Size().Height
	}
	// The last line fully in view at 700 px.
	last := 0
	for _, l := range r.lay.lines {
		if l.y+r.lay.m.lineH <= r.scrollY+700 {
			last = l.start
		}
	}
	r.SetSelection(last, last+6)
	if !visible(last + 6) {
		t.Fatal("selection not in view before the resize")
	}
	r.Resize(fyne.NewSize(500, 350))
	if !visible(last + 6) {
		t.Errorf("selection at %d out of view after the reader got shorter (scroll %g)", last, r.scrollY)
	}
	// Scroll the caret out of view, then shrink again: the view stays.
	r.scrollBy(-r.scrollY)
	r.Resize(fyne.NewSize(500, 700))
	far := len([]rune(text)) - 3
	r.anchor, r.caret = far, far
	r.Refresh()
	before := r.scrollY
	r.Resize(fyne.NewSize(500, 300))
	if r.scrollY != before {
		t.Errorf("view moved from %g to %g for a caret that was out of view", before, r.scrollY)
	}
}

// TestRevealedEvidenceStaysOnResize: evidence shown with ScrollToOffset low
// in a tall reader stays in view when the reader gets shorter (the event
// form opening under it), until the user scrolls.
func TestRevealedEvidenceStaysOnResize(t *testing.T) {
	text := strings.Repeat("A line of the article about the border talks. ", 120)
	r := newTestReader(t, text, 500, 700)
	visible := func(off int) bool {
		l := r.lay.lines[r.lineOf(off)]
		return l.y >= r.scrollY && l.y+r.lay.m.lineH <= r.scrollY+r.Size().Height
	}
	// A span two lines above the bottom of a 700 px reader: no scroll needed.
	var starts []int
	for _, l := range r.lay.lines {
		if l.y+r.lay.m.lineH <= r.scrollY+700 {
			starts = append(starts, l.start)
		}
	}
	last := starts[len(starts)-3]
	r.ScrollToOffset(last)
	if r.scrollY != 0 || !visible(last) {
		t.Fatalf("ScrollToOffset(%d) scrolled to %g (in view %v)", last, r.scrollY, visible(last))
	}
	r.Resize(fyne.NewSize(500, 350))
	if !visible(last) {
		t.Errorf("the evidence at %d went out of view when the reader got shorter (scroll %g)", last, r.scrollY)
	}
	// It stands a third of the way down, with the lines after it in view.
	if l := r.lay.lines[r.lineOf(last)]; l.y-r.scrollY > 350/2 {
		t.Errorf("the evidence is %g px down a 350 px reader, want about a third", l.y-r.scrollY)
	}
	// After the user scrolls, a resize leaves the view alone.
	r.Resize(fyne.NewSize(500, 700))
	r.scrollBy(-r.scrollY)
	before := r.scrollY
	r.Resize(fyne.NewSize(500, 300))
	if r.scrollY != before {
		t.Errorf("after the user scrolled, a resize moved the view from %g to %g", before, r.scrollY)
	}
}
