package storage

import (
	"errors"
	"testing"
	"time"

	"eventatlas/annotate"
)

func TestUpdateArticleMeta(t *testing.T) {
	p, _ := newProject(t)
	orig := addTestArticle(t, p)
	edit := orig
	edit.Title, edit.Outlet, edit.URL, edit.Language = "  Delegation in Kunduz ", "RFE/RL", "https://example.org/2", "ru"
	edit.Published = time.Date(2024, 5, 4, 0, 0, 0, 0, time.UTC)
	edit.Text = "ignored: the text never changes"
	if err := p.UpdateArticleMeta(edit); err != nil {
		t.Fatalf("UpdateArticleMeta: %v", err)
	}
	got, err := p.Article(orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := orig
	want.Title, want.Outlet, want.URL, want.Language, want.Published = "Delegation in Kunduz", "RFE/RL", "https://example.org/2", "ru", edit.Published
	if got != want {
		t.Errorf("stored %+v\nwant %+v", got, want)
	}

	desc, err := p.Undo()
	if err != nil || desc != `change article "Delegation in Kunduz"` {
		t.Fatalf("Undo = %q, %v", desc, err)
	}
	if got, _ := p.Article(orig.ID); got != orig {
		t.Errorf("after undo %+v\nwant %+v", got, orig)
	}
	if _, err := p.Redo(); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Article(orig.ID); got != want {
		t.Errorf("after redo %+v\nwant %+v", got, want)
	}
	hist, _ := p.History(orig.ID)
	if len(hist) != 1 || hist[0].Entity != "article" || hist[0].Action != "update" {
		t.Errorf("history %+v", hist)
	}
	// Saving the same values records nothing.
	if err := p.UpdateArticleMeta(want); err != nil {
		t.Fatal(err)
	}
	if hist, _ := p.History(orig.ID); len(hist) != 1 {
		t.Errorf("an unchanged save recorded %d history rows", len(hist))
	}
}

func TestUpdateArticleMetaErrors(t *testing.T) {
	p, _ := newProject(t)
	a := addTestArticle(t, p)
	for _, tc := range []struct {
		name string
		a    annotate.Article
		want string
	}{
		{"no title", annotate.Article{ID: a.ID, Title: "  "}, "give the article a title"},
		{"unknown id", annotate.Article{ID: "nope", Title: "x"}, "article nope: not found"},
	} {
		err := p.UpdateArticleMeta(tc.a)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	if err := p.UpdateArticleMeta(annotate.Article{ID: "nope", Title: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id does not wrap ErrNotFound: %v", err)
	}
	if got, _ := p.Article(a.ID); got != a {
		t.Errorf("a failed update changed the article: %+v", got)
	}
}
