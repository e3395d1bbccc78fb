package gazetteer

import (
	"sort"
	"unicode/utf8"

	"eventatlas/annotate"
)

// Match is a place name found in a text.
type Match struct {
	Start, End int              // code points [Start, End) of the original text
	Text       string           // the text at [Start, End), as written
	Candidates []annotate.Place // the places of that name, best first
}

// Match finds every place name of the gazetteer in text, in any script and
// spelling the data knows (Kunduz, Kondoz, Qunduz, Кундуз, کندز), ignoring
// case and diacritics (see Fold). Rules:
//   - whole words only: "Kunduzi" is no match, while "Tajikistan’s",
//     "Kunduz-based" and the Russian cases "в Кундузе", "Хатлонской области"
//     match (Russian endings count only when the first word is capitalised);
//   - where names overlap the longest wins ("Mazar-i-Sharif", not "Mazar"),
//     and the words of one name may be parted only by spaces or dashes;
//   - names shorter than three letters are never matched; everyday words
//     (see needCapital) and three-letter names only when capitalised, not in
//     capitals (DIR, POP) and not the first word of a sentence ("Bay
//     leaves …"); a name next to "river"
//     ("the Varzob river", "река Пяндж") names a river and is skipped, and so
//     is a town named after its river when written "the Panj"; a few
//     names that are nearly always something else (see neverMatch) and
//     outlets named after a country ("Afghanistan International") never.
//
// Candidates are ordered by kind, then Rank, then population: countries,
// then the capital and province seats (PPLC, PPLA) and user places, then
// provinces, then lesser towns, then crossings. So "Kunduz" offers the city
// (a province seat) before the province, and "Balkh" the province before the
// small town. The words around the name overturn that: a province word next
// to it ("Kunduz province", "Khatlon region", "province of", "governor of",
// "провинции", "ولایت") puts provinces first; a town word ("Kunduz city",
// "city of", "город", "شهر") puts cities first; a bridge word ("Panji Poyon
// crossing", "bridge", "мост", "پل") puts border crossings first.
//
// Matches come in text order and never overlap.
func (g *Gazetteer) Match(text string) []Match {
	rs := []rune(text)
	toks := tokenize(rs)
	g.mu.RLock()
	defer g.mu.RUnlock()
	var out []Match
	for i := 0; i < len(toks); {
		end, n := g.longest(toks, i)
		if n == nil {
			i++
			continue
		}
		if len(n.places) > 0 && !nearRiverWord(toks, i, end) {
			out = append(out, Match{
				Start:      toks[i].start,
				End:        toks[end].end,
				Text:       string(rs[toks[i].start:toks[end].end]),
				Candidates: g.order(n.places, toks, i, end),
			})
		}
		i = end + 1
	}
	return out
}

// state is a position in the trie while reading words; stem says the first
// word matched only after removing a Russian case ending.
type state struct {
	n    *node
	stem bool
}

// longest returns the last token and trie node of the longest name (or
// blocker) that starts at token i, or nil.
func (g *Gazetteer) longest(toks []token, i int) (int, *node) {
	cur := step(nil, []state{{n: g.root}}, toks[i], true)
	bestEnd, best := -1, (*node)(nil)
	for j := i; len(cur) > 0; j++ {
		for _, s := range cur {
			if len(s.n.places) == 0 && !s.n.blocker {
				continue
			}
			if s.stem && !toks[i].upper || s.n.needCap && (!toks[i].upper || toks[i].sentStart || toks[i].allCaps) {
				continue
			}
			bestEnd, best = j, s.n
			break
		}
		if j+1 >= len(toks) || !toks[j+1].joined {
			break
		}
		cur = step(nil, cur, toks[j+1], false)
	}
	return bestEnd, best
}

// step advances every state by one word: its folded form and, for Russian
// words, the forms without a case ending. It appends to dst.
func step(dst, from []state, t token, first bool) []state {
	var stems []string
	if t.cyr && (!first || t.upper) {
		stems = ruStems(t.key)
	}
	for _, s := range from {
		if s.n.next == nil {
			continue
		}
		if c := s.n.next[t.key]; c != nil {
			dst = append(dst, state{n: c, stem: s.stem})
		}
		for _, k := range stems {
			if c := s.n.next[k]; c != nil {
				dst = append(dst, state{n: c, stem: s.stem || first})
			}
		}
	}
	return dst
}

// Russian case endings (folded: й reads и), and what the base form may end
// in once the ending is gone.
var (
	ruNounEndings = foldAll("ами", "ями", "ом", "ем", "ой", "ей", "ам", "ям", "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и")
	ruNounBases   = foldAll("", "а", "я", "ь", "й")
	ruAdjEndings  = foldAll("ого", "его", "ому", "ему", "ыми", "ими", "ым", "им", "ом", "ем", "ой", "ей", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их")
	ruAdjBases    = foldAll("ый", "ий", "ая", "ое", "ой")
)

func foldAll(ss ...string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		for _, r := range s {
			out[i] += foldRune(r)
		}
	}
	return out
}

// ruStems returns the forms a folded Russian word may have in the
// nominative: "кундузе" → кундуз, кундуза, …; "хатлонскои" → хатлонская, ….
func ruStems(key string) []string {
	n := utf8.RuneCountInString(key)
	if n < 4 {
		return nil
	}
	var out []string
	add := func(endings, bases []string) {
		for _, e := range endings {
			if len(key) <= len(e) || key[len(key)-len(e):] != e {
				continue
			}
			base := key[:len(key)-len(e)]
			if utf8.RuneCountInString(base) < 3 {
				continue
			}
			for _, b := range bases {
				if s := base + b; s != key {
					out = append(out, s)
				}
			}
		}
	}
	add(ruNounEndings, ruNounBases)
	add(ruAdjEndings, ruAdjBases)
	return out
}

// riverWords name a river; a place name next to one names the river
// (the Varzob river, река Пяндж), which the gazetteer does not hold.
var riverWords = foldedSet("river", "rivers", "darya", "daryo", "река", "реки", "реке", "рекой", "рекою", "دریا", "دریای", "رود", "رودخانه")

// riverNames are towns named after the river they stand on; "the Panj",
// with the article and no place word after it, is the river.
var riverNames = foldedSet("panj", "pyandzh", "vakhsh", "varzob", "kokcha", "kofarnihon", "kafirnigan", "zarafshan", "murghab")

// placeWords after a name say it is a place, not a river ("the Panj district").
var placeWords = foldedSet("district", "districts", "town", "city", "village", "province", "region", "crossing", "bridge", "border", "port", "checkpoint", "market", "airport")

func nearRiverWord(toks []token, i, j int) bool {
	next := ""
	if j+1 < len(toks) && toks[j+1].joined {
		next = toks[j+1].key
	}
	if _, ok := riverWords[next]; ok {
		return true
	}
	if i == 0 || !toks[i].joined {
		return false
	}
	if _, ok := riverWords[toks[i-1].key]; ok {
		return true
	}
	if i != j || toks[i-1].key != "the" {
		return false
	}
	_, river := riverNames[toks[i].key]
	_, place := placeWords[next]
	return river && !place
}

// Candidate order: see Match.
func tier(p annotate.Place) int {
	switch p.Kind {
	case annotate.KindCountry:
		return 0
	case annotate.KindCity:
		if p.Rank <= 1 {
			return 1
		}
		return 3
	case annotate.KindUser:
		return 1
	case annotate.KindProvince:
		return 2
	}
	return 4
}

func better(a, b annotate.Place) bool {
	if ta, tb := tier(a), tier(b); ta != tb {
		return ta < tb
	}
	if a.Rank != b.Rank {
		return a.Rank < b.Rank
	}
	if a.Population != b.Population {
		return a.Population > b.Population
	}
	return a.ID < b.ID
}

// Context words that say which kind of place a name means, folded.
var (
	provinceAfter  = foldedSet("province", "provinces", "region", "oblast", "viloyat", "velayat", "wilayat", "область", "области", "областью", "провинция", "провинции", "провинцию", "вилоят")
	provinceBefore = foldedSet("province", "провинции", "провинция", "провинцию", "провинцией", "вилояти", "губернатор", "губернатора", "губернатором", "ولایت", "استان", "والی")
	provinceOf     = foldedSet("province", "provinces", "region", "governor", "governors", "governorate")
	cityAfter      = foldedSet("city", "town", "village", "airport", "аэропорт")
	cityBefore     = foldedSet("city", "town", "village", "город", "города", "городе", "городом", "шахри", "شهر", "شهرستان")
	cityOf         = foldedSet("city", "town", "village", "outskirts")
	crossingAfter  = foldedSet("bridge", "crossing", "checkpoint", "border", "мост", "моста", "мосту", "переход", "перехода", "пункт", "кпп")
	crossingBefore = foldedSet("мост", "моста", "мосту", "мостом", "переход", "пункт", "кпп", "پل", "گذرگاه", "بندر")
	wordOf         = foldKey("of")
)

type cue int

const (
	cueNone cue = iota
	cueProvince
	cueCity
	cueCrossing
)

// contextCue reads the word after the name and the one or two before it.
func contextCue(toks []token, i, j int) cue {
	has := func(set map[string]struct{}, k int) bool {
		if k < 0 || k >= len(toks) {
			return false
		}
		_, ok := set[toks[k].key]
		return ok
	}
	after := j+1 < len(toks) && toks[j+1].joined
	before := i > 0 && toks[i].joined
	before2 := before && i > 1 && toks[i-1].key == wordOf && toks[i-1].joined
	switch {
	case after && has(provinceAfter, j+1), before && has(provinceBefore, i-1), before2 && has(provinceOf, i-2):
		return cueProvince
	case after && has(cityAfter, j+1), before && has(cityBefore, i-1), before2 && has(cityOf, i-2):
		return cueCity
	case after && has(crossingAfter, j+1), before && has(crossingBefore, i-1):
		return cueCrossing
	}
	return cueNone
}

// order returns the places of idx best first for the name at tokens [i, j].
func (g *Gazetteer) order(idx []int, toks []token, i, j int) []annotate.Place {
	ps := make([]annotate.Place, len(idx))
	for k, x := range idx {
		ps[k] = g.places[x]
	}
	sort.Slice(ps, func(a, b int) bool { return better(ps[a], ps[b]) })
	var kind annotate.PlaceKind
	switch contextCue(toks, i, j) {
	case cueProvince:
		kind = annotate.KindProvince
	case cueCity:
		kind = annotate.KindCity
	case cueCrossing:
		kind = annotate.KindCrossing
	default:
		return ps
	}
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].Kind == kind && ps[b].Kind != kind })
	return ps
}
