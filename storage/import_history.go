package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"eventatlas/annotate"
)

// The history action and entity of what an import wrote. One row stands
// for each batch of an import (importBatch events): its after_json is an
// importBatchNote naming the events, its entity_id is empty, it has no
// before_json, and its undone column is stateAudit, so Undo and Redo skip
// it. History(id) finds the batches that name id and gives each as an
// entry of its own about that event (an importNote), as if it had a row.
// One row per batch rather than per event keeps a bulk import's cost
// (one row per event added ~40 % to a 100k-event import).
const (
	actionImport = "import"
	entityImport = "import"
)

// importNote is the After of the history entry History gives for an
// imported event.
type importNote struct {
	Title  string // the event's title as imported
	Source string // where the events came from, e.g. "events.csv"; "" when the caller did not say
}

// importBatchNote is the after_json of an import batch's history row.
type importBatchNote struct {
	Source string
	Events []importedEvent
}

// importedEvent is one event of an import batch.
type importedEvent struct {
	ID, Title string
}

// qRecordImport inserts the history row of an import batch: when, who, the
// note.
var qRecordImport = `INSERT INTO history (at, annotator, action, entity, entity_id, before_json, after_json, undone)
	VALUES (?, ?, '` + actionImport + `', '` + entityImport + `', '', NULL, ?, ` + fmt.Sprint(stateAudit) + `)`

// startHistory discards the redo tail, as any edit does, keeps the values
// every history row of the import shares (when and who) and prepares the
// statement that writes them.
func (w *eventWriter) startHistory(at time.Time, annotator string) error {
	if _, err := w.tx.Exec(qDiscardRedo, stateDiscarded, stateUndone); err != nil {
		return err
	}
	w.histArgs = []any{sqlTime(at), nullString(annotator)}
	var err error
	w.recordImport, err = w.tx.Prepare(qRecordImport)
	return err
}

// batchNote is the history note of evs, an import batch from source.
func batchNote(evs []annotate.Event, source string) (string, error) {
	n := importBatchNote{Source: source, Events: make([]importedEvent, len(evs))}
	for i := range evs {
		n.Events[i] = importedEvent{ID: evs[i].ID, Title: evs[i].Title}
	}
	b, err := json.Marshal(n)
	return string(b), err
}

// recordBatch writes the history row of a batch just written, with its
// note (batchNote). It does nothing before startHistory.
func (w *eventWriter) recordBatch(note string) error {
	if w.recordImport == nil {
		return nil
	}
	if _, err := w.recordImport.Exec(w.histArgs[0], w.histArgs[1], note); err != nil {
		return fmt.Errorf("history of events: %w", err)
	}
	return nil
}

// qImportHistory finds the import batches that name an event (its id is
// ?1): audit rows, found through the history_undone index, whose note holds
// the id.
var qImportHistory = `SELECT seq, at, annotator, action, entity, entity_id, before_json, after_json, undone
	FROM history WHERE undone = ` + fmt.Sprint(stateAudit) + ` AND entity = '` + entityImport + `' AND instr(after_json, ?1) > 0`

// importEntries returns the history entries of event id from the import
// batches that wrote it, each as an entry about id alone.
func importEntries(q querier, id string) ([]HistoryEntry, error) {
	if id == "" {
		return nil, nil
	}
	batches, err := queryHistory(q, qImportHistory, `"`+id+`"`)
	if err != nil {
		return nil, err
	}
	var out []HistoryEntry
	for _, h := range batches {
		var n importBatchNote
		if err := json.Unmarshal([]byte(h.After), &n); err != nil {
			continue // not a note this version wrote
		}
		for _, e := range n.Events {
			if e.ID != id {
				continue
			}
			b, _ := json.Marshal(importNote{Title: e.Title, Source: n.Source})
			h.EntityID, h.After = id, string(b)
			out = append(out, h)
			break
		}
	}
	return out, nil
}

// queryHistory runs query (which selects the columns scanHistory reads)
// and returns its rows as history entries.
func queryHistory(q querier, query string, args ...any) ([]HistoryEntry, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []HistoryEntry
	for rows.Next() {
		h, err := scanHistory(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// scanHistory reads one history row as History selects it.
func scanHistory(rows *sql.Rows) (HistoryEntry, error) {
	var h HistoryEntry
	var at, annotator, before, after sql.NullString
	var state int
	if err := rows.Scan(&h.Seq, &at, &annotator, &h.Action, &h.Entity, &h.EntityID, &before, &after, &state); err != nil {
		return h, err
	}
	var err error
	if h.At, err = parseTime(at); err != nil {
		return h, err
	}
	h.Annotator, h.Before, h.After = annotator.String, before.String, after.String
	h.Undone, h.Discarded = state == stateUndone || state == stateDiscarded, state == stateDiscarded
	return h, nil
}

// describeImport names an imported event's history entry, e.g. `import
// event "Talks in Dushanbe" from "events.csv"`.
func describeImport(after string) string {
	var n importNote
	json.Unmarshal([]byte(after), &n)
	if n.Source == "" {
		return fmt.Sprintf("import event %q", n.Title)
	}
	return fmt.Sprintf("import event %q from %q", n.Title, n.Source)
}
