package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventatlas/storage"
)

// BenchmarkImport1000HTML imports 1,000 saved web pages of about 5 KB into a
// project, each through the same path as File → Import… and `eventatlas
// import`: read the file, extract the article, store it (one transaction each).
func BenchmarkImport1000HTML(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	for i := range 1000 {
		path := filepath.Join(dir, fmt.Sprintf("page%04d.html", i))
		if err := os.WriteFile(path, []byte(newsPage(i)), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, path)
	}
	n := 0
	for b.Loop() {
		n++
		p, err := storage.Create(filepath.Join(dir, fmt.Sprintf("p%d.gpkg", n)))
		if err != nil {
			b.Fatal(err)
		}
		for _, path := range paths {
			if _, err := ImportFile(p, path); err != nil {
				b.Fatal(err)
			}
		}
		p.Close()
	}
}

// newsPage is a saved news page with boilerplate around a ~5 KB article.
func newsPage(i int) string {
	para := fmt.Sprintf("<p>Border officials in Khatlon said on day %d that trade through the Panji Poyon crossing resumed after talks with the authorities in Kunduz. ", i)
	body := strings.Repeat(para+"Traders reported long queues on both sides of the bridge and new visa arrangements.</p>\n", 20)
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Border trade resumes ` + fmt.Sprint(i) + ` | Asia Wire</title>
<meta property="og:site_name" content="Asia Wire"><meta property="article:published_time" content="2025-11-13T08:00:00Z">
<link rel="canonical" href="https://asiawire.example/news/` + fmt.Sprint(i) + `"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="ad">Advertisement</div>
<article><h1>Border trade resumes ` + fmt.Sprint(i) + `</h1>` + body + `</article>
<footer>© Asia Wire. All rights reserved.</footer></body></html>`
}
