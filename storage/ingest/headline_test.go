package ingest

import (
	"testing"
)

// TestHeadlineNotInText: a first line or paragraph taken as the title is not
// repeated as the first paragraph of the text (bug 9), in every format; a
// first paragraph that reads as a sentence, or is the only one, stays.
func TestHeadlineNotInText(t *testing.T) {
	border := "Border guards seize heroin near Panj\n\n" +
		"Dushanbe, 20 November 2025 — Tajik border guards seized 40 kilograms of heroin.\n\n" +
		"Officials in Kunduz said the Taliban would investigate the incident.\n"
	borderText := "Dushanbe, 20 November 2025 — Tajik border guards seized 40 kilograms of heroin.\n" +
		"Officials in Kunduz said the Taliban would investigate the incident."
	tests := []struct {
		name, file  string
		data        []byte
		title, text string
	}{
		{"txt headline", "border.txt", []byte(border), "Border guards seize heroin near Panj", borderText},
		{"txt CRLF and blank lines after the headline", "b.txt", []byte("  Headline here \r\n\r\n\r\n\tBody one.\r\nBody two.\r\n"),
			"Headline here", "Body one.\nBody two."},
		{"txt first line is a sentence", "s.txt", []byte("Guards seized heroin.\nTwo men were held."),
			"Guards seized heroin.", "Guards seized heroin.\nTwo men were held."},
		{"txt lead-in ending in a colon", "c.txt", []byte("Rescue teams evacuated families:\n- Vose"),
			"Rescue teams evacuated families:", "Rescue teams evacuated families:\n- Vose"},
		{"txt list item", "l.txt", []byte("- Vose district\n- Hamadoni district"), "- Vose district", "- Vose district\n- Hamadoni district"},
		{"txt only one paragraph", "o.txt", []byte("Just a headline"), "Just a headline", "Just a headline"},
		{"txt first paragraph longer than a title", "l.txt", []byte(longPara + "\nNext."),
			cleanTitle(longPara), longPara + "\nNext."},
		{"md first heading", "a.md", []byte("# Border guards *seize* heroin\n\nBody **one**.\n\nBody two."),
			"Border guards seize heroin", "Body one.\nBody two."},
		{"md plain first line", "a.md", []byte(border), "Border guards seize heroin near Panj", borderText},
		{"md heading after the intro stays", "a.md", []byte("Intro line.\n\n## Heading\n\ntext"), "Heading", "Intro line.\nHeading\ntext"},
		{"md front-matter title repeated as heading", "a.md", []byte("---\ntitle: Floods in Khatlon\n---\n# Floods in Khatlon\n\nRain."),
			"Floods in Khatlon", "Rain."},
		{"md front-matter title differs", "a.md", []byte("---\ntitle: Floods\n---\n# Floods in Khatlon\n\nRain."),
			"Floods", "Floods in Khatlon\nRain."},
		{"docx Title-styled first paragraph", "r.docx", buildDocx(t, map[string]string{"word/document.xml": wordDoc(
			`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Clashes near Kunduz</w:t></w:r></w:p><w:p/>` +
				`<w:p><w:r><w:t>Fighting broke out.</w:t></w:r></w:p>`)}),
			"Clashes near Kunduz", "Fighting broke out."},
		{"docx unstyled first paragraph", "r.docx", buildDocx(t, map[string]string{"word/document.xml": wordDoc(
			`<w:p><w:r><w:t>Clashes near Kunduz</w:t></w:r></w:p><w:p><w:r><w:t>Fighting broke out.</w:t></w:r></w:p>`)}),
			"Clashes near Kunduz", "Fighting broke out."},
		{"docx core title differs from the first paragraph", "r.docx", buildDocx(t, map[string]string{"word/document.xml": wordDoc(docBody),
			"docProps/core.xml": coreXML}), "Kunduz clashes report", docText},
		{"html h1 kept out by Readability", "trade.html", []byte(tradeHTML), "Trade at Termez grows & expands",
			"Trucks crossing from Termez to Hairatan rose by 20% in October, officials in Mazar-e Sharif said.\n" +
				"The Afghan side said a new warehouse would open in Balkh province next month."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readBytes(tt.file, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if a.Text != tt.text {
				t.Errorf("Text\n got %q\nwant %q", a.Text, tt.text)
			}
		})
	}
}

// longPara is a first paragraph of 183 code points: too long to be a headline.
var longPara = "Tajik border guards seized 40 kilograms of heroin near the Panji Poyon crossing in Khatlon on Tuesday " +
	"and detained two Afghan nationals who had crossed the Panj river by boat at night"

// tradeHTML is the user tester's trade.html.
const tradeHTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Trade at Termez grows &amp; expands</title>
<meta property="article:published_time" content="2025-11-18T10:00:00Z"><meta property="og:site_name" content="Asia-Plus">
<style>body{color:red}</style><script>var x = "should not appear";</script></head>
<body><nav>Home | News | Contact</nav><article><h1>Trade at Termez grows &amp; expands</h1>
<p>Trucks crossing from <b>Termez</b> to Hairatan rose by 20% in October, officials in Mazar-e Sharif said.</p>
<p>The Afghan side said a new warehouse would open in Balkh province next month.</p></article>
<footer>© 2025 Asia-Plus. All rights reserved.</footer></body></html>`

// TestTitleAndBodyEdges: inputs normalisation never produces must not
// panic or lose text.
func TestTitleAndBodyEdges(t *testing.T) {
	tests := []struct{ title, text, wantTitle, wantText string }{
		{"", "\nBody.", "", "\nBody."},
		{"", "", "", ""},
		{"Given", "Given", "Given", "Given"},
		{"Given", "Given\nBody.", "Given", "Body."},
		{"Given.", "Given.\nBody.", "Given.", "Body."}, // a given title may end in a dot
	}
	for _, tt := range tests {
		title, text := titleAndBody(tt.title, tt.text)
		if title != tt.wantTitle || text != tt.wantText {
			t.Errorf("titleAndBody(%q, %q) = %q, %q; want %q, %q", tt.title, tt.text, title, text, tt.wantTitle, tt.wantText)
		}
	}
}
