package storage

import (
	"errors"
	"strings"
	"testing"

	"eventatlas/annotate"
)

const (
	clashSentence = "Border guards reported an armed clash near Shir Khan Bandar on 5 May; two people were killed.\n"
	clashQuote    = "an armed clash near Shir Khan Bandar on 5 May; two people were killed"
)

// reanchorProject stores the test article and events and returns the
// article's spans as saved.
func reanchorProject(t *testing.T) (*Project, annotate.Article, []annotate.Span) {
	t.Helper()
	p, _ := newProject(t)
	a := addTestArticle(t, p)
	saveAll(t, p, testEvents(t, a))
	spans, err := p.SpansForArticle(a.ID)
	if err != nil || len(spans) != 4 {
		t.Fatalf("SpansForArticle = %d spans, %v", len(spans), err)
	}
	return p, a, spans
}

func TestUpdateArticleText(t *testing.T) {
	cases := []struct {
		name                        string
		text                        string
		exact, moved, fuzzy, orphan int
		// quotes maps an old quote to the quote expected now; "" means
		// orphaned, a missing key unchanged.
		quotes map[string]string
	}{
		{"insert before every span", "BREAKING — " + testText, 0, 4, 0, 0, nil},
		{"insert after every span", testText + "\nMore to follow.", 4, 0, 0, 0, nil},
		{"change inside a span", strings.Replace(testText, "on 5 May;", "on 6 May;", 1), 3, 0, 1, 0,
			map[string]string{clashQuote: "an armed clash near Shir Khan Bandar on 6 May; two people were killed"}},
		{"insert inside a span", strings.Replace(testText, "two people", "two local people", 1), 2, 1, 1, 0,
			map[string]string{clashQuote: "an armed clash near Shir Khan Bandar on 5 May; two local people were killed"}},
		{"insert around a span", strings.Replace(testText, clashQuote, "(so far) "+clashQuote+" (officials)", 1), 2, 2, 0, 0, nil},
		{"delete the sentence of a span", strings.Replace(testText, clashSentence, "", 1), 2, 1, 0, 1,
			map[string]string{clashQuote: ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, a, old := reanchorProject(t)
			r, err := p.UpdateArticleText(a.ID, c.text)
			if err != nil {
				t.Fatal(err)
			}
			if r.Exact != c.exact || r.Moved != c.moved || r.Fuzzy != c.fuzzy || len(r.Orphans) != c.orphan {
				t.Errorf("report = %d exact, %d moved, %d fuzzy, %d orphans; want %d, %d, %d, %d",
					r.Exact, r.Moved, r.Fuzzy, len(r.Orphans), c.exact, c.moved, c.fuzzy, c.orphan)
			}
			stored, err := p.Article(a.ID)
			if err != nil || stored.Text != c.text || stored.Hash != annotate.TextHash(c.text) {
				t.Fatalf("stored article text/hash not updated: %v", err)
			}
			byID := spansByID(t, p, a.ID)
			for _, o := range old {
				s := byID[o.ID]
				want, ok := c.quotes[o.Quote]
				if !ok {
					want = o.Quote
				}
				if want == "" {
					if !s.Orphan || s.Start != o.Start || s.End != o.End || s.Quote != o.Quote {
						t.Errorf("orphan = %+v, want the old span %+v flagged", s, o)
					}
					if len(r.Orphans) != 1 || r.Orphans[0].Span.ID != o.ID || r.Orphans[0].EventTitle != "Clash near Shir Khan Bandar" {
						t.Errorf("report orphans = %+v", r.Orphans)
					}
					continue
				}
				exp, err := annotate.FindQuote(c.text, want)
				if err != nil {
					t.Fatal(err)
				}
				if s.Orphan || s.Start != exp.Start || s.End != exp.End || s.Quote != want ||
					s.Prefix != exp.Prefix || s.Suffix != exp.Suffix || !s.Verify(c.text) {
					t.Errorf("span %q = %d–%d %q orphan=%v, want %d–%d %q", o.Quote, s.Start, s.End, s.Quote, s.Orphan, exp.Start, exp.End, want)
				}
			}
			var quote string
			if err := p.db.QueryRow(`SELECT quote FROM events WHERE title = 'Clash near Shir Khan Bandar'`).Scan(&quote); err != nil {
				t.Fatal(err)
			}
			if want := c.quotes[clashQuote]; want != "" && quote != want {
				t.Errorf("events.quote = %q, want %q", quote, want)
			}

			if _, err := p.Undo(); err != nil {
				t.Fatal(err)
			}
			if back, _ := p.Article(a.ID); back.Text != testText || back.Hash != a.Hash {
				t.Errorf("Undo left the text %q", back.Text)
			}
			after := spansByID(t, p, a.ID)
			for _, o := range old {
				if after[o.ID] != o {
					t.Errorf("Undo: span %+v, want %+v", after[o.ID], o)
				}
			}
			if orphans, _ := p.Orphans(); len(orphans) != 0 {
				t.Errorf("Undo left orphans %+v", orphans)
			}
			if _, err := p.Redo(); err != nil {
				t.Fatal(err)
			}
			if back, _ := p.Article(a.ID); back.Text != c.text {
				t.Errorf("Redo did not bring the new text back")
			}
		})
	}
}

// spansByID reads an article's spans by id.
func spansByID(t *testing.T, p *Project, articleID string) map[string]annotate.Span {
	t.Helper()
	spans, err := p.SpansForArticle(articleID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]annotate.Span{}
	for _, s := range spans {
		out[s.ID] = s
	}
	return out
}

func TestUpdateArticleTextErrors(t *testing.T) {
	p, a, _ := reanchorProject(t)
	if _, err := p.UpdateArticleText("nope", "text"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown article: %v, want ErrNotFound", err)
	}
	if _, err := p.UpdateArticleText(a.ID, ""); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty text: %v", err)
	}
	other := annotate.Article{Title: "Other", Text: "Another text."}
	if _, err := p.AddArticle(&other); err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpdateArticleText(a.ID, other.Text); err == nil || !strings.Contains(err.Error(), `"Other" already has this text`) {
		t.Errorf("duplicate text: %v", err)
	}
	r, err := p.UpdateArticleText(a.ID, testText)
	if err != nil || r.Exact != 4 || p.CanUndo() && mustHistoryLen(t, p, a.ID) != 0 {
		t.Errorf("unchanged text: %+v, %v", r, err)
	}
}

// mustHistoryLen counts the history rows of an entity.
func mustHistoryLen(t *testing.T, p *Project, id string) int {
	t.Helper()
	h, err := p.History(id)
	if err != nil {
		t.Fatal(err)
	}
	return len(h)
}

func TestReattachAndDeleteSpan(t *testing.T) {
	p, a, _ := reanchorProject(t)
	text := strings.Replace(testText, clashSentence, "Border guards said two soldiers died in a clash.\n", 1)
	r, err := p.UpdateArticleText(a.ID, text)
	if err != nil || len(r.Orphans) != 1 {
		t.Fatalf("UpdateArticleText: %+v, %v", r, err)
	}
	if got := r.Summary(); got != "2 spans kept, 1 moved, 1 orphan" {
		t.Errorf("Summary = %q", got)
	}
	id := r.Orphans[0].Span.ID
	sel, _ := annotate.FindQuote(text, "two soldiers died in a clash")
	if err := p.ReattachSpan(id, sel.Start, sel.End+1); err != nil { // +1: the full stop
		t.Fatal(err)
	}
	s := spansByID(t, p, a.ID)[id]
	if s.Orphan || s.Start != sel.Start || s.End != sel.End+1 || s.Quote != "two soldiers died in a clash." || !s.Verify(text) {
		t.Errorf("re-attached span = %+v", s)
	}
	if o, _ := p.Orphans(); len(o) != 0 {
		t.Errorf("Orphans after re-attaching = %+v", o)
	}
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	if o, _ := p.Orphans(); len(o) != 1 || o[0].Span.Quote != clashQuote {
		t.Errorf("Orphans after undoing the re-attach = %+v", o)
	}
	if err := p.ReattachSpan(id, 3, 3); !errors.Is(err, annotate.ErrEmptySelection) {
		t.Errorf("empty selection: %v", err)
	}
	if err := p.ReattachSpan("nope", 0, 3); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown span: %v", err)
	}

	if err := p.DeleteSpan(id); err != nil {
		t.Fatal(err)
	}
	if _, ok := spansByID(t, p, a.ID)[id]; ok {
		t.Error("DeleteSpan kept the span")
	}
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	if s := spansByID(t, p, a.ID)[id]; !s.Orphan || s.Quote != clashQuote {
		t.Errorf("Undo of DeleteSpan: %+v", s)
	}
}

func TestFindSimilarArticle(t *testing.T) {
	p, _ := newProject(t)
	a := addTestArticle(t, p)
	cases := []struct {
		name string
		in   annotate.Article
		ok   bool
	}{
		{"same text", annotate.Article{URL: "https://other", Text: testText}, false},
		{"same URL", annotate.Article{URL: a.URL, Text: testText + " Updated."}, true},
		{"same title and outlet", annotate.Article{Title: a.Title, Outlet: a.Outlet, Text: "x"}, true},
		{"same title, other outlet", annotate.Article{Title: a.Title, Outlet: "Other", Text: "x"}, false},
		{"nothing alike", annotate.Article{Title: "New", Text: "y"}, false},
	}
	for _, c := range cases {
		got, ok := p.FindSimilarArticle(c.in)
		if ok != c.ok || ok && got.ID != a.ID {
			t.Errorf("%s: FindSimilarArticle = %q, %v; want %v", c.name, got.ID, ok, c.ok)
		}
	}
}
