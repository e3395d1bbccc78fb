package app

import (
	"errors"
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
// project already holds and the rows the reader skipped. A file with a
// skipped row is not imported at all (see Commit).
type EventPreview struct {
	Path    string           // the file read
	Fresh   []annotate.Event // the events to import, evidence to unknown articles dropped, precisions filled in
	Kept    int              // events whose id the project already holds: left as they are
	Differ  []Differing      // those of Kept that the file holds otherwise than the project
	Dropped int              // evidence spans dropped because their article is not in the project
	Report  exchange.Report  // what the reader read and skipped, and why
}

// Differing is an event the project already holds that the file holds
// otherwise: the import leaves the project's version as it is.
type Differing struct {
	ID, Title string   // the project's event
	Fields    []string // the fields that differ, as exchange.Differences names them
}

// maxListed is how many bad rows or differing events a summary names.
const maxListed = 5

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
	var ee *exchange.EncodingError
	if errors.As(err, &ee) {
		return nil, fmt.Errorf("%s is %s", filepath.Base(path), strings.TrimPrefix(ee.Error(), "the file is "))
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
// articles p lacks dropped and exchange.FillDefaults applied) and those it
// already holds, noting which of those the file holds otherwise.
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
	held := heldEvents(p, have)
	for _, e := range events {
		spans := e.Spans[:0:0]
		for _, s := range e.Spans {
			if haveArticle[s.ArticleID] {
				spans = append(spans, s)
			} else if !have[e.ID] {
				ep.Dropped++
			}
		}
		e.Spans = spans
		if have[e.ID] {
			ep.Kept++
			mine, err := held(e.ID)
			if err != nil {
				return nil, err
			}
			if diff := exchange.Differences(e, mine); len(diff) > 0 {
				ep.Differ = append(ep.Differ, Differing{ID: mine.ID, Title: mine.Title, Fields: diff})
			}
			continue
		}
		exchange.FillDefaults(&e)
		ep.Fresh = append(ep.Fresh, e)
	}
	return ep, nil
}

// heldEvents returns a lookup of the project's events by id: one query
// each for a few, one read of them all for many.
func heldEvents(p *storage.Project, have map[string]bool) func(id string) (annotate.Event, error) {
	n := 0
	for _, ok := range have {
		if ok {
			n++
		}
	}
	if n <= 100 {
		return p.Event
	}
	var all map[string]annotate.Event
	var loadErr error
	return func(id string) (annotate.Event, error) {
		if all == nil && loadErr == nil {
			var evs []annotate.Event
			if evs, loadErr = p.Events(); loadErr == nil {
				all = make(map[string]annotate.Event, len(evs))
				for _, e := range evs {
					all[e.ID] = e
				}
			}
		}
		if loadErr != nil {
			return annotate.Event{}, loadErr
		}
		e, ok := all[id]
		if !ok {
			return p.Event(id)
		}
		return e, nil
	}
}

// Refusal is why the file cannot be imported, nil when it can: every row
// must be readable, since a file is imported whole or not at all. It names
// the first bad rows and counts the others.
func (ep *EventPreview) Refusal() error {
	rep := ep.Report
	if len(rep.Skipped) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d rows cannot be imported, so nothing was imported (a file comes in whole or not at all):",
		len(rep.Skipped), rep.Read)
	for _, s := range rep.Skipped[:min(len(rep.Skipped), maxListed)] {
		b.WriteString("\n  ")
		b.WriteString(s.String())
	}
	if more := len(rep.Skipped) - maxListed; more > 0 {
		fmt.Fprintf(&b, "\n  and %d more", more)
	}
	b.WriteString("\nFix or remove those rows and import the file again.")
	return errors.New(b.String())
}

// Commit imports the previewed events into p in one transaction and
// returns the summary the import command prints. A file with a row that
// cannot be read is refused (Refusal) and nothing is written.
func (ep *EventPreview) Commit(p *storage.Project) (string, error) {
	if err := ep.Refusal(); err != nil {
		return "", err
	}
	n, err := p.ImportEventsFrom(ep.Fresh, filepath.Base(ep.Path))
	if err != nil {
		return "", err
	}
	msg := countNoun(n, "event", "events") + " imported"
	if ep.Kept > 0 {
		msg += fmt.Sprintf(", %d already in the project left as they are", ep.Kept)
	}
	if ep.Dropped > 0 {
		msg += fmt.Sprintf(", %d evidence spans dropped (their article is not in this project)", ep.Dropped)
	}
	if len(ep.Differ) > 0 {
		msg += "\n" + ep.differMessage()
	}
	return msg, nil
}

// differMessage names the events the file holds otherwise than the
// project, and says how to bring the file's version in.
func (ep *EventPreview) differMessage() string {
	var b strings.Builder
	n := len(ep.Differ)
	if n == 1 {
		b.WriteString("1 of them differs in the file; the project's version was kept:")
	} else {
		fmt.Fprintf(&b, "%d of them differ in the file; the project's versions were kept:", n)
	}
	for _, d := range ep.Differ[:min(n, maxListed)] {
		fmt.Fprintf(&b, "\n  %q (id %s): %s", d.Title, d.ID, strings.Join(d.Fields, ", "))
	}
	if more := n - maxListed; more > 0 {
		fmt.Fprintf(&b, "\n  and %d more", more)
	}
	b.WriteString("\nTo bring the file's changes in, merge the teammate's project file instead (File › Merge project…, or eventatlas merge), or delete those events from your project and import the file again.")
	return b.String()
}

// Workbench is the preview as the workbench shows it; Commit imports into
// p. A file that will be refused shows no incoming events, only the rows
// that stop it.
func (ep *EventPreview) Workbench(p *storage.Project) *workbench.EventImport {
	wi := &workbench.EventImport{Path: ep.Path, Incoming: len(ep.Fresh), AlreadyIn: ep.Kept, DroppedSpans: ep.Dropped,
		Commit: func() (string, error) { return ep.Commit(p) }}
	if ep.Refusal() == nil {
		wi.Sample = ep.Fresh[:min(len(ep.Fresh), workbench.PreviewSample)]
	} else {
		wi.Incoming = 0
	}
	for _, s := range ep.Report.Skipped {
		wi.Skipped = append(wi.Skipped, s.String())
	}
	for _, d := range ep.Differ {
		wi.Differ = append(wi.Differ, fmt.Sprintf("“%s”: %s", d.Title, strings.Join(d.Fields, ", ")))
	}
	return wi
}
