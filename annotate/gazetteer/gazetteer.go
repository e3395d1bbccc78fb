// Package gazetteer finds the places a text names and offers them for an
// event: it holds the base map's countries, provinces, populated places and
// border crossings (FromBaseMap) plus places users add, matches their names
// and variants in every script in running text (Match), suggests places for
// a selection (Suggest) and completes typed names (Search). It imports no GUI.
package gazetteer

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"eventatlas/annotate"
)

// Gazetteer is a searchable set of places. It is safe for concurrent use:
// Add may run while other goroutines call Match, Suggest or Search.
type Gazetteer struct {
	mu     sync.RWMutex
	places []annotate.Place
	byID   map[string]int
	keys   [][]string // per place: the folded names indexed in root
	folded [][]string // per place: every folded name, for Search
	root   *node      // trie over folded words
}

// node is a trie node: one folded word per edge; a name ends where places
// (or a blocker) are recorded.
type node struct {
	next    map[string]*node
	places  []int // indexes into Gazetteer.places, no repeats
	needCap bool  // the name is an everyday word: report it only capitalised
	blocker bool  // the phrase names something else: skip it
}

// New returns a gazetteer of places. Each place is found by its Name and
// Names; a later place with an ID already seen replaces the earlier one.
func New(places []annotate.Place) *Gazetteer {
	g := &Gazetteer{byID: make(map[string]int, len(places)), root: &node{}}
	for _, b := range blockers {
		n := g.root.walk(strings.Fields(foldKey(b)), true)
		n.blocker = true
	}
	for _, p := range places {
		g.add(p)
	}
	return g
}

// Add adds a place (one a user drew, say) or, when its ID is known,
// replaces the place of that ID; Match, Suggest and Search see it at once.
func (g *Gazetteer) Add(p annotate.Place) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.add(p)
}

func (g *Gazetteer) add(p annotate.Place) {
	names := appendUnique(nil, p.Name) // Name first, as annotate.Place documents
	for _, n := range p.Names {
		names = appendUnique(names, n)
	}
	p.Names = names
	idx, ok := g.byID[p.ID]
	if ok {
		for _, k := range g.keys[idx] {
			g.root.remove(strings.Fields(k), idx)
		}
		g.places[idx] = p
	} else {
		idx = len(g.places)
		g.byID[p.ID] = idx
		g.places = append(g.places, p)
		g.keys = append(g.keys, nil)
		g.folded = append(g.folded, nil)
	}
	var keys, folded []string
	for _, name := range p.Names {
		k := foldKey(name)
		if k == "" {
			continue
		}
		folded = appendUnique(folded, k)
		if !matchable(k) {
			continue
		}
		n := g.root.walk(strings.Fields(k), true)
		if !containsInt(n.places, idx) {
			n.places = append(n.places, idx)
			keys = append(keys, k)
		}
		n.needCap = needsCapital(k)
	}
	g.keys[idx], g.folded[idx] = keys, folded
}

// matchable reports whether Match should look for the folded name k.
func matchable(k string) bool {
	if _, never := neverMatch[k]; never {
		return false
	}
	letters := 0
	for _, r := range k {
		if r != ' ' {
			letters++
		}
	}
	return letters >= minLetters
}

// needsCapital reports whether the folded name k must be capitalised in a
// text to count: everyday words, and three-letter names in a cased script.
func needsCapital(k string) bool {
	if _, ok := needCapital[k]; ok {
		return true
	}
	r, _ := utf8.DecodeRuneInString(k)
	return !strings.Contains(k, " ") && utf8.RuneCountInString(k) <= minLetters && unicode.IsLower(r)
}

// Place returns the place of an ID.
func (g *Gazetteer) Place(id string) (annotate.Place, bool) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	i, ok := g.byID[id]
	if !ok {
		return annotate.Place{}, false
	}
	return g.places[i], true
}

// All returns every place, in the order they were first added.
func (g *Gazetteer) All() []annotate.Place {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return append([]annotate.Place(nil), g.places...)
}

// Len is the number of places.
func (g *Gazetteer) Len() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return len(g.places)
}

// walk follows words from n, creating missing nodes when create is set; it
// returns nil when a word is missing and create is not set.
func (n *node) walk(words []string, create bool) *node {
	for _, w := range words {
		c := n.next[w]
		if c == nil {
			if !create {
				return nil
			}
			if n.next == nil {
				n.next = map[string]*node{}
			}
			c = &node{}
			n.next[w] = c
		}
		n = c
	}
	return n
}

func (n *node) remove(words []string, idx int) {
	if m := n.walk(words, false); m != nil {
		out := m.places[:0]
		for _, p := range m.places {
			if p != idx {
				out = append(out, p)
			}
		}
		m.places = out
	}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Capital returns the capital of country (a city of rank 0), where ACLED
// places an event known only to its country.
func (g *Gazetteer) Capital(country string) (annotate.Place, bool) {
	for _, p := range g.places {
		if p.Kind == annotate.KindCity && p.Rank == 0 && p.Country == country {
			return p, true
		}
	}
	return annotate.Place{}, false
}
