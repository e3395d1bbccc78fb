package reader

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/bidi"
)

// runsString renders the visual runs of a one-line paragraph as
// "level:text|level:text…", left to right.
func runsString(s string) (bool, string) {
	rs := []rune(s)
	pb := resolveBidi(rs)
	var parts []string
	for _, o := range visualOrder(pb.lineLevels(0, len(rs), nil), 0) {
		parts = append(parts, string(rune('0'+o.level))+":"+string(rs[o.start:o.end]))
	}
	return pb.rtl, strings.Join(parts, "|")
}

func TestVisualRuns(t *testing.T) {
	tests := []struct {
		name string
		text string
		rtl  bool
		want string
	}{
		{"english", "Kunduz talks.", false, "0:Kunduz talks."},
		{"dari with final period", "هیئت به کندز سفر کرد.", true, "1:هیئت به کندز سفر کرد."},
		{"dari with a name", "هیئت به Kunduz سفر کرد.", true, "1: سفر کرد.|2:Kunduz|1:هیئت به "},
		{"digits in dari", "در سال 2024 و ۲۰۲۵ سفر", true, "1: سفر|2:۲۰۲۵|1: و |2:2024|1:در سال "},
		{"leading neutral", "«کندز» شهر", true, "1:«کندز» شهر"},
		{"english with a dari name", "abc کندز def", false, "0:abc |1:کندز|0: def"},
		{"number after dari in english", "abc کندز 123.", false, "0:abc |2:123|1:کندز |0:."},
		{"brackets take the english side (N0)", "کندز abc (def) کرد", true, "1: کرد|2:abc (def)|1:کندز "},
		{"trailing spaces go to the paragraph level (L1)", "کندز abc  ", true, "1:  |2:abc|1:کندز "},
		{"arabic-indic digits after arabic letters", "عدد ١٢٣ است", true, "1: است|2:١٢٣|1:عدد "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rtl, got := runsString(tt.text)
			if rtl != tt.rtl || got != tt.want {
				t.Errorf("runs = %v %q\nwant   %v %q", rtl, got, tt.rtl, tt.want)
			}
		})
	}
}

// TestLevelsAgreeWithXText checks the parity of the resolved levels against
// golang.org/x/text/unicode/bidi on text without brackets (which that
// package does not pair).
func TestLevelsAgreeWithXText(t *testing.T) {
	for _, s := range []string{
		"یک هیئت تاجیکستانی به ولایت کندز سفر کرد و با مقامات طالبان در مورد امنیت، استخبارات و مسائل سیاسی گفتگو کرد.",
		"هیئت به Kunduz در سال 2024 سفر کرد.",
		"The envoy met کندز officials, 12 of them.",
		"ابتدا 25% و ۳۰ درصد، سپس 1.5 برابر.",
	} {
		rs := []rune(s)
		pb := resolveBidi(rs)
		var p bidi.Paragraph
		if _, err := p.SetString(s); err != nil {
			t.Fatal(err)
		}
		o, err := p.Order()
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < o.NumRuns(); i++ {
			run := o.Run(i)
			a, b := run.Pos()
			for k := a; k <= b; k++ {
				if got := pb.levels[k]%2 == 1; got != (run.Direction() == bidi.RightToLeft) {
					t.Errorf("%q: code point %d %q level %d, x/text says direction %v", s, k, rs[k], pb.levels[k], run.Direction())
				}
			}
		}
	}
}

func TestHasRTL(t *testing.T) {
	for _, tt := range []struct {
		c    rune
		want bool
	}{{'a', false}, {'Д', false}, {'\u200f', true}, {'ک', true}, {'٣', true}, {'۳', false}, {'א', true}, {'\u0301', false}} {
		if got := hasRTL(tt.c); got != tt.want {
			t.Errorf("hasRTL(%q) = %v, want %v", tt.c, got, tt.want)
		}
	}
}

func TestRightToLeft(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{"Tajik delegation", false},
		{"هیئت تاجیکستان به کندز", true},
		{"2025: هیئت", true},
		{"«Kunduz» هیئت", false},
		{"Кундуз", false},
		{"", false},
		{"123 ...", false},
	}
	for _, c := range cases {
		if got := RightToLeft(c.s); got != c.want {
			t.Errorf("RightToLeft(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
