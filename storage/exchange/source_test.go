package exchange

import (
	"strings"
	"testing"

	"eventatlas/annotate"
)

// TestSourcesNameOutletsNotHeadlines: the CSV's source column names each
// evidence article's outlet, else its site, never its headline.
func TestSourcesNameOutletsNotHeadlines(t *testing.T) {
	articles := map[string]annotate.Article{
		"a": {ID: "a", Title: "Border clash near Panji Poyon", Outlet: "Asia-Plus"},
		"b": {ID: "b", Title: "Таджикские пограничники задержали наркокурьеров", URL: "https://www.ozodi.org/a/1.html"},
		"c": {ID: "c", Title: "A headline with no outlet or URL"},
		"d": {ID: "d", Title: "Second Asia-Plus piece", Outlet: "Asia-Plus"},
	}
	for _, c := range []struct {
		spans []string
		want  string
	}{
		{[]string{"a"}, "Asia-Plus"},
		{[]string{"b"}, "ozodi.org"},
		{[]string{"c"}, ""},
		{[]string{"a", "b", "c", "d"}, "Asia-Plus; ozodi.org"},
	} {
		var e annotate.Event
		for _, id := range c.spans {
			e.Spans = append(e.Spans, annotate.Span{ArticleID: id})
		}
		if got := strings.Join(sources(&e, articles), "; "); got != c.want {
			t.Errorf("articles %v: source %q, want %q", c.spans, got, c.want)
		}
	}
}
