package anchor

import (
	"strings"

	"eventatlas/annotate"
	"eventatlas/assets"
)

// russian is a short Cyrillic article: offsets are code points, not bytes.
const russian = "Таджикская делегация посетила Кундуз и провела переговоры с представителями талибов по вопросам безопасности, разведки и политики.\n" +
	"Ранее губернатор провинции Балх от талибов посетил Душанбе по приглашению таджикской стороны.\n" +
	"Стороны обсудили визовый режим и консульские услуги для торговцев из обеих стран.\n" +
	"Позже губернатор провинции Балх от талибов призвал к установлению дипломатических отношений."

// reanchorCase edits an article and checks where one span ends up.
type reanchorCase struct {
	name      string
	old       string              // the text the span was made in
	quote     string              // the span's quote in old
	nth       int                 // which occurrence of quote (0: the first)
	edit      func(string) string // old → new text
	status    Status
	start     int // new offsets, code points
	end       int
	wantQuote string // "" means the old quote
}

// spanAt makes the span of the nth occurrence of quote in text.
func spanAt(text, quote string, nth int) annotate.Span {
	b := -1
	for range nth + 1 {
		i := strings.Index(text[b+1:], quote)
		if i < 0 {
			panic("quote not in text: " + quote)
		}
		b += 1 + i
	}
	start := annotate.RuneLen(text[:b])
	s, err := annotate.NewSpan(text, start, start+annotate.RuneLen(quote))
	if err != nil {
		panic(err)
	}
	return s
}

// replace returns an edit that replaces the first old with new.
func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("edit target not in text: " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

var sample = assets.SampleArticle()
