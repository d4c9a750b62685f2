//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package search

import "syscall"

// lowOnSpace reports whether the file system holding path has less than
// minFree bytes left for this process.
func lowOnSpace(path string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return false
	}
	return uint64(st.Bavail)*uint64(st.Bsize) < minFree
}
