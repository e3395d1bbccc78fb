package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// entityArticle is the history entity of an article's metadata edit.
const entityArticle = "article"

// articleMeta is what UpdateArticleMeta changes and the history keeps of an
// article: everything but its text, hash and creation time.
type articleMeta struct {
	ID        string
	Title     string
	Outlet    string    `json:",omitempty"`
	URL       string    `json:",omitempty"`
	Language  string    `json:",omitempty"`
	Published time.Time `json:",omitzero"`
}

// metaOf is the metadata part of a.
func metaOf(a annotate.Article) articleMeta {
	return articleMeta{ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Language: a.Language, Published: stamp(a.Published)}
}

// UpdateArticleMeta stores a's title, outlet, URL, language and publication
// date on the article a.ID; its text, hash and creation time stay as they
// are. The change is recorded in the history, so Undo reverts it. An
// unchanged article writes nothing. The error wraps ErrNotFound when the
// project has no article a.ID.
func (p *Project) UpdateArticleMeta(a annotate.Article) error {
	if err := p.begin(); err != nil {
		return err
	}
	defer p.mu.Unlock()
	after := metaOf(a)
	after.Title = strings.TrimSpace(after.Title)
	if after.Title == "" {
		return errors.New("give the article a title")
	}
	if err := checkArticleFields(&annotate.Article{Title: after.Title, Outlet: after.Outlet, URL: after.URL, Language: after.Language}); err != nil {
		return fmt.Errorf("cannot change the article: %w", err)
	}
	return p.write(func(tx *sql.Tx) error {
		stored, err := scanArticle(tx.QueryRow(`SELECT `+articleSelect+` FROM articles WHERE id = ?`, a.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %s: %w", a.ID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		before := metaOf(stored)
		if before == after {
			return nil
		}
		if err := writeArticleMeta(tx, &after); err != nil {
			return err
		}
		return p.record(tx, actionUpdate, entityArticle, a.ID, &before, &after)
	})
}

// writeArticleMeta stores m on its article.
func writeArticleMeta(tx *sql.Tx, m *articleMeta) error {
	res, err := tx.Exec(`UPDATE articles SET title = ?, outlet = ?, url = ?, language = ?, published = ? WHERE id = ?`,
		m.Title, m.Outlet, m.URL, m.Language, sqlTime(m.Published), m.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("article %s: %w", m.ID, ErrNotFound)
	}
	return touch(tx, orb.Bound{}, "articles")
}

// restoreArticle puts an article's metadata back to the history snapshot js.
// Articles are never created or deleted through the history, so js is
// never empty.
func restoreArticle(tx *sql.Tx, js string) error {
	var m articleMeta
	if err := json.Unmarshal([]byte(js), &m); err != nil {
		return err
	}
	return writeArticleMeta(tx, &m)
}
