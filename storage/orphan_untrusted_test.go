package storage

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

// A teammate's file with orphaned evidence reads back sound, the orphan kept
// with its stale offsets and flag.
func TestUntrustedKeepsOrphanedSpans(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orphans.gpkg")
	p, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	text := "First sentence stays. The quoted sentence goes away."
	a := annotate.Article{Title: "A", Text: text}
	if _, err := p.AddArticle(&a); err != nil {
		t.Fatal(err)
	}
	span, _ := annotate.FindQuote(text, "quoted sentence goes")
	span.ArticleID = a.ID
	e := annotate.Event{Type: "Other", Title: "E", Geometry: orb.Point{68, 37}, Spans: []annotate.Span{span}}
	if err := p.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	rep, err := p.UpdateArticleText(a.ID, "First sentence stays.")
	if err != nil || len(rep.Orphans) != 1 {
		t.Fatalf("update: %v, %+v", err, rep)
	}
	p.Close()

	snap, r, err := ReadUntrusted(path)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Sound() {
		t.Fatalf("a file with an orphan is reported unsound:\n%s", r)
	}
	if len(snap.Events) != 1 || len(snap.Events[0].Spans) != 1 {
		t.Fatalf("read %d events", len(snap.Events))
	}
	got := snap.Events[0].Spans[0]
	if !got.Orphan || got.Start != span.Start || got.End != span.End || !strings.Contains(got.Quote, "quoted sentence") {
		t.Errorf("orphan read back as %+v", got)
	}
}
