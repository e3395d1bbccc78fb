package gazetteer

import (
	"reflect"
	"strings"
	"testing"

	"eventatlas/annotate"
	"eventatlas/assets"
)

func TestSuggestSample(t *testing.T) {
	g := baseGazetteer(t)
	text := assets.SampleArticle()
	tests := []struct {
		quote string
		want  []string
	}{
		// selection, then the rest of the sentence (which is also its
		// paragraph), the nearest name first
		{"visited Kunduz", []string{"gn:1135689", "adm1:AF-KDZ", "adm0:AFG", "adm0:TJK"}},
		// the first "Balkh": governor of Balkh → province first; then Dushanbe
		// and Tajikistan from its sentence, then the second choices
		{"Balkh", []string{"adm1:AF-BAL", "gn:1147290", "gn:1221874", "adm0:TJK", "adm1:TJ-DU"}},
		// Khatlon region; Tajikistan and the governor's Kunduz from the sentence
		{"Khatlon region", []string{"adm1:TJ-KT", "adm0:TJK", "adm1:AF-KDZ", "gn:1135689"}},
	}
	for _, tt := range tests {
		sp, err := annotate.FindQuote(text, tt.quote)
		if err != nil {
			t.Fatal(err)
		}
		got := placeIDs(g.Suggest(text, sp.Start, sp.End))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Suggest(%q) = %v, want %v", tt.quote, got, tt.want)
		}
	}
}

func TestSuggestGroups(t *testing.T) {
	g := baseGazetteer(t)
	text := "Officials met in Dushanbe. Trucks waited at Termez.\nLater, Kabul said so."
	sel := strings.Index(text, "Trucks") // an ASCII prefix: byte and code point offsets agree
	tests := []struct {
		name       string
		start, end int
		want       []string
	}{
		// no place in the selection: its sentence (Termez, then the
		// crossing of that name), then its paragraph (Dushanbe); Kabul is
		// on another line
		{"sentence then paragraph", sel, sel + 6, []string{"gn:1215957", "xing:2", "gn:1221874", "adm1:TJ-DU"}},
		// reversed and out-of-range bounds are tolerated
		{"reversed", sel + 6, sel, []string{"gn:1215957", "xing:2", "gn:1221874", "adm1:TJ-DU"}},
		{"caret in a name", 61, 61, []string{"gn:1138958", "adm1:AF-KAB"}},
		{"whole text", -5, 500, []string{"gn:1221874", "gn:1215957", "gn:1138958", "adm1:TJ-DU", "xing:2", "adm1:AF-KAB"}},
	}
	for _, tt := range tests {
		got := placeIDs(g.Suggest(text, tt.start, tt.end))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Suggest = %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := g.Suggest("", 0, 0); len(got) != 0 {
		t.Errorf("Suggest on empty text = %v", placeIDs(got))
	}
}

// TestSuggestNearestAndDateline: outside the selection the nearest name
// comes first, and a dateline's place last.
func TestSuggestNearestAndDateline(t *testing.T) {
	g := baseGazetteer(t)
	text := "Dushanbe, 20 November 2025 — Tajik border guards seized heroin near Panj in Khatlon."
	sel := strings.Index(text, "border guards seized heroin") // an ASCII run; its rune offset below
	start := len([]rune(text[:sel]))
	got := placeIDs(g.Suggest(text, start, start+len("border guards seized heroin")))
	if len(got) < 3 {
		t.Fatalf("Suggest = %v", got)
	}
	if got[0] == "gn:1221874" || got[0] == "adm1:TJ-DU" {
		t.Errorf("the dateline's Dushanbe comes first: %v", got)
	}
	if last := got[len(got)-1]; last != "gn:1221874" && last != "adm1:TJ-DU" {
		t.Errorf("Dushanbe, the dateline, is not last: %v", got)
	}
	if !isDateline([]rune(text), 0, len("Dushanbe")) {
		t.Error("isDateline(Dushanbe, 20 November 2025 —) = false")
	}
	for _, line := range []string{"Officials met in Dushanbe, 20 people", "Dushanbe is the capital."} {
		rs := []rune(line)
		i := strings.Index(line, "Dushanbe")
		if isDateline(rs, i, i+len("Dushanbe")) {
			t.Errorf("isDateline(%q) = true", line)
		}
	}
}

func TestSentenceBounds(t *testing.T) {
	rs := []rune("One. Two visits Afintl.af today! Three\nFour.")
	tests := []struct{ start, end, s, e int }{
		{0, 3, 0, 4},
		{5, 8, 4, 32},    // "Afintl.af" is not a sentence end
		{33, 36, 32, 38}, // ends at the line break
		{39, 40, 39, 44},
	}
	for _, tt := range tests {
		if s, e := sentenceBounds(rs, tt.start, tt.end); s != tt.s || e != tt.e {
			t.Errorf("sentenceBounds(%d,%d) = %d,%d (%q), want %d,%d", tt.start, tt.end, s, e, string(rs[s:e]), tt.s, tt.e)
		}
	}
}

func placeIDs(ps []annotate.Place) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}
