package reader

import (
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"eventatlas/annotate"
)

func TestFind(t *testing.T) {
	const text = "Kunduz: KUNDUZ talks. В Кундузе, кундуз!"
	tests := []struct {
		query string
		want  []int
	}{
		{"kunduz", []int{0, 8}},
		{"КУНДУЗ", []int{24, 33}},
		{"talks.", []int{15}},
		{"aa", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := newTestReader(t, text, 800, 300)
			if got := r.Find(tt.query); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Find(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestShowMatch(t *testing.T) {
	text := bigText(30_000)
	r := newTestReader(t, text, 400, 300)
	matches := r.Find("ansarullah")
	if len(matches) < 3 {
		t.Fatalf("Find: %d matches, want several", len(matches))
	}
	r.ShowMatch(2)
	if s, e := r.Selection(); s != matches[2] || e != matches[2]+10 || r.SelectedText() != "Ansarullah" {
		t.Fatalf("ShowMatch(2): Selection() = %d, %d %q; want %d, %d", s, e, r.SelectedText(), matches[2], matches[2]+10)
	}
	l := r.lay.lines[r.lineOf(matches[2])]
	if top := l.y - r.ScrollOffset(); top < 0 || top > 300 {
		t.Errorf("match line at %v, not in view", top)
	}
	r.ShowMatch(99999) // out of range: no change, no panic
	if s, _ := r.Selection(); s != matches[2] {
		t.Errorf("ShowMatch out of range changed the selection to %d", s)
	}
}

func TestHeaderMeta(t *testing.T) {
	tests := []struct {
		a    annotate.Article
		want string
	}{
		{annotate.Article{Outlet: "CentralasianLIGHT.org", Published: time.Date(2025, 11, 13, 9, 0, 0, 0, time.UTC), URL: "https://example.org/a"},
			"CentralasianLIGHT.org · 13 Nov 2025 · https://example.org/a"},
		{annotate.Article{Outlet: "Afintl.af"}, "Afintl.af"},
		{annotate.Article{}, ""},
	}
	for _, tt := range tests {
		if got := headerMeta(tt.a); got != tt.want {
			t.Errorf("headerMeta = %q, want %q", got, tt.want)
		}
	}
}

func TestArabicDoesNotCrash(t *testing.T) {
	const text = "وفد طاجيكي يزور قندوز ويجري محادثات مع مسؤولي طالبان.\nDushanbe и Кундуз."
	r := newTestReader(t, text, 220, 300)
	drag(r, glyphPos(t, r, 0, 0.5), glyphPos(t, r, 20, 0.5))
	s, e := r.Selection()
	if s < 0 || e > annotate.RuneLen(text) || s > e {
		t.Fatalf("Selection() = %d, %d out of range", s, e)
	}
	r.DoubleTapped(&fyne.PointEvent{Position: glyphPos(t, r, 5, 0.5)})
	if got := r.SelectedText(); got == "" {
		t.Error("double tap on Arabic selected nothing")
	}
	if len(renderedTexts(r)) < 3 {
		t.Errorf("rendered texts %q", renderedTexts(r))
	}
}
