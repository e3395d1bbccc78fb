package ingest

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"eventatlas/annotate"
)

// markdownParser parses CommonMark plus GitHub tables and strikethrough.
var markdownParser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()

// readMarkdown imports a Markdown file: the text without markup (headings,
// emphasis, links and lists keep their words; images and raw HTML are
// dropped; code blocks are kept as text, one paragraph per line; table rows
// become lines with tab-separated cells). The first heading is the title.
// A leading front-matter block ("---" lines around "key: value" lines) gives
// title, date, url, outlet and lang and is not part of the text.
func readMarkdown(base string, data []byte) (annotate.Article, error) {
	s, err := decodeText(base, data)
	if err != nil {
		return annotate.Article{}, err
	}
	var a annotate.Article
	s = frontMatter(s, &a)
	src := []byte(s)
	doc := markdownParser.Parse(text.NewReader(src))
	w := mdWriter{src: src}
	w.block(doc)
	a.Text = normalize(w.b.String())
	if a.Title == "" {
		a.Title = w.title
	}
	return a, nil
}

// mdWriter collects the text of a Markdown AST.
type mdWriter struct {
	src   []byte
	b     strings.Builder
	title string
}

// para starts a new paragraph.
func (w *mdWriter) para() {
	if w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
}

func (w *mdWriter) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		w.para()
		if t := w.inlineBlock(n); w.title == "" {
			w.title = strings.TrimSpace(t)
		}
	case *ast.Paragraph, *ast.TextBlock:
		w.para()
		w.inlineBlock(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			w.para()
			seg := lines.At(i)
			w.b.Write(seg.Value(w.src))
		}
	case *east.TableHeader, *east.TableRow:
		w.para()
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c != n.FirstChild() {
				w.b.WriteByte('\t')
			}
			w.inlineBlock(c)
		}
	case *ast.HTMLBlock, *ast.ThematicBreak:
		// raw HTML and rules carry no article text
	default: // document, block quote, list, list item, table
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.block(c)
		}
	}
}

// inlineBlock writes the inline content of a paragraph, heading or table
// cell, with runs of spaces (left where images or inline HTML were) made
// one, and returns it.
func (w *mdWriter) inlineBlock(n ast.Node) string {
	var sb strings.Builder
	w.inlines(n, &sb)
	s := sb.String()
	if strings.Contains(s, "  ") {
		s = spaceRun.ReplaceAllString(s, " ")
	}
	w.b.WriteString(s)
	return s
}

var spaceRun = regexp.MustCompile(` {2,}`)

func (w *mdWriter) inlines(n ast.Node, b *strings.Builder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(w.src)
			if !c.IsRaw() {
				v = unescapeMarkdown(v)
			}
			b.Write(v)
			switch {
			case c.HardLineBreak():
				b.WriteByte('\n')
			case c.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Value(w.src))
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(w.src))
		case *ast.Image, *ast.RawHTML:
			// images and inline HTML carry no article text
		default: // emphasis, link, strikethrough
			w.inlines(c, b)
		}
	}
}

// unescapeMarkdown resolves backslash escapes and character references.
func unescapeMarkdown(v []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// frontMatter strips a leading "---" … "---" block of "key: value" lines
// from s, filling a's title, outlet, URL, language and publication date
// from it. s comes back unchanged when it has no such block.
func frontMatter(s string, a *annotate.Article) string {
	rest, ok := strings.CutPrefix(s, "---\n")
	if !ok {
		rest, ok = strings.CutPrefix(s, "---\r\n")
	}
	if !ok {
		return s
	}
	block, after, found := "", "", false
	for off := 0; off < len(rest); {
		line, _, _ := strings.Cut(rest[off:], "\n")
		if strings.TrimRight(line, "\r ") == "---" {
			block, after, found = rest[:off], rest[min(len(rest), off+len(line)+1):], true
			break
		}
		if !strings.Contains(line, ":") && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "-") {
			return s // not key: value lines: a thematic break, not front matter
		}
		off += len(line) + 1
	}
	if !found {
		return s
	}
	for _, line := range strings.Split(block, "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		val = strings.Trim(strings.TrimSpace(val), `"'`)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			a.Title = val
		case "outlet", "source", "publisher", "site", "site_name":
			if strings.HasPrefix(val, "http://") || strings.HasPrefix(val, "https://") {
				a.URL = firstOf(a.URL, val) // "source: https://…" names the address
			} else {
				a.Outlet = val
			}
		case "url", "link", "canonical", "source_url":
			a.URL = val
		case "lang", "language":
			a.Language = val
		case "date", "published", "published_at", "pubdate":
			if t, ok := parseDate(val); ok {
				a.Published = t
			}
		}
	}
	return after
}
