package ingest

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2025-05-12", time.Date(2025, 5, 12, 0, 0, 0, 0, time.UTC), true},
		{"2025-05-12T09:30:00+04:30", time.Date(2025, 5, 12, 5, 0, 0, 0, time.UTC), true},
		{"May 12, 2025 10:00", time.Date(2025, 5, 12, 10, 0, 0, 0, time.UTC), true},
		{"yesterday", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestZonelessJSONLDDate: a JSON-LD date without a zone (parsed by
// Readability) must come out as that wall-clock time in UTC whatever the
// machine's zone.
func TestZonelessJSONLDDate(t *testing.T) {
	saved := time.Local
	time.Local = time.FixedZone("UTC+5", 5*3600)
	defer func() { time.Local = saved }()
	head := `<title>Clash</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",` +
		`"datePublished":"2024-11-02 08:15:00"}</script>`
	a, err := readBytes("p.html", []byte(page(head, mainText)))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2024, 11, 2, 8, 15, 0, 0, time.UTC); !a.Published.Equal(want) || a.Published.Location() != time.UTC {
		t.Errorf("Published = %v, want %v", a.Published, want)
	}
}
