package storage

import (
	"database/sql"
	"fmt"
	"strings"

	"eventatlas/annotate"
	"github.com/google/uuid"
	"github.com/paulmach/orb"
)

// ImportEvents saves many events in one transaction with prepared
// statements, for imports: a new event is inserted and one whose ID the
// project has is replaced, with its spans. Each event is filled and checked
// as SaveEvent does (ID, dates, annotator, Created, Updated); the first
// event that fails its checks fails the whole import, naming it, and
// nothing is written. Each event written gets an "import" entry in the
// history (History lists it: who imported it and when), but an import is
// not undoable: Undo and Redo skip those entries, so Undo does not remove
// imported events. An import with events discards the redo tail, as any
// edit does. It returns the number of events written; the caller's slice
// is not changed. An import of bulkImport events or more is written in
// rollback-journal mode (the next edit returns to WAL mode); it drops the
// events_date index and builds it again at the end when the project had
// fewer events than the import brings, and the events_fill_id trigger,
// made again at the end. ImportEventsFrom also names the source.
func (p *Project) ImportEvents(events []annotate.Event) (int, error) {
	return p.importEvents(events, "")
}

// ImportEventsFrom is ImportEvents for events read from source, e.g. the
// base name of the imported file, which each event's history entry names
// ("import event "Title" from "events.csv"").
func (p *Project) ImportEventsFrom(events []annotate.Event, source string) (int, error) {
	return p.importEvents(events, source)
}

// importEvents is ImportEvents, recording source in the history entries.
func (p *Project) importEvents(events []annotate.Event, source string) (int, error) {
	if err := p.begin(); err != nil {
		return 0, err
	}
	defer p.mu.Unlock()
	t := now()
	evs := make([]annotate.Event, len(events))
	var bound orb.Bound
	for i, e := range events {
		if e.ID == "" {
			e.ID = uuid.NewString()
		}
		e.DateStart, e.DateEnd = day(e.DateStart), day(e.DateEnd)
		if e.Annotator == "" {
			e.Annotator = p.annotator
		}
		if e.Created.IsZero() {
			e.Created = t
		}
		e.Created, e.Updated = stamp(e.Created), t
		if err := e.Validate(); err != nil {
			return 0, fmt.Errorf("cannot import event %d (%q): %w", i+1, e.Title, err)
		}
		e.Spans = append([]annotate.Span(nil), e.Spans...)
		for j := range e.Spans {
			s := &e.Spans[j]
			if s.ID == "" {
				s.ID = uuid.NewString()
			}
			s.EventID = e.ID
			if s.Start < 0 || s.End <= s.Start {
				return 0, fmt.Errorf("cannot import event %d (%q): evidence span %d–%d is empty or negative", i+1, e.Title, s.Start, s.End)
			}
		}
		if err := checkEventFields(&e); err != nil {
			return 0, fmt.Errorf("cannot import event %d (%q): %w", i+1, shorten(e.Title, 60), err)
		}
		if i == 0 {
			bound = e.Geometry.Bound()
		} else {
			bound = bound.Union(e.Geometry.Bound())
		}
		evs[i] = e
	}
	// A cache that holds the whole transaction saves SQLite from spilling
	// pages to the file before the commit.
	var cache int
	if err := p.db.QueryRow(`PRAGMA cache_size`).Scan(&cache); err != nil {
		return 0, err
	}
	if want := -min(256<<10, 64+len(evs)); want < cache {
		if _, err := p.db.Exec(fmt.Sprintf(`PRAGMA cache_size = %d`, want)); err != nil {
			return 0, err
		}
		defer p.db.Exec(fmt.Sprintf(`PRAGMA cache_size = %d`, cache))
	}
	write := p.write
	if len(evs) >= bulkImport {
		if err := p.useJournal(); err != nil {
			return 0, fmt.Errorf("cannot import the events: %w", err)
		}
		write = p.commit
	}
	err := write(func(tx *sql.Tx) error {
		w, err := newEventWriter(tx)
		if err != nil {
			return err
		}
		defer w.close()
		if len(evs) > 0 {
			if err := w.startHistory(t, p.annotator); err != nil {
				return err
			}
		}
		if err := w.loadTitles(evs); err != nil {
			return err
		}
		if w.dropSpans, err = w.mayHaveSpans(evs); err != nil {
			return err
		}
		reindex, err := w.dropDateIndex(len(evs))
		if err != nil {
			return err
		}
		retrigger, err := w.dropFillIDTrigger(len(evs))
		if err != nil {
			return err
		}
		// The values of the next batch are encoded on a second goroutine
		// while SQLite writes this one.
		batches := make(chan batchValues, 2)
		stop := make(chan struct{})
		defer close(stop)
		go encodeBatches(evs, w.titles, source, batches, stop)
		for b := range batches {
			if b.err != nil {
				return b.err
			}
			if err := w.writeBatch(evs[b.first:b.first+b.n], b.first, b.args, b.note); err != nil {
				return err
			}
		}
		if reindex {
			if _, err := tx.Exec(createDateIndex); err != nil {
				return err
			}
		}
		if retrigger {
			if _, err := tx.Exec(createFillIDTrigger); err != nil {
				return err
			}
		}
		if len(evs) == 0 {
			return nil
		}
		return touch(tx, bound, "events", "spans", "history")
	})
	if err != nil {
		return 0, fmt.Errorf("cannot import the events: %w", err)
	}
	return len(evs), nil
}

// importBatch is how many events one INSERT statement of ImportEvents
// writes: per-statement costs (AUTOINCREMENT bookkeeping, the statement
// journal) are paid once per batch.
const importBatch = 100

// eventWriter writes events with prepared statements, as writeEvent does
// one at a time, but without touching gpkg_contents per event.
type eventWriter struct {
	tx              *sql.Tx
	dropSpans       bool // replace the spans of each event written
	insSpan, title  *sql.Stmt
	batch, delBatch map[int]*sql.Stmt // multi-row upserts and span deletes by row count
	histArgs        []any             // the values every history row of the import shares: when, who
	recordImport    *sql.Stmt         // qRecordImport, once startHistory has run
	titles          map[string]string // article id → title
}

// batchStmt is the upsert of n events in one statement.
func (w *eventWriter) batchStmt(n int) (*sql.Stmt, error) {
	row := "(?" + strings.Repeat(", ?", strings.Count(eventColumns, ",")) + ")"
	return w.cached(w.batch, n, strings.Replace(upsertEvent, "VALUES "+row, "VALUES "+row+strings.Repeat(", "+row, n-1), 1))
}

// delStmt deletes the spans of n events in one statement.
func (w *eventWriter) delStmt(n int) (*sql.Stmt, error) {
	return w.cached(w.delBatch, n, `DELETE FROM spans WHERE event_id IN (?`+strings.Repeat(", ?", n-1)+`)`)
}

// cached prepares query once as cache[n].
func (w *eventWriter) cached(cache map[int]*sql.Stmt, n int, query string) (*sql.Stmt, error) {
	if s, ok := cache[n]; ok {
		return s, nil
	}
	s, err := w.tx.Prepare(query)
	if err != nil {
		return nil, err
	}
	cache[n] = s
	return s, nil
}

// batchValues are the eventColumns values of the n events from index first
// of an import, or the error that stopped encoding them.
type batchValues struct {
	first, n int
	args     []any
	note     string // the batch's history note (batchNote)
	err      error
}

// encodeBatches sends the values of evs in batches of importBatch events,
// with titles giving each span's article title, and each batch's history
// note naming source, until done or stop is closed; it closes out.
func encodeBatches(evs []annotate.Event, titles map[string]string, source string, out chan<- batchValues, stop <-chan struct{}) {
	defer close(out)
	for first := 0; first < len(evs); first += importBatch {
		b := batchValues{first: first, n: min(importBatch, len(evs)-first)}
		b.args = make([]any, 0, b.n*eventColumnCount)
		for i := first; i < first+b.n; i++ {
			e := &evs[i]
			var articleTitle string
			if len(e.Spans) > 0 {
				articleTitle = titles[e.Spans[0].ArticleID]
			}
			vals, err := eventValues(e, articleTitle)
			if err != nil {
				b.err = fmt.Errorf("event %d (%q): %w", i+1, e.Title, err)
				break
			}
			b.args = append(b.args, vals...)
		}
		if b.err == nil {
			if b.note, b.err = batchNote(evs[first:first+b.n], source); b.err != nil {
				b.err = fmt.Errorf("events %d–%d: %w", first+1, first+b.n, b.err)
			}
		}
		select {
		case out <- b:
		case <-stop:
			return
		}
		if b.err != nil {
			return
		}
	}
}

// eventColumnCount is the number of eventColumns.
var eventColumnCount = strings.Count(eventColumns, ",") + 1

// writeBatch stores evs, the events from index first of the import, with
// the values args, records them in the history with note, and replaces
// their spans.
func (w *eventWriter) writeBatch(evs []annotate.Event, first int, args []any, note string) error {
	stmt, err := w.batchStmt(len(evs))
	if err != nil {
		return err
	}
	if _, err := stmt.Exec(args...); err != nil {
		return fmt.Errorf("events %d–%d: %w", first+1, first+len(evs), err)
	}
	if err := w.recordBatch(note); err != nil {
		return err
	}
	if w.dropSpans {
		ids := make([]any, len(evs))
		for i := range evs {
			ids[i] = evs[i].ID
		}
		del, err := w.delStmt(len(evs))
		if err != nil {
			return err
		}
		if _, err := del.Exec(ids...); err != nil {
			return err
		}
	}
	for i := range evs {
		e := &evs[i]
		for _, s := range e.Spans {
			if _, err := w.insSpan.Exec(s.ID, s.ArticleID, e.ID, s.Start, s.End, s.Quote, s.Prefix, s.Suffix); err != nil {
				return fmt.Errorf("event %d (%q): span %d–%d: %w", first+i+1, e.Title, s.Start, s.End, err)
			}
		}
	}
	return nil
}

// loadTitles reads the title of every article the spans of evs point to,
// and fails, naming the event, for a span whose article is not in the
// project.
func (w *eventWriter) loadTitles(evs []annotate.Event) error {
	for i := range evs {
		e := &evs[i]
		for _, s := range e.Spans {
			if _, err := w.articleTitle(s); err != nil {
				return fmt.Errorf("event %d (%q): %w", i+1, e.Title, err)
			}
		}
	}
	return nil
}

// mayHaveSpans reports whether an event of evs may have spans stored that
// its import must replace: when the project has spans, or when evs bring
// spans and may repeat an ID.
func (w *eventWriter) mayHaveSpans(evs []annotate.Event) (bool, error) {
	var has bool
	if err := w.tx.QueryRow(`SELECT EXISTS (SELECT 1 FROM spans)`).Scan(&has); err != nil || has {
		return has, err
	}
	for i := range evs {
		if len(evs[i].Spans) > 0 {
			return true, nil
		}
	}
	return false, nil
}

// rebuildFrom is the size of an import from which it drops the date index
// and the fill-id trigger and makes them again at the end, which is faster
// than keeping them up row by row.
const rebuildFrom = 1000

// createDateIndex is the events_date index as schemaV1 makes it.
const createDateIndex = `CREATE INDEX events_date ON events (date_start)`

// dropDateIndex drops the events_date index for an import of n events into
// a project with fewer events, which is faster than updating it row by row,
// and reports whether it did; the import recreates it in its transaction.
func (w *eventWriter) dropDateIndex(n int) (bool, error) {
	if n < rebuildFrom {
		return false, nil
	}
	var have int
	if err := w.tx.QueryRow(`SELECT count(*) FROM events`).Scan(&have); err != nil {
		return false, err
	}
	if have >= n {
		return false, nil
	}
	return w.dropIfOurs("index", "events", "events_date", createDateIndex)
}

// dropFillIDTrigger drops the events_fill_id trigger for an import of n
// events (every imported event has an id, so it would never fire, but
// SQLite still runs its WHEN clause for every row: about a tenth of a bulk
// import), and reports whether it did; the import recreates it in its
// transaction.
func (w *eventWriter) dropFillIDTrigger(n int) (bool, error) {
	if n < rebuildFrom {
		return false, nil
	}
	return w.dropIfOurs("trigger", "events", "events_fill_id", createFillIDTrigger)
}

// dropIfOurs drops the schema object of the given type and name on table
// when its SQL is create (white space aside) — an object a user or another
// tool changed is left alone — and reports whether it did.
func (w *eventWriter) dropIfOurs(typ, table, name, create string) (bool, error) {
	var sqlText string
	err := w.tx.QueryRow(`SELECT sql FROM sqlite_master WHERE type = ? AND name = ? AND tbl_name = ?`, typ, name, table).Scan(&sqlText)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if strings.Join(strings.Fields(sqlText), " ") != strings.Join(strings.Fields(create), " ") {
		return false, nil
	}
	_, err = w.tx.Exec(`DROP ` + strings.ToUpper(typ) + ` ` + name)
	return err == nil, err
}

// newEventWriter prepares the statements.
func newEventWriter(tx *sql.Tx) (*eventWriter, error) {
	w := &eventWriter{tx: tx, titles: map[string]string{}, batch: map[int]*sql.Stmt{}, delBatch: map[int]*sql.Stmt{}}
	var err error
	prepare := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = tx.Prepare(q)
		return s
	}
	w.insSpan = prepare(`INSERT INTO spans (` + spanColumns + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	w.title = prepare(`SELECT coalesce(title, '') FROM articles WHERE id = ?`)
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

// close closes the statements.
func (w *eventWriter) close() {
	for _, s := range []*sql.Stmt{w.insSpan, w.title, w.recordImport} {
		if s != nil {
			s.Close()
		}
	}
	for _, cache := range []map[int]*sql.Stmt{w.batch, w.delBatch} {
		for _, s := range cache {
			s.Close()
		}
	}
}

// articleTitle is the title of the span's article, which must be in the
// project.
func (w *eventWriter) articleTitle(s annotate.Span) (string, error) {
	if t, ok := w.titles[s.ArticleID]; ok {
		return t, nil
	}
	var t string
	err := w.title.QueryRow(s.ArticleID).Scan(&t)
	if err == sql.ErrNoRows {
		return "", fmt.Errorf("evidence span %d–%d points to article %q, which is not in the project", s.Start, s.End, s.ArticleID)
	}
	if err != nil {
		return "", err
	}
	w.titles[s.ArticleID] = t
	return t, nil
}
