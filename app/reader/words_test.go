package reader

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

func TestWordBoundsRule(t *testing.T) {
	tests := []struct {
		name string
		text string
		at   int // code point inside the text
		want string
	}{
		{"hyphenated place", "in Mazar-i-Sharif today", 5, "Mazar-i-Sharif"},
		{"on the hyphen", "in Mazar-i-Sharif today", 8, "Mazar-i-Sharif"},
		{"typographic apostrophe", "Afghanistan’s share", 2, "Afghanistan’s"},
		{"on the apostrophe", "Afghanistan’s share", 11, "Afghanistan’s"},
		{"ascii apostrophe", "the Taliban's envoy", 6, "Taliban's"},
		{"en dash splits", "Tajik–Afghan border", 1, "Tajik"},
		{"double hyphen splits", "talks--today", 1, "talks"},
		{"trailing hyphen alone", "pre- and post-war", 3, "-"},
		{"thousands", "1,200 tonnes", 0, "1,200"},
		{"decimal", "rose 20.5% in", 6, "20.5"},
		{"comma after a word", "Kunduz, Balkh", 6, ","},
		{"cyrillic", "Делегация Таджикистана посетила", 14, "Таджикистана"},
		{"dari with ZWNJ", "آنها می‌کنند کار", 6, "می‌کنند"},
		{"pashto", "د کندز ولایت", 3, "کندز"},
		{"arabic with harakat", "قَالَ الوزير", 1, "قَالَ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := []rune(tt.text)
			s, e := wordBounds(rs, tt.at)
			if got := string(rs[s:e]); got != tt.want {
				t.Errorf("wordBounds(%q, %d) = %d, %d %q; want %q", tt.text, tt.at, s, e, got, tt.want)
			}
		})
	}
}

const snapText = "Exports rose by 20% in October, Mazar-i-Sharif traders said; Afghanistan’s share grew."

func TestDragSnapsToWords(t *testing.T) {
	type point struct {
		sub  string // the press or release lands in the glyph at sub's first code point + k
		k    int
		frac float32
	}
	tests := []struct {
		name     string
		from, to point
		mod      fyne.KeyModifier
		want     string
	}{
		{"mid-word to mid-word", point{"rose", 2, 0.5}, point{"October", 4, 0.5}, 0, "rose by 20% in October"},
		{"backwards", point{"October", 4, 0.5}, point{"rose", 2, 0.5}, 0, "rose by 20% in October"},
		{"the reported cut", point{"Exports", 0, 0.25}, point{"October", 4, 0.6}, 0, "Exports rose by 20% in October"},
		{"inside one word", point{"October", 1, 0.3}, point{"October", 3, 0.7}, 0, "October"},
		{"inside one word backwards", point{"October", 3, 0.7}, point{"October", 1, 0.3}, 0, "October"},
		{"from the space before a word", point{" rose", 0, 0.25}, point{"by", 1, 0.4}, 0, " rose by"},
		{"to the space after a word", point{"rose", 1, 0.5}, point{" by", 0, 0.75}, 0, "rose "},
		{"to the comma", point{"in October", 0, 0.6}, point{",", 0, 0.75}, 0, "in October,"},
		{"before the comma", point{"in October", 0, 0.6}, point{",", 0, 0.25}, 0, "in October"},
		{"backwards from the comma", point{",", 0, 0.75}, point{"October", 2, 0.5}, 0, "October,"},
		{"percent sign not a word", point{"20%", 0, 0.6}, point{"20%", 1, 0.6}, 0, "20"},
		{"into a hyphenated name", point{"October", 2, 0.5}, point{"Mazar", 7, 0.5}, 0, "October, Mazar-i-Sharif"},
		{"out of a word with an apostrophe", point{"Afghanistan", 12, 0.5}, point{"share", 2, 0.5}, 0, "Afghanistan’s share"},
		{"Alt keeps it character-exact", point{"rose", 2, 0.3}, point{"October", 4, 0.7}, fyne.KeyModifierAlt, "se by 20% in Octob"},
		{"Ctrl keeps it character-exact", point{"October", 4, 0.7}, point{"rose", 2, 0.3}, fyne.KeyModifierControl, "se by 20% in Octob"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestReader(t, snapText, 900, 300)
			if r.lineOf(0) != r.lineOf(runeLen(snapText)-1) {
				t.Fatal("the test text wraps")
			}
			var calls [][2]int
			r.OnSelectionChanged = func(s, e int) { calls = append(calls, [2]int{s, e}) }
			at := func(p point) fyne.Position {
				return glyphPos(t, r, runeIndex(t, snapText, p.sub, 0)+p.k, p.frac)
			}
			dragMod(r, at(tt.from), at(tt.to), tt.mod)
			start := runeIndex(t, snapText, tt.want, 0)
			end := start + runeLen(tt.want)
			if s, e := r.Selection(); s != start || e != end {
				t.Errorf("Selection() = %d, %d %q; want %d, %d %q", s, e, r.SelectedText(), start, end, tt.want)
			}
			if len(calls) != 1 || calls[0] != [2]int{start, end} {
				t.Errorf("OnSelectionChanged calls = %v, want one with %d, %d", calls, start, end)
			}
		})
	}
}

func TestClickSelectsNothing(t *testing.T) {
	r := newTestReader(t, snapText, 900, 300)
	oct := runeIndex(t, snapText, "October", 0)
	p := glyphPos(t, r, oct+3, 0.6) // after "Octo"
	var calls [][2]int
	r.OnSelectionChanged = func(s, e int) { calls = append(calls, [2]int{s, e}) }
	click(r, p, 0)
	if s, e := r.Selection(); s != oct+4 || e != oct+4 {
		t.Errorf("click: Selection() = %d, %d; want the caret at %d", s, e, oct+4)
	}
	// a drag that comes back to where it started selects nothing either
	drag(r, p, glyphPos(t, r, oct+5, 0.5))
	r.MouseDown(mouse(p, 0))
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: glyphPos(t, r, oct+5, 0.9)}})
	r.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}})
	r.MouseUp(mouse(p, 0))
	r.DragEnd()
	if s, e := r.Selection(); s != oct+4 || e != oct+4 {
		t.Errorf("drag back to the start: Selection() = %d, %d; want the caret at %d", s, e, oct+4)
	}
	want := [][2]int{{oct + 4, oct + 4}, {oct, oct + 7}, {oct + 4, oct + 4}}
	if len(calls) != len(want) {
		t.Fatalf("OnSelectionChanged calls = %v, want %v", calls, want)
	}
	for i := range want {
		if calls[i] != want[i] {
			t.Errorf("OnSelectionChanged call %d = %v, want %v", i, calls[i], want[i])
		}
	}
}

func TestShiftClickSnapsTheMovingEnd(t *testing.T) {
	r := newTestReader(t, snapText, 900, 300)
	rose := runeIndex(t, snapText, "rose", 0)
	r.SetSelection(rose+2, rose+2) // a keyboard caret inside "rose" stays put
	click(r, glyphPos(t, r, runeIndex(t, snapText, "October", 0)+2, 0.7), fyne.KeyModifierShift)
	if got := r.SelectedText(); got != "se by 20% in October" {
		t.Errorf("shift+click selected %q, want %q", got, "se by 20% in October")
	}
	click(r, glyphPos(t, r, runeIndex(t, snapText, "October", 0)+2, 0.7), fyne.KeyModifierShift|fyne.KeyModifierAlt)
	if got := r.SelectedText(); got != "se by 20% in Oct" {
		t.Errorf("shift+Alt+click selected %q, want %q", got, "se by 20% in Oct")
	}
}

func TestDragSnapsCyrillicAndDari(t *testing.T) {
	t.Run("cyrillic", func(t *testing.T) {
		r := newTestReader(t, cyrillic, 800, 300)
		a := runeIndex(t, cyrillic, "Таджикистана", 0)
		b := runeIndex(t, cyrillic, "Кундуз", 0)
		drag(r, glyphPos(t, r, a+4, 0.5), glyphPos(t, r, b+2, 0.5))
		if s, e := r.Selection(); s != 10 || e != 38 {
			t.Errorf("Selection() = %d, %d %q; want 10, 38", s, e, r.SelectedText())
		}
		drag(r, glyphPos(t, r, b+2, 0.5), glyphPos(t, r, a+4, 0.5))
		if s, e := r.Selection(); s != 10 || e != 38 {
			t.Errorf("backwards: Selection() = %d, %d %q; want 10, 38", s, e, r.SelectedText())
		}
	})
	t.Run("dari right to left", func(t *testing.T) {
		r := newTestReader(t, dari, 700, 300)
		a := runeIndex(t, dari, "تاجیکستانی", 0)
		b := runeIndex(t, dari, "کندز", 0)
		if r.lineOf(a) != r.lineOf(b+3) || !r.lay.lines[r.lineOf(a)].bidi {
			t.Fatal("words not on one bidi line")
		}
		want := "تاجیکستانی به ولایت کندز"
		if got := string([]rune(dari)[a : b+4]); got != want {
			t.Fatalf("test text: %q", got)
		}
		// press in the middle of تاجیکستانی, release in the middle of کندز
		drag(r, rtlPos(t, r, a+4, 0.5), rtlPos(t, r, b+1, 0.5))
		if s, e := r.Selection(); s != a || e != b+4 {
			t.Errorf("Selection() = %d, %d %q; want %d, %d %q", s, e, r.SelectedText(), a, b+4, want)
		}
		drag(r, rtlPos(t, r, b+1, 0.5), rtlPos(t, r, a+4, 0.5))
		if s, e := r.Selection(); s != a || e != b+4 {
			t.Errorf("backwards: Selection() = %d, %d %q; want %d, %d", s, e, r.SelectedText(), a, b+4)
		}
		// to the comma after امنیت: the comma is covered, the next word not
		amn := runeIndex(t, dari, "امنیت،", 0)
		drag(r, rtlPos(t, r, amn+2, 0.5), rtlPos(t, r, amn+5, 0.9))
		if got := r.SelectedText(); got != "امنیت،" {
			t.Errorf("drag to the comma selected %q, want %q", got, "امنیت،")
		}
	})
}

func ctrlKey(r *Reader, k fyne.KeyName, shift bool) {
	mod := fyne.KeyModifierControl
	if shift {
		mod |= fyne.KeyModifierShift
	}
	r.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod})
}

func TestCtrlArrowsMoveByWord(t *testing.T) {
	r := newTestReader(t, snapText, 900, 300)
	var calls int
	r.OnSelectionChanged = func(int, int) { calls++ }
	rose := runeIndex(t, snapText, "rose", 0)
	n := runeLen(snapText)
	steps := []struct {
		name       string
		key        fyne.KeyName
		shift      bool
		start, end int
	}{
		{"Ctrl+Shift+Right selects the word", fyne.KeyRight, true, rose, rose + 4},
		{"again adds the next word", fyne.KeyRight, true, rose, rose + 7},
		{"over the % to the end of 20", fyne.KeyRight, true, rose, rose + 10},
		{"past % and space to the end of in", fyne.KeyRight, true, rose, rose + 14},
		{"Ctrl+Shift+Left back to the start of in", fyne.KeyLeft, true, rose, rose + 12},
		{"Ctrl+Left collapses to the start of 20", fyne.KeyLeft, false, rose + 8, rose + 8},
		{"Ctrl+Right to the end of 20", fyne.KeyRight, false, rose + 10, rose + 10},
		{"Ctrl+Shift+Left back over 20", fyne.KeyLeft, true, rose + 8, rose + 10},
	}
	r.SetSelection(rose, rose)
	for _, st := range steps {
		ctrlKey(r, st.key, st.shift)
		if s, e := r.Selection(); s != st.start || e != st.end {
			t.Fatalf("%s: Selection() = %d, %d %q; want %d, %d", st.name, s, e, r.SelectedText(), st.start, st.end)
		}
	}
	if calls != len(steps) {
		t.Errorf("OnSelectionChanged called %d times, want %d", calls, len(steps))
	}
	// a hyphenated name and a word with an apostrophe are one step each
	mazar := runeIndex(t, snapText, "Mazar", 0)
	r.SetSelection(mazar, mazar)
	ctrlKey(r, fyne.KeyRight, true)
	if got := r.SelectedText(); got != "Mazar-i-Sharif" {
		t.Errorf("Ctrl+Shift+Right from Mazar selected %q", got)
	}
	share := runeIndex(t, snapText, " share", 0)
	r.SetSelection(share, share)
	ctrlKey(r, fyne.KeyLeft, true)
	if got := r.SelectedText(); got != "Afghanistan’s" {
		t.Errorf("Ctrl+Shift+Left from after Afghanistan’s selected %q", got)
	}
	// the ends of the text
	r.SetSelection(n-2, n-2)
	ctrlKey(r, fyne.KeyRight, false)
	ctrlKey(r, fyne.KeyRight, false)
	if s, e := r.Selection(); s != n || e != n {
		t.Errorf("Ctrl+Right at the end: caret %d, %d; want %d", s, e, n)
	}
	r.SetSelection(3, 3)
	ctrlKey(r, fyne.KeyLeft, false)
	ctrlKey(r, fyne.KeyLeft, false)
	if s, e := r.Selection(); s != 0 || e != 0 {
		t.Errorf("Ctrl+Left at the start: caret %d, %d; want 0", s, e)
	}
}

func TestCtrlArrowsOnRTLMoveVisually(t *testing.T) {
	r := newTestReader(t, dari, 700, 300)
	a := runeIndex(t, dari, "تاجیکستانی", 0)
	r.SetSelection(a, a)
	// on a right-to-left line Ctrl+Shift+Left extends towards the left,
	// which is on through the text
	ctrlKey(r, fyne.KeyLeft, true)
	if got := r.SelectedText(); got != "تاجیکستانی" {
		t.Errorf("Ctrl+Shift+Left selected %q, want %q", got, "تاجیکستانی")
	}
	ctrlKey(r, fyne.KeyRight, true)
	ctrlKey(r, fyne.KeyRight, true)
	if s, e := r.Selection(); s != runeIndex(t, dari, "هیئت", 0) || e != a {
		t.Errorf("Ctrl+Shift+Right twice: Selection() = %d, %d %q; want the word هیئت before %d", s, e, r.SelectedText(), a)
	}
}

func TestOtherShortcutsLeaveTheCaret(t *testing.T) {
	// the test driver's canvas takes no shortcuts, so this checks that the
	// reader does not act on them; the real window gets them (forwardShortcut)
	r := newTestReader(t, english, 600, 300)
	var calls int
	r.OnSelectionChanged = func(int, int) { calls++ }
	r.SetSelection(8, 8)
	ctrlKey(r, fyne.KeyRight, false)
	for _, sc := range []*desktop.CustomShortcut{
		{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierControl},
		{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierControl | fyne.KeyModifierAlt},
		{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt},
		{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierSuper},
	} {
		r.TypedShortcut(sc)
	}
	if s, e := r.Selection(); s != 18 || e != 18 || calls != 1 {
		t.Errorf("caret %d, %d after %d reports; want 18 after one (only Ctrl+Right moves it)", s, e, calls)
	}
}

func TestClearSelection(t *testing.T) {
	r := newTestReader(t, english, 800, 300)
	var calls [][2]int
	r.OnSelectionChanged = func(s, e int) { calls = append(calls, [2]int{s, e}) }
	drag(r, glyphPos(t, r, 10, 0.5), glyphPos(t, r, 30, 0.5)) // "delegation visited Kunduz"
	r.ClearSelection()
	if s, e := r.Selection(); s != 33 || e != 33 || r.SelectedText() != "" {
		t.Errorf("after ClearSelection: Selection() = %d, %d %q; want the caret at 33", s, e, r.SelectedText())
	}
	r.ClearSelection() // nothing selected: no second report
	want := [][2]int{{8, 33}, {33, 33}}
	if len(calls) != 2 || calls[0] != want[0] || calls[1] != want[1] {
		t.Errorf("OnSelectionChanged calls = %v, want %v", calls, want)
	}
	sel := rectsOf(r, r.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant()))
	if len(sel) != 0 {
		t.Errorf("selection rectangles %v after ClearSelection, want none", rectExtents(sel))
	}
	// keyboard selection goes on from the caret
	r.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	r.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if s, e := r.Selection(); s != 33 || e != 34 {
		t.Errorf("shift+Right after ClearSelection: Selection() = %d, %d; want 33, 34", s, e)
	}
}
