package reader

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestHighlightTap(t *testing.T) {
	blue := color.NRGBA{0x00, 0x72, 0xB2, 0xff}
	orange := color.NRGBA{0xD5, 0x5E, 0x00, 0xff}
	hs := []Highlight{
		{Start: 2, End: 40, Color: blue, ID: "outer"},     // "Tajik delegation visited Kunduz and he"
		{Start: 27, End: 33, Color: orange, ID: "inner"},  // "Kunduz", nested in outer
		{Start: 53, End: 60, Color: orange, ID: "single"}, // "Taliban"
	}
	tests := []struct {
		name string
		at   int // code point clicked
		want string
	}{
		{"outer span", 10, "outer"},
		{"nested picks inner", 29, "inner"},
		{"inner edge", 27, "inner"},
		{"outer after inner", 34, "outer"},
		{"lone span", 55, "single"},
		{"no span", 47, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newTestReader(t, english, 800, 300)
			r.SetHighlights(hs)
			r.SetSelection(0, 5)
			var got []string
			r.OnHighlightTapped = func(id string) { got = append(got, id) }
			click(r, glyphPos(t, r, tt.at, 0.5), 0)
			if tt.want == "" && len(got) != 0 {
				t.Errorf("OnHighlightTapped called with %v, want no call", got)
			}
			if tt.want != "" && (len(got) != 1 || got[0] != tt.want) {
				t.Errorf("OnHighlightTapped calls = %v, want [%s]", got, tt.want)
			}
			if s, e := r.Selection(); s != e {
				t.Errorf("click left selection %d, %d; want it cleared", s, e)
			}
		})
	}
}

func TestHighlightDragDoesNotTap(t *testing.T) {
	r := newTestReader(t, english, 800, 300)
	r.SetHighlights([]Highlight{{Start: 2, End: 40, Color: color.Black, ID: "e1"}})
	called := false
	r.OnHighlightTapped = func(string) { called = true }
	drag(r, glyphPos(t, r, 8, 0.25), glyphPos(t, r, 17, 0.75))
	if called {
		t.Error("a drag over a highlight called OnHighlightTapped")
	}
	if s, e := r.Selection(); s != 8 || e != 18 {
		t.Errorf("Selection() = %d, %d; want 8, 18", s, e)
	}
}

func TestNestedHighlightsStayVisible(t *testing.T) {
	r := newTestReader(t, english, 800, 300)
	r.SetHighlights([]Highlight{
		{Start: 27, End: 33, Color: color.NRGBA{0xff, 0, 0, 0xff}, ID: "inner"},
		{Start: 2, End: 40, Color: color.NRGBA{0, 0, 0xff, 0xff}, ID: "outer"},
		{Start: 5, End: 5, ID: "empty"},
	})
	if len(r.highlights) != 2 || r.highlights[0].ID != "outer" || r.highlights[1].ID != "inner" {
		t.Fatalf("highlights = %+v; want outer then inner, empty dropped", r.highlights)
	}
	if r.highlights[0].depth != 0 || r.highlights[1].depth != 1 {
		t.Fatalf("depths = %d, %d; want 0, 1", r.highlights[0].depth, r.highlights[1].depth)
	}
	// the inner band is thinner than the outer one and drawn after it
	var outer, inner *canvas.Rectangle
	for _, o := range test.WidgetRenderer(r).Objects() {
		if b, ok := o.(*canvas.Rectangle); ok {
			switch b.FillColor {
			case withAlpha(color.NRGBA{0, 0, 0xff, 0xff}, bandAlpha):
				outer = b
			case withAlpha(color.NRGBA{0xff, 0, 0, 0xff}, bandAlpha):
				inner = b
			}
		}
	}
	if outer == nil || inner == nil {
		t.Fatal("missing a highlight band")
	}
	if inner.Size().Height >= outer.Size().Height || inner.Position().X <= outer.Position().X {
		t.Errorf("inner band %v@%v not inside outer %v@%v", inner.Size(), inner.Position(), outer.Size(), outer.Position())
	}
	r.SetActive("inner")
	found := false
	for _, o := range test.WidgetRenderer(r).Objects() {
		if b, ok := o.(*canvas.Rectangle); ok && b.StrokeWidth > 0 && b.StrokeColor == (color.NRGBA{0xff, 0, 0, 0xff}) {
			found = true
		}
	}
	if !found {
		t.Error("active span has no border")
	}
}

func TestPlaceMarksDrawDots(t *testing.T) {
	r := newTestReader(t, english, 800, 300)
	r.SetPlaceMarks([]Range{{27, 33}, {9, 9}})
	var dots []fyne.CanvasObject
	for _, o := range test.WidgetRenderer(r).Objects() {
		if _, ok := o.(*canvas.Raster); ok {
			dots = append(dots, o)
		}
	}
	if len(dots) != 1 {
		t.Fatalf("%d dotted underlines, want 1", len(dots))
	}
	l := r.lay.lines[0]
	wantX := r.lay.m.padX + r.prefixWidth(l, 27)
	if x := dots[0].Position().X; x != wantX {
		t.Errorf("underline starts at x=%v, want %v", x, wantX)
	}
}
