package gazetteer

import (
	"encoding/json"
	"fmt"
	"io"
)

// jsonMatch is the JSON form of a Match written by ToJSONLines.
type jsonMatch struct {
	Start      int             `json:"start"`
	End        int             `json:"end"`
	Text       string          `json:"text"`
	Candidates []jsonCandidate `json:"candidates"`
}

type jsonCandidate struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	Kind string  `json:"kind"`
	Lon  float64 `json:"lon"`
	Lat  float64 `json:"lat"`
}

// ToJSONLines writes one JSON object per match, one per line:
// {"start":…,"end":…,"text":…,"candidates":[{"id","name","kind","lon","lat"}…]}
// with start and end in code points and lon/lat the candidate's label point.
func ToJSONLines(w io.Writer, matches []Match) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i, m := range matches {
		jm := jsonMatch{Start: m.Start, End: m.End, Text: m.Text, Candidates: make([]jsonCandidate, len(m.Candidates))}
		for k, p := range m.Candidates {
			jm.Candidates[k] = jsonCandidate{ID: p.ID, Name: p.Name, Kind: string(p.Kind), Lon: p.Point.Lon(), Lat: p.Point.Lat()}
		}
		if err := enc.Encode(jm); err != nil {
			return fmt.Errorf("writing match %d (%q): %w", i+1, m.Text, err)
		}
	}
	return nil
}
