package storage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventatlas/annotate"
)

// conflictOn returns the unresolved conflict on event id, failing the test
// when there is none.
func conflictOn(t *testing.T, p *Project, id string) Conflict {
	t.Helper()
	cs, err := p.Conflicts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.EventID == id {
			return c
		}
	}
	t.Fatalf("no conflict on event %s among %d", id, len(cs))
	return Conflict{}
}

func TestMergeRepairsMetadataNotUTF8(t *testing.T) {
	p, events, theirsPath := mergeFixture(t)
	execSQL(t, theirsPath, `UPDATE articles SET title = CAST(X'C0AF20626164' AS TEXT), outlet = CAST(X'FF' AS TEXT)`)
	sum, err := p.Merge(theirsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sum)
	// As TestMerge: only the event whose title they changed conflicts, and
	// their new article and event come in.
	if sum.EventsAdded != 1 || sum.EventsUnchanged != 2 || sum.Conflicts != 1 || sum.ArticlesAdded != 1 || sum.EvidenceIgnored != 0 {
		t.Errorf("summary %+v, want 1 added, 2 unchanged, 1 conflict, 1 article added", sum)
	}
	if len(sum.Skipped) != 0 {
		t.Errorf("skipped %v, want nothing", sum.Skipped)
	}
	if len(sum.Repaired) != 4 {
		t.Errorf("repaired %v, want the title and outlet of 2 articles", sum.Repaired)
	}
	want := "title was not UTF-8; invalid bytes replaced"
	if !strings.Contains(sum.String(), "4 values repaired:\n  articles ") || !strings.Contains(sum.String(), want) {
		t.Errorf("summary does not say %q:\n%s", want, sum)
	}
	c := conflictOn(t, p, events[0].ID)
	if len(c.Theirs.Spans) != len(events[0].Spans) {
		t.Errorf("their version has %d spans, want %d", len(c.Theirs.Spans), len(events[0].Spans))
	}
	var title string
	if err := p.db.QueryRow(`SELECT title FROM articles WHERE text LIKE 'Dushanbe, 6 May.%'`).Scan(&title); err != nil {
		t.Fatal(err)
	}
	if title != "\uFFFD bad" {
		t.Errorf("their new article's title = %q, want %q", title, "\uFFFD bad")
	}
}

func TestMergeLostEvidenceIsNotAConflict(t *testing.T) {
	p, events, theirsPath := mergeFixture(t)
	// Our shared article's text is broken in theirs, so every span of the
	// three shared events is skipped when their file is read.
	execSQL(t, theirsPath, `UPDATE articles SET text = CAST(text || X'FF' AS TEXT) WHERE title = 'Tajik delegation visits Kunduz'`)
	sum, err := p.Merge(theirsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sum)
	if sum.EventsUnchanged != 2 || sum.Conflicts != 1 || sum.EvidenceIgnored != 3 {
		t.Errorf("summary %+v, want 2 unchanged, 1 conflict (the title), 3 events compared without evidence", sum)
	}
	if !strings.Contains(sum.String(), "3 events of theirs lost evidence spans that could not be read; their evidence was not compared and yours is kept.") {
		t.Errorf("summary does not explain the evidence:\n%s", sum)
	}
	if !strings.Contains(sum.String(), "articles") || !strings.Contains(sum.String(), "skipped: text is not valid UTF-8 text") {
		t.Errorf("summary does not list the skipped article:\n%s", sum)
	}
	c := conflictOn(t, p, events[0].ID)
	if c.Theirs.Title != "Delegation meets Taliban in Kunduz" {
		t.Errorf("conflict theirs title %q", c.Theirs.Title)
	}
	if err := p.ResolveConflict(c.ID, KeepTheirs); err != nil {
		t.Fatal(err)
	}
	got, err := p.Event(events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Delegation meets Taliban in Kunduz" || len(got.Spans) != 2 {
		t.Fatalf("after Keep theirs: title %q with %d spans, want their title and our 2 spans", got.Title, len(got.Spans))
	}
	for i, s := range got.Spans {
		if s.Quote != events[0].Spans[i].Quote {
			t.Errorf("span %d quote %q, want %q", i, s.Quote, events[0].Spans[i].Quote)
		}
	}
}

func TestMergeRefusesItself(t *testing.T) {
	p, _ := newProject(t)
	link := filepath.Join(t.TempDir(), "link.gpkg")
	if err := os.Symlink(p.Path(), link); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(mustGetwd(t), p.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{p.Path(), rel, link} {
		sum, err := p.Merge(path)
		want := "cannot merge " + path + ": that is this project; merge a copy a teammate changed instead"
		if err == nil || err.Error() != want {
			t.Errorf("Merge(%s) = %v, %v; want %q", path, sum, err, want)
		}
	}
}

// mustGetwd is the working folder.
func mustGetwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

func TestMergeNoChangeWritesNoHistory(t *testing.T) {
	p, _ := newProject(t)
	saveAll(t, p, testEvents(t, addTestArticle(t, p)))
	copyPath := filepath.Join(t.TempDir(), "copy.gpkg")
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	copyFile(t, p.Path(), copyPath)
	var before, after int
	p.db.QueryRow(`SELECT count(*) FROM history`).Scan(&before)
	sum, err := p.Merge(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	p.db.QueryRow(`SELECT count(*) FROM history`).Scan(&after)
	if sum.Changed() || sum.EventsUnchanged != 3 || after != before {
		t.Errorf("no-op merge: changed %v, %d unchanged, history rows %d → %d", sum.Changed(), sum.EventsUnchanged, before, after)
	}
}

func TestOpenTruncatedExplains(t *testing.T) {
	p, path := newProject(t)
	saveAll(t, p, testEvents(t, addTestArticle(t, p)))
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.gpkg")
	writeBytes(t, cut, b[:len(b)-1000])
	_, err = Open(cut)
	want := "cannot open " + cut + ": the file is corrupt: the file is truncated: "
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "is not a whole number of 4096-byte pages") {
		t.Fatalf("Open = %v, want %q…", err, want)
	}
	if _, err := os.Stat(cut + ".lock"); err == nil {
		t.Errorf("a refused Open left its lock file")
	}
	_ = annotate.Article{}
}
