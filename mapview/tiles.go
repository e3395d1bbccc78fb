package mapview

import (
	"sync/atomic"

	"fyne.io/fyne/v2"

	"eventatlas/mapview/tiles"
)

// tileLayer is the map's optional online tile background.
type tileLayer struct {
	fetcher   *tiles.Fetcher
	opt       tiles.Options // tests point the cache elsewhere
	scheduled atomic.Bool   // a redraw for arrived tiles is queued
	arrived   uint64        // tiles that have arrived, counted on the UI goroutine
	do        func(func())  // runs on the UI goroutine; fyne.Do unless a test sets it
}

// generation changes whenever tiles arrive or the layer changes.
func (l *tileLayer) generation() uint64 { return l.arrived }

// SetTiles shows raster tiles from src under the borders and labels, or
// turns them off when src is nil. Tiles are cached on disk (in the user's
// cache directory) and downloaded a few at a time in the background; the map
// redraws as they arrive and stays calm when the server cannot be reached.
// An invalid source turns the tiles off and returns the reason.
func (m *Map) SetTiles(src *tiles.Source) error {
	l := &m.tiles
	if l.fetcher != nil {
		l.fetcher.Close()
		l.fetcher = nil
	}
	l.arrived++
	if src == nil {
		m.engine.SetBackdrop(nil)
		m.Refresh()
		return nil
	}
	opt := l.opt
	opt.OnLoaded = m.tileArrived
	f, err := tiles.NewFetcher(*src, opt)
	if err != nil {
		m.engine.SetBackdrop(nil)
		m.Refresh()
		return err
	}
	l.fetcher = f
	m.engine.SetBackdrop(tiles.NewBackdrop(f))
	m.Refresh()
	return nil
}

// Tiles returns the tile source shown, nil when tiles are off.
func (m *Map) Tiles() *tiles.Source {
	if m.tiles.fetcher == nil {
		return nil
	}
	s := m.tiles.fetcher.Source()
	return &s
}

// tileArrived runs on a fetcher goroutine: it queues one redraw for any
// number of tiles arriving together.
func (m *Map) tileArrived() {
	if m.tiles.scheduled.Swap(true) {
		return
	}
	do := m.tiles.do
	if do == nil {
		do = fyne.Do
	}
	do(func() {
		m.tiles.scheduled.Store(false)
		m.tiles.arrived++
		m.Refresh()
	})
}
