package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
)

// makeValueBase writes a sound project whose ids are fixed (events ev-1
// to ev-3, spans sp-1 to sp-4, article art-1) so messages can be matched
// exactly, and returns its path.
func makeValueBase(t *testing.T) string {
	t.Helper()
	base := makeCorpusBase(t)
	execSQL(t, base,
		`UPDATE spans SET event_id = 'ev-' || (SELECT fid FROM events WHERE events.id = spans.event_id), id = 'sp-' || fid, article_id = 'art-1'`,
		`UPDATE events SET id = 'ev-' || fid`,
		`UPDATE articles SET id = 'art-1'`)
	return base
}

// repeatSQL is an SQL expression for n copies of the one-byte character c.
func repeatSQL(c string, n int) string {
	return "substr(replace(hex(zeroblob(" + strconv.Itoa(n/2+1) + ")), '0', '" + c + "'), 1, " + strconv.Itoa(n) + ")"
}

// TestOpenAndMergeRefuseBadValues builds files with one bad value each and
// checks the exact message Open refuses them with, that the refusal left
// the file as it was, and the exact problem ReadUntrusted (so Merge)
// reports while it reads the rest.
func TestOpenAndMergeRefuseBadValues(t *testing.T) {
	base := makeValueBase(t)
	const mergeEvents = "; File › Merge project… brings in its readable events"
	cases := []struct {
		name   string
		sql    []any
		open   string // after "cannot open PATH: the file holds a value Event Atlas cannot read: "; "" when Open succeeds
		merge  string // one problem of ReadUntrusted's report; "" when it has none
		events int    // events ReadUntrusted reads
	}{
		{name: "900 KB title", sql: []any{`UPDATE events SET title = 'T' || replace(hex(zeroblob(450000)), '00', 'ab') WHERE fid = 2`},
			open:  "event ev-2 has 878.9 KB in title, more than the 2,000-character limit" + mergeEvents,
			merge: "events ev-2: skipped: title is 878.9 KB, more than the 2,000-character limit", events: 2},
		{name: "title one character over", sql: []any{`UPDATE events SET title = ` + repeatSQL("x", 2001) + ` WHERE fid = 2`},
			open:  "event ev-2 has 2,001 characters in title, more than the 2,000-character limit" + mergeEvents,
			merge: "events ev-2: skipped: title is 2,001 characters, more than the 2,000-character limit", events: 2},
		{name: "title of 2,000 Cyrillic characters", sql: []any{`UPDATE events SET title = replace(` + repeatSQL("x", 2000) + `, 'x', 'д') WHERE fid = 2`},
			events: 3},
		{name: "title over the limit behind a NUL", sql: []any{`UPDATE events SET title = 'a' || char(0) || ` + repeatSQL("x", 8000) + ` WHERE fid = 2`},
			open:  "event ev-2 has 7.8 KB in title, more than the 2,000-character limit" + mergeEvents,
			merge: "events ev-2: skipped: title is 7.8 KB, more than the 2,000-character limit", events: 2},
		{name: "notes of 70,000 characters", sql: []any{`UPDATE events SET notes = ` + repeatSQL("n", 70000) + ` WHERE fid = 1`},
			open:  "event “Tajik delegation visits Kunduz” has 70,000 characters in notes, more than the 65,536-character limit" + mergeEvents,
			merge: "events ev-1: skipped: notes is 70,000 characters, more than the 65,536-character limit", events: 2},
		{name: "notes of 2 MB", sql: []any{`UPDATE events SET notes = hex(zeroblob(1048576)) WHERE fid = 3`},
			open:  "event “Panji Poyon trade resumes” has 2.0 MB in notes, more than the 65,536-character limit" + mergeEvents,
			merge: "events ev-3: skipped: notes is 2.0 MB, more than the 65,536-character limit", events: 2},
		{name: "text in fatalities", sql: []any{`UPDATE events SET fatalities = 'many' WHERE fid = 2`},
			open:  `event “Clash near Shir Khan Bandar” has the text "many" in fatalities, where a number belongs` + mergeEvents,
			merge: `events ev-2: skipped: fatalities is the text "many", not a number`, events: 2},
		{name: "text in geo_precision", sql: []any{`UPDATE events SET geo_precision = 'x' WHERE fid = 1`},
			open:  `event “Tajik delegation visits Kunduz” has the text "x" in geo_precision, where a number belongs` + mergeEvents,
			merge: `events ev-1: skipped: geo_precision is the text "x", not a number`, events: 2},
		{name: "fraction in fatalities", sql: []any{`UPDATE events SET fatalities = 2.5 WHERE fid = 2`},
			open:  `event “Clash near Shir Khan Bandar” has 2.5 in fatalities, where a whole number belongs` + mergeEvents,
			merge: `events ev-2: skipped: fatalities is 2.5, not a whole number`, events: 2},
		{name: "text in a span offset", sql: []any{`UPDATE spans SET start = 'abc' WHERE fid = 3`},
			open:  `evidence span sp-3 of event “Clash near Shir Khan Bandar” has the text "abc" in start, where a number belongs` + mergeEvents,
			merge: `spans sp-3: skipped: start is the text "abc", not a number`, events: 3},
		// Binary data in a text field reads as text (shown with
		// replacement marks); only a merge refuses it.
		{name: "BLOB title", sql: []any{`UPDATE events SET title = X'00FF' WHERE fid = 2`},
			merge: "events ev-2: skipped: title is binary data, not text", events: 2},
		{name: "BLOB article URL", sql: []any{`UPDATE articles SET url = X'01'`},
			merge: "articles art-1: skipped: url is binary data, not text", events: 3},
		{name: "event without id", sql: []any{`UPDATE events SET id = NULL WHERE fid = 3`},
			open:  "event “Panji Poyon trade resumes” has no id" + mergeEvents,
			merge: "events fid 3: skipped: it has no id", events: 2},
		{name: "orphan flag 2", sql: []any{`UPDATE spans SET orphan = 2 WHERE fid = 1`},
			open: "evidence span sp-1 of event “Tajik delegation visits Kunduz” has 2 in orphan, where 0 or 1 belongs" + mergeEvents, events: 3},
		{name: "article date in another form", sql: []any{`UPDATE articles SET published = 'yesterday'`},
			merge: `articles art-1: published "yesterday" is not an ISO date: read as unknown`, events: 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "theirs.gpkg")
			copyFile(t, base, path)
			execSQL(t, path, c.sql...)
			before := dirSums(t, dir)
			p, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v (a bad value shows when the project is read)", err)
			}
			_, err = p.Events()
			if err == nil {
				_, err = p.Articles()
			}
			p.Close()
			switch {
			case c.open == "" && err != nil:
				t.Errorf("reading after Open: %v", err)
			case c.open == "":
			case err == nil:
				t.Errorf("the project was read, want %q", c.open)
			default:
				want := "the file holds a value Event Atlas cannot read: " + c.open
				if err.Error() != want || !errors.Is(err, ErrBadValue) {
					t.Errorf("read error\n got %v\nwant %s", err, want)
				}
				if got := dirSums(t, dir); !equalSums(got, before) {
					t.Errorf("a refused read changed the folder: %v", keys(got))
				}
			}
			snap, r, err := ReadUntrusted(path)
			if err != nil {
				t.Fatalf("ReadUntrusted: %v", err)
			}
			if len(snap.Events) != c.events {
				t.Errorf("ReadUntrusted read %d events, want %d", len(snap.Events), c.events)
			}
			var got []string
			for _, pr := range r.Problems {
				got = append(got, pr.String())
			}
			if c.merge != "" && !containsString(got, c.merge) {
				t.Errorf("ReadUntrusted problems %q lack %q", got, c.merge)
			}
			if c.merge == "" && c.open == "" && len(got) != 0 {
				t.Errorf("ReadUntrusted problems %q, want none", got)
			}
		})
	}
}

// containsString reports whether list holds s.
func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestMergeSkipsOversizedTitle merges a teammate's file with a 900 KB title
// into a project: the event is skipped with its reason, the others come in.
func TestMergeSkipsOversizedTitle(t *testing.T) {
	base := makeValueBase(t)
	theirs := filepath.Join(t.TempDir(), "theirs.gpkg")
	copyFile(t, base, theirs)
	execSQL(t, theirs, `UPDATE events SET title = 'T' || replace(hex(zeroblob(450000)), '00', 'ab') WHERE fid = 2`)
	p, _ := newProject(t)
	sum, err := p.Merge(theirs)
	if err != nil {
		t.Fatal(err)
	}
	if s := sum.String(); !strings.Contains(s, "\n  events ev-2: skipped: title is 878.9 KB, more than the 2,000-character limit") {
		t.Errorf("merge summary lacks the skipped title:\n%s", s)
	}
	events, err := p.Events()
	if err != nil || len(events) != 2 {
		t.Fatalf("after the merge: %d events, %v; want 2", len(events), err)
	}
}

// TestSaveRefusesOverLimit checks that the app never stores a value Open
// would refuse, with exact messages, and that values at the limits save
// and open again.
func TestSaveRefusesOverLimit(t *testing.T) {
	p, _ := newProject(t)
	a := addTestArticle(t, p)
	long := func(c string, n int) string { return strings.Repeat(c, n) }
	cases := []struct {
		name string
		edit func(e *annotate.Event)
		err  string
	}{
		{"title", func(e *annotate.Event) { e.Title = long("x", 2001) },
			`cannot save the event "` + long("x", 60) + `…": title is 2,001 characters, more than the 2,000-character limit`},
		{"notes", func(e *annotate.Event) { e.Notes = long("д", 65537) },
			`cannot save the event "Clash near Shir Khan Bandar": notes is 65,537 characters, more than the 65,536-character limit`},
		{"place", func(e *annotate.Event) { e.PlaceName = long("p", 501) },
			`cannot save the event "Clash near Shir Khan Bandar": place is 501 characters, more than the 500-character limit`},
		{"tags", func(e *annotate.Event) { e.Tags = []string{long("t", 8001)} },
			`cannot save the event "Clash near Shir Khan Bandar": tags is 8,001 characters, more than the 8,000-character limit`},
		{"actor name", func(e *annotate.Event) { e.Actors = []annotate.ActorRole{{Name: long("a", 9000)}} },
			`cannot save the event "Clash near Shir Khan Bandar": actors is 9,000 characters, more than the 8,000-character limit`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := testEvents(t, a)[1]
			c.edit(e)
			err := p.SaveEvent(e)
			if err == nil || err.Error() != c.err {
				t.Errorf("SaveEvent error\n got %v\nwant %s", err, c.err)
			}
			if e.ID != "" {
				t.Errorf("a refused save filled the id %q", e.ID)
			}
		})
	}
	big := annotate.Article{Title: "Long link", URL: "https://example.org/?" + long("q", 8000), Text: "Other text."}
	_, err := p.AddArticle(&big)
	if want := `save the article "Long link": url is 8,021 characters, more than the 8,000-character limit`; err == nil || err.Error() != want {
		t.Errorf("AddArticle error\n got %v\nwant %s", err, want)
	}
	// At the limits: 2,000 two-byte characters, and notes of 65,536
	// four-byte characters (four times the limit in bytes).
	e := testEvents(t, a)[1]
	e.Title, e.Notes = long("д", 2000), long("😀", 65536)
	if err := p.SaveEvent(e); err != nil {
		t.Fatalf("SaveEvent at the limits: %v", err)
	}
	q := reopen(t, p)
	if got, err := q.Event(e.ID); err != nil || got.Title != e.Title || got.Notes != e.Notes {
		t.Errorf("reopened event at the limits: %v", err)
	}
}

// TestOpenCheckFindsNothingInSoundProject runs the check on a sound
// project.
func TestOpenCheckFindsNothingInSoundProject(t *testing.T) {
	p, err := Open(makeValueBase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := checkValues(p.db, currentSchema()); err != nil {
		t.Errorf("checkValues: %v", err)
	}
}

// TestFieldLimitOver checks the arithmetic of the limits.
func TestFieldLimitOver(t *testing.T) {
	n := func(v int64) *int64 { return &v }
	cases := []struct {
		lim   fieldLimit
		size  int64
		chars *int64
		desc  string
	}{
		{chars(2000), 2000, nil, ""},
		{chars(2000), 4000, n(2000), ""},
		{chars(2000), 4000, n(2001), "2,001 characters"},
		{chars(2000), 8001, nil, "7.8 KB"},
		{fieldLimit{n: 1 << 20, bytes: true}, 1<<20 + 1, nil, "1.0 MB"},
	}
	for _, c := range cases {
		desc, over := c.lim.over(c.size, c.chars)
		if desc != c.desc || over != (c.desc != "") {
			t.Errorf("%v.over(%d) = %q, %v; want %q", c.lim, c.size, desc, over, c.desc)
		}
	}
	if got := thousands(1234567); got != "1,234,567" {
		t.Errorf("thousands = %q", got)
	}
}

// TestReadRefusesUndrawableEvents: a coordinate that is not a number, or
// evidence with impossible offsets, stops the read with the event named.
func TestReadRefusesUndrawableEvents(t *testing.T) {
	base := makeValueBase(t)
	for _, c := range []struct {
		name, sql, want string
	}{
		{"NaN point", `UPDATE events SET geom = X'47500001E6100000' || X'0101000000' || X'000000000000F87F' || X'0000000000000040' WHERE fid = 1`,
			"the file holds a value Event Atlas cannot read: event “Tajik delegation visits Kunduz” has a geometry the map cannot draw (a coordinate is not a number (NaN)); File › Merge project… brings in its readable events"},
		{"span ending before it starts", `UPDATE spans SET start = 50, "end" = 10 WHERE fid = 1`,
			"the file holds a value Event Atlas cannot read: event “Tajik delegation visits Kunduz” has evidence at offsets 50–10, which no text has; File › Merge project… brings in its readable events"},
		{"span past the article's end", `UPDATE spans SET start = 5000, "end" = 5010 WHERE fid = 1`,
			"the file holds a value Event Atlas cannot read: event “Tajik delegation visits Kunduz” has evidence at 5000–5010, past the end of its article's %d characters; File › Merge project… brings in its readable events"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "theirs.gpkg")
			copyFile(t, base, path)
			execSQL(t, path, c.sql)
			p, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			want := c.want
			if strings.Contains(want, "%d") {
				var n int
				p.db.QueryRow(`SELECT length(text) FROM articles`).Scan(&n)
				want = fmt.Sprintf(want, n)
			}
			_, err = p.Events()
			if err == nil || err.Error() != want || !errors.Is(err, ErrBadValue) {
				t.Errorf("Events: %v\nwant %s", err, want)
			}
		})
	}
}

// TestReadRefusesHugeArticle: an article over the text limit stops the
// read with its description, and the read returns (it once waited for
// ever on the connection its own rows held).
func TestReadRefusesHugeArticle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "theirs.gpkg")
	copyFile(t, makeValueBase(t), path)
	execSQL(t, path, `UPDATE articles SET text = hex(zeroblob(3000000))`)
	p, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	done := make(chan error, 1)
	go func() {
		_, err := p.Articles()
		done <- err
	}()
	select {
	case err := <-done:
		want := "the file holds a value Event Atlas cannot read: article “Tajik delegation visits Kunduz” has 5.7 MB in text, more than the 5.0 MB limit; File › Merge project… brings in its readable articles and events"
		if err == nil || err.Error() != want || !errors.Is(err, ErrBadValue) {
			t.Errorf("Articles: %v\nwant %s", err, want)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Articles did not return: the check waits for the connection its rows hold")
	}
}

// TestReadRefusesDuplicateEventIDs: a file whose events table lost its
// unique id (another program rebuilt it) and holds one id twice is refused
// when read, both events named; edits would not know which to change.
func TestReadRefusesDuplicateEventIDs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "theirs.gpkg")
	copyFile(t, makeValueBase(t), path)
	execSQL(t, path,
		`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_master SET sql = replace(sql, 'id TEXT UNIQUE', 'id TEXT') WHERE name = 'events'`,
		`DELETE FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND name LIKE 'sqlite_autoindex_events_%'`,
		`PRAGMA writable_schema = OFF`)
	execSQL(t, path, `UPDATE events SET id = 'ev-1' WHERE fid = 2`)
	p, err := Open(path)
	if err != nil {
		t.Skipf("the rebuilt file does not open (%v): nothing to read", err)
	}
	defer p.Close()
	_, err = p.Events()
	if err == nil || !errors.Is(err, ErrBadValue) || !strings.Contains(err.Error(), "have the same id ev-1") {
		t.Errorf("Events: %v, want both events named with their id", err)
	}
}

// TestReadRefusesOtherSRS: a geometry stored in another reference system
// (Web Mercator metres in an events table of degrees) is refused when read,
// for the map and for the table, rather than drawn in the wrong place.
func TestReadRefusesOtherSRS(t *testing.T) {
	path := filepath.Join(t.TempDir(), "theirs.gpkg")
	copyFile(t, makeValueBase(t), path)
	// The point's header says srs_id 3857 (0x0F11).
	execSQL(t, path, `UPDATE events SET geom = X'47500001110F0000' || X'0101000000' || X'0000000000405140' || X'0000000000C04240' WHERE fid = 1`)
	p, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	want := "the file holds a value Event Atlas cannot read: event ev-1 has its geometry in srs_id 3857, where Event Atlas stores WGS 84 (srs_id 4326); File › Merge project… brings in its readable events"
	if _, err := p.MapEvents(); err == nil || err.Error() != want {
		t.Errorf("MapEvents: %v\nwant %s", err, want)
	}
	if _, err := p.Events(); err == nil || err.Error() != want || !errors.Is(err, ErrBadValue) {
		t.Errorf("Events: %v\nwant %s", err, want)
	}
}
