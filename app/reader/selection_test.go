package reader

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

const (
	english  = "A Tajik delegation visited Kunduz and held talks with Taliban officials on security."
	cyrillic = "Делегация Таджикистана посетила Кундуз и провела переговоры"
)

func TestDragSelectsExactOffsets(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		width        float32
		a, b         string // drag from the first glyph of a to the last glyph of b
		start, end   int
		want         string
		crossesLines bool
	}{
		{"english", english, 800, "delegation", "Kunduz", 8, 33, "delegation visited Kunduz", false},
		{"cyrillic", cyrillic, 800, "Таджикистана", "Кундуз", 10, 38, "Таджикистана посетила Кундуз", false},
		{"cyrillic one word", cyrillic, 800, "посетила", "посетила", 23, 31, "посетила", false},
		{"across a wrap", english, 180, "visited", "held", 19, 42, "visited Kunduz and held", true},
		{"cyrillic across a wrap", cyrillic, 170, "Таджикистана", "переговоры", 10, 59, "Таджикистана посетила Кундуз и провела переговоры", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestReader(t, tt.text, tt.width, 400)
			var got [][2]int
			r.OnSelectionChanged = func(s, e int) { got = append(got, [2]int{s, e}) }
			a := runeIndex(t, tt.text, tt.a, 0)
			bEnd := runeIndex(t, tt.text, tt.b, 0) + runeLen(tt.b)
			if a != tt.start || bEnd != tt.end {
				t.Fatalf("test table: offsets of %q..%q are %d..%d", tt.a, tt.b, a, bEnd)
			}
			if crosses := r.lineOf(tt.start) != r.lineOf(tt.end-1); crosses != tt.crossesLines {
				t.Fatalf("selection crosses lines = %v, want %v (width %v)", crosses, tt.crossesLines, tt.width)
			}
			drag(r, glyphPos(t, r, a, 0.25), glyphPos(t, r, bEnd-1, 0.75))
			if s, e := r.Selection(); s != tt.start || e != tt.end {
				t.Errorf("Selection() = %d, %d; want %d, %d", s, e, tt.start, tt.end)
			}
			if s := r.SelectedText(); s != tt.want {
				t.Errorf("SelectedText() = %q, want %q", s, tt.want)
			}
			if len(got) != 1 || got[0] != [2]int{tt.start, tt.end} {
				t.Errorf("OnSelectionChanged calls = %v, want one with %d, %d", got, tt.start, tt.end)
			}
			// dragging backwards selects the same range
			drag(r, glyphPos(t, r, bEnd-1, 0.75), glyphPos(t, r, a, 0.25))
			if s, e := r.Selection(); s != tt.start || e != tt.end {
				t.Errorf("backwards: Selection() = %d, %d; want %d, %d", s, e, tt.start, tt.end)
			}
		})
	}
}

func runeLen(s string) int { return len([]rune(s)) }

func TestShiftClickExtends(t *testing.T) {
	r := newTestReader(t, english, 800, 300)
	click(r, glyphPos(t, r, 2, 0.1), 0)
	click(r, glyphPos(t, r, 32, 0.9), fyne.KeyModifierShift)
	if s, e := r.Selection(); s != 2 || e != 33 {
		t.Fatalf("Selection() = %d, %d; want 2, 33", s, e)
	}
	click(r, glyphPos(t, r, 50, 0.1), 0) // a plain click elsewhere clears it
	if s, e := r.Selection(); s != e || s != 50 {
		t.Fatalf("after click: Selection() = %d, %d; want 50, 50", s, e)
	}
}

func TestDoubleTapSelectsWord(t *testing.T) {
	const text = "Taliban’s envoy met  officials, in Кундуз."
	tests := []struct {
		name       string
		at         int // code point double-tapped
		start, end int
		want       string
	}{
		{"word with apostrophe", 3, 0, 9, "Taliban’s"},
		{"plain word", 12, 10, 15, "envoy"},
		{"two spaces", 19, 19, 21, "  "},
		{"punctuation alone", 30, 30, 31, ","},
		{"cyrillic word", 37, 35, 41, "Кундуз"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestReader(t, text, 800, 300)
			r.DoubleTapped(&fyne.PointEvent{Position: glyphPos(t, r, tt.at, 0.5)})
			if s, e := r.Selection(); s != tt.start || e != tt.end {
				t.Errorf("Selection() = %d, %d; want %d, %d", s, e, tt.start, tt.end)
			}
			if s := r.SelectedText(); s != tt.want {
				t.Errorf("SelectedText() = %q, want %q", s, tt.want)
			}
		})
	}
}

func TestKeyboardSelection(t *testing.T) {
	r := newTestReader(t, cyrillic, 800, 300)
	var calls int
	r.OnSelectionChanged = func(int, int) { calls++ }
	r.SetSelection(10, 10)
	r.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for range 3 {
		r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if s, e := r.Selection(); s != 10 || e != 13 || r.SelectedText() != "Тад" {
		t.Fatalf("shift+right×3: Selection() = %d, %d %q; want 10, 13 \"Тад\"", s, e, r.SelectedText())
	}
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if s, e := r.Selection(); s != 10 || e != 12 {
		t.Fatalf("shift+left: Selection() = %d, %d; want 10, 12", s, e)
	}
	r.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if s, e := r.Selection(); s != 13 || e != 13 {
		t.Fatalf("right without shift: Selection() = %d, %d; want 13, 13", s, e)
	}
	if calls != 5 {
		t.Errorf("OnSelectionChanged called %d times, want 5", calls)
	}

	r.TypedShortcut(&fyne.ShortcutSelectAll{})
	if s, e := r.Selection(); s != 0 || e != runeLen(cyrillic) {
		t.Fatalf("Ctrl+A: Selection() = %d, %d; want 0, %d", s, e, runeLen(cyrillic))
	}
	r.SetSelection(32, 38)
	cb := test.NewClipboard()
	r.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if got := cb.Content(); got != "Кундуз" {
		t.Errorf("Ctrl+C copied %q, want %q", got, "Кундуз")
	}
}

func TestSetSelectionClampsAndOrders(t *testing.T) {
	r := newTestReader(t, english, 800, 300)
	r.SetSelection(40, -5)
	if s, e := r.Selection(); s != 0 || e != 40 {
		t.Errorf("SetSelection(40, -5): Selection() = %d, %d; want 0, 40", s, e)
	}
	r.SetSelection(5, 10_000)
	if s, e := r.Selection(); s != 5 || e != runeLen(english) {
		t.Errorf("SetSelection(5, 10000): Selection() = %d, %d; want 5, %d", s, e, runeLen(english))
	}
}
