package workbench

import (
	"strings"

	"eventatlas/annotate/gazetteer"
)

// actorCountries are the region's countries with the words that name them
// in an actor's name: the country, its adjective and its people.
var actorCountries = []struct {
	country string
	words   []string
}{
	{"Afghanistan", []string{"afghanistan", "afghan", "афганистан", "афганск", "افغانستان"}},
	{"Tajikistan", []string{"tajikistan", "tajik", "таджикистан", "таджикск", "тоҷикистон", "تاجیکستان"}},
	{"Uzbekistan", []string{"uzbekistan", "uzbek", "узбекистан", "узбекск"}},
	{"Kyrgyzstan", []string{"kyrgyzstan", "kyrgyz", "кыргызстан", "киргиз"}},
	{"Turkmenistan", []string{"turkmenistan", "turkmen", "туркменистан"}},
	{"Pakistan", []string{"pakistan", "pakistani", "пакистан"}},
	{"Iran", []string{"iran", "iranian", "иран"}},
	{"China", []string{"china", "chinese", "китай"}},
	{"Russia", []string{"russia", "russian", "россия", "российск"}},
}

// stateWords mark an actor of a state, as ACLED names them: "Military
// Forces of Tajikistan", "Police Forces of Afghanistan", "Government of …".
var stateWords = []string{"government of", "military forces of", "police forces of", "border troops", "border guards",
	"ministry of", "армия", "погранич", "правительств", "министерств"}

// guessActor fills in what an actor's name says of its country and kind
// ("state" for a government or its forces), for an actor typed in place,
// which would otherwise have neither and no ACLED inter code later; ""
// where the name says nothing. Only one country named counts.
func guessActor(name string) (country, kind string) {
	folded := gazetteer.Fold(name)
	for _, c := range actorCountries {
		for _, w := range c.words {
			if strings.Contains(folded, gazetteer.Fold(w)) {
				if country != "" && country != c.country {
					country = "" // two countries: say neither
					goto kinds
				}
				country = c.country
				break
			}
		}
	}
kinds:
	for _, w := range stateWords {
		if strings.Contains(folded, gazetteer.Fold(w)) {
			return country, "state"
		}
	}
	return country, ""
}
