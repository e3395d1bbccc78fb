package gazetteer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"eventatlas/annotate"
	"eventatlas/assets"
)

// span is an expected match: code points [s, e), and an ID that must be
// among its candidates.
type span struct {
	s, e int
	id   string
}

func TestMatch(t *testing.T) {
	g := baseGazetteer(t)
	const (
		kunduz   = "gn:1135689"
		kunduzP  = "adm1:AF-KDZ"
		dushanbe = "gn:1221874"
		khatlon  = "adm1:TJ-KT"
		balkhP   = "adm1:AF-BAL"
		balkh    = "gn:1147290"
		mazar    = "gn:1133616"
		tjk      = "adm0:TJK"
	)
	tests := []struct {
		name string
		text string
		want []span
	}{
		// every script and spelling
		{"Latin", "He flew to Kunduz.", []span{{11, 17, kunduz}}},
		{"Latin variant Kondoz", "He flew to Kondoz.", []span{{11, 17, kunduz}}},
		{"Latin variant Qunduz", "Qunduz traders", []span{{0, 6, kunduz}}},
		{"lower case", "flights to kunduz resumed", []span{{11, 17, kunduz}}},
		{"Cyrillic", "Он прилетел в Кундуз.", []span{{14, 20, kunduz}}},
		{"Persian", "او به کندز رفت", []span{{6, 10, kunduz}}},
		{"Arabic kaf and yeh", "وصل الوفد إلى كندز", []span{{14, 18, kunduz}}},
		{"Persian with tatweel and harakat", "در کنـدُز", []span{{3, 9, kunduz}}},
		{"Dushanbe", "Dushanbe and Душанбе and دوشنبه", []span{{0, 8, dushanbe}, {13, 20, dushanbe}, {25, 31, dushanbe}}},
		{"Khatlon", "Khatlon, Хатлон, Вилояти Хатлон", []span{{0, 7, khatlon}, {9, 15, khatlon}, {17, 31, khatlon}}},
		{"Balkh", "Balkh / Балх / بلخ", []span{{0, 5, balkhP}, {8, 12, balkhP}, {15, 18, balkhP}}},
		{"Tajik Cyrillic", "Ҳукумати Тоҷикистон", []span{{9, 19, tjk}}},
		// Russian case endings, one word and two
		{"Russian locative", "Встреча прошла в Кундузе.", []span{{17, 24, kunduz}}},
		{"Russian adjective phrase", "в Хатлонской области", []span{{2, 20, khatlon}}},
		{"Russian genitive", "губернатор Балха", []span{{11, 16, balkhP}}},
		// whole words only
		{"suffix", "A Kunduzi elder spoke.", nil},
		{"prefix", "Balkhi poets", nil},
		{"hyphenated compound", "a Kunduz-based NGO", []span{{2, 8, kunduz}}},
		// diacritics, possessives
		{"diacritics", "in Mazār-e Sharīf today", []span{{3, 17, mazar}}},
		{"decomposed diacritics", "in Maza\u0304r-e Shari\u0304f", []span{{3, 19, mazar}}},
		{"typographic possessive", "Tajikistan’s border", []span{{0, 10, tjk}}},
		{"straight possessive", "Tajikistan's border", []span{{0, 10, tjk}}},
		// longest wins
		{"overlap", "Mazar-i-Sharif is near Balkh", []span{{0, 14, mazar}, {23, 28, balkh}}},
		{"overlap upper case", "MAZAR-I-SHARIF", []span{{0, 14, mazar}}},
		{"crossing full name", "the Termez–Hairatan Friendship Bridge reopened", []span{{4, 37, "xing:2"}}},
		{"names do not run across a full stop", "Imam. Sahib", nil},
		{"names run across a line break only word by word", "Imam\nSahib", nil},
		// noise
		{"everyday words", "they turn back; bay leaves, aim high", nil},
		{"everyday word at sentence start", "Bay leaves were sold.", nil},
		{"everyday word capitalised", "They reached Bay on foot.", []span{{13, 16, ""}}},
		{"month", "In March the talks resumed", nil},
		{"month abbreviation", "On 3 Nov the talks resumed", nil},
		{"everyday word in capitals", "set DIR and POP, then TURN", nil},
		{"name in capitals", "KUNDUZ: FIGHTING IN TAKHAR", []span{{0, 6, "gn:1135689"}, {20, 26, "adm1:AF-TAK"}}},
		{"outlet", "Afghanistan International reported", nil},
		{"river", "the Varzob river rose", nil},
		{"river by its article", "across the Panj, officials said", nil},
		{"town named after its river", "in Panj district", []span{{3, 7, "gn:1220750"}}},
		{"Russian word that is a place name", "Тем не менее Совет собрался", nil},
		{"short names", "Os and Ox", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Match(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Match(%q) = %s, want %d matches", tt.text, describe(got), len(tt.want))
			}
			for i, w := range tt.want {
				m := got[i]
				if m.Start != w.s || m.End != w.e {
					t.Errorf("match %d at %d–%d, want %d–%d (%s)", i, m.Start, m.End, w.s, w.e, describe(got))
				}
				if m.Text != annotate.RuneSlice(tt.text, m.Start, m.End) {
					t.Errorf("match %d text %q is not the text at its offsets", i, m.Text)
				}
				if w.id != "" && !hasID(m.Candidates, w.id) {
					t.Errorf("match %d %q: %s not among %s", i, m.Text, w.id, ids(m.Candidates))
				}
			}
		})
	}
}

func TestMatchCandidateOrder(t *testing.T) {
	g := baseGazetteer(t)
	tests := []struct {
		text, name string
		want       []string // first candidates, in order
	}{
		{"a delegation visited Kunduz", "Kunduz", []string{"gn:1135689", "adm1:AF-KDZ"}},
		{"the Taliban governor of Kunduz", "Kunduz", []string{"adm1:AF-KDZ", "gn:1135689"}},
		{"fighting in Kunduz province", "Kunduz", []string{"adm1:AF-KDZ", "gn:1135689"}},
		{"губернатор провинции Кундуз", "Кундуз", []string{"adm1:AF-KDZ", "gn:1135689"}},
		{"the governor of Balkh", "Balkh", []string{"adm1:AF-BAL", "gn:1147290"}},
		{"officials in Balkh", "Balkh", []string{"adm1:AF-BAL", "gn:1147290"}},
		{"the town of Balkh", "Balkh", []string{"gn:1147290", "adm1:AF-BAL"}},
		{"Tajikistan’s Khatlon region", "Khatlon", []string{"adm1:TJ-KT"}},
		{"in Dushanbe", "Dushanbe", []string{"gn:1221874", "adm1:TJ-DU"}},
		{"in Panji Poyon", "Panji Poyon", []string{"gnn:TJ-KT:panji-poyon", "xing:1"}},
		{"at the Panji Poyon crossing", "Panji Poyon", []string{"xing:1", "gnn:TJ-KT:panji-poyon"}},
		// A crossing's end without a town of its own is a place in its own
		// country (Hairatan, Balkh, Afghanistan), offered before the bridge
		// unless the text says "crossing".
		{"freight through Hairatan", "Hairatan", []string{"xing:2:2", "xing:2"}},
		{"at the Hairatan crossing", "Hairatan", []string{"xing:2", "xing:2:2"}},
		{"the Afghan customs post at Sherkhan Bandar", "Sherkhan Bandar", []string{"xing:1:2", "xing:1"}},
		{"in Fayzabad", "Fayzabad", []string{"gn:1142170"}}, // the Badakhshan seat before three smaller namesakes
	}
	for _, tt := range tests {
		ms := g.Match(tt.text)
		var m *Match
		for i := range ms {
			if ms[i].Text == tt.name {
				m = &ms[i]
			}
		}
		if m == nil {
			t.Errorf("%q: %q not matched (%s)", tt.text, tt.name, describe(ms))
			continue
		}
		if len(m.Candidates) < len(tt.want) {
			t.Errorf("%q: candidates %s, want %v first", tt.text, ids(m.Candidates), tt.want)
			continue
		}
		for i, id := range tt.want {
			if m.Candidates[i].ID != id {
				t.Errorf("%q: candidates %s, want %v first", tt.text, ids(m.Candidates), tt.want)
				break
			}
		}
	}
}

func TestMatchSample(t *testing.T) {
	g := baseGazetteer(t)
	// Every mention but the outlet "Afghanistan International".
	got := g.Match(assets.SampleArticle())
	count := map[string]int{}
	for _, m := range got {
		count[m.Text]++
	}
	want := map[string]int{"Tajikistan": 8, "Afghanistan": 5, "Kunduz": 2, "Balkh": 2, "Dushanbe": 3, "Khatlon": 1}
	if fmt.Sprint(count) != fmt.Sprint(want) {
		t.Errorf("sample matches %v, want %v", count, want)
	}
}

// TestMatchLargeText checks offsets far into a long text: the matches of
// the k-th copy of the sample are those of the first, shifted.
func TestMatchLargeText(t *testing.T) {
	g := baseGazetteer(t)
	one := assets.SampleArticle() + "\n"
	const copies = 40
	first := g.Match(one)
	all := g.Match(strings.Repeat(one, copies))
	if len(all) != copies*len(first) {
		t.Fatalf("%d matches in %d copies, want %d", len(all), copies, copies*len(first))
	}
	n := annotate.RuneLen(one)
	for i, m := range all {
		f := first[i%len(first)]
		shift := (i / len(first)) * n
		if m.Start != f.Start+shift || m.End != f.End+shift || m.Text != f.Text {
			t.Fatalf("match %d = %d–%d %q, want %d–%d %q", i, m.Start, m.End, m.Text, f.Start+shift, f.End+shift, f.Text)
		}
	}
}

func describe(ms []Match) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i] = fmt.Sprintf("%d–%d %q [%s]", m.Start, m.End, m.Text, ids(m.Candidates))
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// benchText is about 1 MB made of copies of the sample article.
func benchText() string {
	one := assets.SampleArticle() + "\n"
	return strings.Repeat(one, 1<<20/len(one)+1)
}

func BenchmarkMatch1MB(b *testing.B) {
	g := baseGazetteer(b)
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if len(g.Match(text)) == 0 {
			b.Fatal("no matches")
		}
	}
}

// BenchmarkMatch1MBRussian matches about 1 MB of Russian, where every
// capitalised word is also tried without its case ending.
func BenchmarkMatch1MBRussian(b *testing.B) {
	g := baseGazetteer(b)
	one, err := os.ReadFile("testdata/gold/ru-border.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(one), 1<<20/len(one)+1)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if len(g.Match(text)) == 0 {
			b.Fatal("no matches")
		}
	}
}
