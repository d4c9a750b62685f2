package dedup

import (
	"strings"
)

// Op is the kind of an Edit.
type Op string

// Edit operations.
const (
	Equal  Op = "="
	Insert Op = "+"
	Delete Op = "-"
)

// Edit is a run of words that both texts share (Equal), that only the
// second has (Insert), or that only the first has (Delete).
type Edit struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// maxDiffEdits bounds the work of Diff: texts that differ in more words
// than this are shown as the shared start and end and one replacement in
// between.
const maxDiffEdits = 1000

// Diff returns the word-level edits that turn from into to (a copy's text
// against its canonical copy's), with runs of one kind merged. Words are
// separated by white space and compared as written; paragraph breaks count
// as spaces.
func Diff(from, to string) []Edit {
	a, b := strings.Fields(from), strings.Fields(to)
	var out []Edit
	add := func(op Op, words []string) {
		if len(words) == 0 {
			return
		}
		t := strings.Join(words, " ")
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += " " + t
			return
		}
		out = append(out, Edit{Op: op, Text: t})
	}
	// Shared start and end first: copies share most of their text.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	add(Equal, a[:p])
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	for _, e := range myers(ma, mb) {
		switch e.op {
		case Equal:
			add(Equal, ma[e.i:e.i+e.n])
		case Delete:
			add(Delete, ma[e.i:e.i+e.n])
		case Insert:
			add(Insert, mb[e.j:e.j+e.n])
		}
	}
	add(Equal, a[len(a)-s:])
	return out
}

// span is n words at a[i] (Equal, Delete) or b[j] (Insert).
type span struct {
	op   Op
	i, j int
	n    int
}

// myers returns the shortest edit script from a to b (Myers 1986), or one
// Delete and one Insert when it needs more than maxDiffEdits edits.
func myers(a, b []string) []span {
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return nil
	}
	limit := min(n+m, maxDiffEdits)
	off := limit + 1
	v := make([]int, 2*limit+3)
	// trace[d] is v[-d..d] as it was before step d.
	var trace [][]int
	found := -1
	for d := 0; d <= limit && found < 0; d++ {
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		var out []span
		if n > 0 {
			out = append(out, span{op: Delete, i: 0, n: n})
		}
		if m > 0 {
			out = append(out, span{op: Insert, j: 0, n: m})
		}
		return out
	}
	var rev []span
	x, y := n, m
	for d := found; d > 0; d-- {
		pv := trace[d]
		at := func(k int) int { return pv[k+d] }
		k := x - y
		var pk int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		// The move ends at (sx, sy); a diagonal run leads on to (x, y).
		sx, sy := px+1, py
		if pk == k+1 {
			sx, sy = px, py+1
		}
		for x > sx && y > sy {
			x--
			y--
			rev = append(rev, span{op: Equal, i: x, j: y, n: 1})
		}
		if pk == k+1 {
			rev = append(rev, span{op: Insert, i: px, j: py, n: 1})
		} else {
			rev = append(rev, span{op: Delete, i: px, j: py, n: 1})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, span{op: Equal, i: x, j: y, n: 1})
	}
	// Reverse and merge runs.
	var out []span
	for i := len(rev) - 1; i >= 0; i-- {
		s := rev[i]
		if l := len(out); l > 0 && out[l-1].op == s.op {
			out[l-1].n++
			continue
		}
		out = append(out, s)
	}
	return out
}

// DiffStats counts the words of a diff.
type DiffStats struct {
	Same    int `json:"same"`
	Added   int `json:"added"`
	Removed int `json:"removed"`
}

// CountWords counts the words each kind of edit holds.
func CountWords(edits []Edit) DiffStats {
	var s DiffStats
	for _, e := range edits {
		n := len(strings.Fields(e.Text))
		switch e.Op {
		case Equal:
			s.Same += n
		case Insert:
			s.Added += n
		case Delete:
			s.Removed += n
		}
	}
	return s
}
