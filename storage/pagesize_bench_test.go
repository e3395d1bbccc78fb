package storage

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkPageSizes compares, side by side in one run, new projects made
// with 4, 16 and 64 KiB pages: a bulk import of 100k events, then opening
// the project and loading what the map needs, then single edits (p50/p99).
func BenchmarkPageSizes(b *testing.B) {
	events := benchEvents(benchN)
	defer func(old int) { createPageSize = old }(createPageSize)
	for _, size := range []int{4096, 16384, 65536} {
		b.Run(fmt.Sprintf("page=%dK", size>>10), func(b *testing.B) {
			createPageSize = size
			var imp, open time.Duration
			var path string
			for i := 0; i < b.N; i++ {
				path = filepath.Join(b.TempDir(), "p.gpkg")
				p, err := Create(path)
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if _, err := p.ImportEvents(events); err != nil {
					b.Fatal(err)
				}
				imp += time.Since(start)
				if err := p.Close(); err != nil {
					b.Fatal(err)
				}
				start = time.Now()
				q, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				if m, err := q.MapEvents(); err != nil || len(m) != benchN {
					b.Fatalf("MapEvents = %d, %v", len(m), err)
				}
				open += time.Since(start)
				var got int
				if err := q.db.QueryRow(`PRAGMA page_size`).Scan(&got); err != nil || got != size {
					b.Fatalf("page_size = %d, %v; want %d", got, err, size)
				}
				if i == b.N-1 {
					p50, p99 := editLatency(b, q, 300)
					b.ReportMetric(float64(p50)/1e6, "edit-p50-ms")
					b.ReportMetric(float64(p99)/1e6, "edit-p99-ms")
				}
				q.Close()
			}
			b.ReportMetric(imp.Seconds()*1000/float64(b.N), "import-ms")
			b.ReportMetric(open.Seconds()*1000/float64(b.N), "open+map-ms")
		})
	}
}
