package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"eventatlas/annotate"
	"github.com/google/uuid"
	"github.com/paulmach/orb"
)

// mergeNote heads the history batch of a merge.
type mergeNote struct {
	File        string // base name of the merged file
	FromProject string // its project UUID
}

// MergeSummary says what Merge brought in.
type MergeSummary struct {
	From                 string    // the merged file, as an absolute path
	FromProject          string    // its project UUID
	ArticlesAdded        int       // articles new to this project
	ArticlesDeduplicated int       // articles this project already had (same text hash)
	EventsAdded          int       // events new to this project
	EventsUnchanged      int       // events this project already had as they are
	EventsOlder          int       // events of theirs that are an earlier version of ours (they have an older copy): ours kept
	DeletedKept          int       // events this project deleted that theirs holds as deleted: they stay deleted
	DeletedConflicts     int       // of Conflicts, events this project deleted that they changed
	Conflicts            int       // events that differ from ours: new conflicts to resolve
	ConflictsKnown       int       // events that differ as an earlier merge already recorded
	ActorsAdded          int       // actors new to the registry
	ActorsMatched        int       // actors the registry already had, by id or name
	PlacesAdded          int       // user places new to this project
	PlacesUnchanged      int       // user places this project already had as they are
	PlacesKept           int       // user places that differ from ours: ours kept
	TypesAdded           int       // event types of theirs new to this project
	SubTypesAdded        int       // sub-types of theirs added to types both have
	EvidenceIgnored      int       // events of theirs compared without evidence, as some of their spans could not be read
	Skipped              []Problem // what was not brought in, and why
	Repaired             []Problem // what was brought in mended, e.g. a title that was not UTF-8
	Notes                []string  // what reading their file noticed, e.g. a journal rolled back
	Ignored              []string  // tables and columns of theirs that are not part of a project, e.g. "column secret_col of events"
}

// Changed reports whether the merge changed the project.
func (s *MergeSummary) Changed() bool {
	return s.ArticlesAdded+s.EventsAdded+s.Conflicts+s.ActorsAdded+s.PlacesAdded+s.TypesAdded+s.SubTypesAdded > 0
}

// String says what came in, for people.
func (s *MergeSummary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Merged %s: %s added, %d unchanged, %s to resolve", filepath.Base(s.From),
		count(s.EventsAdded, "event", "events"), s.EventsUnchanged, count(s.Conflicts, "conflict", "conflicts"))
	if s.ConflictsKnown > 0 {
		fmt.Fprintf(&b, " (%d more already recorded)", s.ConflictsKnown)
	}
	if s.DeletedKept > 0 {
		fmt.Fprintf(&b, "; %s you deleted %s deleted", count(s.DeletedKept, "event", "events"), oneOrMany(s.DeletedKept, "stays", "stay"))
	}
	if s.EventsOlder > 0 {
		fmt.Fprintf(&b, "; %s an older version of yours (yours kept)",
			count(s.EventsOlder, "event of theirs is", "events of theirs are"))
	}
	fmt.Fprintf(&b, "; %s added, %d already here; %s added, %d already here; %s added, %d unchanged",
		count(s.ArticlesAdded, "article", "articles"), s.ArticlesDeduplicated, count(s.ActorsAdded, "actor", "actors"),
		s.ActorsMatched, count(s.PlacesAdded, "place", "places"), s.PlacesUnchanged)
	if s.PlacesKept > 0 {
		fmt.Fprintf(&b, ", %d differ (ours kept)", s.PlacesKept)
	}
	if s.TypesAdded+s.SubTypesAdded > 0 {
		fmt.Fprintf(&b, "; %s and %s added", count(s.TypesAdded, "event type", "event types"), count(s.SubTypesAdded, "sub-type", "sub-types"))
	}
	b.WriteString(".")
	if s.Conflicts > s.DeletedConflicts {
		b.WriteString(" A conflict is an event whose two versions differ; merge does not tell which side changed it.")
	}
	if s.DeletedConflicts > 0 {
		fmt.Fprintf(&b, " %s you deleted and theirs changed.",
			count(s.DeletedConflicts, "conflict is an event", "conflicts are events"))
	}
	if s.EvidenceIgnored > 0 {
		fmt.Fprintf(&b, " %s lost evidence spans that could not be read; their evidence was not compared and yours is kept.",
			count(s.EvidenceIgnored, "event of theirs", "events of theirs"))
	}
	for _, name := range s.Ignored {
		fmt.Fprintf(&b, "\n%s is not part of an Event Atlas project and was not merged.", name)
	}
	for _, n := range s.Notes {
		b.WriteString("\nnote: " + n)
	}
	if len(s.Repaired) > 0 {
		fmt.Fprintf(&b, "\n%s repaired:", count(len(s.Repaired), "value", "values"))
		for _, p := range s.Repaired {
			b.WriteString("\n  " + p.String())
		}
	}
	if len(s.Skipped) > 0 {
		fmt.Fprintf(&b, "\n%s skipped:", count(len(s.Skipped), "item", "items"))
		for _, p := range s.Skipped {
			b.WriteString("\n  " + p.String())
		}
	}
	return b.String()
}

// oneOrMany is one for 1 and many otherwise.
func oneOrMany(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// count says "1 event" or "3 events".
func count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, oneOrMany(n, one, many)) }

// Merge brings a teammate's project file into this one: their event types
// this project lacks (ours keep their look), their articles (deduplicated
// by text hash), actors (matched by id, then by name), user places and
// events. It reads their file with ReadUntrusted, so nothing in
// it runs and unsound rows are skipped and listed. An event this project
// lacks is added; one it has with the same content is left alone; one with
// different content keeps ours and records theirs as a conflict (see
// Conflicts and ResolveConflict), unless the same conflict is already
// recorded, so merging the same file twice changes nothing the second
// time. Everything is written in one transaction, and the added events,
// places and conflicts are one undo step. Articles and actors stay when the
// merge is undone.
func (p *Project) Merge(theirsPath string) (*MergeSummary, error) {
	if p.isFile(theirsPath) {
		return nil, fmt.Errorf("cannot merge %s: that is this project; merge a copy a teammate changed instead", theirsPath)
	}
	snap, report, err := ReadUntrusted(theirsPath)
	if err != nil {
		return nil, fmt.Errorf("cannot merge: %w", err)
	}
	from, err := filepath.Abs(theirsPath)
	if err != nil {
		from = theirsPath
	}
	sum := &MergeSummary{From: from, FromProject: snap.ProjectUUID, Notes: report.Notes, Ignored: report.Ignored}
	for _, pr := range report.Problems {
		if pr.Repaired {
			sum.Repaired = append(sum.Repaired, pr)
		} else {
			sum.Skipped = append(sum.Skipped, pr)
		}
	}
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	m := &merger{p: p, sum: sum, note: mergeNote{File: filepath.Base(from), FromProject: snap.ProjectUUID}}
	err = p.batchWrite(func(tx *sql.Tx) error {
		m.tx = tx
		for _, step := range []func(*Snapshot) error{m.taxonomy, m.articles, m.actors, m.places, m.events} {
			if err := step(snap); err != nil {
				return err
			}
		}
		return touch(tx, orb.Bound{}, m.touched()...)
	})
	if err != nil {
		return nil, fmt.Errorf("cannot merge %s: %w", theirsPath, err)
	}
	return sum, nil
}

// isFile reports whether path is this project's file: the same path, or
// the same file by another name (a link).
func (p *Project) isFile(path string) bool {
	if abs, err := filepath.Abs(path); err == nil && abs == p.path {
		return true
	}
	a, err := os.Stat(path)
	if err != nil {
		return false
	}
	b, err := os.Stat(p.path)
	return err == nil && os.SameFile(a, b)
}

// merger is the state of one merge transaction.
type merger struct {
	p         *Project
	tx        *sql.Tx
	sum       *MergeSummary
	note      mergeNote
	headed    bool                  // the batch's merge row is written
	articleOf map[string]articleRef // their article id → ours
	actorOf   map[string]string     // their actor id → ours
	changed   map[string]bool       // tables written
}

// articleRef is the article of ours one of theirs maps to.
type articleRef struct {
	id   string
	text string // our text when it differs from theirs, so their spans are re-anchored
}

// record writes a history row, after the merge row that heads the batch.
func (m *merger) record(action, entity, id string, before, after any) error {
	if !m.headed {
		if err := m.p.record(m.tx, actionMerge, entityMerge, m.note.FromProject, nil, &m.note); err != nil {
			return err
		}
		m.headed = true
	}
	return m.p.record(m.tx, action, entity, id, before, after)
}

// mark notes a written table.
func (m *merger) mark(table string) {
	if m.changed == nil {
		m.changed = map[string]bool{}
	}
	m.changed[table] = true
}

// touched lists the written tables that writeEvent, writePlace and
// writeConflict do not touch themselves.
func (m *merger) touched() []string {
	var out []string
	for _, t := range []string{"articles", "actors"} {
		if m.changed[t] {
			out = append(out, t)
		}
	}
	return out
}

// skip lists an item that was not brought in.
func (m *merger) skip(table, row, format string, args ...any) {
	m.sum.Skipped = append(m.sum.Skipped, Problem{Table: table, Row: row, Reason: fmt.Sprintf(format, args...)})
}

// articles adds their articles this project lacks by text hash and maps
// every one of theirs to ours.
func (m *merger) articles(s *Snapshot) error {
	m.articleOf = map[string]articleRef{}
	for _, a := range s.Articles {
		theirID := a.ID
		var id, text string
		err := m.tx.QueryRow(`SELECT id, text FROM articles WHERE hash = ?`, a.Hash).Scan(&id, &text)
		switch {
		case err == nil:
			ref := articleRef{id: id}
			if text != a.Text {
				ref.text = text
			}
			m.articleOf[theirID] = ref
			m.sum.ArticlesDeduplicated++
			continue
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if taken, err := exists(m.tx, `SELECT 1 FROM articles WHERE id = ?`, a.ID); err != nil {
			return err
		} else if taken {
			a.ID = uuid.NewString()
		}
		if _, err := m.tx.Exec(`INSERT INTO articles (`+articleColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, a.Title, a.Outlet, a.URL, a.Language, sqlTime(a.Published), a.Text, a.Hash, sqlTime(a.Created)); err != nil {
			return fmt.Errorf("article %q: %w", a.Title, err)
		}
		m.articleOf[theirID] = articleRef{id: a.ID}
		m.mark("articles")
		m.sum.ArticlesAdded++
	}
	return nil
}

// actors adds their actors this project lacks by id and by name and maps
// every one of theirs to ours.
func (m *merger) actors(s *Snapshot) error {
	m.actorOf = map[string]string{}
	ids, names := map[string]bool{}, map[string]string{} // our ids; our folded names → id
	rows, err := m.tx.Query(`SELECT id, name FROM actors ORDER BY fid`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return err
		}
		ids[id] = true
		if _, ok := names[fold(name)]; !ok {
			names[fold(name)] = id
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, a := range s.Actors {
		if ids[a.ID] {
			m.actorOf[a.ID] = a.ID
			m.sum.ActorsMatched++
			continue
		}
		if id, ok := names[fold(a.Name)]; ok {
			m.actorOf[a.ID] = id
			m.sum.ActorsMatched++
			continue
		}
		aliases, err := jsonText(a.Aliases)
		if err != nil {
			return err
		}
		if _, err := m.tx.Exec(`INSERT INTO actors (id, name, aliases, country, kind) VALUES (?, ?, ?, ?, ?)`,
			a.ID, a.Name, aliases, nullString(a.Country), nullString(a.Kind)); err != nil {
			return fmt.Errorf("actor %q: %w", a.Name, err)
		}
		m.actorOf[a.ID] = a.ID
		ids[a.ID], names[fold(a.Name)] = true, a.ID
		m.mark("actors")
		m.sum.ActorsAdded++
	}
	return nil
}

// fold is a name as actors are matched: case and surrounding space do not
// count.
func fold(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// places adds their user places this project lacks; one that differs
// from ours is listed and ours kept.
func (m *merger) places(s *Snapshot) error {
	for _, pl := range s.Places {
		ours, err := loadPlace(m.tx, pl.ID)
		switch {
		case err == nil:
			a, _ := marshalPlace(&ours)
			b, _ := marshalPlace(&pl)
			if a == b {
				m.sum.PlacesUnchanged++
			} else {
				m.sum.PlacesKept++
				m.skip("places", pl.ID, "differs from the place %q of this project: ours kept", ours.Name)
			}
			continue
		case !errors.Is(err, ErrNotFound):
			return err
		}
		if err := writePlace(m.tx, &pl); err != nil {
			return fmt.Errorf("place %q: %w", pl.Name, err)
		}
		if err := m.record(actionCreate, entityPlace, pl.ID, nil, &pl); err != nil {
			return err
		}
		m.sum.PlacesAdded++
	}
	return nil
}

// events adds their events this project lacks and compares the others.
func (m *merger) events(s *Snapshot) error {
	for _, e := range s.Events {
		lost := m.mapEvent(&e) || s.LostEvidence(e.ID)
		ours, err := loadEvent(m.tx, e.ID)
		if errors.Is(err, ErrNotFound) {
			if err := m.missing(e, lost); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		if lost {
			e.Spans = withEvidenceOf(ours, e.Spans)
			m.sum.EvidenceIgnored++
		}
		if err := m.compare(ours, e); err != nil {
			return err
		}
	}
	return nil
}

// withEvidenceOf is the evidence of their event that lost spans when it
// was read: all of ours, which they may hold too and could not bring, and
// each of theirs that ours lacks. Their version then never drops our
// evidence, and differs from ours in evidence only by what they added.
func withEvidenceOf(ours annotate.Event, theirs []annotate.Span) []annotate.Span {
	out := append([]annotate.Span(nil), ours.Spans...)
	have := map[spanKey]bool{}
	for _, s := range ours.Spans {
		have[evidenceKey(s)] = true
	}
	for _, s := range theirs {
		if !have[evidenceKey(s)] {
			have[evidenceKey(s)] = true
			out = append(out, s)
		}
	}
	return out
}

// spanKey is what makes two spans the same evidence, whatever their ids.
type spanKey struct {
	article    string
	start, end int
	quote      string
}

// evidenceKey is a span's spanKey.
func evidenceKey(s annotate.Span) spanKey {
	return spanKey{article: s.ArticleID, start: s.Start, end: s.End, quote: s.Quote}
}

// compare leaves an event that says the same as ours, or as a version ours
// had before (they have an older copy), alone and records a conflict for
// one that does not, once.
func (m *merger) compare(ours, theirs annotate.Event) error {
	a, err := canonicalEvent(ours)
	if err != nil {
		return err
	}
	b, err := canonicalEvent(theirs)
	if err != nil {
		return err
	}
	if a == b {
		m.sum.EventsUnchanged++
		return nil
	}
	past, err := pastOf(m.tx, ours.ID)
	if err != nil {
		return err
	}
	if older, err := past.has(theirs); err != nil {
		return err
	} else if older {
		m.sum.EventsOlder++
		return nil
	}
	return m.conflict(theirs)
}

// conflict records their version of an event as a conflict, unless the
// same version is already recorded (resolved or not).
func (m *merger) conflict(theirs annotate.Event) error {
	hash, err := eventHash(theirs)
	if err != nil {
		return err
	}
	if known, err := exists(m.tx, `SELECT 1 FROM conflicts WHERE event_id = ? AND theirs_hash = ?`, theirs.ID, hash); err != nil {
		return err
	} else if known {
		m.sum.ConflictsKnown++
		return nil
	}
	js, err := marshalEvent(&theirs)
	if err != nil {
		return err
	}
	c := conflictRow{ID: uuid.NewString(), EventID: theirs.ID, TheirsJSON: js, TheirsHash: hash,
		FromFile: m.sum.From, FromProject: m.sum.FromProject, Created: now(), Title: theirs.Title}
	if err := writeConflict(m.tx, &c); err != nil {
		return err
	}
	m.sum.Conflicts++
	return m.record(actionCreate, entityConflict, c.ID, nil, &c)
}

// mapEvent points their event's spans at our articles, re-anchoring quotes
// where our text of the same article differs (line endings, surrounding
// space), and its actors at our registry. A span that cannot be placed is
// dropped and listed; the event stays, and mapEvent reports that it lost
// evidence.
func (m *merger) mapEvent(e *annotate.Event) (lost bool) {
	spans := e.Spans[:0:0]
	for _, s := range e.Spans {
		ref, ok := m.articleOf[s.ArticleID]
		if !ok {
			m.skip("spans", s.ID, "skipped: its article was not brought in")
			lost = true
			continue
		}
		s.ArticleID = ref.id
		if ref.text != "" && annotate.RuneSlice(ref.text, s.Start, s.End) != s.Quote {
			found, err := annotate.FindQuote(ref.text, s.Quote)
			if err != nil {
				m.skip("spans", s.ID, "skipped: its quote is not in this project's copy of the article")
				lost = true
				continue
			}
			s.Start, s.End, s.Prefix, s.Suffix = found.Start, found.End, found.Prefix, found.Suffix
		}
		spans = append(spans, s)
	}
	e.Spans = spans
	e.Actors = append([]annotate.ActorRole(nil), e.Actors...)
	for i, a := range e.Actors {
		if id, ok := m.actorOf[a.ActorID]; ok {
			e.Actors[i].ActorID = id
		}
	}
	return lost
}

// exists reports whether query returns a row.
func exists(q querier, query string, args ...any) (bool, error) {
	var one int
	err := q.QueryRow(query, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}
