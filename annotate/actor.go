package annotate

// Actor is an entry of the actor registry: a group, government or person
// that takes part in events, with the other names it goes by.
type Actor struct {
	ID      string   // UUID
	Name    string   // e.g. "Taliban"
	Aliases []string // e.g. "Islamic Emirate of Afghanistan"
	Country string   // e.g. "Afghanistan"
	Kind    string   // "state", "non-state group", "person", "organisation"
}
