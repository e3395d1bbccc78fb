package reader

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eventatlas/assets"
)

func TestTokenizeParagraphs(t *testing.T) {
	test.NewTempApp(t)
	d := tokenize("ab  cd\n\n ef", newMeasurer(14, fyne.TextStyle{}))
	want := []para{{start: 0, end: 6, t0: 0, t1: 3}, {start: 7, end: 7, t0: 3, t1: 3, blank: true}, {start: 8, end: 11, t0: 3, t1: 5}}
	if len(d.paras) != len(want) {
		t.Fatalf("paras = %+v", d.paras)
	}
	for i, p := range want {
		if d.paras[i] != p {
			t.Errorf("para %d = %+v, want %+v", i, d.paras[i], p)
		}
	}
	wantTok := [][3]int{{0, 2, 0}, {2, 4, 1}, {4, 6, 0}, {8, 9, 1}, {9, 11, 0}}
	for i, w := range wantTok {
		tk := d.toks[i]
		if tk.start != w[0] || tk.end != w[1] || tk.space != (w[2] == 1) {
			t.Errorf("token %d = %+v, want %v", i, tk, w)
		}
	}
}

// TestWrapCoversTextAndFits checks at several widths that the lines cover
// every code point once, in order, and that no line is wider than the column.
func TestWrapCoversTextAndFits(t *testing.T) {
	text := assets.SampleArticle() + "\nСверхдлинноесловобезпробеловкотороененаходитсянаоднойстроке"
	for _, w := range []float32{120, 260, 500, 900} {
		r := newTestReader(t, text, w, 400)
		next := 0
		for i, l := range r.lay.lines {
			if l.start != next {
				t.Fatalf("width %v: line %d starts at %d, want %d", w, i, l.start, next)
			}
			next = l.end
			if l.paraEnd {
				next++
			}
			trimmed := l.end
			for trimmed > l.start && isBreakSpace(r.doc.runes[trimmed-1]) {
				trimmed--
			}
			if got := r.prefixWidth(l, trimmed); got > r.lay.avail+0.5 {
				t.Errorf("width %v: line %d is %v wide, column %v", w, i, got, r.lay.avail)
			}
		}
		if next != len(r.doc.runes)+1 {
			t.Errorf("width %v: lines end at %d, text has %d code points", w, next-1, len(r.doc.runes))
		}
	}
}

func TestEstimateIsCloseToMeasure(t *testing.T) {
	test.NewTempApp(t)
	m := newMeasurer(14, fyne.TextStyle{})
	for _, w := range []string{"delegation", "Таджикистана", "Afghanistan’s", "WAVE", "intelligence"} {
		if d := m.estimate(w) - m.measure(w); d > 1.5 || d < -1.5 {
			t.Errorf("%q: estimate differs from measure by %v px", w, d)
		}
	}
}
