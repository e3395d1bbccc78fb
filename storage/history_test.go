package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// state is what the undo tests compare: every event and place.
type state struct {
	events map[string]string // id → title + span count
	places map[string]string // id → name
}

func snapshot(t *testing.T, p *Project) state {
	t.Helper()
	s := state{events: map[string]string{}, places: map[string]string{}}
	events, err := p.Events()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		s.events[e.ID] = e.Title + " /" + strings.Repeat("s", len(e.Spans))
	}
	places, err := p.Places()
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range places {
		s.places[pl.ID] = pl.Name
	}
	return s
}

func TestUndoRedo(t *testing.T) {
	p, _ := newProject(t)
	p.SetAnnotator("ana")
	art := addTestArticle(t, p)
	if p.CanUndo() || p.CanRedo() {
		t.Fatal("a new project can undo or redo")
	}
	if _, err := p.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("Undo on a new project = %v", err)
	}
	if _, err := p.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("Redo on a new project = %v", err)
	}

	// Each edit, with the state after it.
	var states []state
	states = append(states, snapshot(t, p))
	e := testEvents(t, art)[0]
	full := e.Spans
	e.Spans = full[:1]
	pl := annotate.Place{Name: "Dusti", Point: orb.Point{68.66, 37.35}}
	edits := []struct {
		desc string
		do   func() error
	}{
		{`create event "Tajik delegation visits Kunduz"`, func() error { return p.SaveEvent(e) }},
		{`add evidence to event "Tajik delegation visits Kunduz"`, func() error { e.Spans = full; return p.SaveEvent(e) }},
		{`change event "Delegation in Kunduz"`, func() error { e.Title = "Delegation in Kunduz"; return p.SaveEvent(e) }},
		{`remove evidence from event "Delegation in Kunduz"`, func() error { e.Spans = full[1:]; return p.SaveEvent(e) }},
		{`create place "Dusti"`, func() error { return p.SavePlace(&pl) }},
		{`change place "Dusti town"`, func() error { pl.Name = "Dusti town"; return p.SavePlace(&pl) }},
		{`delete event "Delegation in Kunduz"`, func() error { return p.DeleteEvent(e.ID) }},
		{`delete place "Dusti town"`, func() error { return p.DeletePlace(pl.ID) }},
	}
	for _, ed := range edits {
		if err := ed.do(); err != nil {
			t.Fatalf("%s: %v", ed.desc, err)
		}
		states = append(states, snapshot(t, p))
	}
	if len(states[len(states)-1].events) != 0 {
		t.Fatal("the event is not deleted")
	}
	// Undo everything, checking each state on the way back.
	for i := len(edits) - 1; i >= 0; i-- {
		desc, err := p.Undo()
		if err != nil {
			t.Fatalf("Undo %d: %v", i, err)
		}
		if desc != edits[i].desc {
			t.Errorf("Undo %d = %q, want %q", i, desc, edits[i].desc)
		}
		if got := snapshot(t, p); !reflect.DeepEqual(got, states[i]) {
			t.Errorf("after undoing %q: %+v, want %+v", edits[i].desc, got, states[i])
		}
	}
	if p.CanUndo() || !p.CanRedo() {
		t.Errorf("after undoing all: CanUndo %v CanRedo %v", p.CanUndo(), p.CanRedo())
	}
	// Redo everything.
	for i := range edits {
		desc, err := p.Redo()
		if err != nil {
			t.Fatalf("Redo %d: %v", i, err)
		}
		if desc != edits[i].desc {
			t.Errorf("Redo %d = %q, want %q", i, desc, edits[i].desc)
		}
		if got := snapshot(t, p); !reflect.DeepEqual(got, states[i+1]) {
			t.Errorf("after redoing %q: %+v, want %+v", edits[i].desc, got, states[i+1])
		}
	}
	if !p.CanUndo() || p.CanRedo() {
		t.Errorf("after redoing all: CanUndo %v CanRedo %v", p.CanUndo(), p.CanRedo())
	}
}

// TestUndoRestoresEventExactly checks that undoing a delete brings back the
// same event: fields, geometry, spans, timestamps.
func TestUndoRestoresEventExactly(t *testing.T) {
	p, _ := newProject(t)
	events := testEvents(t, addTestArticle(t, p))
	saveAll(t, p, events)
	for _, e := range events {
		if err := p.DeleteEvent(e.ID); err != nil {
			t.Fatal(err)
		}
	}
	for range events {
		if _, err := p.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	for _, want := range events {
		got, err := p.Event(want.ID)
		if err != nil {
			t.Fatal(err)
		}
		equalEvent(t, got, *want)
	}
}

func TestNewEditClearsRedo(t *testing.T) {
	p, _ := newProject(t)
	art := addTestArticle(t, p)
	events := testEvents(t, art)
	saveAll(t, p, events[:2])
	if _, err := p.Undo(); err != nil { // undo creating events[1]
		t.Fatal(err)
	}
	saveAll(t, p, events[2:])
	if p.CanRedo() {
		t.Error("CanRedo after a new edit")
	}
	if _, err := p.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Errorf("Redo after a new edit = %v", err)
	}
	hist, err := p.History(events[1].ID)
	if err != nil || len(hist) != 1 || !hist[0].Undone || !hist[0].Discarded {
		t.Fatalf("History of the discarded edit = %+v, %v", hist, err)
	}
	// Undo now goes to the new edit, then to events[0]'s creation.
	for _, want := range []string{events[2].Title, events[0].Title} {
		desc, err := p.Undo()
		if err != nil || !strings.Contains(desc, want) {
			t.Errorf("Undo = %q, %v; want the edit of %q", desc, err, want)
		}
	}
	if p.CanUndo() {
		t.Error("CanUndo after undoing all")
	}
}

func TestUndoSurvivesRestart(t *testing.T) {
	p, _ := newProject(t)
	p.SetAnnotator("ana")
	art := addTestArticle(t, p)
	events := testEvents(t, art)
	saveAll(t, p, events)
	if _, err := p.Undo(); err != nil {
		t.Fatal(err)
	}
	p = reopen(t, p)
	if !p.CanUndo() || !p.CanRedo() {
		t.Fatalf("after reopen CanUndo %v CanRedo %v, want both", p.CanUndo(), p.CanRedo())
	}
	if desc, err := p.Redo(); err != nil || desc != `create event "Panji Poyon trade resumes"` {
		t.Errorf("Redo after reopen = %q, %v", desc, err)
	}
	if _, err := p.Event(events[2].ID); err != nil {
		t.Errorf("redone event: %v", err)
	}
	if desc, err := p.Undo(); err != nil || desc != `create event "Panji Poyon trade resumes"` {
		t.Errorf("Undo after reopen = %q, %v", desc, err)
	}
}

func TestHistoryEntries(t *testing.T) {
	p, _ := newProject(t)
	art := addTestArticle(t, p)
	e := testEvents(t, art)[1]
	start := time.Now().Add(-time.Second)
	p.SetAnnotator("ana")
	saveAll(t, p, []*annotate.Event{e})
	p.SetAnnotator("bo")
	e.Fatalities = 3
	saveAll(t, p, []*annotate.Event{e})
	if err := p.DeleteEvent(e.ID); err != nil {
		t.Fatal(err)
	}
	hist, err := p.History(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ annotator, action string }{{"ana", "create"}, {"bo", "update"}, {"bo", "delete"}}
	if len(hist) != len(want) {
		t.Fatalf("History has %d entries, want %d", len(hist), len(want))
	}
	for i, h := range hist {
		if h.Annotator != want[i].annotator || h.Action != want[i].action || h.Entity != "event" || h.EntityID != e.ID ||
			h.At.Before(start) || h.Undone || (i > 0 && h.Seq <= hist[i-1].Seq) {
			t.Errorf("entry %d = %+v, want %v", i, h, want[i])
		}
	}
	if hist[0].Before != "" || hist[2].After != "" {
		t.Error("create has a before state or delete an after state")
	}
	before, _ := unmarshalEvent(hist[1].Before)
	after, _ := unmarshalEvent(hist[1].After)
	if before.Fatalities != 2 || after.Fatalities != 3 || !orb.Equal(after.Geometry, e.Geometry) {
		t.Errorf("update before/after: fatalities %d→%d geometry %v", before.Fatalities, after.Fatalities, after.Geometry)
	}
	if hist, _ := p.History("no-such-id"); len(hist) != 0 {
		t.Errorf("History of an unknown id = %v", hist)
	}
}
