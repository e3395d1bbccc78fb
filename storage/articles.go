package storage

import (
	"database/sql"
	"errors"
	"fmt"

	"eventatlas/annotate"
	"github.com/google/uuid"
	"github.com/paulmach/orb"
)

// articleColumns are the articles columns, in scanArticle's order.
const articleColumns = `id, title, outlet, url, language, published, text, hash, created`

// articleSelect reads articleColumns for scanArticle, the dates as text.
var articleSelect = castDates(articleColumns, "published", "created")

// AddArticle stores a, filling its ID, Hash and Created when empty. When the
// project already holds an article with the same text hash, nothing is
// written, existed is true and *a becomes the stored article.
func (p *Project) AddArticle(a *annotate.Article) (existed bool, err error) {
	if err := p.begin(); err != nil {
		return false, err
	}
	defer p.mu.Unlock()
	if a.Text == "" {
		return false, errors.New("the article has no text")
	}
	art := *a
	if art.Hash == "" {
		art.Hash = annotate.TextHash(art.Text)
	}
	if art.ID == "" {
		art.ID = uuid.NewString()
	}
	if art.Created.IsZero() {
		art.Created = now()
	}
	if err := checkArticleFields(&art); err != nil {
		return false, fmt.Errorf("save the article %q: %w", shorten(a.Title, 60), err)
	}
	art.Created, art.Published = stamp(art.Created), stamp(art.Published)
	err = p.write(func(tx *sql.Tx) error {
		stored, err := scanArticle(tx.QueryRow(`SELECT `+articleSelect+` FROM articles WHERE hash = ?`, art.Hash))
		if err == nil {
			art, existed = stored, true
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.Exec(`INSERT INTO articles (`+articleColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			art.ID, art.Title, art.Outlet, art.URL, art.Language, sqlTime(art.Published), art.Text, art.Hash, sqlTime(art.Created))
		if err != nil {
			return err
		}
		return touch(tx, orb.Bound{}, "articles")
	})
	if err != nil {
		return false, fmt.Errorf("save the article %q: %w", a.Title, err)
	}
	*a = art
	return existed, nil
}

// Articles returns every article with its text, oldest first.
func (p *Project) Articles() ([]annotate.Article, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	rows, err := p.db.Query(`SELECT ` + articleSelect + ` FROM articles ORDER BY created, fid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []annotate.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err == nil {
			err = checkArticleFields(&a)
		}
		if err != nil {
			// The check reads the tables again: the rows must let go of
			// the connection first (the project has one).
			rows.Close()
			return nil, p.explainRead(err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Article returns the article id; the error wraps ErrNotFound when there is
// none.
func (p *Project) Article(id string) (annotate.Article, error) {
	if err := p.begin(); err != nil {
		return annotate.Article{}, err
	}
	defer p.mu.Unlock()
	a, err := scanArticle(p.db.QueryRow(`SELECT `+articleSelect+` FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	return a, err
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// scanArticle reads the articleColumns of one row.
func scanArticle(s scanner) (annotate.Article, error) {
	var a annotate.Article
	var title, outlet, url, lang, published, created sql.NullString
	if err := s.Scan(&a.ID, &title, &outlet, &url, &lang, &published, &a.Text, &a.Hash, &created); err != nil {
		return a, err
	}
	a.Title, a.Outlet, a.URL, a.Language = title.String, outlet.String, url.String, lang.String
	// A date a GIS user typed in another form reads as unknown, as an
	// event's does, rather than making the whole project unreadable.
	a.Published, _ = parseTime(published)
	a.Created, _ = parseTime(created)
	return a, nil
}
