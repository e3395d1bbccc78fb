package gazetteer

import (
	"sort"
	"strings"
)

// demonymStems begin the words that make the place name after them say
// whose citizens someone is, not where something happened ("citizens of
// Afghanistan", "граждан Афганистана", "уроженец Кундуза", "اتباع
// افغانستان", "шаҳрвандони Афғонистон"), folded.
var demonymStems = []string{
	"citizen", "national", "native", "subject",
	foldKey("граждан"), foldKey("уроженц"), foldKey("уроженец"), foldKey("выходц"), foldKey("выходец"), foldKey("подданн"),
	foldKey("шаҳрванд"), foldKey("шахрванд"),
	foldKey("اتباع"), foldKey("تبعه"), foldKey("تبعه\u200cی"), foldKey("شهروند"),
}

// demonymLinks may stand between such a word and the name ("citizens of",
// "граждане из"), folded.
var demonymLinks = foldedSet("of", "from", "из", "аз", "از")

// isDemonym reports whether the place name starting at code point start is
// led by a citizenship word (see demonymStems), possibly through a link
// word ("of").
func isDemonym(toks []token, start int) bool {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= start })
	if i == len(toks) || toks[i].start != start {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		w := toks[k].key
		if k == i-1 {
			if _, link := demonymLinks[w]; link {
				continue
			}
		}
		for _, s := range demonymStems {
			if strings.HasPrefix(w, s) {
				return true
			}
		}
		return false
	}
	return false
}
