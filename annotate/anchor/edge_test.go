package anchor

import (
	"strings"
	"testing"
)

// TestReanchorEdges checks that a fuzzy match keeps whole words at both
// ends when words are added or removed next to the quote's edges.
func TestReanchorEdges(t *testing.T) {
	cases := []struct {
		text, quote, old, new, want string
	}{
		{sample, talks, "a Tajik delegation", "a Tajik senior delegation",
			"a Tajik senior delegation visited Kunduz and held talks with Taliban officials on security, intelligence and political matters"},
		{sample, talks, "a Tajik delegation", "a Tajik high-level delegation",
			"a Tajik high-level delegation visited Kunduz and held talks with Taliban officials on security, intelligence and political matters"},
		{sample, talks, "a Tajik delegation", "a delegation",
			"a delegation visited Kunduz and held talks with Taliban officials on security, intelligence and political matters"},
		{sample, talks, "political matters", "political and economic matters",
			"a Tajik delegation visited Kunduz and held talks with Taliban officials on security, intelligence and political and economic matters"},
		{sample, talks, "political matters", "matters",
			"a Tajik delegation visited Kunduz and held talks with Taliban officials on security, intelligence and matters"},
		{russian, ruTalks, "Кундуз и провела", "Кундуз и впервые провела",
			"Кундуз и впервые провела переговоры с представителями талибов"},
		{russian, ruTalks, "представителями талибов", "представителями движения талибов",
			"Кундуз и провела переговоры с представителями движения талибов"},
	}
	for _, c := range cases {
		t.Run(c.new, func(t *testing.T) {
			s := spanAt(c.text, c.quote, 0)
			text := strings.Replace(c.text, c.old, c.new, 1)
			r := ReanchorOne(text, s)
			if r.Status != Fuzzy || r.Span.Quote != c.want {
				t.Fatalf("got %v %q, want fuzzy %q", r.Status, r.Span.Quote, c.want)
			}
			wantStart := strings.Index(text, c.want)
			if got := []rune(text)[r.Span.Start:r.Span.End]; string(got) != c.want || len([]rune(text[:wantStart])) != r.Span.Start {
				t.Fatalf("offsets %d–%d cover %q", r.Span.Start, r.Span.End, string(got))
			}
		})
	}
}
