package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// History actions and entities.
const (
	actionCreate = "create"
	actionUpdate = "update"
	actionDelete = "delete"
	entityEvent  = "event"
	entityPlace  = "place"
)

// States of a history row's undone column.
const (
	stateDone      = 0 // the edit is in effect
	stateUndone    = 1 // undone; Redo can restore it
	stateDiscarded = 2 // undone, then superseded by a new edit; kept for the audit trail
)

// HistoryEntry is one recorded edit: who changed what, when, and the
// entity's state before and after as JSON.
type HistoryEntry struct {
	Seq       int64     // order of the edit in the project
	At        time.Time // when it was made (UTC)
	Annotator string    // who made it
	Action    string    // "create", "update" or "delete"
	Entity    string    // "event" (with its evidence spans) or "place"
	EntityID  string    // the event's or place's id
	Before    string    // JSON state before the edit, "" for a create
	After     string    // JSON state after the edit, "" for a delete
	Undone    bool      // the edit has been undone
	Discarded bool      // undone and superseded by a later edit: Redo cannot bring it back
}

// Description says what the edit did, e.g. `create event "Talks in
// Dushanbe"` or `add evidence to event "Clash at Shir Khan"`.
func (h HistoryEntry) Description() string {
	return describe(h.Action, h.Entity, h.Before, h.After)
}

// record writes a history row for an edit in tx and discards the redo tail.
func (p *Project) record(tx *sql.Tx, action, entity, id string, before, after any) error {
	b, err := snapshotJSON(before)
	if err != nil {
		return err
	}
	a, err := snapshotJSON(after)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE history SET undone = ? WHERE undone = ?`, stateDiscarded, stateUndone); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO history (at, annotator, action, entity, entity_id, before_json, after_json, undone)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, sqlTime(now()), nullString(p.annotator), action, entity, id, b, a, stateDone); err != nil {
		return err
	}
	return touch(tx, orb.Bound{}, "history")
}

// snapshotJSON encodes an *annotate.Event or *annotate.Place; nil is NULL.
func snapshotJSON(v any) (any, error) {
	switch v := v.(type) {
	case *annotate.Event:
		if v != nil {
			return marshalEvent(v)
		}
	case *annotate.Place:
		if v != nil {
			return marshalPlace(v)
		}
	case nil:
	default:
		return nil, fmt.Errorf("no history snapshot for %T", v)
	}
	return nil, nil
}

// Undo reverts the latest edit still in effect and returns its description.
// It fails with ErrNothingToUndo when there is none. The undo is stored, so
// it survives a restart.
func (p *Project) Undo() (desc string, err error) {
	return p.step(`SELECT seq, action, entity, entity_id, before_json, after_json FROM history
		WHERE undone = 0 ORDER BY seq DESC LIMIT 1`, true)
}

// Redo re-applies the earliest undone edit and returns its description. It
// fails with ErrNothingToRedo when nothing was undone since the last edit.
func (p *Project) Redo() (desc string, err error) {
	return p.step(`SELECT seq, action, entity, entity_id, before_json, after_json FROM history
		WHERE undone = 1 ORDER BY seq ASC LIMIT 1`, false)
}

// step undoes (restoring before_json) or redoes (restoring after_json) the
// history row query selects.
func (p *Project) step(query string, undo bool) (string, error) {
	if err := p.begin(); err != nil {
		return "", err
	}
	defer p.mu.Unlock()
	var desc string
	err := p.write(func(tx *sql.Tx) error {
		var seq int64
		var action, entity, id string
		var before, after sql.NullString
		err := tx.QueryRow(query).Scan(&seq, &action, &entity, &id, &before, &after)
		if errors.Is(err, sql.ErrNoRows) {
			if undo {
				return ErrNothingToUndo
			}
			return ErrNothingToRedo
		}
		if err != nil {
			return err
		}
		state, target := stateDone, after.String
		if undo {
			state, target = stateUndone, before.String
		}
		if err := restore(tx, entity, id, target); err != nil {
			return fmt.Errorf("%s: %w", describe(action, entity, before.String, after.String), err)
		}
		desc = describe(action, entity, before.String, after.String)
		_, err = tx.Exec(`UPDATE history SET undone = ? WHERE seq = ?`, state, seq)
		return err
	})
	return desc, err
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
// undone ones included.
func (p *Project) History(entityID string) ([]HistoryEntry, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	rows, err := p.db.Query(`SELECT seq, at, annotator, action, entity, entity_id, before_json, after_json, undone
		FROM history WHERE entity_id = ? ORDER BY seq`, entityID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []HistoryEntry
	for rows.Next() {
		var h HistoryEntry
		var at, annotator, before, after sql.NullString
		var state int
		if err := rows.Scan(&h.Seq, &at, &annotator, &h.Action, &h.Entity, &h.EntityID, &before, &after, &state); err != nil {
			return nil, err
		}
		if h.At, err = parseTime(at); err != nil {
			return nil, err
		}
		h.Annotator, h.Before, h.After = annotator.String, before.String, after.String
		h.Undone, h.Discarded = state != stateDone, state == stateDiscarded
		out = append(out, h)
	}
	return out, rows.Err()
}

// describe names an edit from its action and snapshots.
func describe(action, entity, before, after string) string {
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
