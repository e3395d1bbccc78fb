package storage

import (
	"os"
	"path/filepath"
	"testing"

	"eventatlas/annotate"
)

func TestNetworkFileSystem(t *testing.T) {
	// The test folder is local here (tmpfs or a disk): WAL mode is used.
	dir := t.TempDir()
	if fs := networkFileSystem(filepath.Join(dir, "p.gpkg")); fs != "" {
		t.Skipf("the test folder is on %s", fs)
	}
	p, err := Create(filepath.Join(dir, "p.gpkg"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.SaveActor(&annotate.Actor{ID: "a1", Name: "Border guards"}); err != nil {
		t.Fatal(err)
	}
	if !p.wal || p.noWAL {
		t.Errorf("a project on a local file system: wal %v, noWAL %v; want WAL mode", p.wal, p.noWAL)
	}
	for magic, name := range map[int64]string{0x6969: "NFS", 0xFF534D42: "CIFS", 0xFE534D42: "SMB2", 0x65735546: "FUSE"} {
		if networkFS[magic] != name {
			t.Errorf("magic %#x is %q, want %q", magic, networkFS[magic], name)
		}
	}
	for _, local := range []int64{0xEF53 /* ext4 */, 0x01021994 /* tmpfs */, 0x9123683E /* btrfs */, 0x58465342 /* xfs */} {
		if networkFS[local] != "" {
			t.Errorf("local file system %#x taken for a network one", local)
		}
	}
}

// TestNetworkFolderKeepsJournal: a project on a network file system keeps
// the rollback journal — edits work, no -wal file appears.
func TestNetworkFolderKeepsJournal(t *testing.T) {
	fileSystemOf = func(string) string { return "NFS" }
	t.Cleanup(func() { fileSystemOf = networkFileSystem })
	path := filepath.Join(t.TempDir(), "shared.gpkg")
	p, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.SaveActor(&annotate.Actor{ID: "a1", Name: "Border guards"}); err != nil {
		t.Fatal(err)
	}
	if p.wal || !p.noWAL {
		t.Errorf("wal %v, noWAL %v; want the rollback journal", p.wal, p.noWAL)
	}
	var mode string
	if err := p.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "delete" {
		t.Errorf("journal_mode %q (%v), want delete", mode, err)
	}
	if _, err := os.Stat(path + "-wal"); !os.IsNotExist(err) {
		t.Errorf("a -wal file beside a project on a network file system: %v", err)
	}
	actors, err := p.Actors()
	if err != nil || len(actors) == 0 {
		t.Errorf("actors %v, %v", actors, err)
	}
}
