package gazetteer

import (
	"reflect"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kunduz", "kunduz"},
		{"KUNDUZ", "kunduz"},
		{"Mazār-e Sharīf", "mazar e sharif"},
		{"Maza\u0304r-e Shari\u0304f", "mazar e sharif"}, // decomposed input
		{"Mazar-i-Sharif", "mazar i sharif"},
		{"Kŭlob", "kulob"},
		{"Düşənbə", "dusenbe"},
		{"Qo‘qon", "qoqon"}, // apostrophe inside a word is dropped
		{"Farg'ona", "fargona"},
		{"Tajikistan’s", "tajikistan"}, // possessive ends the word
		{"Tajikistan's capital", "tajikistan capital"},
		{"Ҳисор", "хисор"},           // Tajik ҳ typed as х
		{"Тоҷикистон", "точикистон"}, // ҷ → ч
		{"Ёвон", "евон"},
		{"Қӯрғонтеппа", "кургонтеппа"},
		{"كندز", "کندز"},          // Arabic kaf → Persian keheh
		{"علي آباد", "علی اباد"},  // Arabic yeh → Persian yeh; alef madda → alef
		{"کنـدز", "کندز"},         // tatweel
		{"کُندُز", "کندز"},        // harakat
		{"جلال‌آباد", "جلالاباد"}, // zero-width non-joiner
		{"پښتون", "پشتون"},        // Pashto letters → Persian base
		{"  ", ""},
		{"a-b–c", "a b c"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	// Offsets are code points of the original, whatever folding does to the
	// length: ß folds to two letters, the tatweel and the decomposed macron
	// to none.
	text := "Straße, کنـدز; Maza\u0304r’s Kunduz-based"
	type tok struct {
		start, end int
		key        string
		joined     bool
	}
	want := []tok{
		{0, 6, "strasse", false},
		{8, 13, "کندز", false},
		{15, 21, "mazar", false}, // M a z a ̄ r: six code points
		{24, 30, "kunduz", false},
		{31, 36, "based", true},
	}
	var got []tok
	for _, t := range tokenize([]rune(text)) {
		got = append(got, tok{t.start, t.end, t.key, t.joined})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokenize = %+v\nwant       %+v", got, want)
	}
}
