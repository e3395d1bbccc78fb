package ingest

import (
	"fmt"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"

	"eventatlas/annotate"
)

// maxElements bounds the elements Readability scores; a larger page falls
// back to the text of its whole body.
const maxElements = 200000

// readHTML imports a saved web page: Readability (go-readability, a port of
// Mozilla's Readability.js) finds the main text and drops navigation,
// footers, advertising and the like; the page's metadata gives the title,
// outlet, date, URL and language (see pageMeta for the order of sources).
// Before Readability runs, elements whose class or id names advertising,
// cookie notices, newsletter boxes or paywalls are removed (dropAds), and
// paragraphs that only say "Advertisement" are dropped after it.
// When Readability finds nothing, the text of the whole body is taken.
func readHTML(base string, data []byte) (annotate.Article, error) {
	s, err := decodeHTML(base, data)
	if err != nil {
		return annotate.Article{}, err
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return annotate.Article{}, fmt.Errorf("parse %s: %w", base, err)
	}
	m := scanPage(doc)
	dropAds(doc)
	art, rerr := extractArticle(doc)

	var a annotate.Article
	if rerr == nil && art.Node != nil {
		a.Text = normalize(render.InnerText(art.Node))
	}
	if a.Text == "" && m.body != nil {
		a.Text = normalize(render.InnerText(m.body))
	}
	a.Text = dropAdLines(a.Text)
	a.URL = m.url()
	host := hostOf(a.URL)
	hostName, _, _ := strings.Cut(host, ".")
	a.Title = trimSiteName(firstOf(art.Title(), m.title, m.h1), art.SiteName(), m.appName, host, hostName)
	a.Published = m.published(art)
	a.Outlet = firstOf(art.SiteName(), m.appName, host, art.Byline())
	a.Language = firstOf(m.lang, art.Language())
	return a, nil
}

// extractArticle runs Readability over doc (which it changes), turning a
// panic inside the library into an error.
func extractArticle(doc *html.Node) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			art, err = readability.Article{}, fmt.Errorf("readability: %v", r)
		}
	}()
	p := readability.NewParser()
	p.MaxElemsToParse = maxElements
	return p.ParseAndMutate(doc, nil)
}

// firstOf returns the first of vs that is not blank, trimmed.
func firstOf(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// titleSeparators part a page title from the site's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · "}

// trimSiteName drops the site's name from either end of a page title
// ("Clash at the border | Asia-Plus" → "Clash at the border") when that end
// is one of names, compared by letters and digits alone, case-insensitively.
func trimSiteName(title string, names ...string) string {
	known := map[string]bool{}
	for _, n := range names {
		if k := nameKey(n); k != "" {
			known[k] = true
		}
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && known[nameKey(title[i+len(sep):])] {
			return strings.TrimSpace(title[:i])
		}
		if i := strings.Index(title, sep); i > 0 && i+len(sep) < len(title) && known[nameKey(title[:i])] {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}

// nameKey lower-cases s and keeps only its letters and digits.
func nameKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}
