package ingest

import (
	"strings"
	"unicode"
)

// guessLanguage returns a BCP 47 tag for text when its letters make the
// language plain, else "". It looks at the first 20,000 letters:
//   - Cyrillic (more than half the letters): "tg" when Tajik's ҷ, ӣ or ӯ
//     occur, "ru" when no letter foreign to Russian occurs, else "".
//   - Arabic script: "ps" when a Pashto letter (ټ ډ ړ ږ ښ ګ ڼ ې ۍ) occurs,
//     "fa" (Persian/Dari) when a Persian letter (پ چ ژ گ ک ی) occurs, else "ar".
//   - Latin: "en", "fr" or "de" by common words, when at least one word in
//     ten is one of the language's and it has at least twice the hits of the
//     runner-up.
func guessLanguage(text string) string {
	var letters, cyr, arab, latin int
	var tajik, nonRussian, pashto, persian bool
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if letters > 20000 {
			break
		}
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
			lr := unicode.ToLower(r)
			if strings.ContainsRune("ҷӣӯ", lr) {
				tajik = true
			}
			if (lr < 'а' || lr > 'я') && lr != 'ё' {
				nonRussian = true
			}
		case unicode.Is(unicode.Arabic, r):
			arab++
			if strings.ContainsRune("ټډړږښګڼېۍ", r) {
				pashto = true
			}
			if strings.ContainsRune("پچژگکی", r) {
				persian = true
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	switch {
	case letters == 0:
		return ""
	case cyr*2 > letters:
		if tajik {
			return "tg"
		}
		if !nonRussian {
			return "ru"
		}
	case arab*2 > letters:
		if pashto {
			return "ps"
		}
		if persian {
			return "fa"
		}
		return "ar"
	case latin*2 > letters:
		return latinLanguage(text)
	}
	return ""
}

// stopWords are frequent short words that mark a Latin-script language.
var stopWords = map[string]string{
	"the": "en", "and": "en", "of": "en", "to": "en", "in": "en", "is": "en", "was": "en", "that": "en", "with": "en", "for": "en",
	"le": "fr", "la": "fr", "les": "fr", "et": "fr", "des": "fr", "du": "fr", "une": "fr", "est": "fr", "dans": "fr", "pour": "fr",
	"der": "de", "die": "de", "und": "de", "das": "de", "den": "de", "nicht": "de", "mit": "de", "ist": "de", "ein": "de", "sich": "de",
}

// latinLanguage counts stop words in the first 2,000 words.
func latinLanguage(text string) string {
	hits := map[string]int{}
	words := 0
	if len(text) > 40000 {
		text = text[:40000]
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if words > 2000 {
			break
		}
		if lang, ok := stopWords[strings.ToLower(w)]; ok {
			hits[lang]++
		}
	}
	best, bestN, second := "", 0, 0
	for _, lang := range []string{"en", "fr", "de"} {
		switch n := hits[lang]; {
		case n > bestN:
			best, bestN, second = lang, n, bestN
		case n > second:
			second = n
		}
	}
	if bestN*10 < words || bestN < 2*second || bestN == 0 {
		return ""
	}
	return best
}
