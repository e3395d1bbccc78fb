package storage

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// Magic numbers (statfs f_type) of the file systems where several machines
// may open one file: NFS, SMB/CIFS, AFS, Ceph, GlusterFS and FUSE (sshfs,
// cloud-drive clients). SQLite's WAL mode keeps its index in shared memory,
// which does not work across machines, so projects there keep the rollback
// journal (https://sqlite.org/wal.html, "all processes ... on the same
// host").
var networkFS = map[int64]string{
	0x6969:     "NFS",
	0x517B:     "SMB",
	0xFF534D42: "CIFS",
	0xFE534D42: "SMB2",
	0x5346414F: "AFS",
	0x00C36400: "Ceph",
	0x65735546: "FUSE",
}

// fileSystemOf is networkFileSystem; tests replace it.
var fileSystemOf = networkFileSystem

// networkFileSystem names the network file system the folder of path is
// on, "" for a local one (or when it cannot be told).
func networkFileSystem(path string) string {
	var st unix.Statfs_t
	if err := unix.Statfs(filepath.Dir(path), &st); err != nil {
		return ""
	}
	return networkFS[int64(st.Type)]
}
