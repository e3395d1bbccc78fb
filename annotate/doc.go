// Package annotate is Event Atlas's domain: articles, evidence spans, events,
// actors, places and the event taxonomy. It imports no GUI and no storage
// code; every other package depends on it, never the other way round.
package annotate
