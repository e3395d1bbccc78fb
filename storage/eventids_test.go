package storage

import (
	"path/filepath"
	"testing"
)

func TestHasEvents(t *testing.T) {
	p, err := Create(filepath.Join(t.TempDir(), "p.gpkg"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	evs := benchEvents(3)
	if _, err := p.ImportEvents(evs[:2]); err != nil {
		t.Fatal(err)
	}
	got, err := p.HasEvents([]string{evs[0].ID, evs[2].ID, "no-such-id", evs[1].ID})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{evs[0].ID: true, evs[1].ID: true, evs[2].ID: false, "no-such-id": false}
	if len(got) != len(want) {
		t.Fatalf("HasEvents = %v, want %v", got, want)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("HasEvents[%s] = %v, want %v", id, got[id], w)
		}
	}
	p.Close()
	if _, err := p.HasEvents(nil); err != ErrClosed {
		t.Errorf("HasEvents after Close: %v, want ErrClosed", err)
	}
}

func TestEventCount(t *testing.T) {
	p, err := Create(filepath.Join(t.TempDir(), "p.gpkg"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if n, err := p.EventCount(); err != nil || n != 0 {
		t.Errorf("EventCount of a new project = %d, %v; want 0", n, err)
	}
	evs := benchEvents(5)
	if _, err := p.ImportEvents(evs); err != nil {
		t.Fatal(err)
	}
	if err := p.DeleteEvent(evs[1].ID); err != nil {
		t.Fatal(err)
	}
	if n, err := p.EventCount(); err != nil || n != 4 {
		t.Errorf("EventCount after 5 imported and 1 deleted = %d, %v; want 4", n, err)
	}
	p.Close()
	if _, err := p.EventCount(); err != ErrClosed {
		t.Errorf("EventCount after Close: %v, want ErrClosed", err)
	}
}
