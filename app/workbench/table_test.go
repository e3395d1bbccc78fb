package workbench

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"eventatlas/annotate"
)

func titles(evs []annotate.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.Title
	}
	return out
}

func TestTableSortsByHeader(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	rows := func() []annotate.Event { return wb.table.rows }
	if len(rows()) != 6 {
		t.Fatalf("table has %d rows, want the 6 sample events", len(rows()))
	}
	for i := 1; i < len(rows()); i++ {
		if rows()[i].DateStart.Before(rows()[i-1].DateStart) {
			t.Fatalf("rows not by date: %v", titles(rows()))
		}
	}
	test.Tap(wb.table.header[colPlace])
	var places []string
	for _, e := range rows() {
		places = append(places, e.PlaceName)
	}
	want := []string{"Afghanistan", "Dushanbe", "Dushanbe", "Khatlon", "Kunduz", "Kunduz"}
	if fmt.Sprint(places) != fmt.Sprint(want) {
		t.Errorf("sorted by place: %v, want %v", places, want)
	}
	if wb.table.header[colPlace].Text != "Place ▲" || wb.table.header[colDate].Text != "Date" {
		t.Errorf("headers %q %q", wb.table.header[colPlace].Text, wb.table.header[colDate].Text)
	}
	test.Tap(wb.table.header[colPlace])
	if rows()[0].PlaceName != "Kunduz" || wb.table.header[colPlace].Text != "Place ▼" {
		t.Errorf("second click: first row at %q, header %q; want Kunduz, descending", rows()[0].PlaceName, wb.table.header[colPlace].Text)
	}
	test.Tap(wb.table.header[colType])
	if rows()[0].Type != "Diplomacy" || rows()[5].Type != "Security cooperation" {
		t.Errorf("by type: %q … %q", rows()[0].Type, rows()[5].Type)
	}
}

func TestTableRowSelectsEverywhere(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	e := wb.table.rows[3]
	wb.table.list.Select(3)
	if wb.Selected() != e.ID || wb.mapView.Selected() != e.ID || wb.form.base.ID != e.ID {
		t.Fatalf("row 3: selected %q, map %q, form %q; want %q", wb.Selected(), wb.mapView.Selected(), wb.form.base.ID, e.ID)
	}
	wb.SelectEvent(wb.table.rows[1].ID)
	if wb.table.list.selectedRow() != 1 {
		t.Errorf("selecting elsewhere highlighted row %d, want 1", wb.table.list.selectedRow())
	}
}

func TestFilterBar(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	b := wb.filters
	cases := []struct {
		name string
		set  func()
		want int
	}{
		{"type", func() { b.typ.SetSelected("Security cooperation") }, 1},
		{"words", func() { b.text.SetText("visa") }, 1},
		{"words in evidence", func() { b.text.SetText("invitation") }, 1},
		{"actor", func() { b.actor.SetSelected("Yousuf Wafa") }, 2},
		{"date range", func() { b.from.SetText("2025-11-13") }, 3},
		{"date range before", func() { b.to.SetText("2025-11-06") }, 3}, // the week 7–13 Nov is after
		{"article", func() { b.article.SetSelectedIndex(1) }, 6},
		{"actor and words", func() { b.actor.SetSelected("Taliban"); b.text.SetText("kunduz") }, 2},
	}
	for _, c := range cases {
		b.reset()
		c.set()
		if len(wb.table.rows) != c.want {
			t.Errorf("%s: %d rows %v, want %d", c.name, len(wb.table.rows), titles(wb.table.rows), c.want)
		}
		if got := wb.status.count.Text; got != fmt.Sprintf("%d of 6 events", c.want) && !(c.want == 6 && got == "6 events") {
			t.Errorf("%s: status says %q", c.name, got)
		}
	}
	b.reset()
	if len(wb.table.rows) != 6 {
		t.Errorf("reset shows %d rows", len(wb.table.rows))
	}
	// A filter that hides the selected event ends its selection; one that
	// keeps it keeps it.
	var visa string
	for _, e := range wb.table.rows {
		if strings.Contains(strings.ToLower(e.Title), "visa") {
			visa = e.ID
		}
	}
	wb.SelectEvent(visa)
	b.text.SetText("visa")
	if wb.selected != visa || wb.mapView.Selected() != visa {
		t.Errorf("a filter showing the selected event dropped it: %q", wb.selected)
	}
	b.text.SetText("zzz-nothing-matches")
	if len(wb.table.rows) != 0 {
		t.Fatalf("rows %v", titles(wb.table.rows))
	}
	if wb.selected != "" || wb.mapView.Selected() != "" || wb.form.shown && wb.form.base.ID == visa {
		t.Errorf("the filter hides the selected event, still selected: %q (map %q)", wb.selected, wb.mapView.Selected())
	}
}

func TestFilterEvents(t *testing.T) {
	day := func(m, d int) time.Time { return time.Date(2025, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	evs := []annotate.Event{
		{ID: "a", Title: "Talks in Dushanbe", Type: "Diplomacy", DateStart: day(3, 1), DateEnd: day(3, 2),
			Actors: []annotate.ActorRole{{Name: "Taliban"}}, Spans: []annotate.Span{{ArticleID: "x", Quote: "held talks"}}},
		{ID: "b", Title: "Clash at Shir Khan", Type: "Security incident", DateStart: day(5, 10), DateEnd: day(5, 10),
			PlaceName: "Shir Khan Bandar", Tags: []string{"border"}, Spans: []annotate.Span{{ArticleID: "y"}}},
		{ID: "c", Title: "Undated note", Type: "Other"},
	}
	cases := []struct {
		name string
		f    eventFilter
		want string
	}{
		{"none", eventFilter{}, "abc"},
		{"type", eventFilter{Type: "Diplomacy"}, "a"},
		{"words, folded", eventFilter{Text: "SHÍR khan"}, "b"},
		{"every word must match", eventFilter{Text: "talks clash"}, ""},
		{"tag", eventFilter{Text: "border"}, "b"},
		{"quote", eventFilter{Text: "held"}, "a"},
		{"actor", eventFilter{Actor: "Taliban"}, "a"},
		{"article", eventFilter{ArticleID: "y"}, "b"},
		{"from inside a range", eventFilter{From: day(3, 2)}, "ab"},
		{"to before", eventFilter{To: day(2, 28)}, ""},
		{"window", eventFilter{From: day(4, 1), To: day(5, 31)}, "b"},
	}
	for _, c := range cases {
		got := ""
		for _, e := range filterEvents(evs, c.f, nil) {
			got += e.ID
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestSortEvents(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 1, d, 0, 0, 0, 0, time.UTC) }
	base := []annotate.Event{
		{ID: "1", Title: "b", Type: "Other", PlaceName: "kabul", DateStart: day(3)},
		{ID: "2", Title: "A", Type: "Diplomacy", PlaceName: "Dushanbe", DateStart: day(1)},
		{ID: "3", Title: "c", Type: "Diplomacy", PlaceName: "Balkh", DateStart: day(2)},
	}
	cases := []struct {
		col  sortColumn
		desc bool
		want string
	}{
		{colDate, false, "231"}, {colDate, true, "132"},
		{colType, false, "231"}, {colType, true, "132"},
		{colTitle, false, "213"}, {colPlace, false, "321"}, {colPlace, true, "123"},
	}
	for _, c := range cases {
		evs := append([]annotate.Event(nil), base...)
		sortEvents(evs, c.col, c.desc)
		got := ""
		for _, e := range evs {
			got += e.ID
		}
		if got != c.want {
			t.Errorf("column %d desc %v: %s, want %s", c.col, c.desc, got, c.want)
		}
	}
}

func BenchmarkFilterAndSort(b *testing.B) {
	evs := make([]annotate.Event, 5000)
	for i := range evs {
		evs[i] = annotate.Event{ID: fmt.Sprint(i), Title: fmt.Sprintf("Event %d at the border", i), Type: "Diplomacy",
			PlaceName: fmt.Sprintf("Place %d", i%97), DateStart: time.Date(2025, 1, 1+i%300, 0, 0, 0, 0, time.UTC)}
	}
	f := eventFilter{Text: "border 4"}
	cache := foldCache{}
	for b.Loop() {
		rows := filterEvents(evs, f, cache)
		sortEvents(rows, colPlace, false)
	}
}
