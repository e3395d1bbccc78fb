package exchange

import (
	"reflect"
	"strings"
	"testing"
)

// idless is a GeoJSON collection of features without ids: two alike, one
// that differs only in its title.
const idless = `{"type":"FeatureCollection","features":[
{"type":"Feature","geometry":{"type":"Point","coordinates":[68.857,36.729]},"properties":{"title":"Talks in Kunduz","event_type":"Diplomacy","event_date":"2025-11-10"}},
{"type":"Feature","geometry":{"type":"Point","coordinates":[68.857,36.729]},"properties":{"title":"Talks in Kunduz","event_type":"Diplomacy","event_date":"2025-11-10"}},
{"type":"Feature","geometry":{"type":"Point","coordinates":[68.857,36.729]},"properties":{"title":"Talks in Kunduz.","event_type":"Diplomacy","event_date":"2025-11-10"}}
]}`

// TestContentIDsGeoJSON: events without ids get ids from their content, the
// same at every read, so a file imported twice brings nothing new; a copy
// within the file is skipped and said to be one.
func TestContentIDsGeoJSON(t *testing.T) {
	first, rep, err := ReadGeoJSON(strings.NewReader(idless))
	if err != nil {
		t.Fatal(err)
	}
	again, _, err := ReadGeoJSON(strings.NewReader(idless))
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 2 || !reflect.DeepEqual(ids(first), ids(again)) || first[0].ID == first[1].ID || len(first[0].ID) != 36 {
		t.Fatalf("ids %v then %v: want two distinct UUIDs, the same at both reads", ids(first), ids(again))
	}
	want := []Skip{{Row: 2, Reason: "the same event as feature 1: no id and every field alike"}}
	if !reflect.DeepEqual(rep.Skipped, want) {
		t.Errorf("skipped %+v, want %+v", rep.Skipped, want)
	}
}

func TestContentIDsCSV(t *testing.T) {
	in := "event_type,title,event_date,latitude,longitude\n" +
		"Diplomacy,Talks in Kunduz,2025-11-10,36.729,68.857\n" +
		"Diplomacy,Talks in Kunduz,2025-11-10,36.729,68.857\n" +
		"Diplomacy,Talks in Kunduz,2025-11-11,36.729,68.857\n"
	first, rep, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	again, _, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 2 || !reflect.DeepEqual(ids(first), ids(again)) || first[0].ID == first[1].ID {
		t.Fatalf("ids %v then %v", ids(first), ids(again))
	}
	want := []Skip{{Row: 3, Reason: "the same event as row 2: no id and every field alike"}}
	if !reflect.DeepEqual(rep.Skipped, want) {
		t.Errorf("skipped %+v, want %+v", rep.Skipped, want)
	}
}

func BenchmarkContentID(b *testing.B) {
	events, _, err := ReadGeoJSON(strings.NewReader(idless))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		contentID(events[0])
	}
}
