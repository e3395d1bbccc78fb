package ingest

import (
	"strings"

	"golang.org/x/net/html"
)

// adParts are the parts of a class or id (split at "-" and "_") that mark
// advertising and site furniture which Readability would keep when it sits
// inside the article's container.
var adParts = map[string]bool{
	"ad": true, "ads": true, "advert": true, "adverts": true, "advertisement": true, "advertising": true,
	"adsbygoogle": true, "sponsored": true, "cookie": true, "cookies": true, "newsletter": true, "paywall": true,
}

// dropAds removes from doc every element whose class or id names
// advertising, a cookie notice, a newsletter box or a paywall (see adParts).
func dropAds(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.Data != "html" && c.Data != "body" && (adName(attr(c, "class")) || adName(attr(c, "id"))) {
			n.RemoveChild(c)
		} else {
			dropAds(c)
		}
		c = next
	}
}

// adName reports whether a class list or id names advertising.
func adName(v string) bool {
	for _, tok := range strings.Fields(strings.ToLower(v)) {
		for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '_' }) {
			if adParts[part] {
				return true
			}
		}
	}
	return false
}

// adLines are whole paragraphs that only label advertising.
var adLines = map[string]bool{
	"advertisement": true, "advertising": true, "ad": true, "sponsored": true, "sponsored content": true,
	"anzeige": true, "werbung": true, "publicité": true, "реклама": true, "scroll to continue": true,
}

// dropAdLines removes the paragraphs of text that only label advertising.
func dropAdLines(text string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0]
	for _, l := range lines {
		if !adLines[strings.ToLower(strings.Trim(l, " .:·-–—"))] {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
