package storage

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"eventatlas/annotate"
	"github.com/google/uuid"
	"github.com/paulmach/orb"
)

// Choice is how the user resolves a merge conflict.
type Choice int

// The ways to resolve a conflict.
const (
	KeepMine   Choice = iota + 1 // keep this project's version; theirs is dropped
	KeepTheirs                   // replace this project's version with theirs
	KeepBoth                     // keep ours and add theirs as a new event with a new id
)

// String names the choice as the conflicts table stores it.
func (c Choice) String() string {
	switch c {
	case KeepMine:
		return "mine"
	case KeepTheirs:
		return "theirs"
	case KeepBoth:
		return "both"
	}
	return fmt.Sprintf("Choice(%d)", int(c))
}

// Conflict is an event that a merged project holds in another version than
// this one. Merge keeps ours and records theirs until the user resolves it.
type Conflict struct {
	ID          string         // the conflict's id, for ResolveConflict
	EventID     string         // the event both projects have
	Mine        annotate.Event // this project's current version; zero ID when this project deleted it
	Deleted     time.Time      // when this project deleted the event, when Mine has a zero ID and the history says (else zero)
	Theirs      annotate.Event // the other project's version
	FromFile    string         // the file it was merged from
	FromProject string         // that project's UUID
	Created     time.Time      // when the merge found it
}

// conflictRow is a row of the conflicts table; it is also the conflict's
// history snapshot.
type conflictRow struct {
	ID          string
	EventID     string
	TheirsJSON  string
	TheirsHash  string
	FromFile    string
	FromProject string
	Created     time.Time
	Resolution  string    `json:",omitempty"`
	Resolved    time.Time `json:",omitzero"`
	Title       string    // theirs' title, for the history's description
}

// writeConflict inserts or replaces a conflicts row. It writes no history.
func writeConflict(tx *sql.Tx, c *conflictRow) error {
	_, err := tx.Exec(`INSERT INTO conflicts (id, event_id, theirs_json, theirs_hash, from_file, from_project_uuid, created, resolution, resolved)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET resolution = excluded.resolution, resolved = excluded.resolved`,
		c.ID, c.EventID, c.TheirsJSON, c.TheirsHash, nullString(c.FromFile), nullString(c.FromProject),
		sqlTime(c.Created), nullString(c.Resolution), sqlTime(c.Resolved))
	if err != nil {
		return err
	}
	return touch(tx, orb.Bound{}, "conflicts")
}

// loadConflict reads one conflicts row; the error wraps ErrNotFound when
// there is none.
func loadConflict(q querier, id string) (conflictRow, error) {
	var c conflictRow
	var fromFile, fromProject, resolution, created, resolved sql.NullString
	err := q.QueryRow(`SELECT id, event_id, theirs_json, theirs_hash, from_file, from_project_uuid,
		CAST(created AS TEXT), resolution, CAST(resolved AS TEXT) FROM conflicts WHERE id = ?`, id).Scan(
		&c.ID, &c.EventID, &c.TheirsJSON, &c.TheirsHash, &fromFile, &fromProject, &created, &resolution, &resolved)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("conflict %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return c, err
	}
	c.FromFile, c.FromProject, c.Resolution = fromFile.String, fromProject.String, resolution.String
	c.Created, _ = parseTime(created)
	c.Resolved, _ = parseTime(resolved)
	theirs, err := unmarshalEvent(c.TheirsJSON)
	if err != nil {
		return c, fmt.Errorf("conflict %s: their event: %w", id, err)
	}
	c.Title = theirs.Title
	return c, nil
}

// describeConflict names a conflict's history row.
func describeConflict(action, before, after string) string {
	var b, a conflictRow
	json.Unmarshal([]byte(before), &b)
	json.Unmarshal([]byte(after), &a)
	switch {
	case action == actionCreate:
		return fmt.Sprintf("record a conflict on event %q", a.Title)
	case action == actionSolve:
		return fmt.Sprintf("resolve the conflict on event %q (keep %s)", a.Title, a.Resolution)
	}
	return fmt.Sprintf("%s the conflict on event %q", action, a.Title+b.Title)
}

// canonicalEvent is what decides whether two versions of an event say the
// same thing: its JSON snapshot without the times it was coded and last saved and the
// span ids, which a merge may have to renumber.
func canonicalEvent(e annotate.Event) (string, error) {
	// When it was coded or last saved is not what it says: two copies of
	// the sample, made at different times, hold the same events.
	e.Created, e.Updated = time.Time{}, time.Time{}
	e.Spans = append([]annotate.Span(nil), e.Spans...)
	for i := range e.Spans {
		e.Spans[i].ID, e.Spans[i].EventID = "", ""
	}
	return marshalEvent(&e)
}

// eventHash is the hex SHA-256 of canonicalEvent.
func eventHash(e annotate.Event) (string, error) {
	js, err := canonicalEvent(e)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(js))
	return hex.EncodeToString(sum[:]), nil
}

// Conflicts returns the unresolved merge conflicts, oldest first.
func (p *Project) Conflicts() ([]Conflict, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	rows, err := p.db.Query(`SELECT id FROM conflicts WHERE resolution IS NULL ORDER BY fid`)
	if err != nil {
		return nil, err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Conflict, 0, len(ids))
	for _, id := range ids {
		c, err := loadConflict(p.db, id)
		if err != nil {
			return nil, err
		}
		theirs, err := unmarshalEvent(c.TheirsJSON)
		if err != nil {
			return nil, err
		}
		mine, err := loadEvent(p.db, c.EventID)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return nil, err
		}
		var deleted time.Time
		if mine.ID == "" {
			if deleted, _, err = deletedAt(p.db, c.EventID); err != nil {
				return nil, err
			}
		}
		out = append(out, Conflict{ID: c.ID, EventID: c.EventID, Mine: mine, Deleted: deleted, Theirs: theirs,
			FromFile: c.FromFile, FromProject: c.FromProject, Created: c.Created})
	}
	return out, nil
}

// ResolveConflict settles the conflict id: KeepMine drops their version,
// KeepTheirs replaces ours with it and KeepBoth adds theirs as a new event
// with a new id. For an event this project deleted, KeepMine leaves it
// deleted and KeepTheirs (or KeepBoth, which then means the same) restores
// it as theirs, evidence included, under its own id. The resolution and the event change are one undo step. It
// fails wrapping ErrNotFound for an unknown conflict and refuses one that
// is already resolved.
func (p *Project) ResolveConflict(id string, choice Choice) error {
	if choice < KeepMine || choice > KeepBoth {
		return fmt.Errorf("cannot resolve the conflict %s: unknown choice %d", id, int(choice))
	}
	if err := p.begin(); err != nil {
		return err
	}
	defer p.mu.Unlock()
	err := p.batchWrite(func(tx *sql.Tx) error {
		before, err := loadConflict(tx, id)
		if err != nil {
			return err
		}
		if before.Resolution != "" {
			return fmt.Errorf("it was already resolved (keep %s)", before.Resolution)
		}
		if choice == KeepBoth {
			if _, err := loadEvent(tx, before.EventID); errors.Is(err, ErrNotFound) {
				choice = KeepTheirs // nothing of ours to keep beside theirs
			} else if err != nil {
				return err
			}
		}
		after := before
		after.Resolution, after.Resolved = choice.String(), now()
		if err := writeConflict(tx, &after); err != nil {
			return err
		}
		if err := p.record(tx, actionSolve, entityConflict, id, &before, &after); err != nil {
			return err
		}
		if choice == KeepMine {
			return nil
		}
		theirs, err := unmarshalEvent(before.TheirsJSON)
		if err != nil {
			return err
		}
		theirs.ID = before.EventID
		if choice == KeepBoth {
			theirs.ID = uuid.NewString()
		}
		theirs.Updated = now()
		return p.putEvent(tx, &theirs)
	})
	if err != nil {
		return fmt.Errorf("cannot resolve the conflict %s: %w", id, err)
	}
	return nil
}

// UnresolvedConflicts counts the merge conflicts not resolved yet.
func (p *Project) UnresolvedConflicts() (int, error) {
	if err := p.begin(); err != nil {
		return 0, err
	}
	defer p.mu.Unlock()
	var n int
	err := p.db.QueryRow(`SELECT count(*) FROM conflicts WHERE resolution IS NULL`).Scan(&n)
	return n, err
}

// putEvent writes e (insert or update) with a history row, giving its spans
// new ids where another event's spans already use them. The caller holds
// p.mu and runs inside a write.
func (p *Project) putEvent(tx *sql.Tx, e *annotate.Event) error {
	if err := checkArticles(tx, e.Spans); err != nil {
		return err
	}
	if err := freeSpanIDs(tx, e); err != nil {
		return err
	}
	var before *annotate.Event
	old, err := loadEvent(tx, e.ID)
	switch {
	case err == nil:
		before = &old
	case !errors.Is(err, ErrNotFound):
		return err
	}
	if err := writeEvent(tx, e); err != nil {
		return err
	}
	action := actionUpdate
	if before == nil {
		action = actionCreate
	}
	return p.record(tx, action, entityEvent, e.ID, before, e)
}

// freeSpanIDs sets every span's EventID to e.ID and gives a new id to each
// span whose id is empty or used by another event's span.
func freeSpanIDs(tx *sql.Tx, e *annotate.Event) error {
	e.Spans = append([]annotate.Span(nil), e.Spans...)
	for i := range e.Spans {
		s := &e.Spans[i]
		s.EventID = e.ID
		if s.ID == "" {
			s.ID = uuid.NewString()
			continue
		}
		var owner string
		err := tx.QueryRow(`SELECT event_id FROM spans WHERE id = ?`, s.ID).Scan(&owner)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		case owner != e.ID:
			s.ID = uuid.NewString()
		}
	}
	return nil
}
