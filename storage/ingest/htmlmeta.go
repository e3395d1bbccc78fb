package ingest

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// pageMeta is what a page's markup says about the article, read before
// Readability rewrites the tree.
type pageMeta struct {
	lang       string     // <html lang>, else Content-Language, else og:locale
	title      string     // <title>
	h1         string     // the first <h1>
	canonical  string     // <link rel="canonical">
	ogURL      string     // <meta property="og:url">
	savedFrom  string     // a browser's "<!-- saved from url=(NNNN)URL -->" mark
	metaDate   string     // the first publication-date <meta> (see dateMeta)
	timeDate   string     // the first <time datetime>
	appName    string     // <meta name="application-name">
	body       *html.Node // <body>
	contentLng string
	ogLocale   string
}

// dateMeta names the <meta> name/property/itemprop values that carry the
// publication date, in order of trust.
var dateMeta = []string{
	"article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date", "pubdate",
	"date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date", "dcterms.created", "sailthru.date",
	"parsely-pub-date", "citation_publication_date",
}

var savedFromRx = regexp.MustCompile(`saved from url=\(\d+\)(\S+)`)

// scanPage reads the metadata of doc.
func scanPage(doc *html.Node) *pageMeta {
	m := &pageMeta{}
	dates := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.CommentNode:
			if s := savedFromRx.FindStringSubmatch(n.Data); s != nil && m.savedFrom == "" {
				m.savedFrom = s[1]
			}
		case html.ElementNode:
			switch n.Data {
			case "html":
				if m.lang == "" {
					m.lang = attr(n, "lang")
				}
			case "title":
				if m.title == "" {
					m.title = textOf(n)
				}
			case "h1":
				if m.h1 == "" {
					m.h1 = textOf(n)
				}
			case "body":
				if m.body == nil {
					m.body = n
				}
			case "link":
				if hasToken(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case "time":
				if m.timeDate == "" {
					m.timeDate = attr(n, "datetime")
				}
			case "meta":
				content := strings.TrimSpace(attr(n, "content"))
				if content == "" {
					break
				}
				for _, key := range []string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")} {
					switch key = strings.ToLower(strings.TrimSpace(key)); key {
					case "":
					case "og:url":
						m.ogURL = firstOf(m.ogURL, content)
					case "og:locale":
						m.ogLocale = firstOf(m.ogLocale, content)
					case "content-language", "language":
						m.contentLng = firstOf(m.contentLng, content)
					case "application-name":
						m.appName = firstOf(m.appName, content)
					default:
						if _, seen := dates[key]; !seen {
							dates[key] = content
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, key := range dateMeta {
		if v, ok := dates[key]; ok {
			m.metaDate = v
			break
		}
	}
	m.lang = langTag(firstOf(m.lang, m.contentLng, m.ogLocale))
	return m
}

// url returns the article's address: the canonical link, else og:url, else
// the browser's saved-from mark; relative canonical links are resolved
// against the others. Only http(s) addresses count.
func (m *pageMeta) url() string {
	var bases []*url.URL
	for _, raw := range []string{m.ogURL, m.savedFrom} {
		if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && webURL(u) {
			bases = append(bases, u)
		}
	}
	if u, err := url.Parse(strings.TrimSpace(m.canonical)); err == nil && m.canonical != "" {
		if webURL(u) {
			return u.String()
		}
		if len(bases) > 0 && u.Host == "" && u.Scheme == "" {
			return bases[0].ResolveReference(u).String()
		}
	}
	if len(bases) > 0 {
		return bases[0].String()
	}
	return ""
}

func webURL(u *url.URL) bool { return (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" }

// published returns the publication date: a date <meta>, else Readability's
// (which also reads JSON-LD), else the first <time datetime>.
func (m *pageMeta) published(art readability.Article) time.Time {
	if t, ok := parseDate(m.metaDate); ok {
		return t
	}
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		return t // dateparse reads a date without a zone as UTC, like time.Parse
	}
	if t, ok := parseDate(m.timeDate); ok {
		return t
	}
	return time.Time{}
}

// hostOf returns the host of an address without "www.", or "".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// langTag turns "en_US" or "EN-us" into a BCP 47 tag ("en-US"); it drops
// values that are not tags.
func langTag(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), ",")
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' })
	for i, p := range parts {
		for _, r := range p {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') || len(p) > 8 {
				return ""
			}
		}
		switch {
		case i == 0:
			parts[i] = strings.ToLower(p)
		case len(p) == 2:
			parts[i] = strings.ToUpper(p)
		case len(p) == 4:
			parts[i] = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		default:
			parts[i] = strings.ToLower(p)
		}
	}
	if len(parts) == 0 || len(parts[0]) < 2 || len(parts[0]) > 3 {
		return ""
	}
	return strings.Join(parts, "-")
}

// attr returns n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasToken reports whether the space-separated list v holds tok.
func hasToken(v, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(v)) {
		if f == tok {
			return true
		}
	}
	return false
}

// textOf returns n's text content with white space collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
