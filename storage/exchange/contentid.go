package exchange

import (
	"encoding/json"

	"github.com/google/uuid"

	"eventatlas/annotate"
)

// contentSpace is the UUID namespace of content ids.
var contentSpace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("urn:eventatlas:event-content"))

// contentID is the id an imported event without one gets: a name-based
// UUID (RFC 4122 version 5) of all its fields. Importing the same file
// twice therefore brings nothing new the second time (the events are
// already in the project), while a row changed in any field is a new event.
func contentID(e annotate.Event) string {
	e.ID = ""
	spans := make([]annotate.Span, len(e.Spans))
	for i, s := range e.Spans {
		s.ID, s.EventID = "", ""
		spans[i] = s
	}
	e.Spans = spans
	b, err := json.Marshal(e) // struct fields in declaration order: the same event gives the same bytes
	if err != nil {
		return uuid.NewString() // a field JSON cannot hold (NaN): a fresh id, as before
	}
	return uuid.NewSHA1(contentSpace, b).String()
}
