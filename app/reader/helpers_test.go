package reader

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"eventatlas/annotate"
)

// newTestReader shows text in a reader of the given size under a test app.
func newTestReader(t testing.TB, text string, w, h float32) *Reader {
	t.Helper()
	test.NewTempApp(t)
	r := New()
	r.SetArticle(annotate.Article{Title: "Test article", Outlet: "Outlet", Text: text,
		Published: time.Date(2025, 11, 13, 0, 0, 0, 0, time.UTC)})
	r.Resize(fyne.NewSize(w, h))
	return r
}

// runeIndex is the code-point offset of the n-th (0-based) occurrence of sub.
func runeIndex(t testing.TB, text, sub string, n int) int {
	t.Helper()
	b := 0
	for ; n >= 0; n-- {
		i := strings.Index(text[b:], sub)
		if i < 0 {
			t.Fatalf("%q: occurrence not found in %q", sub, text)
		}
		b += i
		if n > 0 {
			b += len(sub)
		}
	}
	return annotate.RuneLen(text[:b])
}

// glyphPos returns the widget position inside the glyph at code point off,
// frac of the way across it, computed independently with fyne.MeasureText
// from the line's start (only the line breaks come from the widget).
func glyphPos(t testing.TB, r *Reader, off int, frac float32) fyne.Position {
	t.Helper()
	l := r.lay.lines[r.lineOf(off)]
	rs := []rune(r.article.Text)
	measure := func(s string) float32 {
		return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
	}
	prefix := measure(string(rs[l.start:off]))
	glyph := measure(string(rs[l.start:off+1])) - prefix
	y := l.y - r.scrollY + r.lay.m.textH/2
	return fyne.NewPos(r.lay.m.padX+prefix+glyph*frac, y)
}

func mouse(p fyne.Position, mod fyne.KeyModifier) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p},
		Button: desktop.MouseButtonPrimary, Modifier: mod}
}

// drag sends the events Fyne's desktop driver sends for a press at from, a
// move through the midpoint to to, and a release there.
func drag(r *Reader, from, to fyne.Position) {
	dragMod(r, from, to, 0)
}

// dragMod is drag with modifier keys held (the driver reports them on the
// press and release; drag events carry none).
func dragMod(r *Reader, from, to fyne.Position, mod fyne.KeyModifier) {
	r.MouseDown(mouse(from, mod))
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	r.MouseUp(mouse(to, mod))
	r.DragEnd()
}

// click sends a press and release without movement.
func click(r *Reader, p fyne.Position, mod fyne.KeyModifier) {
	r.MouseDown(mouse(p, mod))
	r.MouseUp(mouse(p, mod))
}

// renderedTexts returns the texts of the renderer's canvas.Text objects.
func renderedTexts(r *Reader) []string {
	var out []string
	for _, o := range test.WidgetRenderer(r).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			out = append(out, tx.Text)
		}
	}
	return out
}
