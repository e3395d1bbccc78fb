// Package reader is the article reading pane: a custom Fyne widget that shows
// an article's header and word-wrapped body, lets the analyst select text with
// the mouse or keyboard (exact code-point offsets into annotate.Article.Text),
// paints evidence highlights and dotted place-name underlines, and scrolls
// itself so that only the visible lines become canvas objects.
package reader

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
)

// Highlight is an evidence span painted behind the text in its event's colour.
type Highlight struct {
	Start, End int         // code-point offsets into the article text, Start < End
	Color      color.Color // the event type's colour (drawn translucent)
	ID         string      // the event id reported by OnHighlightTapped
}

// Range is a half-open code-point range [Start, End) of the article text.
type Range struct{ Start, End int }

// Reader is the article reading pane. Create it with New.
type Reader struct {
	widget.BaseWidget

	// OnSelectionChanged is called after the user changes the selection with
	// the mouse or keyboard (once per gesture, not for SetSelection/ShowMatch).
	OnSelectionChanged func(start, end int)
	// OnHighlightTapped is called when a click (press and release without a
	// drag) lands on a highlighted character; the innermost span's ID wins.
	OnHighlightTapped func(id string)

	article annotate.Article
	doc     document  // tokenised body text
	body    *measurer // body text style
	lay     layout    // wrapped lines for the current width and theme
	dirty   bool      // layout must be rebuilt

	vis      map[int]*vline // visual layout of bidi lines by line start, for r.lay
	levelBuf []uint8
	spanBuf  []span

	scrollY       float32
	pendingScroll int     // offset to bring into view after the first layout, -1 if none
	revealed      int     // offset the last ScrollToOffset showed, kept in view when the reader gets shorter; -1 after the user scrolls
	shownH        float32 // the height the scroll position was last laid out for

	anchor, caret int // selection: fixed end and moving end
	notified      [2]int

	highlights []shownHighlight
	active     string
	marks      []Range

	matches  []int
	matchLen int

	focused bool
	input   inputState
}

var (
	_ fyne.Widget         = (*Reader)(nil)
	_ fyne.Scrollable     = (*Reader)(nil)
	_ fyne.Draggable      = (*Reader)(nil)
	_ fyne.DoubleTappable = (*Reader)(nil)
	_ fyne.Focusable      = (*Reader)(nil)
	_ fyne.Shortcutable   = (*Reader)(nil)
	_ desktop.Mouseable   = (*Reader)(nil)
	_ desktop.Keyable     = (*Reader)(nil)
	_ desktop.Cursorable  = (*Reader)(nil)
)

// New returns an empty reader.
func New() *Reader {
	r := &Reader{pendingScroll: -1, revealed: -1, dirty: true}
	r.ExtendBaseWidget(r)
	return r
}

// SetArticle shows a: its header (title, then outlet · date · URL) and its
// text. The selection, highlights, place marks and find results are cleared
// and the view scrolls to the top.
func (r *Reader) SetArticle(a annotate.Article) {
	r.article = a
	r.doc = tokenize(a.Text, r.bodyMeasurer())
	r.dirty, r.lay, r.vis = true, layout{}, nil
	r.scrollY, r.pendingScroll, r.revealed = 0, -1, -1
	r.anchor, r.caret = 0, 0
	r.notified = [2]int{}
	r.highlights, r.active, r.marks = nil, "", nil
	r.matches, r.matchLen = nil, 0
	r.Refresh()
}

// SetArticleDetails shows a's title, outlet, date and URL in the header of
// the article being shown, which must be a (same ID and text): unlike
// SetArticle it keeps the selection, highlights, place marks, find results
// and the scroll position. It does nothing for another article.
func (r *Reader) SetArticleDetails(a annotate.Article) {
	if a.ID != r.article.ID || a.Text != r.article.Text {
		return
	}
	r.article = a
	r.dirty, r.lay, r.vis = true, layout{}, nil // the header may wrap differently
	r.Refresh()
}

// Article returns the article being shown.
func (r *Reader) Article() annotate.Article { return r.article }

// CreateRenderer implements fyne.Widget.
func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	return newRenderer(r)
}

// Cursor shows the text cursor over the reading pane.
func (r *Reader) Cursor() desktop.Cursor { return desktop.TextCursor }

// headerMeta is the "Outlet · 13 Nov 2025 · URL" line, skipping empty parts.
func headerMeta(a annotate.Article) string {
	var parts []string
	if a.Outlet != "" {
		parts = append(parts, a.Outlet)
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("2 Jan 2006"))
	}
	if a.URL != "" {
		parts = append(parts, a.URL)
	}
	return strings.Join(parts, " · ")
}

// textLen is the number of code points in the article text.
func (r *Reader) textLen() int { return len(r.doc.runes) }

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
