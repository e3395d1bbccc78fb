package workbench

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// After an edit of one event (saved, deleted, given evidence) the workbench
// reads back only that event and puts it where Events() would list it,
// instead of reading the whole project again (Reload): at 10,000 events a
// full read takes about 300 ms. Edits that can change many rows (undo and
// redo, merge, import, taxonomy and article text edits, conflict
// resolution) still Reload.

// eventStored shows the stored state of event id everywhere after it was
// saved (created or changed): it reads that event back, puts it in
// wb.events in storage order and refreshes the views. An event that is gone
// is removed. When the event's place in storage order cannot be told from
// memory, it falls back to Reload.
func (wb *Workbench) eventStored(id string) error {
	e, err := wb.project.Event(id)
	if errors.Is(err, storage.ErrNotFound) {
		wb.eventRemoved(id)
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot read the saved event back: %w", err)
	}
	var before annotate.Event
	if i := indexOfEvent(wb.events, id); i >= 0 {
		before = wb.events[i]
	}
	evs, ok := placeEvent(wb.events, e)
	if !ok {
		return wb.Reload()
	}
	wb.events = evs
	wb.mapKeep = sameOnMap(&before, &e)
	wb.refreshEvents()
	return nil
}

// eventRemoved drops event id from wb.events after it was deleted and
// refreshes the views.
func (wb *Workbench) eventRemoved(id string) {
	if i := indexOfEvent(wb.events, id); i >= 0 {
		wb.events = slices.Delete(wb.events, i, i+1)
	}
	wb.mapKeep = true // the map changes only if it showed the event
	wb.refreshEvents()
}

// articleStored shows the stored details of article id after they were
// edited (not its text: that can orphan evidence, and Reloads). Articles
// are listed by creation, which a details edit does not change, so the
// article keeps its place.
func (wb *Workbench) articleStored(id string) error {
	a, err := wb.project.Article(id)
	if err != nil {
		return fmt.Errorf("cannot read the saved article back: %w", err)
	}
	i := slices.IndexFunc(wb.articles, func(x annotate.Article) bool { return x.ID == id })
	if i < 0 {
		return wb.Reload()
	}
	wb.articles[i] = a
	wb.refreshEvents()
	return nil
}

// refreshEvents shows wb.articles and wb.events in every view: the
// selection and the form where they still apply, the filter bar's options,
// the table and the map, the reader's highlights, the article list and the
// status line. It reads nothing from the project.
func (wb *Workbench) refreshEvents() {
	wb.articleCounts = nil
	if _, ok := wb.eventByID(wb.selected); !ok {
		wb.selected = ""
	}
	wb.syncForm()
	wb.filters.updateOptions()
	wb.applyFilter()
	wb.showArticle()
	wb.articleList.Refresh()
	wb.status.setOrphans(wb.orphanCount())
}

// sameOnMap reports whether a and b look the same on the map: mapview and
// mapview/render read an event's ID, type, title, dates (DateLabel) and
// geometry, nothing else. A field they start reading belongs here too.
func sameOnMap(a, b *annotate.Event) bool {
	return a.ID == b.ID && a.Type == b.Type && a.Title == b.Title &&
		a.DateStart.Equal(b.DateStart) && a.DateEnd.Equal(b.DateEnd) && a.DatePrecision == b.DatePrecision &&
		orb.Equal(a.Geometry, b.Geometry)
}

// setMapEvents gives the map rows, the events that pass the filter, unless
// it shows them already: after an edit that changed nothing the map shows
// (wb.mapKeep, set by eventStored and eventRemoved) and with the same
// events in the same order. Rebuilding the map's index of 10,000 events and
// redrawing it takes about 50 ms.
func (wb *Workbench) setMapEvents(rows []annotate.Event) {
	keep := wb.mapKeep && len(rows) == len(wb.mapIDs)
	wb.mapKeep = false
	for i := 0; keep && i < len(rows); i++ {
		keep = rows[i].ID == wb.mapIDs[i]
	}
	if keep {
		return
	}
	wb.mapView.SetEvents(rows, wb.tax)
	wb.mapIDs = wb.mapIDs[:0]
	for i := range rows {
		wb.mapIDs = append(wb.mapIDs, rows[i].ID)
	}
}

// indexOfEvent returns the index of event id in events, or -1.
func indexOfEvent(events []annotate.Event, id string) int {
	if id == "" {
		return -1
	}
	return slices.IndexFunc(events, func(e annotate.Event) bool { return e.ID == id })
}

// orderKey is what storage's Events() orders by, but for the row number
// (fid) that breaks its ties: start date (undated last), then creation, both
// to the millisecond.
type orderKey struct {
	undated        bool
	start, created int64
}

func keyOfEvent(e *annotate.Event) orderKey {
	return orderKey{undated: e.DateStart.IsZero(), start: e.DateStart.UnixMilli(), created: e.Created.UnixMilli()}
}

func (a orderKey) compare(b orderKey) int {
	if a.undated != b.undated {
		if a.undated {
			return 1
		}
		return -1
	}
	if c := cmp.Compare(a.start, b.start); c != 0 {
		return c
	}
	return cmp.Compare(a.created, b.created)
}

// placeEvent returns events, which are in storage order, with e put where
// Events() lists it: in place of the event with its ID when its order key
// did not change, else moved (or, when new, inserted) to its key's place.
// A new event goes after every event of its key, as its row number is the
// highest; a changed one whose key ties with another event's cannot be
// placed without the row numbers, and placeEvent reports false, leaving
// events as they were.
func placeEvent(events []annotate.Event, e annotate.Event) ([]annotate.Event, bool) {
	key := keyOfEvent(&e)
	i := indexOfEvent(events, e.ID)
	if i >= 0 && keyOfEvent(&events[i]) == key {
		events[i] = e
		return events, true
	}
	lo := firstAtOrAfter(events, key, false)
	hi := firstAtOrAfter(events, key, true)
	switch {
	case i < 0:
		return slices.Insert(events, hi, e), true
	case lo != hi:
		return events, false
	case i < hi: // move down: the events between shift up by one
		copy(events[i:hi-1], events[i+1:hi])
		events[hi-1] = e
	default: // move up
		copy(events[hi+1:i+1], events[hi:i])
		events[hi] = e
	}
	return events, true
}

// firstAtOrAfter returns the index of the first event whose key is at
// least key (after: greater than key) in events sorted by key.
func firstAtOrAfter(events []annotate.Event, key orderKey, after bool) int {
	i, _ := slices.BinarySearchFunc(events, key, func(e annotate.Event, k orderKey) int {
		c := keyOfEvent(&e).compare(k)
		if after && c == 0 {
			return -1
		}
		return c
	})
	return i
}
