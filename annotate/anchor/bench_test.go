package anchor

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"eventatlas/annotate"
)

// bigArticle returns about 1 MB of sentences made of the sample article's
// words in random order, and 100 spans of about 12 words spread through it.
func bigArticle() (string, []annotate.Span) {
	words := strings.Fields(sample)
	r := rand.New(rand.NewPCG(7, 7))
	var b strings.Builder
	for b.Len() < 1<<20 {
		for range 8 + r.IntN(12) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		b.WriteString("end.\n")
	}
	text := b.String()
	runes := []rune(text)
	spans := make([]annotate.Span, 100)
	for i := range spans {
		start := (i*len(runes))/len(spans) + 1
		for runes[start-1] != ' ' {
			start++
		}
		end := start + 70
		for runes[end] != ' ' {
			end++
		}
		s, err := annotate.NewSpan(text, start, end)
		if err != nil {
			panic(err)
		}
		spans[i] = s
	}
	return text, spans
}

// editArticle inserts a sentence at the top (every span moves), a word inside
// every 10th span (fuzzy) and deletes every 25th span's text (orphan).
func editArticle(text string, spans []annotate.Span) string {
	runes := []rune(text)
	for i := len(spans) - 1; i >= 0; i-- {
		s := spans[i]
		switch {
		case i%25 == 3:
			runes = slices.Delete(runes, s.Start, s.End)
		case i%10 == 5:
			mid := s.Start + (s.End-s.Start)/2
			runes = slices.Insert(runes, mid, []rune("reportedly ")...)
		}
	}
	return "Updated on import. " + string(runes)
}

func BenchmarkReanchor100SpansIn1MB(b *testing.B) {
	text, spans := bigArticle()
	edited := editArticle(text, spans)
	for _, bc := range []struct{ name, text string }{{"unchanged", text}, {"edited", edited}} {
		b.Run(bc.name, func(b *testing.B) {
			var got []Result
			for b.Loop() {
				got = Reanchor(bc.text, spans)
			}
			counts := map[Status]int{}
			for _, r := range got {
				counts[r.Status]++
			}
			for _, s := range []Status{Exact, Moved, Fuzzy, Orphan} {
				b.ReportMetric(float64(counts[s]), s.String())
			}
		})
	}
}
