package anchor

import (
	"math"
	"strings"
	"testing"

	"eventatlas/annotate"
)

const (
	talks    = "a Tajik delegation visited Kunduz and held talks with Taliban officials on security, intelligence and political matters"
	aide     = "a close aide to the group’s supreme leader Hibatullah Akhundzada"
	balkh    = "the Taliban governor of Balkh"
	visa     = "In addition to security and economic issues, the two sides discussed visa arrangements and consular services for traders from both countries."
	ruTalks  = "Кундуз и провела переговоры с представителями талибов"
	ruBalkh  = "губернатор провинции Балх от талибов"
	filler   = "Filler that pushes the rest of the article far down the page. "
	ruFiller = "Вставка, которая сдвигает остальной текст статьи далеко вниз. "
)

var reanchorCases = []reanchorCase{
	{name: "unchanged", old: sample, quote: talks, edit: same,
		status: Exact, start: 77, end: 196},
	{name: "insertion before the span", old: sample, quote: talks, edit: replace("In a sign", "BREAKING: In a sign"),
		status: Moved, start: 87, end: 206},
	{name: "insertion inside the span", old: sample, quote: talks, edit: replace("visited Kunduz", "visited the province of Kunduz"),
		status: Fuzzy, start: 77, end: 212,
		wantQuote: "a Tajik delegation visited the province of Kunduz and held talks with Taliban officials on security, intelligence and political matters"},
	{name: "insertion right before and after the quote", old: sample, quote: talks, edit: replace(talks+",", "reportedly "+talks+" last week,"),
		status: Moved, start: 88, end: 207},
	{name: "insertion right after the quote", old: sample, quote: talks, edit: replace(talks+",", talks+" last week,"),
		status: Exact, start: 77, end: 196},
	{name: "typo fixed inside the quote", old: strings.Replace(sample, "Hibatullah Akhundzada", "Hibatulah Akhunzada", 1),
		quote: "a close aide to the group’s supreme leader Hibatulah Akhunzada", edit: replace("Hibatulah Akhunzada", "Hibatullah Akhundzada"),
		status: Fuzzy, start: 387, end: 451, wantQuote: aide},
	{name: "quote twice: the second, by its context", old: sample, quote: balkh, nth: 1, edit: replace("Earlier, the", strings.Repeat(filler, 40)+"Earlier, the"),
		status: Moved, start: 4280, end: 4309},
	{name: "quote twice, insertion before both", old: sample, quote: balkh, edit: replace("In a sign", "BREAKING: In a sign"),
		status: Moved, start: 363, end: 392},
	{name: "typo fixed beats a verbatim copy with other context", old: sample, quote: balkh, nth: 1, edit: replace("governor of Balkh visited", "governor of Balch visited"),
		status: Fuzzy, start: 1800, end: 1829, wantQuote: "the Taliban governor of Balch"},
	{name: "moved far beyond the nearby window", old: sample, quote: talks, edit: func(s string) string { return strings.Repeat(filler, 200) + s },
		status: Moved, start: 12477, end: 12596},
	{name: "copy nearby with other context loses to the original far away", old: sample, quote: balkh,
		edit: func(s string) string {
			return "Note: the Taliban governor of Balkh spoke.\n" + strings.Repeat(filler, 200) + s
		},
		status: Moved, start: 12796, end: 12825},
	{name: "quoted sentence deleted", old: sample, quote: visa, edit: replace(visa+"\n", ""),
		status: Orphan, start: 755, end: 896},
	{name: "whole text replaced", old: sample, quote: talks, edit: func(string) string { return russian },
		status: Orphan, start: 77, end: 196},
	{name: "CRLF line endings", old: sample, quote: visa, edit: crlf,
		status: Moved, start: 758, end: 899},
	{name: "CRLF inside the quote", old: sample, quote: "both countries.\nTajikistan has been", edit: crlf,
		status: Moved, start: 884, end: 920, wantQuote: "both countries.\r\nTajikistan has been"},
	{name: "empty text", old: sample, quote: talks, edit: func(string) string { return "" },
		status: Orphan, start: 77, end: 196},

	{name: "cyrillic unchanged", old: russian, quote: ruTalks, edit: same,
		status: Exact, start: 30, end: 83},
	{name: "cyrillic insertion before", old: russian, quote: ruTalks, edit: replace("Таджикская", "Вчера таджикская"),
		status: Moved, start: 36, end: 89},
	{name: "cyrillic insertion inside", old: russian, quote: ruTalks, edit: replace("провела переговоры", "провела долгие переговоры"),
		status: Fuzzy, start: 30, end: 90, wantQuote: "Кундуз и провела долгие переговоры с представителями талибов"},
	{name: "cyrillic typo fixed", old: strings.Replace(russian, "представителями", "предствителями", 1),
		quote: "Кундуз и провела переговоры с предствителями талибов", edit: replace("предствителями", "представителями"),
		status: Fuzzy, start: 30, end: 83, wantQuote: ruTalks},
	{name: "cyrillic quote twice: the second, by its context", old: russian, quote: ruBalkh, nth: 1, edit: replace("Позже", strings.Repeat(ruFiller, 40)+"Позже"),
		status: Moved, start: 2793, end: 2829},
	{name: "cyrillic sentence deleted", old: russian, quote: "Стороны обсудили визовый режим и консульские услуги для торговцев из обеих стран.", edit: replace("Стороны обсудили визовый режим и консульские услуги для торговцев из обеих стран.\n", ""),
		status: Orphan, start: 225, end: 306},
}

func same(s string) string { return s }
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

func TestReanchorOne(t *testing.T) {
	for _, tt := range reanchorCases {
		t.Run(tt.name, func(t *testing.T) {
			old := spanAt(tt.old, tt.quote, tt.nth)
			old.ID, old.EventID = "span-1", "event-1"
			text := tt.edit(tt.old)
			got := ReanchorOne(text, old)
			want := tt.wantQuote
			if want == "" {
				want = tt.quote
			}
			if got.Status != tt.status || got.Span.Start != tt.start || got.Span.End != tt.end || got.Span.Quote != want {
				t.Fatalf("got %s %d–%d %q\nwant %s %d–%d %q", got.Status, got.Span.Start, got.Span.End, got.Span.Quote,
					tt.status, tt.start, tt.end, want)
			}
			checkResult(t, text, old, got)
		})
	}
}

// checkResult asserts what holds for every result: an orphan is the span
// unchanged with score 0; any other is the span NewSpan would make at the
// new offsets, keeps its ids, verifies, and scores by its status.
func checkResult(t *testing.T, text string, old annotate.Span, got Result) {
	t.Helper()
	if got.Status == Orphan {
		if got.Span != old || got.Score != 0 {
			t.Errorf("orphan changed: %+v score %v, want %+v score 0", got.Span, got.Score, old)
		}
		return
	}
	want, err := annotate.NewSpan(text, got.Span.Start, got.Span.End)
	if err != nil {
		t.Fatal(err)
	}
	want.ID, want.ArticleID, want.EventID = old.ID, old.ArticleID, old.EventID
	if got.Span != want {
		t.Errorf("span %+v\nwant %+v", got.Span, want)
	}
	if !got.Span.Verify(text) {
		t.Errorf("the result does not verify against the new text")
	}
	switch {
	case got.Status == Fuzzy && (got.Score < Threshold || got.Score >= 1):
		t.Errorf("fuzzy score %v outside [%v, 1)", got.Score, Threshold)
	case got.Status != Fuzzy && got.Score != 1:
		t.Errorf("%s score %v, want 1", got.Status, got.Score)
	}
}

func TestReanchorThreshold(t *testing.T) {
	const old = "Talks were held in Dushanbe on Monday." // "in Dushanbe" is 11 code points: 2 edits allowed
	tests := []struct {
		text   string
		status Status
		score  float64
	}{
		{"Talks were held in Dushanbi on Monday.", Fuzzy, 1 - 1.0/11},
		{"Talks were held in Dyshanbi on Monday.", Fuzzy, 1 - 2.0/11},
		{"Talks were held in Dyshambi on Monday.", Orphan, 0},
	}
	s := spanAt(old, "in Dushanbe", 0)
	for _, tt := range tests {
		got := ReanchorOne(tt.text, s)
		if got.Status != tt.status || math.Abs(got.Score-tt.score) > 1e-12 {
			t.Errorf("%q: %s %v, want %s %v", tt.text, got.Status, got.Score, tt.status, tt.score)
		}
		checkResult(t, tt.text, s, got)
	}
}

func TestReanchorBatch(t *testing.T) {
	spans := []annotate.Span{spanAt(sample, talks, 0), spanAt(sample, visa, 0), spanAt(sample, aide, 0), {Quote: ""}}
	text := strings.Replace(strings.Replace(sample, visa+"\n", "", 1), "In a sign", "BREAKING: In a sign", 1)
	got := Reanchor(text, spans)
	want := []struct {
		status     Status
		start, end int
	}{{Moved, 87, 206}, {Orphan, 755, 896}, {Moved, 397, 461}, {Orphan, 0, 0}}
	if len(got) != len(want) {
		t.Fatalf("%d results for %d spans", len(got), len(spans))
	}
	for i, w := range want {
		if got[i].Status != w.status || got[i].Span.Start != w.start || got[i].Span.End != w.end {
			t.Errorf("span %d: %s %d–%d, want %s %d–%d", i, got[i].Status, got[i].Span.Start, got[i].Span.End, w.status, w.start, w.end)
		}
		checkResult(t, text, spans[i], got[i])
	}
	if len(Reanchor(text, nil)) != 0 {
		t.Errorf("results for no spans")
	}
}

func TestReanchorStaleOffsets(t *testing.T) {
	s := spanAt(sample, balkh, 1)
	for _, off := range [][2]int{{5000, 4000}, {-7, 3}, {math.MinInt, math.MaxInt}, {math.MaxInt, math.MinInt}} {
		s.Start, s.End = off[0], off[1] // out of range or reversed: found by quote
		got := ReanchorOne(sample, s)
		if got.Status != Moved || got.Span.Start != 1800 || got.Span.End != 1829 {
			t.Errorf("offsets %v: got %s %d–%d, want moved 1800–1829", off, got.Status, got.Span.Start, got.Span.End)
		}
	}
}

func TestStatusString(t *testing.T) {
	for s, want := range map[Status]string{Orphan: "orphan", Exact: "exact", Moved: "moved", Fuzzy: "fuzzy"} {
		if s.String() != want {
			t.Errorf("%d.String() = %q, want %q", s, s.String(), want)
		}
	}
}
