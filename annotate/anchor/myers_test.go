package anchor

import (
	"math/rand/v2"
	"testing"
)

// sellers is the textbook O(mn) DP that Myers' algorithm computes in bits:
// d[j] is the least edit distance of p to a substring of t ending at j.
func sellers(p, t []int32) []int {
	col := make([]int, len(p)+1)
	for i := range col {
		col[i] = i
	}
	out := make([]int, len(t)+1)
	out[0] = len(p)
	for j := 1; j <= len(t); j++ {
		diag := col[0] // row 0 stays 0: a match may start anywhere
		for i := 1; i <= len(p); i++ {
			sub := diag
			if p[i-1] != t[j-1] {
				sub++
			}
			diag = col[i]
			col[i] = min(sub, col[i]+1, col[i-1]+1)
		}
		out[j] = col[len(p)]
	}
	return out
}

func randSyms(r *rand.Rand, n, alphabet int) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = int32(r.IntN(alphabet))
	}
	return s
}

func TestMatcherAgreesWithSellers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, m := range []int{1, 5, 63, 64, 65, 130, 200} {
		for trial := range 20 {
			p, txt := randSyms(r, m, 4), randSyms(r, 300, 4)
			want := sellers(p, txt)
			k := m // report every end
			got := make([]int, len(txt)+1)
			got[0] = m
			for j := range got[1:] {
				got[j+1] = -1
			}
			newMatcher(p, 4).scan(txt, k, func(end, d int) { got[end] = d })
			for j := range want {
				if want[j] <= k && got[j] != want[j] {
					t.Fatalf("m=%d trial %d end %d: myers %d, sellers %d", m, trial, j, got[j], want[j])
				}
			}
		}
	}
}

func TestAlignStart(t *testing.T) {
	sym := func(s string) []int32 {
		var out []int32
		for _, r := range s {
			out = append(out, r)
		}
		return out
	}
	tests := []struct {
		p, w     string
		start, d int
	}{
		{"abc", "xxabc", 2, 0},
		{"abcdef", "xxZbcdef", 2, 1}, // a typo: the substitution, not a deletion
		{"abcdef", "xabXcdef", 1, 1}, // an insertion inside
		{"Кундуз", "в Кундузе", 2, 1},
	}
	for _, tt := range tests {
		start, d := alignStart(sym(tt.p), sym(tt.w))
		if start != tt.start || d != tt.d {
			t.Errorf("alignStart(%q, %q) = %d, %d; want %d, %d", tt.p, tt.w, start, d, tt.start, tt.d)
		}
	}
}
