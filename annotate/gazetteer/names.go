package gazetteer

import (
	"strings"
	"unicode/utf8"
)

// genericWords are the words for "province", "region", "city of" … that
// province names carry in many languages; dropping them gives the short
// form a text uses ("Вилояти Хатлон" → "Хатлон"). Stored folded.
var genericWords = foldedSet(
	"province", "provinces", "region", "oblast", "oblast'", "oblasty", "viloyat", "viloyati", "velayat",
	"welayat", "wiloyat", "wilayat", "autonomous", "avtonomnaya",
	"область", "вилояти", "вилоят", "велаят", "автономная", "мухтори", "шаҳри", "город",
	"ولایت", "استان", "مختار", "شهر",
)

// ruAdjective are the endings of a Russian adjective made from a place name
// ("Хатлонская область"), folded, Cyrillic and Latin transliteration.
var ruAdjective = []string{"ская", "скии", "скои", "skaya", "skaja", "skiy", "skij", "skoye"}

// splitName splits a raw name that packs several names into one string
// ("Andizhan - Andijon", "Djalal-Abad, Dzhalal-Abadskaya Oblast'"), drops
// the qualifier after an Arabic comma ("ماری، ترکمانستان") and
// parenthesised notes ("Art Khvajeh (1)").
func splitName(s string) []string {
	s = stripParens(s)
	if first, _, ok := strings.Cut(s, "، "); ok { // "ماری، ترکمانستان": a name, then its country
		s = first
	}
	var out []string
	for _, part := range strings.Split(s, " - ") {
		for _, p := range strings.Split(part, ", ") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// stripParens removes every "(…)" from s.
func stripParens(s string) string {
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			return strings.TrimSpace(s)
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			return strings.TrimSpace(s[:i])
		}
		s = strings.TrimSpace(s[:i]) + " " + strings.TrimSpace(s[i+j+1:])
	}
}

// parens returns the texts inside "(…)" in s.
func parens(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			return out
		}
		if in := strings.TrimSpace(s[i+1 : i+j]); in != "" {
			out = append(out, in)
		}
		s = s[i+j+1:]
	}
}

// shortForms returns the forms of a province name without its generic words:
// "Вилояти Хатлон" → "Хатлон"; "Хатлонская область" → "Хатлон";
// "Горно-Бадахшанская автономная область" → "Горно-Бадахшан";
// "Hatlonskaja oblast'" → "Hatlon"; "ولایت کندوز" → "کندوز". The adjective
// "Xийская" reads as the noun "X" (Согдийская → Согд) and "Xйская" as "Xй"
// minus й (Марыйский → Мары).
func shortForms(name string) []string {
	words := strings.Fields(name)
	strip := func(w string) bool { _, ok := genericWords[foldKey(w)]; return ok }
	lo, hi := 0, len(words)
	for lo < hi && strip(words[lo]) {
		lo++
	}
	for hi > lo && strip(words[hi-1]) {
		hi--
	}
	if lo == hi || (lo == 0 && hi == len(words)) {
		return nil
	}
	rest := words[lo:hi]
	last := rest[len(rest)-1]
	for _, end := range ruAdjective {
		stem, ok := cutSuffixFold(last, end)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		rest[len(rest)-1] = adjectiveNoun(stem)
		break
	}
	return []string{strings.Join(rest, " ")}
}

// cutSuffixFold removes suffix from w when w's folded form ends with it
// (suffix given folded); it compares code point by code point from the end,
// which works because the endings fold one to one.
func cutSuffixFold(w, suffix string) (string, bool) {
	rs := []rune(w)
	sf := []rune(suffix)
	if len(rs) <= len(sf) {
		return "", false
	}
	for i := range sf {
		if foldRune(rs[len(rs)-len(sf)+i]) != string(sf[i]) {
			return "", false
		}
	}
	return string(rs[:len(rs)-len(sf)]), true
}

// adjectiveNoun gives the noun an adjective stem comes from:
// "Согдий" → Согд, "Марый" → Мары, "Хатлон" → Хатлон.
func adjectiveNoun(stem string) string {
	for _, end := range []string{"ии", "iy", "ij", "и", "y", "j"} {
		if s, ok := cutSuffixFold(stem, end); ok && utf8.RuneCountInString(s) >= 3 {
			return s
		}
	}
	return stem
}

// foldedSet builds a set of folded keys.
func foldedSet(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[foldKey(w)] = struct{}{}
	}
	return m
}

// appendNames appends the names of raw (split and stripped) to dst unless
// already present (compared exactly).
func appendNames(dst []string, raw ...string) []string {
	for _, r := range raw {
		for _, n := range splitName(r) {
			dst = appendUnique(dst, n)
		}
	}
	return dst
}

func appendUnique(dst []string, s string) []string {
	if s == "" {
		return dst
	}
	for _, d := range dst {
		if d == s {
			return dst
		}
	}
	return append(dst, s)
}
