package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Folding makes names comparable across case, diacritics and the spelling
// variants of the Arabic and Cyrillic scripts: each code point is decomposed
// (NFD), its combining marks (Mn) are dropped and the rest is lower-cased;
// then a few letters are mapped to one form:
//   - Arabic script: Arabic yeh, alef maksura and the Pashto/Urdu yehs → Persian yeh ی;
//     Arabic kaf → keheh ک; teh marbuta, heh goal, heh doachashmee, ae → heh ه;
//     the Pashto letters with a ring or dot (ټ ډ ړ ږ ښ ګ) and the Urdu retroflexes
//     (ٹ ڈ ڑ) → their Persian base; noon ghunna ں → ن; tatweel and a lone hamza vanish.
//   - Cyrillic: the Tajik, Uzbek and Kazakh letters ҳ қ ғ ҷ ң ү ұ ө ә і һ → the Russian
//     letter they are typed as on a Russian keyboard (й and ё lose their marks by NFD).
//   - Latin: dotless ı, ł, ø, đ, ħ, ə, ƣ, ß, æ, œ → their plain ASCII spelling.
//
// Folding works one code point at a time, so every folded character can be
// traced back to the code point of the original text it came from.
var foldMap = map[rune]string{
	// Arabic script
	'ي': "ی", 'ى': "ی", 'ې': "ی", 'ۍ': "ی", 'ے': "ی", 'ۓ': "ی", 'ئ': "ی",
	'ك': "ک", 'ة': "ه", 'ۀ': "ه", 'ہ': "ه", 'ۂ': "ه", 'ھ': "ه", 'ە': "ه",
	'ٱ': "ا", 'ټ': "ت", 'ٹ': "ت", 'ډ': "د", 'ڈ': "د", 'ړ': "ر", 'ڑ': "ر",
	'ږ': "ژ", 'ښ': "ش", 'ګ': "گ", 'ں': "ن", 'ـ': "", 'ء': "",
	// Cyrillic letters of Central Asian alphabets
	'ҳ': "х", 'қ': "к", 'ғ': "г", 'ҷ': "ч", 'ң': "н", 'ү': "у", 'ұ': "у",
	'ө': "о", 'ә': "а", 'і': "и", 'һ': "х",
	// Latin
	'ı': "i", 'ł': "l", 'ø': "o", 'đ': "d", 'ħ': "h", 'ə': "e", 'ƣ': "g",
	'ß': "ss", 'æ': "ae", 'œ': "oe",
	// joiners inside Persian words
	'\u200c': "", '\u200d': "",
}

// foldTable caches the folding of the code points below foldTableSize (Latin,
// Cyrillic, Arabic), so the hot loop needs no normalisation calls.
const foldTableSize = 0x800

// It is built by a variable initialiser (not init) so that the package's
// folded word lists, which are initialised before any init runs, see it.
var foldTable = buildFoldTable()

func buildFoldTable() *[foldTableSize]string {
	var t [foldTableSize]string
	for r := rune(0); r < foldTableSize; r++ {
		t[r] = foldSlow(r)
	}
	return &t
}

// foldRune returns the folded form of one code point: zero, one or a few
// code points.
func foldRune(r rune) string {
	if r >= 0 && r < foldTableSize {
		return foldTable[r]
	}
	return foldSlow(r)
}

func foldSlow(r rune) string {
	if !utf8.ValidRune(r) {
		return ""
	}
	if s, ok := foldMap[r]; ok {
		return s
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		d = unicode.ToLower(d)
		if s, ok := foldMap[d]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteRune(d)
	}
	return b.String()
}

// isApostrophe reports whether r is one of the characters used as an
// apostrophe (straight, typographic, modifier letters, backtick, acute).
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʹ', '`', '´', '′', 'ʿ', 'ʾ':
		return true
	}
	return false
}

// isWordRune reports whether r belongs inside a word: letters, digits,
// combining marks and the zero-width joiners of Persian.
func isWordRune(r rune) bool {
	if isApostrophe(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d'
}

// isJoinSpace reports whether r may stand between two words of one name:
// spaces (not line breaks) and hyphens or dashes.
func isJoinSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || unicode.Is(unicode.Pd, r)
}

func isCyrillic(r rune) bool { return r >= 0x400 && r <= 0x52F }

// token is one word of a text: where it stands in the original (code
// points) and its folded form.
type token struct {
	start, end int    // code points [start, end) in the original text
	key        string // folded form
	upper      bool   // the first letter is not lower case (upper, title, or a script without case)
	cyr        bool   // written in Cyrillic: Russian case endings apply
	joined     bool   // only spaces or hyphens separate it from the previous token
	sentStart  bool   // first word of the text, a line or a sentence
	allCaps    bool   // two letters or more, all upper case (DIR, KUNDUZ)
}

// tokenize splits text into words and folds each one. Words are runs of
// letters, digits and marks; an apostrophe between two letters stays inside
// the word (Farg'ona) unless it starts the English possessive "'s", which
// ends the word (Tajikistan’s → Tajikistan).
func tokenize(rs []rune) []token {
	toks := make([]token, 0, len(rs)/6+1)
	var key strings.Builder
	in, joinable, boundary := false, false, true
	var cur token
	lastWord, lower, uppers := 0, false, 0
	finish := func(end int) {
		if key.Len() > 0 {
			cur.end = end
			cur.allCaps = !lower && uppers >= 2
			cur.key = key.String()
			toks = append(toks, cur)
		}
		key.Reset()
		in = false
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if isWordRune(r) {
			if !in {
				in = true
				cur = token{start: i, upper: !unicode.IsLower(r), joined: joinable && len(toks) > 0, sentStart: boundary}
				boundary, lower, uppers = false, false, 0
			}
			if unicode.IsLower(r) {
				lower = true
			} else if unicode.IsUpper(r) {
				uppers++
			}
			if isCyrillic(r) {
				cur.cyr = true
			}
			if r < 0x80 {
				key.WriteRune(unicode.ToLower(r))
			} else {
				key.WriteString(foldRune(r))
			}
			lastWord = i + 1
			continue
		}
		if in && isApostrophe(r) && i+1 < len(rs) && isWordRune(rs[i+1]) {
			if (rs[i+1] == 's' || rs[i+1] == 'S') && (i+2 == len(rs) || !isWordRune(rs[i+2])) {
				finish(lastWord)
				i++ // skip the s of the possessive
				joinable = false
				continue
			}
			continue // apostrophe inside a word: dropped from the key
		}
		if in {
			finish(lastWord)
			joinable = true
		}
		if !isJoinSpace(r) {
			joinable = false
		}
		switch r {
		case '.', '!', '?', '\n', '…', '؟', '۔':
			boundary = true
		}
	}
	if in {
		finish(lastWord)
	}
	return toks
}

// foldKey folds a name or query into its space-separated folded words.
func foldKey(s string) string {
	toks := tokenize([]rune(s))
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.key
	}
	return strings.Join(keys, " ")
}

// Fold returns s folded the way the gazetteer compares names: lower case,
// without diacritics, Arabic-script and Cyrillic variants unified, words
// separated by one space and punctuation dropped. Fold("Mazār-e Sharīf") is
// "mazar e sharif".
func Fold(s string) string { return foldKey(s) }
