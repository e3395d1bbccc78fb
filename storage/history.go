package storage

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// History actions and entities.
const (
	actionCreate   = "create"
	actionUpdate   = "update"
	actionDelete   = "delete"
	actionMerge    = "merge"
	actionSolve    = "resolve"
	entityEvent    = "event"
	entityPlace    = "place"
	entityConflict = "conflict" // a merge conflict: its row in the conflicts table
	entityMerge    = "merge"    // heads the batch of one merge; undoing it changes nothing itself
)

// States of a history row's undone column.
const (
	stateDone      = 0 // the edit is in effect
	stateUndone    = 1 // undone; Redo can restore it
	stateDiscarded = 2 // undone, then superseded by a new edit; kept for the audit trail
	stateAudit     = 3 // kept for the audit trail only (an imported event): Undo and Redo skip it
)

// HistoryEntry is one recorded edit: who changed what, when, and the
// entity's state before and after as JSON.
type HistoryEntry struct {
	Seq       int64     // order of the edit in the project
	At        time.Time // when it was made (UTC)
	Annotator string    // who made it
	Action    string    // "create", "update", "delete", "merge", "resolve" or "import"
	Entity    string    // "event" (with its evidence spans), "place", "conflict", "merge" or "import" (an imported event)
	EntityID  string    // the event's, place's or conflict's id; for a merge, the other project's id
	Before    string    // JSON state before the edit, "" for a create or an import
	After     string    // JSON state after the edit, "" for a delete; for an import {"Title": …, "Source": …}
	Undone    bool      // the edit has been undone
	Discarded bool      // undone and superseded by a later edit: Redo cannot bring it back
}

// Description says what the edit did, e.g. `create event "Talks in
// Dushanbe"` or `add evidence to event "Clash at Shir Khan"`.
func (h HistoryEntry) Description() string {
	return describe(h.Action, h.Entity, h.Before, h.After)
}

// record writes a history row for an edit in tx and discards the redo tail.
func (p *Project) record(tx querier, action, entity, id string, before, after any) error {
	b, err := snapshotJSON(before)
	if err != nil {
		return err
	}
	a, err := snapshotJSON(after)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(qDiscardRedo, stateDiscarded, stateUndone); err != nil {
		return err
	}
	var batch any
	if p.batch != 0 {
		batch = p.batch
	}
	if _, err := tx.Exec(qInsertHistory, sqlTime(now()), nullString(p.annotator), action, entity, id, b, a, stateDone, batch); err != nil {
		return err
	}
	return touch(tx, orb.Bound{}, "history")
}

// batchWrite runs fn in one transaction, as write does, and makes every
// history row it records one undo step. The caller holds p.mu.
func (p *Project) batchWrite(fn func(tx *sql.Tx) error) error {
	return p.write(func(tx *sql.Tx) error {
		// Batch ids are the seq the batch's first row will get at the
		// earliest, so they grow with seq and never repeat.
		if err := tx.QueryRow(`SELECT coalesce(max(seq), 0) + 1 FROM history`).Scan(&p.batch); err != nil {
			return err
		}
		defer func() { p.batch = 0 }()
		return fn(tx)
	})
}

// snapshotJSON encodes an *annotate.Event, *annotate.Place, *articleMeta,
// *articleSnapshot, *conflictRow, *mergeNote or *taxonomySnapshot; nil is
// NULL.
func snapshotJSON(v any) (any, error) {
	switch v := v.(type) {
	case *conflictRow:
		if v != nil {
			return jsonText(v)
		}
	case *mergeNote:
		if v != nil {
			return jsonText(v)
		}
	case *annotate.Event:
		if v != nil {
			return marshalEvent(v)
		}
	case *annotate.Place:
		if v != nil {
			return marshalPlace(v)
		}
	case *articleMeta:
		if v != nil {
			return jsonText(v)
		}
	case *articleSnapshot:
		if v != nil {
			return jsonText(v)
		}
	case *taxonomySnapshot:
		if v != nil {
			return jsonText(v)
		}
	case nil:
	default:
		return nil, fmt.Errorf("no history snapshot for %T", v)
	}
	return nil, nil
}

// Undo reverts the latest edit still in effect and returns its description.
// An edit is one history row, or every row of a batch (a merge, a conflict
// resolution). It fails with ErrNothingToUndo when there is none. The undo
// is stored, so it survives a restart.
func (p *Project) Undo() (desc string, err error) {
	st, err := p.step(true)
	return st.Description, err
}

// Redo re-applies the earliest undone edit and returns its description. It
// fails with ErrNothingToRedo when nothing was undone since the last edit.
func (p *Project) Redo() (desc string, err error) {
	st, err := p.step(false)
	return st.Description, err
}

// Step is an edit that UndoStep or RedoStep replayed.
type Step struct {
	Description string // as Undo and Redo return it
	// Entity and EntityID name what the edit changed ("event" and its id)
	// when it is one row; both are "" for a batch (a merge, a resolution).
	Entity, EntityID string
}

// UndoStep is Undo, saying which entity the edit changed, so that the
// window can show it.
func (p *Project) UndoStep() (Step, error) { return p.step(true) }

// RedoStep is Redo, saying which entity the edit changed.
func (p *Project) RedoStep() (Step, error) { return p.step(false) }

// historyRow is one row of the history table as step replays it.
type historyRow struct {
	seq                int64
	action, entity, id string
	before, after      string
}

// step undoes (restoring before_json, newest row first) or redoes
// (restoring after_json, oldest row first) the latest edit in effect or the
// earliest undone one, with every row of its batch.
func (p *Project) step(undo bool) (Step, error) {
	if err := p.begin(); err != nil {
		return Step{}, err
	}
	defer p.mu.Unlock()
	from, to, order := stateUndone, stateDone, "ASC"
	if undo {
		from, to, order = stateDone, stateUndone, "DESC"
	}
	var st Step
	err := p.write(func(tx *sql.Tx) error {
		var seq int64
		var batch sql.NullInt64
		err := tx.QueryRow(`SELECT seq, batch FROM history WHERE undone = ? ORDER BY seq `+order+` LIMIT 1`, from).Scan(&seq, &batch)
		if errors.Is(err, sql.ErrNoRows) {
			if undo {
				return ErrNothingToUndo
			}
			return ErrNothingToRedo
		}
		if err != nil {
			return err
		}
		where, arg := `seq = ?`, any(seq)
		if batch.Valid {
			where, arg = `batch = ?`, batch.Int64
		}
		steps, err := historyRows(tx, `SELECT seq, action, entity, entity_id, before_json, after_json FROM history
			WHERE `+where+` AND undone = ? ORDER BY seq `+order, arg, from)
		if err != nil {
			return err
		}
		first := steps[0]
		if undo {
			first = steps[len(steps)-1]
		}
		st.Description = describe(first.action, first.entity, first.before, first.after)
		if len(steps) == 1 {
			st.Entity, st.EntityID = first.entity, first.id
		}
		for _, h := range steps {
			target := h.after
			if undo {
				target = h.before
			}
			if err := restore(tx, h.entity, h.id, target); err != nil {
				return fmt.Errorf("%s: %w", describe(h.action, h.entity, h.before, h.after), err)
			}
			if _, err := tx.Exec(`UPDATE history SET undone = ? WHERE seq = ?`, to, h.seq); err != nil {
				return err
			}
		}
		return nil
	})
	return st, err
}

// historyRows reads the rows step replays.
func historyRows(tx *sql.Tx, query string, args ...any) ([]historyRow, error) {
	rows, err := tx.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []historyRow
	for rows.Next() {
		var h historyRow
		var before, after sql.NullString
		if err := rows.Scan(&h.seq, &h.action, &h.entity, &h.id, &before, &after); err != nil {
			return nil, err
		}
		h.before, h.after = before.String, after.String
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("the history lost the rows of an edit")
	}
	return out, nil
}

// restore puts entity id in the state js: absent when js is empty.
func restore(tx *sql.Tx, entity, id, js string) error {
	switch entity {
	case entityEvent:
		if js == "" {
			return removeEvent(tx, id)
		}
		e, err := unmarshalEvent(js)
		if err != nil {
			return err
		}
		return writeEvent(tx, &e)
	case entityPlace:
		if js == "" {
			return removePlace(tx, id)
		}
		pl, err := unmarshalPlace(js)
		if err != nil {
			return err
		}
		return writePlace(tx, &pl)
	case entityConflict:
		if js == "" {
			_, err := tx.Exec(`DELETE FROM conflicts WHERE id = ?`, id)
			return err
		}
		var c conflictRow
		if err := json.Unmarshal([]byte(js), &c); err != nil {
			return err
		}
		return writeConflict(tx, &c)
	case entityArticle:
		return restoreArticle(tx, js)
	case entityMerge:
		return nil
	case entityArticleText:
		return restoreArticleText(tx, id, js)
	case entityTaxonomy:
		return restoreTaxonomy(tx, js)
	}
	return fmt.Errorf("unknown history entity %q", entity)
}

// CanUndo reports whether an edit can be undone.
func (p *Project) CanUndo() bool { return p.exists(`SELECT 1 FROM history WHERE undone = 0`) }

// CanRedo reports whether an undone edit can be redone.
func (p *Project) CanRedo() bool { return p.exists(`SELECT 1 FROM history WHERE undone = 1`) }

// exists reports whether query returns a row; false on a closed project.
func (p *Project) exists(query string) bool {
	if p.begin() != nil {
		return false
	}
	defer p.mu.Unlock()
	var one int
	return p.db.QueryRow(query+` LIMIT 1`).Scan(&one) == nil
}

// History returns the recorded edits of one event or place, oldest first,
// undone ones included; an imported event has an "import" entry.
func (p *Project) History(entityID string) ([]HistoryEntry, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	out, err := queryHistory(p.db, `SELECT seq, at, annotator, action, entity, entity_id, before_json, after_json, undone
		FROM history WHERE entity_id = ? ORDER BY seq`, entityID)
	if err != nil {
		return nil, err
	}
	imports, err := importEntries(p.db, entityID)
	if err != nil {
		return nil, err
	}
	if len(imports) > 0 {
		out = append(out, imports...)
		slices.SortFunc(out, func(a, b HistoryEntry) int { return cmp.Compare(a.Seq, b.Seq) })
	}
	return out, nil
}

// describe names an edit from its action and snapshots.
func describe(action, entity, before, after string) string {
	switch entity {
	case entityMerge:
		var m mergeNote
		json.Unmarshal([]byte(after), &m)
		return fmt.Sprintf("merge %q", m.File)
	case entityConflict:
		return describeConflict(action, before, after)
	case entityTaxonomy:
		return "change the event types"
	case entityImport:
		return describeImport(after)
	}
	type summary struct {
		Title, Name string
		Spans       []json.RawMessage
	}
	var b, a summary
	json.Unmarshal([]byte(before), &b)
	json.Unmarshal([]byte(after), &a)
	label := a.Title + a.Name
	if label == "" {
		label = b.Title + b.Name
	}
	verb := action
	switch {
	case action == actionUpdate && entity == entityEvent && len(a.Spans) > len(b.Spans):
		return fmt.Sprintf("add evidence to event %q", label)
	case action == actionUpdate && entity == entityEvent && len(a.Spans) < len(b.Spans):
		return fmt.Sprintf("remove evidence from event %q", label)
	case action == actionUpdate:
		verb = "change"
	}
	return fmt.Sprintf("%s %s %q", verb, entity, label)
}
