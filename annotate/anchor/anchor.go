package anchor

import "eventatlas/annotate"

// Threshold is the least similarity, 1 - editDistance/len(quote), at which a
// changed quote is accepted as the same evidence (Fuzzy). Below it the span
// is an Orphan.
const Threshold = 0.8

// trustContext is the context similarity above which an exact occurrence of
// the quote is taken without looking for approximate ones, and a match near
// the old position without searching the whole text.
const trustContext = 0.5

// nearby is how far around the old position, in code points, a span is
// looked for before the whole text is searched.
const nearby = 4096

// Status tells how a span was found again.
type Status int

const (
	// Orphan: the quote was not found; the span is returned unchanged for the
	// user to fix. It is the zero Status.
	Orphan Status = iota
	// Exact: the quote still stands at its offsets.
	Exact
	// Moved: the exact quote was found at other offsets.
	Moved
	// Fuzzy: text close enough to the quote (similarity >= Threshold) was
	// found; the span now covers that text.
	Fuzzy
)

// String names the status.
func (s Status) String() string {
	switch s {
	case Exact:
		return "exact"
	case Moved:
		return "moved"
	case Fuzzy:
		return "fuzzy"
	default:
		return "orphan"
	}
}

// Result is a span re-anchored in a new text.
type Result struct {
	// Span has the new Start and End and the Quote, Prefix and Suffix now
	// there; for an Orphan it is the span as given.
	Span   annotate.Span
	Status Status
	// Score is the similarity of the new quote to the old one: 1 for Exact
	// and Moved, in [Threshold, 1) for Fuzzy, 0 for Orphan.
	Score float64
}

// Reanchor finds every span again in text (see the package doc).
func Reanchor(text string, spans []annotate.Span) []Result {
	t := prepare(text)
	out := make([]Result, len(spans))
	for i, s := range spans {
		out[i] = t.anchor(s)
	}
	return out
}

// ReanchorOne finds one span again in text.
func ReanchorOne(text string, s annotate.Span) Result {
	return prepare(text).anchor(s)
}

// candidate is a possible new place for a span, in sym offsets.
type candidate struct {
	start, end, dist int
	ctx, total       float64
}

// query is a span being re-anchored, as symbols of the text.
type query struct {
	quote, prefix, suffix []int32
	old                   int // the old start, for closeness
}

func (t *text) anchor(s annotate.Span) Result {
	orphan := Result{Span: s, Status: Orphan}
	if s.Quote == "" || len(t.sym) == 0 {
		return orphan
	}
	if 0 <= s.Start && s.Start < s.End && s.End <= len(t.orig) && string(t.orig[s.Start:s.End]) == s.Quote {
		return Result{Span: t.span(s, s.Start, s.End), Status: Exact, Score: 1}
	}
	old := min(max(s.Start, 0), len(t.sym))
	q := query{t.symbols(s.Quote), t.symbols(s.Prefix), t.symbols(s.Suffix), old}
	lo, hi := max(0, old-nearby), min(len(t.sym), old+len(q.quote)+nearby)
	best := t.find(q, lo, hi)
	if best.ctx < trustContext && (lo > 0 || hi < len(t.sym)) {
		best = better(best, t.find(q, 0, len(t.sym)))
	}
	if best.total < 0 {
		return orphan
	}
	start, end := t.trim(t.origIndex(best.start), t.origIndex(best.end))
	if start == end {
		return orphan
	}
	r := Result{Span: t.span(s, start, end), Status: Moved, Score: 1}
	if best.dist > 0 {
		r.Status, r.Score = Fuzzy, 1-float64(best.dist)/float64(len(q.quote))
	}
	return r
}

// find returns the best place for q in sym[lo:hi]: the exact occurrence
// whose context matches best, or, when none keeps its context, the best
// approximate match (which may still be an exact one). Total is -1 when
// there is none.
func (t *text) find(q query, lo, hi int) candidate {
	best := candidate{total: -1}
	exact := t.occurrences(q.quote, lo, hi)
	for _, at := range exact {
		best = better(best, t.score(q, at, at+len(q.quote), 0))
	}
	if best.ctx < trustContext {
		t.approximate(q, lo, hi, func(c candidate) { best = better(best, c) })
	}
	// Text added right around a quote that still stands verbatim is not
	// evidence the user marked: keep the quote.
	for _, at := range exact {
		if best.dist > 0 && best.start <= at && at+len(q.quote) <= best.end {
			return t.score(q, at, at+len(q.quote), 0)
		}
	}
	return best
}

func better(a, b candidate) candidate {
	if b.total > a.total {
		return b
	}
	return a
}

// score rates sym[start:end) as the new place of q, dist edits away.
func (t *text) score(q query, start, end, dist int) candidate {
	n := annotate.ContextLen
	ctx := (similarity(q.prefix, t.sym[max(0, start-n):start]) +
		similarity(q.suffix, t.sym[end:min(len(t.sym), end+n)])) / 2
	near := max(0, 1-float64(abs(start-q.old))/float64(len(t.sym)))
	sim := 1 - float64(dist)/float64(len(q.quote))
	return candidate{start, end, dist, ctx, 0.5*sim + 0.4*ctx + 0.1*near}
}

// approximate reports, for each run of adjacent ends within Threshold of the
// quote, its best match: least distance, then length nearest the quote's.
func (t *text) approximate(q query, lo, hi int, report func(candidate)) {
	m := len(q.quote)
	k := int(float64(m)*(1-Threshold) + 1e-9) // most edits allowed
	if k == 0 {
		return // too short to tell a typo from another word
	}
	type hit struct{ end, d int }
	var run []hit
	flush := func() {
		if len(run) == 0 {
			return
		}
		least := run[0].d
		for _, h := range run {
			least = min(least, h.d)
		}
		best := candidate{start: -1}
		for _, h := range run {
			if h.d != least {
				continue
			}
			from := max(0, h.end-m-k)
			s, d := alignStart(q.quote, t.sym[from:h.end])
			s += from
			if best.start < 0 || abs(h.end-s-m) < abs(best.end-best.start-m) {
				best = candidate{start: s, end: h.end, dist: d}
			}
		}
		best = t.refine(q, best, k)
		report(t.score(q, best.start, best.end, best.dist))
		run = run[:0]
	}
	newMatcher(q.quote, len(t.alpha)).scan(t.sym[lo:hi], k, func(end, d int) {
		end += lo
		if len(run) > 0 && run[len(run)-1].end != end-1 {
			flush()
		}
		run = append(run, hit{end, d})
	})
	flush()
}
