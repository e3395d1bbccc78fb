package ingest

import (
	"testing"
	"time"

	"eventatlas/annotate"
)

func TestReadMarkdown(t *testing.T) {
	tests := []struct {
		name, in string
		want     annotate.Article
	}{
		{"first heading is the title", "Intro line\n\n## Second-level *heading*\n\n# Top\n\ntext",
			annotate.Article{Title: "Second-level heading", Text: "Intro line\nSecond-level heading\nTop\ntext"}},
		{"no heading: first line", "Just **bold** text\nsoft break", annotate.Article{Title: "Just bold text soft break", Text: "Just bold text soft break"}},
		{"setext heading, escapes and entities", "Title\n=====\n\n\\*not emphasis\\* &copy; &#1046;",
			annotate.Article{Title: "Title", Text: "*not emphasis* © Ж"}},
		{"links and images", "See [the report](http://x.org \"t\") ![map](m.png) and <b>bold</b>.",
			annotate.Article{Title: "See the report and bold.", Text: "See the report and bold."}},
		{"code span keeps its text", "Run `a * b` now", annotate.Article{Title: "Run a * b now", Text: "Run a * b now"}},
		{"nested lists", "- one\n  - two\n    three\n- four", annotate.Article{Title: "one", Text: "two three\nfour"}},
		{"thematic break is not front matter", "---\nplain paragraph\n\nmore", annotate.Article{Title: "plain paragraph", Text: "more"}},
		{"front matter", "---\ntitle: 'Quoted: title'\nlang: ru\npublished: 2024-03-01T10:00:00Z\nsource: Asia-Plus\nlink: https://asiaplus.tj/x\ntags:\n  - a\n---\nТекст статьи.",
			annotate.Article{Title: "Quoted: title", Language: "ru", Outlet: "Asia-Plus", URL: "https://asiaplus.tj/x",
				Published: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), Text: "Текст статьи."}},
		{"source as address", "---\nsource: https://khovar.tj/1\n---\nText.", annotate.Article{Title: "Text.", URL: "https://khovar.tj/1", Text: "Text."}},
		{"unterminated front matter", "---\ntitle: x\n\nBody", annotate.Article{Title: "title: x", Text: "Body"}},
		{"strikethrough and table", "~~gone~~ kept\n\n|a|b|\n|-|-|\n|1|2|", annotate.Article{Title: "gone kept", Text: "a\tb\n1\t2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readBytes("a.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if tt.want.Language == "" {
				a.Language = "" // the guess is tested elsewhere
			}
			assertArticle(t, a, tt.want)
		})
	}
}
