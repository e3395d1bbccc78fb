package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"eventatlas/annotate"
	"eventatlas/app/workbench"
	"eventatlas/storage"
	"eventatlas/storage/exchange"
)

// EventPreview is what importing an events file would do, worked out
// before anything is written: the events that would come in, the ids the
// project already holds and the rows the reader skipped.
type EventPreview struct {
	Path    string           // the file read
	Fresh   []annotate.Event // the events to import, evidence to unknown articles dropped
	Kept    int              // events whose id the project already holds: left as they are
	Dropped int              // evidence spans dropped because their article is not in the project
	Report  exchange.Report  // what the reader read and skipped, and why
}

// IsEventFile reports whether path is imported as events (GeoJSON or CSV)
// rather than as an article.
func IsEventFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".geojson", ".json", ".csv":
		return true
	}
	return false
}

// PreviewEvents reads the GeoJSON or CSV events file at path and works out
// what importing it into p would do, without writing anything.
func PreviewEvents(p *storage.Project, path string) (*EventPreview, error) {
	if !IsEventFile(path) {
		return nil, fmt.Errorf("%s is not an events file: use .geojson or .csv", filepath.Base(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var events []annotate.Event
	var rep exchange.Report
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		events, rep, err = exchange.ReadCSV(f)
	} else {
		events, rep, err = exchange.ReadGeoJSON(f)
	}
	if err != nil {
		return nil, err
	}
	ep, err := planEvents(p, events, rep)
	if ep != nil {
		ep.Path = path
	}
	return ep, err
}

// planEvents sorts events into those p lacks (with evidence pointing at
// articles p lacks dropped) and those it already holds.
func planEvents(p *storage.Project, events []annotate.Event, rep exchange.Report) (*EventPreview, error) {
	arts, err := p.Articles()
	if err != nil {
		return nil, err
	}
	haveArticle := map[string]bool{}
	for _, a := range arts {
		haveArticle[a.ID] = true
	}
	ep := &EventPreview{Report: rep}
	ids := make([]string, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	have, err := p.HasEvents(ids)
	if err != nil {
		return nil, err
	}
	for _, e := range events {
		if have[e.ID] {
			ep.Kept++
			continue
		}
		spans := e.Spans[:0:0]
		for _, s := range e.Spans {
			if haveArticle[s.ArticleID] {
				spans = append(spans, s)
			} else {
				ep.Dropped++
			}
		}
		e.Spans = spans
		ep.Fresh = append(ep.Fresh, e)
	}
	return ep, nil
}

// Commit imports the previewed events into p in one transaction and
// returns the one-line summary the import command prints.
func (ep *EventPreview) Commit(p *storage.Project) (string, error) {
	n, err := p.ImportEvents(ep.Fresh)
	if err != nil {
		return "", err
	}
	msg := fmt.Sprintf("%d events imported", n)
	if ep.Kept > 0 {
		msg += fmt.Sprintf(", %d already in the project left as they are", ep.Kept)
	}
	if ep.Dropped > 0 {
		msg += fmt.Sprintf(", %d evidence spans dropped (their article is not in this project)", ep.Dropped)
	}
	if rep := ep.Report; len(rep.Skipped) > 0 {
		msg += fmt.Sprintf(", %d rows skipped:\n%s", len(rep.Skipped), strings.TrimRight(rep.String(), "\n"))
	}
	return msg, nil
}

// Workbench is the preview as the workbench shows it; Commit imports into
// p.
func (ep *EventPreview) Workbench(p *storage.Project) *workbench.EventImport {
	wi := &workbench.EventImport{Path: ep.Path, Incoming: len(ep.Fresh), AlreadyIn: ep.Kept, DroppedSpans: ep.Dropped,
		Commit: func() (string, error) { return ep.Commit(p) }}
	wi.Sample = ep.Fresh[:min(len(ep.Fresh), workbench.PreviewSample)]
	for _, s := range ep.Report.Skipped {
		wi.Skipped = append(wi.Skipped, s.String())
	}
	return wi
}
