package exchange

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"strconv"

	"eventatlas/annotate"
	"github.com/google/uuid"
)

// AnnoContext is the JSON-LD context of the W3C Web Annotation Data Model.
const AnnoContext = "http://www.w3.org/ns/anno.jsonld"

// idSpace is the namespace of the name-based UUIDs WriteJSONLD makes for
// ids that are not UUIDs and for the collection, so that the same events
// always get the same IRIs.
var idSpace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("urn:eventatlas:exchange"))

// iri returns "urn:uuid:" and id when id is a UUID, else a name-based UUID
// made from id.
func iri(id string) string {
	if u, err := uuid.Parse(id); err == nil {
		return "urn:uuid:" + u.String()
	}
	return "urn:uuid:" + uuid.NewSHA1(idSpace, []byte(id)).String()
}

// WriteJSONLD writes the events' evidence as W3C Web Annotations
// (https://www.w3.org/TR/annotation-model/) in JSON-LD: one
// AnnotationCollection with an embedded first AnnotationPage whose items
// are one Annotation per evidence span, in event then span order. Events
// without evidence make no annotation; the collection's "total" counts them.
//
// Each Annotation has motivation "identifying", created and modified from
// the event, the annotator as creator, and
//
//   - target: source is the article's URL, or urn:uuid:ARTICLE-ID when the
//     article has none or is not in articles; selector is a
//     TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector
//     (start, end in code points of the article text the project holds);
//   - body: the event as the GeoJSON Feature WriteGeoJSON writes, with
//     urn:uuid:EVENT-ID as its id.
//
// Ids that are not UUIDs become name-based (SHA-1) UUIDs, so a file
// written twice from the same events is the same.
func WriteJSONLD(w io.Writer, events []annotate.Event, articles map[string]annotate.Article) error {
	total := 0
	h := sha256.New()
	for i := range events {
		for _, s := range events[i].Spans {
			total++
			h.Write([]byte(events[i].ID + "\x00" + s.ID + "\x00"))
		}
	}
	sum := h.Sum(nil)
	coll := "urn:uuid:" + uuid.NewSHA1(idSpace, append([]byte("collection:"), sum...)).String()
	page := "urn:uuid:" + uuid.NewSHA1(idSpace, append([]byte("page:"), sum...)).String()

	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, `{"@context":%q,"id":%q,"type":"AnnotationCollection","label":"Event Atlas evidence","total":%d`,
		AnnoContext, coll, total)
	if total > 0 {
		fmt.Fprintf(bw, `,"first":{"id":%q,"type":"AnnotationPage","startIndex":0,"items":[`+"\n", page)
	}
	var (
		n      int
		body   []byte
		buf    []byte
		err    error
		source = map[string]string{} // article id → target source
	)
	for i := range events {
		e := &events[i]
		if len(e.Spans) == 0 {
			continue
		}
		if body, err = appendFeature(body[:0], e, iri(e.ID), ""); err != nil {
			return err
		}
		for j, s := range e.Spans {
			src, ok := source[s.ArticleID]
			if !ok {
				src = iri(s.ArticleID)
				if a, ok := articles[s.ArticleID]; ok && a.URL != "" {
					src = a.URL
				}
				source[s.ArticleID] = src
			}
			buf = buf[:0]
			if n > 0 {
				buf = append(buf, ',')
			}
			n++
			buf = appendAnnotation(buf, e, j, src, body)
			if _, err := bw.Write(buf); err != nil {
				return err
			}
		}
	}
	if total > 0 {
		bw.WriteString("]}")
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// appendAnnotation appends the annotation of span j of e, whose article is
// at source and whose event is the GeoJSON Feature body.
func appendAnnotation(b []byte, e *annotate.Event, j int, source string, body []byte) []byte {
	s := e.Spans[j]
	id := s.ID
	if id == "" {
		id = e.ID + "#evidence" + strconv.Itoa(j+1)
	}
	b = append(b, `{"id":`...)
	b = appendString(b, iri(id))
	b = append(b, `,"type":"Annotation","motivation":"identifying"`...)
	if !e.Created.IsZero() {
		b = append(b, `,"created":`...)
		b = appendString(b, formatTime(e.Created))
	}
	if !e.Updated.IsZero() {
		b = append(b, `,"modified":`...)
		b = appendString(b, formatTime(e.Updated))
	}
	if e.Annotator != "" {
		b = append(b, `,"creator":{"type":"Person","name":`...)
		b = appendString(b, e.Annotator)
		b = append(b, '}')
	}
	b = append(b, `,"body":`...)
	b = append(b, body...)
	b = append(b, `,"target":{"source":`...)
	b = appendString(b, source)
	b = append(b, `,"selector":[{"type":"TextQuoteSelector","exact":`...)
	b = appendString(b, s.Quote)
	if s.Prefix != "" {
		b = append(b, `,"prefix":`...)
		b = appendString(b, s.Prefix)
	}
	if s.Suffix != "" {
		b = append(b, `,"suffix":`...)
		b = appendString(b, s.Suffix)
	}
	b = append(b, `},{"type":"TextPositionSelector","start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(s.End), 10)
	return append(b, "}]}}\n"...)
}
