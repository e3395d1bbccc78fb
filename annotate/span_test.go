package annotate

import (
	"errors"
	"testing"
)

func TestNewSpan(t *testing.T) {
	const en = "A Tajik delegation visited Kunduz and held talks."
	const ru = "Делегация Таджикистана посетила Кундуз и провела переговоры."
	tests := []struct {
		name       string
		text       string
		start, end int
		wantStart  int
		wantEnd    int
		wantQuote  string
		wantErr    error
	}{
		{"english word", en, 19, 33, 19, 33, "visited Kunduz", nil},
		{"trims spaces", en, 18, 34, 19, 33, "visited Kunduz", nil},
		{"reversed bounds", en, 33, 19, 19, 33, "visited Kunduz", nil},
		{"cyrillic offsets are code points", ru, 32, 38, 32, 38, "Кундуз", nil},
		{"only spaces", en, 18, 19, 0, 0, "", ErrEmptySelection},
		{"empty", en, 5, 5, 0, 0, "", ErrEmptySelection},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewSpan(tt.text, tt.start, tt.end)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if s.Start != tt.wantStart || s.End != tt.wantEnd || s.Quote != tt.wantQuote {
				t.Errorf("got %d–%d %q, want %d–%d %q", s.Start, s.End, s.Quote, tt.wantStart, tt.wantEnd, tt.wantQuote)
			}
			if !s.Verify(tt.text) {
				t.Errorf("span does not verify against its text")
			}
		})
	}
}

func TestNewSpanOutOfRange(t *testing.T) {
	_, err := NewSpan("short", 2, 99)
	if err == nil || err.Error() != "selection 2–99 is outside the article (5 characters)" {
		t.Fatalf("err = %v", err)
	}
}

func TestSpanContext(t *testing.T) {
	text := "0123456789012345678901234567890123456789 QUOTE 0123456789012345678901234567890123456789"
	s, err := FindQuote(text, "QUOTE")
	if err != nil {
		t.Fatal(err)
	}
	if s.Start != 41 || s.End != 46 {
		t.Fatalf("offsets %d–%d", s.Start, s.End)
	}
	if RuneLen(s.Prefix) != ContextLen || RuneLen(s.Suffix) != ContextLen {
		t.Errorf("prefix %q suffix %q: want %d code points each", s.Prefix, s.Suffix, ContextLen)
	}
	if s.Prefix[len(s.Prefix)-1] != ' ' || s.Suffix[0] != ' ' {
		t.Errorf("context does not touch the quote: %q / %q", s.Prefix, s.Suffix)
	}
}

func TestRuneSlice(t *testing.T) {
	tests := []struct {
		s          string
		start, end int
		want       string
	}{
		{"Душанбе", 0, 3, "Душ"},
		{"Душанбе", 3, 7, "анбе"},
		{"Душанбе", 5, 99, "бе"},
		{"Душанбе", -2, 1, "Д"},
		{"Душанбе", 4, 2, ""},
		{"کندز ok", 0, 4, "کندز"},
	}
	for _, tt := range tests {
		if got := RuneSlice(tt.s, tt.start, tt.end); got != tt.want {
			t.Errorf("RuneSlice(%q,%d,%d) = %q, want %q", tt.s, tt.start, tt.end, got, tt.want)
		}
	}
}

func BenchmarkNewSpan(b *testing.B) {
	text := "A Tajik delegation visited Kunduz and held talks with Taliban officials on security."
	for b.Loop() {
		if _, err := NewSpan(text, 19, 33); err != nil {
			b.Fatal(err)
		}
	}
}
