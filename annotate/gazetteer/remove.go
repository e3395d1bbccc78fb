package gazetteer

import "strings"

// Remove forgets the place of an ID (a user place deleted, or one from a
// project closed); Match, Suggest and Search stop offering it at once. It
// reports whether there was such a place. The other places keep their order.
func (g *Gazetteer) Remove(id string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	idx, ok := g.byID[id]
	if !ok {
		return false
	}
	for _, k := range g.keys[idx] {
		g.root.remove(strings.Fields(k), idx)
	}
	delete(g.byID, id)
	g.places = append(g.places[:idx], g.places[idx+1:]...)
	g.keys = append(g.keys[:idx], g.keys[idx+1:]...)
	g.folded = append(g.folded[:idx], g.folded[idx+1:]...)
	for i := idx; i < len(g.places); i++ {
		g.byID[g.places[i].ID] = i
	}
	g.root.shift(idx)
	return true
}

// shift lowers by one every place index above idx in the trie under n, after
// the place at idx was removed.
func (n *node) shift(idx int) {
	for i, p := range n.places {
		if p > idx {
			n.places[i] = p - 1
		}
	}
	for _, c := range n.next {
		c.shift(idx)
	}
}
