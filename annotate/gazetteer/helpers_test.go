package gazetteer

import (
	"sync"
	"testing"

	"eventatlas/assets"
)

var (
	baseOnce sync.Once
	base     *Gazetteer
	baseErr  error
)

// baseGazetteer builds the base map's gazetteer once for all tests. Tests
// must not Add to it.
func baseGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	baseOnce.Do(func() {
		bm, err := assets.LoadBaseMap()
		if err != nil {
			baseErr = err
			return
		}
		base, baseErr = FromBaseMap(bm)
	})
	if baseErr != nil {
		t.Fatal(baseErr)
	}
	return base
}
