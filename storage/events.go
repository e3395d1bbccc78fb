package storage

import (
	"cmp"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"eventatlas/annotate"
	"github.com/google/uuid"
)

// SaveEvent inserts e or updates the event with its ID, in one transaction
// with its spans and a history entry. It fills an empty ID, Created (on
// insert; an update keeps the stored one when e's is zero), Updated,
// Annotator (from SetAnnotator when empty) and every span's ID and EventID,
// and normalises the dates to calendar days. e must pass e.Validate() and
// every span must point into an article of the project. *e is changed only
// when the save succeeds.
func (p *Project) SaveEvent(e *annotate.Event) error {
	if err := p.begin(); err != nil {
		return err
	}
	defer p.mu.Unlock()
	ev := *e
	if ev.ID == "" {
		ev.ID = uuid.NewString()
	}
	ev.DateStart, ev.DateEnd = day(ev.DateStart), day(ev.DateEnd)
	if ev.Annotator == "" {
		ev.Annotator = p.annotator
	}
	if err := ev.Validate(); err != nil {
		return fmt.Errorf("cannot save the event %q: %w", ev.Title, err)
	}
	ev.Spans = append([]annotate.Span(nil), e.Spans...)
	for i := range ev.Spans {
		s := &ev.Spans[i]
		if s.ID == "" {
			s.ID = uuid.NewString()
		}
		s.EventID = ev.ID
		if s.Start < 0 || s.End <= s.Start {
			return fmt.Errorf("cannot save the event %q: evidence span %d–%d is empty or negative", ev.Title, s.Start, s.End)
		}
	}
	if err := checkEventFields(&ev); err != nil {
		return fmt.Errorf("cannot save the event %q: %w", shorten(ev.Title, 60), err)
	}
	err := p.write(func(sqlTx *sql.Tx) error {
		tx := p.cached(sqlTx)
		if err := checkArticles(tx, ev.Spans); err != nil {
			return err
		}
		var before *annotate.Event
		old, err := loadEvent(tx, ev.ID)
		switch {
		case err == nil:
			before = &old
		case !errors.Is(err, ErrNotFound):
			return err
		}
		t := now()
		if ev.Created.IsZero() && before != nil {
			ev.Created = before.Created
		}
		if ev.Created.IsZero() {
			ev.Created = t
		}
		ev.Created, ev.Updated = stamp(ev.Created), t
		if err := writeEvent(tx, &ev); err != nil {
			return err
		}
		action := actionUpdate
		if before == nil {
			action = actionCreate
		}
		return p.record(tx, action, entityEvent, ev.ID, before, &ev)
	})
	if err != nil {
		return fmt.Errorf("cannot save the event %q: %w", ev.Title, err)
	}
	*e = ev
	return nil
}

// checkArticles reports a span whose article is not in the project.
func checkArticles(tx querier, spans []annotate.Span) error {
	for _, s := range spans {
		var n int
		if err := tx.QueryRow(qCountArticle, s.ArticleID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("evidence span %d–%d points to article %q, which is not in the project", s.Start, s.End, s.ArticleID)
		}
	}
	return nil
}

// DeleteEvent deletes the event id and its spans, recording it in the
// history; the error wraps ErrNotFound when there is no such event.
func (p *Project) DeleteEvent(id string) error {
	if err := p.begin(); err != nil {
		return err
	}
	defer p.mu.Unlock()
	return p.write(func(sqlTx *sql.Tx) error {
		tx := p.cached(sqlTx)
		before, err := loadEvent(tx, id)
		if err != nil {
			return err
		}
		if err := removeEvent(tx, id); err != nil {
			return err
		}
		return p.record(tx, actionDelete, entityEvent, id, &before, nil)
	})
}

// Event returns the event id with its spans; the error wraps ErrNotFound
// when there is none.
func (p *Project) Event(id string) (annotate.Event, error) {
	if err := p.begin(); err != nil {
		return annotate.Event{}, err
	}
	defer p.mu.Unlock()
	return loadEvent(p.db, id)
}

// Events returns every event with its spans, by start date (undated or
// unreadably dated last), then by creation.
func (p *Project) Events() ([]annotate.Event, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	n, err := p.eventCountGuess()
	if err != nil {
		return nil, err
	}
	// Reading in fid order and sorting here is faster than SQLite's sorter,
	// which would copy every column of every row.
	rows, err := p.db.Query(`SELECT ` + eventSelect + ` FROM events ORDER BY fid`)
	if err != nil {
		return nil, err
	}
	events := make([]annotate.Event, 0, n)
	index := make(map[string]int, n)
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			rows.Close()
			return nil, p.explainRead(err)
		}
		if first, dup := index[e.ID]; dup {
			rows.Close()
			return nil, fmt.Errorf("%w: events “%s” and “%s” have the same id %s, so an edit of one would not know which; File › Merge project… brings in its readable events",
				ErrBadValue, shorten(events[first].Title, 60), shorten(e.Title, 60), e.ID)
		}
		index[e.ID] = len(events)
		events = append(events, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	spans, err := querySpans(p.db, `SELECT `+spanSelect+` FROM spans ORDER BY fid`)
	if err != nil {
		return nil, p.explainRead(err)
	}
	for _, s := range spans {
		if i, ok := index[s.EventID]; ok {
			events[i].Spans = append(events[i].Spans, s)
		}
	}
	lengths, err := articleLengths(p.db)
	if err != nil {
		return nil, err
	}
	// A field too long for the window to show (a teammate's file opened
	// as it is) stops the load with the open check's description of it;
	// so do a geometry the map cannot draw and evidence that is in no text.
	for i := range events {
		if err := checkEventFields(&events[i]); err != nil {
			return nil, p.explainRead(err)
		}
		if err := checkDrawable(&events[i], lengths); err != nil {
			return nil, err
		}
	}
	return sortEvents(events), nil
}

// articleLengths maps each article's id to the code points of its text.
func articleLengths(q querier) (map[string]int, error) {
	rows, err := q.Query(`SELECT id, length(text) FROM articles`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// eventKey is what Events' order compares: start date (undated last),
// then creation, then fid order (i).
type eventKey struct {
	undated        bool
	start, created int64 // Unix milliseconds
	i              int32
}

// keyOf is the order key of the i-th event read.
func keyOf(i int, start, created time.Time) eventKey {
	return eventKey{undated: start.IsZero(), start: start.UnixMilli(), created: created.UnixMilli(), i: int32(i)}
}

// compare orders two keys.
func (a eventKey) compare(b eventKey) int {
	switch {
	case a.undated != b.undated:
		if a.undated {
			return 1
		}
		return -1
	case a.start != b.start:
		return cmp.Compare(a.start, b.start)
	case a.created != b.created:
		return cmp.Compare(a.created, b.created)
	}
	return cmp.Compare(a.i, b.i)
}

// sortedOrder sorts keys, unless they are in order already, and reports
// whether it had to.
func sortedOrder(keys []eventKey) bool {
	if slices.IsSortedFunc(keys, eventKey.compare) {
		return false
	}
	slices.SortFunc(keys, eventKey.compare)
	return true
}

// sortEvents returns events read in fid order in Events' order: by start
// date, undated (or unreadably dated) last, then by creation, then by fid.
// It sorts small keys and moves each event once.
func sortEvents(events []annotate.Event) []annotate.Event {
	keys := make([]eventKey, len(events))
	for i, e := range events {
		keys[i] = keyOf(i, e.DateStart, e.Created)
	}
	if !sortedOrder(keys) {
		return events
	}
	out := make([]annotate.Event, len(events))
	for j, k := range keys {
		out[j] = events[k.i]
	}
	return out
}

// SpansForArticle returns the evidence spans into one article, in text
// order.
func (p *Project) SpansForArticle(articleID string) ([]annotate.Span, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	return querySpans(p.db, `SELECT `+spanSelect+` FROM spans WHERE article_id = ? ORDER BY start, "end", fid`, articleID)
}

// querySpans runs a spans query.
func querySpans(q querier, query string, args ...any) ([]annotate.Span, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []annotate.Span
	for rows.Next() {
		s, err := scanSpan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// eventCountGuess is max(fid), a cheap guess at the number of events to size
// slices with, bounded so a hostile value cannot make a huge allocation.
func (p *Project) eventCountGuess() (int64, error) {
	var n int64
	if err := p.db.QueryRow(`SELECT coalesce(max(fid), 0) FROM events`).Scan(&n); err != nil {
		return 0, err
	}
	return min(max(n, 0), 1<<20), nil
}
