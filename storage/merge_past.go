package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"eventatlas/annotate"
)

// eventPast is what this project's history knows of one event: whether
// the latest edit in effect deleted it, and every version it has had.
type eventPast struct {
	deleted   bool            // the latest edit in effect (not undone) is a delete
	deletedAt time.Time       // when, for a deleted event
	gone      annotate.Event  // the version deleted, for a deleted event
	versions  map[string]bool // eventHash of every version the edits in effect went through
}

// has reports whether e says what one of the event's past versions said.
func (h *eventPast) has(e annotate.Event) (bool, error) {
	if len(h.versions) == 0 {
		return false, nil
	}
	hash, err := eventHash(e)
	return h.versions[hash], err
}

// pastOf reads the history of the event id: its edits in effect, oldest
// first. Versions that no longer parse are left out.
func pastOf(q querier, id string) (eventPast, error) {
	var h eventPast
	rows, err := q.Query(`SELECT action, before_json, after_json, CAST(at AS TEXT) FROM history
		WHERE entity_id = ? AND entity = ? AND undone = ? ORDER BY seq`, id, entityEvent, stateDone)
	if err != nil {
		return h, err
	}
	defer rows.Close()
	for rows.Next() {
		var action string
		var before, after, at sql.NullString
		if err := rows.Scan(&action, &before, &after, &at); err != nil {
			return h, err
		}
		h.deleted = action == actionDelete
		for _, js := range []sql.NullString{before, after} {
			if !js.Valid || js.String == "" {
				continue
			}
			e, err := unmarshalEvent(js.String)
			if err != nil {
				continue
			}
			if hash, err := eventHash(e); err == nil {
				if h.versions == nil {
					h.versions = map[string]bool{}
				}
				h.versions[hash] = true
			}
			if h.deleted {
				h.gone = e
			}
		}
		if h.deleted {
			h.deletedAt, _ = parseTime(at)
		}
	}
	return h, rows.Err()
}

// deletedAt is when this project deleted the event id, with a delete that
// is still in effect; ok is false when the history records no such delete
// or the event exists.
func deletedAt(q querier, id string) (at time.Time, ok bool, err error) {
	if _, err := loadEvent(q, id); err == nil {
		return time.Time{}, false, nil
	} else if !errors.Is(err, ErrNotFound) {
		return time.Time{}, false, err
	}
	h, err := pastOf(q, id)
	if err != nil || !h.deleted {
		return time.Time{}, false, err
	}
	return h.deletedAt, true, nil
}

// missing handles their event e that this project lacks: new to this
// project, it is added; deleted here, it stays deleted when theirs is a
// version this project had (they did not change it), and is recorded as a
// conflict when they changed it.
func (m *merger) missing(e annotate.Event, lost bool) error {
	past, err := pastOf(m.tx, e.ID)
	if err != nil {
		return err
	}
	if !past.deleted {
		if err := freeSpanIDs(m.tx, &e); err != nil {
			return err
		}
		if err := writeEvent(m.tx, &e); err != nil {
			return fmt.Errorf("event %q: %w", e.Title, err)
		}
		if err := m.record(actionCreate, entityEvent, e.ID, nil, &e); err != nil {
			return err
		}
		m.sum.EventsAdded++
		return nil
	}
	if lost {
		e.Spans = withEvidenceOf(past.gone, e.Spans)
		m.sum.EvidenceIgnored++
	}
	if same, err := past.has(e); err != nil {
		return err
	} else if same {
		m.sum.DeletedKept++
		return nil
	}
	n := m.sum.Conflicts
	err = m.conflict(e)
	if m.sum.Conflicts > n {
		m.sum.DeletedConflicts++
	}
	return err
}
