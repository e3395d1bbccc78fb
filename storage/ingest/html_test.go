package ingest

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// page builds a web page with head and a main text long enough for
// Readability.
func page(head, body string) string {
	return "<!DOCTYPE html><html><head>" + head + "</head><body>" +
		`<nav><a href="/">Home</a> <a href="/news">News</a></nav>` + body +
		`<footer>Copyright footer text</footer></body></html>`
}

var mainText = `<article><p>` + strings.Repeat("Border guards reported an exchange of fire near the Panj river crossing. ", 5) +
	`</p><p>` + strings.Repeat("Officials in Khatlon said nobody was hurt in the incident on Monday. ", 5) + `</p></article>`

func TestReadHTMLMetadata(t *testing.T) {
	tests := []struct {
		name, head, body string
		title, outlet    string
		url, lang        string
		published        time.Time
	}{
		{name: "title tag, host as outlet, og:url, og:locale",
			head:  `<title>Shooting on the border - Asia-Plus</title><meta property="og:url" content="https://www.asiaplus.tj/en/news/1"><meta property="og:locale" content="ru_RU">`,
			body:  mainText,
			title: "Shooting on the border", outlet: "asiaplus.tj", url: "https://www.asiaplus.tj/en/news/1", lang: "ru-RU"},
		{name: "relative canonical, JSON-LD date and publisher",
			head: `<title>Clash</title><link rel="canonical" href="/news/2"><meta property="og:url" content="https://example.org/x?utm=1">` +
				`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Clash at the border",` +
				`"datePublished":"2024-11-02T08:15:00Z","publisher":{"@type":"Organization","name":"Khovar"}}</script>`,
			body:  mainText,
			title: "Clash at the border", outlet: "Khovar", url: "https://example.org/news/2", lang: "en",
			published: time.Date(2024, 11, 2, 8, 15, 0, 0, time.UTC)},
		{name: "time element and zone-less meta date",
			head:  `<title>Report</title><meta name="application-name" content="Avesta"><meta http-equiv="content-language" content="en">`,
			body:  `<p><time datetime="2023-07-04">4 July</time></p>` + mainText,
			title: "Report", outlet: "Avesta", lang: "en",
			published: time.Date(2023, 7, 4, 0, 0, 0, 0, time.UTC)},
		{name: "meta date wins over time element; byline as last resort",
			head:  `<meta name="pubdate" content="2022-01-02 03:04"><meta name="author" content="Jane Doe">`,
			body:  `<h1>Heading title</h1><time datetime="2020-01-01">x</time>` + mainText,
			title: "Heading title", outlet: "Jane Doe", lang: "en",
			published: time.Date(2022, 1, 2, 3, 4, 0, 0, time.UTC)},
		{name: "saved-from mark and javascript canonical",
			head:   `<!-- saved from url=(0030)http://khovar.tj/2024/05/item --><link rel="canonical" href="javascript:void(0)">`,
			body:   mainText,
			title:  "Border guards reported an exchange of fire near the Panj river crossing. Border guards reported an exchange of fire near the Panj river crossing. Border guards…",
			outlet: "khovar.tj", url: "http://khovar.tj/2024/05/item", lang: "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readBytes("p.html", []byte(page(tt.head, tt.body)))
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Title != tt.title || a.Outlet != tt.outlet || a.URL != tt.url || a.Language != tt.lang {
				t.Errorf("got title %q outlet %q url %q lang %q", a.Title, a.Outlet, a.URL, a.Language)
			}
			if !a.Published.Equal(tt.published) {
				t.Errorf("Published = %v, want %v", a.Published, tt.published)
			}
			if strings.Contains(a.Text, "Home") || strings.Contains(a.Text, "footer") {
				t.Errorf("boilerplate kept: %q", a.Text)
			}
			if !strings.HasPrefix(a.Text, "Border guards reported") {
				t.Errorf("main text lost: %q", a.Text)
			}
		})
	}
}

func TestReadHTMLText(t *testing.T) {
	cp1251, _ := charmap.Windows1251.NewEncoder().String(
		`<html><head><meta charset="windows-1251"><title>Граница</title></head><body><p>Пограничники задержали нарушителей.<br>Вторая строка.</p></body></html>`)
	tests := []struct{ name, in, want string }{
		{"short page falls back to its text", "<p>Only one short line.</p>", "Only one short line."},
		{"windows-1251 page", cp1251, "Пограничники задержали нарушителей.\nВторая строка."},
		{"ad labels dropped", "<div><p>First.</p><p>Advertisement</p><p>Реклама</p><p>Second.</p></div>", "First.\nSecond."},
		{"scripts and styles dropped", "<script>alert(1)</script><style>p{}</style><p>Text &amp; more</p>", "Text & more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readBytes("p.htm", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Text != tt.want {
				t.Errorf("Text %q, want %q", a.Text, tt.want)
			}
		})
	}
}

func TestTrimSiteName(t *testing.T) {
	names := []string{"Asia-Plus", "asiaplus.tj", "asiaplus"}
	tests := map[string]string{
		"Clash at the border | Asia-Plus":  "Clash at the border",
		"ASIAPLUS — Clash at the border":   "Clash at the border",
		"Clash - Kunduz - asiaplus.tj":     "Clash - Kunduz",
		"Kunduz - Clash at the border":     "Kunduz - Clash at the border",
		"Asia-Plus":                        "Asia-Plus",
		"Clash at the border | Other Site": "Clash at the border | Other Site",
	}
	for in, want := range tests {
		if got := trimSiteName(in, names...); got != want {
			t.Errorf("trimSiteName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAdName(t *testing.T) {
	for in, want := range map[string]bool{
		"ad": true, "inline-ad top": true, "AD_SLOT": true, "cookie-notice": true, "newsletter-box": true,
		"adsbygoogle": true, "header": false, "read-more": false, "bad-news": false, "shadow": false, "": false,
	} {
		if got := adName(in); got != want {
			t.Errorf("adName(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestLangTag(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en", "EN_us": "en-US", "tg-Cyrl-TJ": "tg-Cyrl-TJ", "ru-ru, en": "ru-RU",
		"english": "", "x": "", "en us": "", "": "",
	} {
		if got := langTag(in); got != want {
			t.Errorf("langTag(%q) = %q, want %q", in, got, want)
		}
	}
}
