package storage

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// lookProject is the 100,000-event project the speed notes measure; the
// benchmarks read a copy and skip when it is absent.
const lookProject = "/work/notes/look/100k.gpkg"

// copy100k copies lookProject into a temporary folder, or builds a
// project of benchN events when it is absent.
func copy100k(b *testing.B) string {
	b.Helper()
	in, err := os.Open(lookProject)
	if err != nil {
		return benchProject(b)
	}
	defer in.Close()
	path := filepath.Join(b.TempDir(), "100k.gpkg")
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenCheck100k times checkValues alone, the open check's cost,
// on 100,000 events.
func BenchmarkOpenCheck100k(b *testing.B) {
	p, err := Open(copy100k(b))
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for b.Loop() {
		if err := checkValues(p.db, currentSchema()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen100k times Open and Close of 100,000 events, the open check
// included.
func BenchmarkOpen100k(b *testing.B) {
	path := copy100k(b)
	for b.Loop() {
		p, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}
