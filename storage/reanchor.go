package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"eventatlas/annotate"
	"eventatlas/annotate/anchor"
	"github.com/paulmach/orb"
)

// entityArticleText is the history entity of an article whose text
// changed (entityArticle is its metadata).
const entityArticleText = "article text"

// articleSnapshot is an article's state in the history: its text is what
// UpdateArticleText changes. Its spans are restored through the history
// rows of their events, recorded in the same batch.
type articleSnapshot struct {
	ID    string
	Title string
	Text  string
	Hash  string
}

// ReanchorReport tells what became of an article's evidence spans when its
// text changed.
type ReanchorReport struct {
	Exact   int      // spans whose quote still stands at its offsets
	Moved   int      // spans whose exact quote was found elsewhere
	Fuzzy   int      // spans now covering text close to their old quote
	Orphans []Orphan // spans whose quote was not found, flagged orphan
}

// Summary says what happened in words, e.g. "3 spans kept, 1 moved, 1
// orphan". Moved counts fuzzy matches too.
func (r ReanchorReport) Summary() string {
	return fmt.Sprintf("%s kept, %d moved, %s", plural(r.Exact, "span"), r.Moved+r.Fuzzy, plural(len(r.Orphans), "orphan"))
}

// plural is "1 span" or "2 spans": count for a word with a plain plural.
func plural(n int, word string) string { return count(n, word, word+"s") }

// Orphan is an evidence span whose quote was not found again in its
// article's current text. Span keeps the old offsets, quote, prefix and
// suffix.
type Orphan struct {
	Span         annotate.Span
	EventTitle   string
	ArticleTitle string
}

// UpdateArticleText replaces the text of article articleID and re-anchors
// every evidence span into it (see package anchor), in one transaction and
// one undo step. Spans found again get their new offsets, quote and
// context; spans that are not are flagged orphan with their old offsets and
// quote, never moved or dropped. The error wraps ErrNotFound for an unknown
// article; another article with the same text is refused.
func (p *Project) UpdateArticleText(articleID, text string) (*ReanchorReport, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	if text == "" {
		return nil, errors.New("cannot update the article: the new text is empty")
	}
	if err := checkArticleFields(&annotate.Article{Text: text}); err != nil {
		return nil, fmt.Errorf("cannot update the article: %w", err)
	}
	report := &ReanchorReport{}
	err := p.batchWrite(func(tx *sql.Tx) error {
		art, err := scanArticle(tx.QueryRow(`SELECT `+articleSelect+` FROM articles WHERE id = ?`, articleID))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %s: %w", articleID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		hash := annotate.TextHash(text)
		var other string
		err = tx.QueryRow(`SELECT coalesce(title, '') FROM articles WHERE hash = ? AND id <> ?`, hash, articleID).Scan(&other)
		if err == nil {
			return fmt.Errorf("the article %q already has this text", other)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		spans, err := querySpans(tx, `SELECT `+spanSelect+` FROM spans WHERE article_id = ? ORDER BY start, "end", fid`, articleID)
		if err != nil {
			return err
		}
		moved := map[string]annotate.Span{}
		for _, r := range anchor.Reanchor(text, spans) {
			s := r.Span
			s.Orphan = r.Status == anchor.Orphan
			switch r.Status {
			case anchor.Exact:
				report.Exact++
			case anchor.Moved:
				report.Moved++
			case anchor.Fuzzy:
				report.Fuzzy++
			default:
				report.Orphans = append(report.Orphans, Orphan{Span: s, ArticleTitle: art.Title})
			}
			moved[s.ID] = s
		}
		if art.Text == text {
			return nil
		}
		before := articleSnapshot{ID: art.ID, Title: art.Title, Text: art.Text, Hash: art.Hash}
		after := before
		after.Text, after.Hash = text, hash
		if err := writeArticleText(tx, &after); err != nil {
			return err
		}
		if err := p.record(tx, actionUpdate, entityArticleText, art.ID, &before, &after); err != nil {
			return err
		}
		titles, err := p.respan(tx, moved)
		for i := range report.Orphans {
			report.Orphans[i].EventTitle = titles[report.Orphans[i].Span.EventID]
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("cannot update the text of the article: %w", err)
	}
	return report, nil
}

// respan writes the spans in moved into their events, recording each
// changed event in the history, and returns the events' titles by id.
func (p *Project) respan(tx *sql.Tx, moved map[string]annotate.Span) (map[string]string, error) {
	titles := map[string]string{}
	for _, s := range moved {
		if _, done := titles[s.EventID]; done {
			continue
		}
		ev, err := loadEvent(tx, s.EventID)
		if err != nil {
			return nil, err
		}
		titles[ev.ID] = ev.Title
		after := ev
		after.Spans = append([]annotate.Span(nil), ev.Spans...)
		changed := false
		for i, old := range after.Spans {
			if n, ok := moved[old.ID]; ok && n != old {
				after.Spans[i], changed = n, true
			}
		}
		if !changed {
			continue
		}
		after.Updated = now()
		if err := writeEvent(tx, &after); err != nil {
			return nil, err
		}
		if err := p.record(tx, actionUpdate, entityEvent, ev.ID, &ev, &after); err != nil {
			return nil, err
		}
	}
	return titles, nil
}

// writeArticleText stores an article's text and hash.
func writeArticleText(tx *sql.Tx, a *articleSnapshot) error {
	res, err := tx.Exec(`UPDATE articles SET text = ?, hash = ? WHERE id = ?`, a.Text, a.Hash, a.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("article %s: %w", a.ID, ErrNotFound)
	}
	return touch(tx, orb.Bound{}, "articles")
}

// restoreArticleText puts an article's text back as the snapshot js has it.
func restoreArticleText(tx *sql.Tx, id, js string) error {
	if js == "" {
		return fmt.Errorf("article %s: no text to restore", id)
	}
	var a articleSnapshot
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		return err
	}
	a.ID = id
	return writeArticleText(tx, &a)
}

// Orphans returns every orphaned evidence span, by article and event.
func (p *Project) Orphans() ([]Orphan, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	rows, err := p.db.Query(`SELECT s.id, s.article_id, s.event_id, s.start, s."end", s.quote, s.prefix, s.suffix, s.orphan,
			coalesce(e.title, ''), coalesce(a.title, '')
		FROM spans s LEFT JOIN events e ON e.id = s.event_id LEFT JOIN articles a ON a.id = s.article_id
		WHERE s.orphan <> 0 ORDER BY a.fid, s.start, s.fid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Orphan
	for rows.Next() {
		var o Orphan
		var prefix, suffix sql.NullString
		s := &o.Span
		if err := rows.Scan(&s.ID, &s.ArticleID, &s.EventID, &s.Start, &s.End, &s.Quote, &prefix, &suffix, &s.Orphan,
			&o.EventTitle, &o.ArticleTitle); err != nil {
			return nil, err
		}
		s.Prefix, s.Suffix = prefix.String, suffix.String
		out = append(out, o)
	}
	return out, rows.Err()
}

// ReattachSpan points the evidence span spanID at the code points
// [start, end) of its article's current text, as the user selected them,
// and clears its orphan flag. It is one undoable edit of the span's event.
func (p *Project) ReattachSpan(spanID string, start, end int) error {
	return p.editSpan(spanID, func(tx *sql.Tx, s *annotate.Span) (bool, error) {
		var text string
		if err := tx.QueryRow(`SELECT text FROM articles WHERE id = ?`, s.ArticleID).Scan(&text); err != nil {
			return false, err
		}
		n, err := annotate.NewSpan(text, start, end)
		if err != nil {
			return false, err
		}
		s.Start, s.End, s.Quote, s.Prefix, s.Suffix, s.Orphan = n.Start, n.End, n.Quote, n.Prefix, n.Suffix, false
		return true, nil
	})
}

// DeleteSpan removes the evidence span spanID from its event, as the user
// asked: one undoable edit of the event.
func (p *Project) DeleteSpan(spanID string) error {
	return p.editSpan(spanID, func(*sql.Tx, *annotate.Span) (bool, error) { return false, nil })
}

// editSpan changes or, when fn returns false, removes one span of an event
// and records the event's update.
func (p *Project) editSpan(spanID string, fn func(tx *sql.Tx, s *annotate.Span) (keep bool, err error)) error {
	if err := p.begin(); err != nil {
		return err
	}
	defer p.mu.Unlock()
	err := p.write(func(tx *sql.Tx) error {
		var eventID string
		err := tx.QueryRow(`SELECT event_id FROM spans WHERE id = ?`, spanID).Scan(&eventID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("evidence span %s: %w", spanID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		before, err := loadEvent(tx, eventID)
		if err != nil {
			return err
		}
		after := before
		after.Spans = nil
		for _, s := range before.Spans {
			if s.ID == spanID {
				keep, err := fn(tx, &s)
				if err != nil {
					return err
				}
				if !keep {
					continue
				}
			}
			after.Spans = append(after.Spans, s)
		}
		after.Updated = now()
		if err := writeEvent(tx, &after); err != nil {
			return err
		}
		return p.record(tx, actionUpdate, entityEvent, after.ID, &before, &after)
	})
	if err != nil {
		return fmt.Errorf("cannot change the evidence: %w", err)
	}
	return nil
}

// FindSimilarArticle returns the stored article that a is probably another
// version of: not the same text (AddArticle finds that by hash), but the
// same non-empty URL or, failing that, the same non-empty title and outlet.
// An importer offers to update its text (UpdateArticleText) rather than add
// a near duplicate.
func (p *Project) FindSimilarArticle(a annotate.Article) (annotate.Article, bool) {
	if p.begin() != nil {
		return annotate.Article{}, false
	}
	defer p.mu.Unlock()
	hash := a.Hash
	if hash == "" {
		hash = annotate.TextHash(a.Text)
	}
	var one int
	if p.db.QueryRow(`SELECT 1 FROM articles WHERE hash = ?`, hash).Scan(&one) == nil {
		return annotate.Article{}, false
	}
	if a.URL != "" {
		if s, err := scanArticle(p.db.QueryRow(`SELECT `+articleSelect+` FROM articles WHERE url = ? ORDER BY fid LIMIT 1`, a.URL)); err == nil {
			return s, true
		}
	}
	if a.Title != "" && a.Outlet != "" {
		if s, err := scanArticle(p.db.QueryRow(`SELECT `+articleSelect+` FROM articles WHERE title = ? AND outlet = ? ORDER BY fid LIMIT 1`,
			a.Title, a.Outlet)); err == nil {
			return s, true
		}
	}
	return annotate.Article{}, false
}
