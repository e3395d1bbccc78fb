package workbench

import (
	"fmt"
	"sort"
	"strings"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
)

// seedActors start a project's actor registry: the parties and named
// officials of the region's news (and of the sample article).
var seedActors = []annotate.Actor{
	// One actor for the Taliban and the government they have formed since
	// August 2021 (ACLED's "Government of Afghanistan (2021-)"): two would
	// split the same party's events between two names in every filter.
	{Name: "Taliban", Aliases: []string{"Government of Afghanistan (2021-)", "Taliban administration", "Islamic Emirate of Afghanistan"},
		Country: "Afghanistan", Kind: "state"},
	{Name: "Government of Tajikistan", Aliases: []string{"Tajik government"}, Country: "Tajikistan", Kind: "state"},
	{Name: "Yousuf Wafa", Aliases: []string{"Yusuf Wafa"}, Country: "Afghanistan", Kind: "person"},
	{Name: "Mohammad Khan", Country: "Afghanistan", Kind: "person"},
	{Name: "Fayzollahzoda", Country: "Tajikistan", Kind: "person"},
	{Name: "Saimumin Yatimov", Country: "Tajikistan", Kind: "person"},
	{Name: "Emomali Rahmon", Aliases: []string{"Rahmon"}, Country: "Tajikistan", Kind: "person"},
	{Name: "Hibatullah Akhundzada", Aliases: []string{"Haibatullah Akhundzada"}, Country: "Afghanistan", Kind: "person"},
}

// actorRegistry returns the project's actors, read once per project and
// seeded with seedActors the first time it is found empty.
func (wb *Workbench) actorRegistry() []annotate.Actor {
	if wb.actorsLoaded {
		return wb.actors
	}
	actors, err := wb.project.Actors()
	if err != nil {
		wb.status.setMessage("cannot read the actor registry: " + err.Error())
		return nil
	}
	if len(actors) == 0 {
		for _, a := range seedActors {
			a.Aliases = append([]string(nil), a.Aliases...)
			if err := wb.project.SaveActor(&a); err != nil {
				wb.status.setMessage("cannot seed the actor registry: " + err.Error())
				break
			}
			actors = append(actors, a)
		}
		sort.Slice(actors, func(i, j int) bool { return actors[i].Name < actors[j].Name })
	}
	wb.actors, wb.actorsLoaded = actors, true
	return actors
}

// addActor saves a new actor typed in place and returns it.
func (wb *Workbench) addActor(name string) (annotate.Actor, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return annotate.Actor{}, fmt.Errorf("type the actor's name")
	}
	a := annotate.Actor{Name: name}
	a.Country, a.Kind = guessActor(name)
	if err := wb.project.SaveActor(&a); err != nil {
		return annotate.Actor{}, err
	}
	wb.actors = append(wb.actorRegistry(), a)
	sort.Slice(wb.actors, func(i, j int) bool { return wb.actors[i].Name < wb.actors[j].Name })
	return a, nil
}

// matchQuality ranks how well the folded query q matches one of names: 0 the
// whole name, 1 its start, 2 the start of a word, 3 anywhere, 4 not at all.
func matchQuality(q string, names ...string) int {
	best := 4
	for _, n := range names {
		f := gazetteer.Fold(n)
		switch {
		case f == q:
			return 0
		case strings.HasPrefix(f, q):
			best = min(best, 1)
		case strings.Contains(f, " "+q):
			best = min(best, 2)
		case strings.Contains(f, q):
			best = min(best, 3)
		}
	}
	return best
}

// searchActors returns the actors whose name or an alias matches query,
// best match first; an empty query returns them all.
func searchActors(registry []annotate.Actor, query string) []annotate.Actor {
	q := gazetteer.Fold(query)
	type hit struct {
		q int
		a annotate.Actor
	}
	var hits []hit
	for _, a := range registry {
		// a match on the name ranks before the same match on an alias
		k := 2 * matchQuality(q, a.Name)
		if ka := 2*matchQuality(q, a.Aliases...) + 1; ka < k {
			k = ka
		}
		if q == "" || k < 8 {
			hits = append(hits, hit{k, a})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].q < hits[j].q })
	out := make([]annotate.Actor, len(hits))
	for i, h := range hits {
		out[i] = h.a
	}
	return out
}

// nextRole is the role a newly added actor takes: actor 1, then actor 2,
// then associated.
func nextRole(actors []annotate.ActorRole) string {
	has := map[string]bool{}
	for _, a := range actors {
		has[a.Role] = true
	}
	switch {
	case !has["actor1"]:
		return "actor1"
	case !has["actor2"]:
		return "actor2"
	}
	return "associated"
}

// roleShort names a role on an actor chip: "1", "2" or "assoc.".
func roleShort(role string) string {
	switch role {
	case "actor1":
		return "1"
	case "actor2":
		return "2"
	}
	return "assoc."
}

// roleLabel names a role for the form: "actor 1", "actor 2" or "associated".
func roleLabel(role string) string {
	switch role {
	case "actor1":
		return "actor 1"
	case "actor2":
		return "actor 2"
	}
	return "associated"
}
