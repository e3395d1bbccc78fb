package tiles

import (
	"container/list"
	"image"
)

// lru keeps the most recently used decoded tiles.
type lru struct {
	max   int
	order *list.List // front: most recent; values are *lruEntry
	items map[Tile]*list.Element
}

type lruEntry struct {
	t   Tile
	img image.Image
}

func newLRU(max int) *lru {
	return &lru{max: max, order: list.New(), items: map[Tile]*list.Element{}}
}

// get returns t's image and marks it used.
func (c *lru) get(t Tile) (image.Image, bool) {
	e, ok := c.items[t]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruEntry).img, true
}

// put stores t's image, evicting the least recently used beyond max.
func (c *lru) put(t Tile, img image.Image) {
	if e, ok := c.items[t]; ok {
		e.Value.(*lruEntry).img = img
		c.order.MoveToFront(e)
		return
	}
	c.items[t] = c.order.PushFront(&lruEntry{t, img})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*lruEntry).t)
	}
}
