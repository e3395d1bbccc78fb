package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// measurer measures strings in one text style and caches the widths of the
// words it has seen (an article repeats most of its words).
type measurer struct {
	size   float32
	style  fyne.TextStyle
	cache  map[string]float32
	runes  map[rune]float32 // advance of single code points, for estimates
	budget int              // new words still measured exactly in this text
}

const (
	// maxCachedWords bounds the word-width cache across articles.
	maxCachedWords = 200_000
	// exactWordsPerText is how many new words one text may measure exactly
	// (about 15 µs each). Beyond it, a word's width is the sum of its code
	// points' advances, which ignores kerning (a pixel or so) and only
	// affects where lines wrap: drawing and hit-testing always measure.
	exactWordsPerText = 8000
)

func newMeasurer(size float32, style fyne.TextStyle) *measurer {
	return &measurer{size: size, style: style, cache: make(map[string]float32), runes: make(map[rune]float32)}
}

// word returns the width of s: cached, measured, or estimated once the
// text's budget of exact measurements is spent.
func (m *measurer) word(s string) float32 {
	if w, ok := m.cache[s]; ok {
		return w
	}
	if m.budget <= 0 {
		return m.estimate(s)
	}
	m.budget--
	w := m.measure(s)
	if len(m.cache) >= maxCachedWords {
		clear(m.cache)
	}
	m.cache[strings.Clone(s)] = w
	return w
}

// estimate sums the cached advances of the code points of s.
func (m *measurer) estimate(s string) float32 {
	var w float32
	for _, c := range s {
		a, ok := m.runes[c]
		if !ok {
			a = m.measure(string(c))
			m.runes[c] = a
		}
		w += a
	}
	return w
}

// measure returns the rendered width of s, uncached here (Fyne's painter keeps
// its own short-lived cache).
func (m *measurer) measure(s string) float32 {
	if s == "" {
		return 0
	}
	return fyne.MeasureText(s, m.size, m.style).Width
}

// token is a run of word characters or of white space, in code points.
type token struct {
	start, end int
	w          float32
	space      bool
}

// para is one paragraph: code points [start, end) (the "\n" excluded) and
// its tokens toks[t0:t1].
type para struct {
	start, end int
	t0, t1     int
	blank      bool // only white space: takes no height
	rtl        bool // holds right-to-left text: laid out with bidi
}

// document is a text split into paragraphs and tokens with measured widths.
type document struct {
	runes []rune
	toks  []token
	paras []para
	bidi  map[int]*paraBidi // resolved levels by paragraph start, filled lazily
}

// isBreakSpace reports whether c is white space a line may wrap at. The
// no-break space keeps its words together.
func isBreakSpace(c rune) bool {
	return c != '\n' && c != '\u00a0' && unicode.IsSpace(c)
}

// tokenize splits text into paragraphs and tokens, measuring each token.
func tokenize(text string, m *measurer) document {
	d := document{runes: make([]rune, 0, utf8.RuneCountInString(text))}
	m.budget = exactWordsPerText
	tokStart, tokByte := 0, 0
	tokSpace := false
	paraStart, paraTok := 0, 0
	rtl := false
	closeTok := func(end, endByte int) {
		if end > tokStart {
			d.toks = append(d.toks, token{start: tokStart, end: end, w: m.word(text[tokByte:endByte]), space: tokSpace})
		}
	}
	closePara := func(end int) {
		blank := true
		for _, t := range d.toks[paraTok:] {
			if !t.space {
				blank = false
				break
			}
		}
		d.paras = append(d.paras, para{start: paraStart, end: end, t0: paraTok, t1: len(d.toks), blank: blank, rtl: rtl})
		rtl = false
	}
	for b, c := range text {
		i := len(d.runes)
		d.runes = append(d.runes, c)
		if c == '\n' {
			closeTok(i, b)
			closePara(i)
			paraStart, paraTok = i+1, len(d.toks)
			tokStart, tokByte = i+1, b+1
			continue
		}
		if c >= 0x0590 && !rtl {
			rtl = hasRTL(c)
		}
		sp := isBreakSpace(c)
		if i > tokStart && sp != tokSpace {
			closeTok(i, b)
			tokStart, tokByte = i, b
		}
		tokSpace = sp
	}
	closeTok(len(d.runes), len(text))
	closePara(len(d.runes))
	return d
}

// line is one visual line: code points [start, end) at content height y.
type line struct {
	start, end int
	y          float32
	blank      bool // a white-space-only paragraph: zero height
	paraEnd    bool // the last line of its paragraph
	bidi       bool // its paragraph holds right-to-left text
}

// wrapPara appends the visual lines of p, wrapped to avail, to out. Lines
// break before a word that does not fit; spaces hang at the end of a line; a
// word wider than avail is split between characters.
func wrapPara(d *document, p para, avail float32, m *measurer, out []line) []line {
	if p.blank {
		return append(out, line{start: p.start, end: p.end, blank: true, paraEnd: true})
	}
	first := len(out)
	lineStart, x, hasWord := p.start, float32(0), false
	for _, t := range d.toks[p.t0:p.t1] {
		if t.space {
			x += t.w
			continue
		}
		if hasWord && x+t.w > avail {
			out = append(out, line{start: lineStart, end: t.start})
			lineStart, x, hasWord = t.start, 0, false
		}
		if t.w > avail && x == 0 {
			a := t.start
			for a < t.end {
				k := fitChars(d.runes, a, t.end, avail, m)
				if k == t.end {
					break
				}
				out = append(out, line{start: lineStart, end: k})
				lineStart, a = k, k
			}
			x, hasWord = m.measure(string(d.runes[a:t.end])), true
			continue
		}
		x += t.w
		hasWord = true
	}
	out = append(out, line{start: lineStart, end: p.end, paraEnd: true})
	if p.rtl {
		for i := first; i < len(out); i++ {
			out[i].bidi = true
		}
	}
	return out
}

// fitChars returns the largest k in (a, end] such that runes[a:k] fits in
// avail, and at least a+1 so that every line makes progress.
func fitChars(runes []rune, a, end int, avail float32, m *measurer) int {
	lo, hi := a+1, end
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if m.measure(string(runes[a:mid])) <= avail {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// wrapString wraps a short single-style string (the header) to avail and
// returns its lines' text.
func wrapString(s string, avail float32, m *measurer) []string {
	d := tokenize(s, m)
	var lines []line
	for _, p := range d.paras {
		lines = wrapPara(&d, p, avail, m, lines)
	}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if l.blank {
			continue
		}
		out = append(out, strings.TrimRightFunc(string(d.runes[l.start:l.end]), isBreakSpace))
	}
	return out
}
