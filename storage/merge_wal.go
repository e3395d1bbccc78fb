package storage

import (
	"crypto/sha256"
	"io"
	"os"
)

// fileDigest is the SHA-256 of the file at path, zero when it cannot be
// read. recoverCopy compares a copy's digest before and after applying a
// write-ahead log, to tell a log that changed the copy from one SQLite
// found unreadable and ignored.
func fileDigest(path string) [sha256.Size]byte {
	var sum [sha256.Size]byte
	f, err := os.Open(path)
	if err != nil {
		return sum
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum
	}
	copy(sum[:], h.Sum(nil))
	return sum
}

// hasWALHeader reports whether the file at path starts with the magic
// number of a SQLite write-ahead log.
func hasWALHeader(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var magic [4]byte
	if _, err := io.ReadFull(f, magic[:]); err != nil {
		return false
	}
	return magic == [4]byte{0x37, 0x7f, 0x06, 0x82} || magic == [4]byte{0x37, 0x7f, 0x06, 0x83}
}
