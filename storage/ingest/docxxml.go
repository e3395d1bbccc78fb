package ingest

import (
	"encoding/xml"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"eventatlas/annotate"
)

// The WordprocessingML namespaces: transitional and strict.
const (
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	compatNS     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// docxText returns the text of a WordprocessingML body: each w:p a line,
// w:t its text, w:tab a tab, w:br and w:cr a line break, w:noBreakHyphen a
// hyphen. Deleted text (w:delText) and the fallback copies of
// mc:AlternateContent are skipped. heading is the first paragraph styled
// Title or Heading….
func docxText(r io.Reader) (text, heading string, err error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	var b strings.Builder
	inText, skip := 0, 0
	paraStart, style := 0, ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String(), heading, nil
		}
		if err != nil {
			return "", "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == compatNS && t.Name.Local == "Fallback" {
				skip++
			}
			if skip > 0 || !isWord(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "p":
				paraStart, style = b.Len(), ""
			case "pStyle":
				style = wordAttr(t, "val")
			case "t":
				inText++
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			case "noBreakHyphen":
				b.WriteByte('-')
			}
		case xml.EndElement:
			if t.Name.Space == compatNS && t.Name.Local == "Fallback" && skip > 0 {
				skip--
			}
			if skip > 0 || !isWord(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "p":
				if heading == "" && paraStart <= b.Len() && headingStyle(style) {
					heading = strings.TrimSpace(b.String()[paraStart:])
				}
				b.WriteByte('\n')
			case "t":
				inText = max(0, inText-1)
			}
		case xml.CharData:
			if inText > 0 && skip == 0 {
				b.Write(t)
			}
		}
	}
}

func isWord(n xml.Name) bool { return n.Space == wordNS || n.Space == wordStrictNS }

// wordAttr returns the w:-namespaced (or bare) attribute local of t.
func wordAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || isWord(a.Name)) {
			return a.Value
		}
	}
	return ""
}

// headingStyle reports whether a paragraph style id marks a title.
func headingStyle(s string) bool {
	s = strings.ToLower(s)
	return s == "title" || strings.HasPrefix(s, "heading")
}

// coreProps is the part of docProps/core.xml that Read uses.
type coreProps struct {
	Title    string `xml:"http://purl.org/dc/elements/1.1/ title"`
	Language string `xml:"http://purl.org/dc/elements/1.1/ language"`
	Created  string `xml:"http://purl.org/dc/terms/ created"`
}

// readCore fills a's title, language and date from core.xml, leaving a
// field as it is when the file lacks it or cannot be read.
func readCore(r io.Reader, a *annotate.Article) {
	var p coreProps
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	if d.Decode(&p) != nil {
		return
	}
	if t := strings.TrimSpace(p.Title); t != "" {
		a.Title = t
	}
	if l := langTag(p.Language); l != "" {
		a.Language = l
	}
	if t, ok := parseDate(p.Created); ok {
		a.Published = t
	}
}
