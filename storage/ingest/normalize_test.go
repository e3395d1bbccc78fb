package ingest

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"line endings", "a\r\nb\rc\nd", "a\nb\nc\nd"},
		{"blank lines and spaces", "  a  \n\n\n\t b\t\n \n", "a\nb"},
		{"separators", "a\u2028b\u2029c\fd\u0085e", "a\nb\nc\nd\ne"},
		{"controls and BOM", "\uFEFFa\x1bb\u200bc\tz", "ab\u200bc\tz"},
		{"nbsp trimmed at the ends only", "\u00a0a\u00a0b\u00a0", "a\u00a0b"},
		{"empty", " \n \n", ""},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("%s: normalize(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestNormalizePlain(t *testing.T) {
	wrappedPara := "Heavy rain caused floods in several districts of Khatlon region\n" +
		"on Tuesday, local authorities said, and roads between Bokhtar and\n" +
		"Kulob were closed."
	joined := "Heavy rain caused floods in several districts of Khatlon region " +
		"on Tuesday, local authorities said, and roads between Bokhtar and Kulob were closed."
	tests := []struct{ name, in, want string }{
		{"wrapped paragraphs", "Floods\n\n" + wrappedPara + "\n\n" + wrappedPara, "Floods\n" + joined + "\n" + joined},
		{"no blank line: one paragraph per line", wrappedPara, wrappedPara},
		{"one full line only", "Title\n\n" + "Heavy rain caused floods in several districts of Khatlon region\non Tuesday.",
			"Title\nHeavy rain caused floods in several districts of Khatlon region\non Tuesday."},
		{"lines over 120 code points are paragraphs", "Title\n\n" + longLine + "\n" + longLine + "\n" + longLine,
			"Title\n" + longLine + "\n" + longLine + "\n" + longLine},
		{"list items are not joined", "Intro\n\n" +
			"The following districts were hit by floods on Tuesday, officials said:\n" +
			"1. Vose district, with its many villages\n" +
			"2. Hamadoni district, near the river Panj\n" +
			"The following districts were hit by floods on Tuesday, officials said:\n" +
			"- Kulob",
			"Intro\nThe following districts were hit by floods on Tuesday, officials said:\n" +
				"1. Vose district, with its many villages\n2. Hamadoni district, near the river Panj\n" +
				"The following districts were hit by floods on Tuesday, officials said:\n- Kulob"},
	}
	for _, tt := range tests {
		if got := normalizePlain(tt.in); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

const longLine = "A paragraph that is long enough to be a paragraph of its own rather than a wrapped line, " +
	"because no editor wraps text this wide."

func TestListItem(t *testing.T) {
	for in, want := range map[string]bool{
		"- a": true, "* a": true, "• a": true, "12. a": true, "3) a": true,
		"-a": false, "2025. was": true, "12 May": false, "a - b": false, "1.": false,
	} {
		if got := listItem(in); got != want {
			t.Errorf("listItem(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestNormalizePlainEdges(t *testing.T) {
	line := "Border guards reported an incident near the Panj river crossing."
	tests := []struct{ name, in, want string }{
		{"blank lines only at the ends do not make a wrapped file", "\n\n" + line + "\n" + line + "\n" + line + "\n\n", line + "\n" + line + "\n" + line},
		{"blank line in the middle", line + "\n" + line + "\n\n" + line + "\n" + line, line + " " + line + "\n" + line + " " + line},
	}
	for _, tt := range tests {
		if got := normalizePlain(tt.in); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
