package gazetteer

import (
	"reflect"
	"sync"
	"testing"

	"eventatlas/annotate"

	"github.com/paulmach/orb"
)

func TestNewAddPlaceAll(t *testing.T) {
	g := New([]annotate.Place{
		{ID: "a", Name: "Alpha Camp", Names: []string{"Лагерь Альфа", "Alpha Camp"}, Kind: annotate.KindUser},
		{ID: "b", Name: "Beta Post", Kind: annotate.KindUser},
	})
	if g.Len() != 2 {
		t.Fatalf("Len = %d", g.Len())
	}
	a, ok := g.Place("a")
	if !ok || !reflect.DeepEqual(a.Names, []string{"Alpha Camp", "Лагерь Альфа"}) {
		t.Errorf("Place(a) = %+v, %v: want Name first and no repeats", a, ok)
	}
	if _, ok := g.Place("zzz"); ok {
		t.Error("Place of an unknown id found")
	}
	if ms := g.Match("возле Лагеря Альфа"); len(ms) != 1 || ms[0].Candidates[0].ID != "a" || ms[0].Start != 6 || ms[0].End != 18 {
		t.Errorf("Match of a user place in Russian: %s", describe(ms))
	}

	// Add a new place: matched at once.
	g.Add(annotate.Place{ID: "c", Name: "Gamma Ford", Kind: annotate.KindUser, Point: orb.Point{69, 37}})
	if ms := g.Match("the Gamma Ford"); len(ms) != 1 || ms[0].Candidates[0].ID != "c" {
		t.Errorf("added place not matched: %s", describe(ms))
	}
	// Add with a known ID replaces: the old name is forgotten.
	g.Add(annotate.Place{ID: "b", Name: "Delta Post", Kind: annotate.KindUser})
	if ms := g.Match("Beta Post and Delta Post"); len(ms) != 1 || ms[0].Text != "Delta Post" {
		t.Errorf("after replacing b: %s", describe(ms))
	}
	var order []string
	for _, p := range g.All() {
		order = append(order, p.ID+"="+p.Name)
	}
	if want := []string{"a=Alpha Camp", "b=Delta Post", "c=Gamma Ford"}; !reflect.DeepEqual(order, want) {
		t.Errorf("All = %v, want %v", order, want)
	}
	if got := placeIDs(g.Search("post", 0)); !reflect.DeepEqual(got, []string{"b"}) {
		t.Errorf("Search after replace = %v", got)
	}
}

func TestUserPlaceOrder(t *testing.T) {
	// A user place named like a base-map place comes right after a province
	// seat and before provinces and lesser towns.
	g := New([]annotate.Place{
		{ID: "prov", Name: "Kunduz", Kind: annotate.KindProvince, Rank: 1},
		{ID: "town", Name: "Kunduz", Kind: annotate.KindCity, Rank: 4, Population: 10},
		{ID: "user", Name: "Kunduz", Kind: annotate.KindUser},
		{ID: "seat", Name: "Kunduz", Kind: annotate.KindCity, Rank: 1, Population: 100000},
	})
	ms := g.Match("Kunduz")
	if len(ms) != 1 || ids(ms[0].Candidates) != "user seat prov town" {
		t.Errorf("order: %s", describe(ms))
	}
}

func TestConcurrentAddAndMatch(t *testing.T) {
	g := New(nil)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			g.Add(annotate.Place{ID: string(rune('a' + i)), Name: "Camp " + string(rune('A'+i)), Kind: annotate.KindUser})
		}()
		go func() {
			defer wg.Done()
			g.Match("Camp A and Camp B")
			g.Search("camp", 3)
		}()
	}
	wg.Wait()
	if ms := g.Match("Camp A, Camp B, Camp C, Camp D"); len(ms) != 4 {
		t.Errorf("after concurrent adds: %s", describe(ms))
	}
}
