package exchange

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/paulmach/orb"
)

// TestAppendString writes what encoding/json writes without HTML escaping.
func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "plain", `say "hi" \ there`, "tab\tnew\nline\rcr", "\x00\x01\x1f\x7f",
		"Душанбе – «Кундуз»", "bad \xff utf-8 \xe2\x82", "<&>", "\u2028\u2029", "emoji 🚚"} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := string(appendString(nil, s))
		// encoding/json escapes U+2028 and U+2029; both forms are the same JSON string.
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Fatalf("%q: %s is not JSON: %v", s, got, err)
		}
		var wantBack string
		json.Unmarshal(want.Bytes(), &wantBack)
		if back != wantBack {
			t.Errorf("%q: reads back as %q, encoding/json's as %q", s, back, wantBack)
		}
	}
}

func TestAppendGeometryErrors(t *testing.T) {
	nan := orb.Point{0, 0}
	nan[0] = nan[0] / nan[1] // NaN without a constant expression
	for _, g := range []orb.Geometry{nan, orb.Collection{orb.Point{1, 2}}, orb.Bound{}} {
		if _, err := appendGeometry(nil, g); err == nil {
			t.Errorf("%v: no error", g)
		}
	}
	got, err := appendGeometry(nil, orb.MultiLineString{{{1, 2}, {3, 4.5}}})
	if err != nil || string(got) != `{"type":"MultiLineString","coordinates":[[[1,2],[3,4.5]]]}` {
		t.Errorf("%s %v", got, err)
	}
}

// TestAppendXML escapes as XML needs and reads back through encoding/xml.
func TestAppendXML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a<b>&c", "a&lt;b&gt;&amp;c"},
		{"line\nbreak\ttab\rcr", "line\nbreak\ttab&#xD;cr"},
		{"nul\x00bell\x07", "nul\uFFFDbell\uFFFD"},
		{"bad \xff utf-8", "bad \uFFFD utf-8"},
		{"not a char \uFFFE", "not a char \uFFFD"},
		{"Душанбе “quotes” 🚚", "Душанбе “quotes” 🚚"},
	}
	for _, tt := range tests {
		got := string(appendXML(nil, tt.in))
		if got != tt.want {
			t.Errorf("appendXML(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var v struct {
			S string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte("<s>"+got+"</s>"), &v); err != nil {
			t.Errorf("%q: not XML: %v", got, err)
		}
		if got2 := string(appendXML(nil, []byte(tt.in))); got2 != got {
			t.Errorf("[]byte and string differ: %q, %q", got2, got)
		}
	}
}
