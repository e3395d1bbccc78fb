package storage

import (
	"database/sql"
	"fmt"
	"testing"

	"eventatlas/annotate"
	"github.com/google/uuid"
	"github.com/paulmach/orb"
)

// BenchmarkSaveEvent measures one edit as the app makes it: a point event
// with one span, saved with its history row and flushed to disk.
func BenchmarkSaveEvent(b *testing.B) {
	p, _ := newProject(b)
	art := addTestArticle(b, p)
	e := testEvents(b, art)[0]
	i := 0
	for b.Loop() {
		e.Title = fmt.Sprintf("edit %d", i)
		i++
		if err := p.SaveEvent(e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvents measures loading a project of 10,000 events with spans.
func BenchmarkEvents(b *testing.B) {
	p, _ := newProject(b)
	art := addTestArticle(b, p)
	templates := testEvents(b, art)
	// One transaction for the setup: 10,000 separate saves would take minutes.
	err := p.write(func(tx *sql.Tx) error {
		for i := range 10_000 {
			e := *templates[i%len(templates)]
			e.ID = uuid.NewString()
			e.Title = fmt.Sprintf("event %d", i)
			e.Geometry = orb.Point{67 + float64(i%300)/100, 36 + float64(i%200)/100}
			if i%3 == 1 {
				e.Geometry = templates[1].Geometry
			}
			e.Spans = append([]annotate.Span(nil), e.Spans...)
			for j := range e.Spans {
				e.Spans[j].ID = uuid.NewString()
			}
			e.Created, e.Updated = now(), now()
			if err := writeEvent(tx, &e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		events, err := p.Events()
		if err != nil || len(events) != 10_000 {
			b.Fatalf("Events = %d, %v", len(events), err)
		}
	}
}
