package reader

import (
	"math/rand"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eventatlas/annotate"
)

// BenchmarkSetArticle1MB measures showing a 1 MB article: tokenising,
// measuring words (the width cache is warm after the first round, as when
// articles of one outlet follow each other), wrapping and drawing the first
// screen.
func BenchmarkSetArticle1MB(b *testing.B) {
	text := bigText(1 << 20)
	r := newTestReader(b, "", 800, 600)
	a := annotate.Article{Title: "Big", Text: text}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		r.SetArticle(a)
	}
}

// BenchmarkSetArticle1MBCold is SetArticle with an empty word-width cache.
func BenchmarkSetArticle1MBCold(b *testing.B) {
	text := bigText(1 << 20)
	r := newTestReader(b, "", 800, 600)
	a := annotate.Article{Title: "Big", Text: text}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		r.body = nil
		r.SetArticle(a)
	}
}

// BenchmarkRewrap1MB measures re-wrapping a 1 MB article after a resize.
func BenchmarkRewrap1MB(b *testing.B) {
	r := newTestReader(b, bigText(1<<20), 800, 600)
	w := float32(800)
	for b.Loop() {
		w = 1400 - w // alternate 800 and 600
		r.Resize(fyne.NewSize(w, 600))
	}
}

// BenchmarkScroll measures one wheel step through a 1 MB article with
// highlights and place marks: the redraw of the visible lines.
func BenchmarkScroll(b *testing.B) {
	text := bigText(1 << 20)
	r := newTestReader(b, text, 800, 600)
	r.SetPlaceMarks(everyMatch(text[:200_000], "Kunduz"))
	var hs []Highlight
	for i := 0; i < 200_000; i += 1000 {
		hs = append(hs, Highlight{Start: i, End: i + 120, ID: "e"})
	}
	r.SetHighlights(hs)
	test.WidgetRenderer(r)
	dy := float32(-40)
	for b.Loop() {
		if r.ScrollOffset() > 100_000 || (dy > 0 && r.ScrollOffset() == 0) {
			dy = -dy
		}
		r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, dy)})
	}
}

// BenchmarkSetArticle1MBUniqueWords is the worst case: 1 MB of ~130 000
// distinct words and an empty cache, so the exact-measurement budget runs
// out and the rest of the words are estimated.
func BenchmarkSetArticle1MBUniqueWords(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for range 3 + rng.Intn(8) {
			sb.WriteByte(byte('a' + rng.Intn(26)))
		}
		sb.WriteByte(' ')
		if rng.Intn(80) == 0 {
			sb.WriteByte('\n')
		}
	}
	r := newTestReader(b, "", 800, 600)
	a := annotate.Article{Text: sb.String()}
	b.SetBytes(int64(sb.Len()))
	for b.Loop() {
		r.body = nil
		r.SetArticle(a)
	}
}

// BenchmarkScrollDari is BenchmarkScroll through 1 MB of Dari text: the
// bidi layout of each line that scrolls into view.
func BenchmarkScrollDari(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		sb.WriteString("یک هیئت تاجیکستانی به ولایت کندز سفر کرد و با مقامات طالبان در سال 2025 در مورد امنیت، استخبارات و مسائل سیاسی گفتگو کرد.")
		if i%5 == 4 {
			sb.WriteString("\n")
		} else {
			sb.WriteString(" ")
		}
	}
	r := newTestReader(b, sb.String(), 800, 600)
	test.WidgetRenderer(r)
	dy := float32(-40)
	for b.Loop() {
		if r.ScrollOffset() > 100_000 || (dy > 0 && r.ScrollOffset() == 0) {
			dy = -dy
		}
		r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, dy)})
	}
}
