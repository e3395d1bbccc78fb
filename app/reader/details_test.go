package reader

import (
	"image/color"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
)

// TestSetArticleDetailsKeepsThePlace changes the outlet and date of the
// article shown: the header says them, and the selection, highlights and
// scroll position stay.
func TestSetArticleDetailsKeepsThePlace(t *testing.T) {
	text := strings.Repeat("The delegation travelled to Kunduz for talks. ", 80)
	r := newTestReader(t, text, 500, 300)
	r.SetHighlights([]Highlight{{ID: "ev", Start: 4, End: 14, Color: color.Black}})
	r.SetSelection(28, 34)
	r.ScrollToOffset(2000)
	y := r.ScrollOffset()
	if y == 0 {
		t.Fatal("set-up: the reader did not scroll")
	}
	a := r.Article()
	a.Outlet, a.Published = "Asia-Plus", time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)
	r.SetArticleDetails(a)
	if got := headerMeta(r.Article()); got != "Asia-Plus · 20 Nov 2025" {
		t.Errorf("header %q", got)
	}
	if s, e := r.Selection(); s != 28 || e != 34 {
		t.Errorf("selection %d–%d, want 28–34", s, e)
	}
	if len(r.highlights) != 1 || r.ScrollOffset() != y {
		t.Errorf("highlights %d, scroll %g (was %g)", len(r.highlights), r.ScrollOffset(), y)
	}
	// Another article is not changed this way.
	other := annotate.Article{ID: "x", Title: "Other", Text: "Other text"}
	r.SetArticleDetails(other)
	if r.Article().Title == "Other" {
		t.Error("SetArticleDetails replaced the article with another one")
	}
}

// TestScrollToOffsetLeavesAVisibleLine asks to show a line already in view:
// the text stays put; a line out of view is brought a third of the way down.
func TestScrollToOffsetLeavesAVisibleLine(t *testing.T) {
	text := strings.Repeat("The delegation travelled to Kunduz for talks. ", 80)
	r := newTestReader(t, text, 500, 300)
	r.ScrollToOffset(1500)
	y := r.ScrollOffset()
	if y == 0 {
		t.Fatal("set-up: the reader did not scroll")
	}
	r.ScrollToOffset(1500 + 40) // the same or the next line: in view
	if got := r.ScrollOffset(); got != y {
		t.Errorf("showing a line in view scrolled from %g to %g", y, got)
	}
	r.ScrollToOffset(10) // far above
	if got := r.ScrollOffset(); got >= y {
		t.Errorf("showing a line out of view left the reader at %g", got)
	}
}
