package storage

import (
	"database/sql"
)

// Statements of the edit path (SaveEvent, DeleteEvent), prepared once per
// project and reused: parsing them anew took a third of an edit's CPU.
var (
	qCountArticle  = `SELECT count(*) FROM articles WHERE id = ?`
	qArticleTitle  = `SELECT coalesce(title, '') FROM articles WHERE id = ?`
	qLoadEvent     = `SELECT ` + eventSelect + ` FROM events WHERE id = ?`
	qLoadSpans     = `SELECT ` + spanSelect + ` FROM spans WHERE event_id = ? ORDER BY fid`
	qDeleteSpans   = `DELETE FROM spans WHERE event_id = ?`
	qInsertSpan    = `INSERT INTO spans (` + spanSelect + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	qDeleteEvent   = `DELETE FROM events WHERE id = ?`
	qTouch         = `UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?`
	qDiscardRedo   = `UPDATE history SET undone = ? WHERE undone = ?`
	qInsertHistory = `INSERT INTO history (at, annotator, action, entity, entity_id, before_json, after_json, undone, batch)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	qWiden = `UPDATE gpkg_contents SET
			min_x = min(coalesce(min_x, ?1), ?1), min_y = min(coalesce(min_y, ?2), ?2),
			max_x = max(coalesce(max_x, ?3), ?3), max_y = max(coalesce(max_y, ?4), ?4)
			WHERE table_name = 'events'`
)

// editQueries are the statements prepareEdits prepares.
var editQueries = []*string{&qCountArticle, &qArticleTitle, &qLoadEvent, &qLoadSpans, &qDeleteSpans, &qInsertSpan,
	&qDeleteEvent, &qTouch, &qDiscardRedo, &qInsertHistory, &qWiden, &upsertEvent}

// prepareEdits prepares editQueries once, outside any transaction (the
// project has one connection, which a transaction holds). A statement that
// cannot be prepared is left out and runs unprepared. The caller holds p.mu.
func (p *Project) prepareEdits() {
	if p.stmts != nil {
		return
	}
	p.stmts = map[string]*sql.Stmt{}
	for _, q := range editQueries {
		if s, err := p.db.Prepare(*q); err == nil {
			p.stmts[*q] = s
		}
	}
}

// closeStmts closes the prepared statements. The caller holds p.mu.
func (p *Project) closeStmts() {
	for _, s := range p.stmts {
		s.Close()
	}
	p.stmts = nil
}

// cachedTx is a transaction that runs the prepared editQueries through
// their prepared statements and any other query as *sql.Tx does.
type cachedTx struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
}

// cached wraps tx for p's prepared statements. The caller holds p.mu.
func (p *Project) cached(tx *sql.Tx) cachedTx { return cachedTx{tx, p.stmts} }

// Exec runs query in the transaction.
func (t cachedTx) Exec(query string, args ...any) (sql.Result, error) {
	if s, ok := t.stmts[query]; ok {
		return t.Tx.Stmt(s).Exec(args...)
	}
	return t.Tx.Exec(query, args...)
}

// Query runs query in the transaction.
func (t cachedTx) Query(query string, args ...any) (*sql.Rows, error) {
	if s, ok := t.stmts[query]; ok {
		return t.Tx.Stmt(s).Query(args...)
	}
	return t.Tx.Query(query, args...)
}

// QueryRow runs query in the transaction.
func (t cachedTx) QueryRow(query string, args ...any) *sql.Row {
	if s, ok := t.stmts[query]; ok {
		return t.Tx.Stmt(s).QueryRow(args...)
	}
	return t.Tx.QueryRow(query, args...)
}
