package cli

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// buildKhabar builds the real binary for tests that run it as users do,
// or skips when there is no go command.
func buildKhabar(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build khabar: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "khabar")
	cmd := exec.Command(goBin, "build", "-o", bin, "khabar/cmd/khabar")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// child is a running khabar whose stderr lines the test watches.
type child struct {
	cmd    *exec.Cmd
	mu     sync.Mutex
	lines  []string
	exited chan error
}

func start(t *testing.T, bin string, args ...string) *child {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "KHABAR_LOG=info", "KHABAR_DATA=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, exited: make(chan error, 1)}
	read := make(chan struct{})
	go func() {
		defer close(read)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			c.mu.Lock()
			c.lines = append(c.lines, sc.Text())
			c.mu.Unlock()
		}
	}()
	go func() {
		<-read
		c.exited <- cmd.Wait()
	}()
	return c
}

func (c *child) stderr() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(c.lines, "\n")
}

// killWhen kills the child with SIGKILL as soon as ready returns true
// (checked every millisecond), then after a further random wait of up to
// jitter. It reports whether the child was still running when killed.
func (c *child) killWhen(t *testing.T, ready func() bool, jitter time.Duration) bool {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !ready() {
		select {
		case err := <-c.exited:
			c.exited <- err
			return false
		case <-time.After(time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("the child never reached the phase:\n%s", c.stderr())
		}
	}
	if jitter > 0 {
		time.Sleep(rand.N(jitter))
	}
	select {
	case err := <-c.exited:
		c.exited <- err
		return false
	default:
	}
	_ = c.cmd.Process.Signal(syscall.SIGKILL)
	err := <-c.exited
	return err != nil && strings.Contains(err.Error(), "killed")
}

// TestKillAtEveryPhase is issue 17 #1: khabar killed with SIGKILL at every
// phase of the index's life — while the index is first created, at the
// first batches, part-way through an ingest, while a rebuild (by ingest,
// by "khabar rebuild index", or by a search that repairs) runs — always
// resumes: the next run opens the folder, and in the end the index holds
// every stored article once. KHABAR_KILL_TRIALS sets the kills per phase
// (default 1).
func TestKillAtEveryPhase(t *testing.T) {
	bin := buildKhabar(t)
	trials := 1
	if v, err := strconv.Atoi(os.Getenv("KHABAR_KILL_TRIALS")); err == nil && v > 0 {
		trials = v
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	const n = 150
	if _, err := generateArticles(in, n, 1000, 11); err != nil {
		t.Fatal(err)
	}
	ingestArgs := func(data string) []string { return []string{"ingest", "-q", "-j", "2", "--data", data, in} }
	stored := func(data string) func() int {
		return func() int { return countArticles(filepath.Join(data, "khabar.db")) }
	}
	creating := func(data string) func() bool {
		return func() bool {
			m, _ := filepath.Glob(filepath.Join(data, "index.bleve.new-*"))
			return len(m) > 0
		}
	}
	// full makes a complete folder to rebuild from.
	full := filepath.Join(dir, "full")
	if r := run1(t, bin, ingestArgs(full)...); r != "" {
		t.Fatal(r)
	}

	type phase struct {
		name string
		// prepare makes the folder the phase starts from and returns the
		// command to kill.
		prepare func(data string) []string
		ready   func(data string) func() bool
		jitter  time.Duration
		// resume is the command that must carry on.
		resume func(data string) []string
	}
	copyFull := func(data string) {
		if err := os.CopyFS(data, os.DirFS(full)); err != nil {
			t.Fatal(err)
		}
	}
	search := func(data string) []string { return []string{"search", "--data", data, "भाषा"} }
	phases := []phase{
		// As the probe did: a kill 0.1 to 0.7 s into the first ingest.
		{name: "first second", prepare: ingestArgs, ready: func(string) func() bool {
			t0 := time.Now()
			return func() bool { return time.Since(t0) > 100*time.Millisecond }
		}, jitter: 600 * time.Millisecond, resume: ingestArgs},
		{name: "create index", prepare: ingestArgs, ready: creating, resume: ingestArgs},
		// The moment index.bleve appears (where an older khabar created
		// the index in place, and a kill left it half-made).
		{name: "index appears", prepare: ingestArgs, ready: func(d string) func() bool {
			return func() bool { return fileExists(filepath.Join(d, "index.bleve")) }
		}, jitter: 5 * time.Millisecond, resume: ingestArgs},
		{name: "create index, late", prepare: ingestArgs, ready: creating, jitter: 30 * time.Millisecond, resume: ingestArgs},
		{name: "first batches", prepare: ingestArgs,
			ready: func(d string) func() bool { return func() bool { return stored(d)() >= 1 } }, jitter: 300 * time.Millisecond, resume: ingestArgs},
		{name: "mid ingest", prepare: ingestArgs,
			ready: func(d string) func() bool { return func() bool { return stored(d)() >= n/2 } }, jitter: 300 * time.Millisecond, resume: ingestArgs},
		{name: "rebuild by ingest", prepare: func(d string) []string {
			copyFull(d)
			os.RemoveAll(filepath.Join(d, "index.bleve"))
			return ingestArgs(d)
		}, ready: func(d string) func() bool {
			return func() bool { return creating(d)() || fileExists(filepath.Join(d, "index.bleve")) }
		}, jitter: 150 * time.Millisecond, resume: ingestArgs},
		{name: "rebuild index command", prepare: func(d string) []string {
			copyFull(d)
			return []string{"rebuild", "--data", d, "index"}
		}, ready: func(d string) func() bool {
			return func() bool { return creating(d)() || !fileExists(filepath.Join(d, "index.bleve")) }
		}, jitter: 150 * time.Millisecond, resume: func(d string) []string { return []string{"rebuild", "--data", d, "index"} }},
		{name: "repair by search", prepare: func(d string) []string {
			copyFull(d)
			os.RemoveAll(filepath.Join(d, "index.bleve"))
			return search(d)
		}, ready: func(d string) func() bool {
			return func() bool { return creating(d)() || fileExists(filepath.Join(d, "index.bleve")) }
		}, jitter: 150 * time.Millisecond, resume: search},
	}
	kills := 0
	for _, p := range phases {
		for trial := range trials {
			t.Run(fmt.Sprintf("%s/%d", p.name, trial), func(t *testing.T) {
				data := filepath.Join(t.TempDir(), "data")
				c := start(t, bin, p.prepare(data)...)
				if !c.killWhen(t, p.ready(data), p.jitter) {
					t.Logf("%s: the child finished before the kill", p.name)
				} else {
					kills++
					t.Logf("%s: killed with %d stored, index: %s", p.name, stored(data)(), describeIndex(data))
				}
				if r := run1(t, bin, p.resume(data)...); r != "" {
					t.Fatalf("resume after the kill: %s", r)
				}
				if r := run1(t, bin, ingestArgs(data)...); r != "" {
					t.Fatalf("ingest after the kill: %s", r)
				}
				d, err := openData(t.Context(), &env{}, data, forRead)
				if err != nil {
					t.Fatal(err)
				}
				defer d.Close()
				sc, _ := d.store.Count(t.Context())
				ic, err := d.index.(interface{ Count() (uint64, error) }).Count()
				if sc != n || err != nil || ic != uint64(n) {
					t.Errorf("store %d, index %d (%v): want %d each", sc, ic, err, n)
				}
				if p, _ := d.store.PendingCount(t.Context()); p != 0 {
					t.Errorf("%d left pending", p)
				}
			})
		}
	}
	t.Logf("%d kills in %d phases × %d trials", kills, len(phases), trials)
}

// run1 runs the binary to the end and returns "" on success, or what went
// wrong.
func run1(t *testing.T, bin string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "KHABAR_DATA=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Sprintf("khabar %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return ""
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// describeIndex says what a killed run left of the index.
func describeIndex(data string) string {
	var parts []string
	if fileExists(filepath.Join(data, "index.bleve")) {
		parts = append(parts, "index.bleve")
	}
	if m, _ := filepath.Glob(filepath.Join(data, "index.bleve.new-*")); len(m) > 0 {
		parts = append(parts, fmt.Sprintf("%d half-made beside it", len(m)))
	}
	if len(parts) == 0 {
		return "absent"
	}
	return strings.Join(parts, ", ")
}

// TestIngestRaceNewFolder is issue 17 #10 with the real binary: two
// ingests started at once on a new folder either both finish (one waited
// for the other) or the loser says the folder is in use — never "path
// already exists", a half-made index or a migration error.
func TestIngestRaceNewFolder(t *testing.T) {
	bin := buildKhabar(t)
	in := filepath.Join(t.TempDir(), "in")
	if _, err := generateArticles(in, 150, 1500, 2); err != nil {
		t.Fatal(err)
	}
	inUse := 0
	for round := range 4 {
		data := filepath.Join(t.TempDir(), "data")
		outs := make(chan string, 2)
		for range 2 {
			go func() { outs <- run1(t, bin, "ingest", "-q", "--data", data, in) }()
		}
		for range 2 {
			out := <-outs
			switch {
			case out == "":
			case strings.Contains(out, "in use"):
				inUse++
			default:
				t.Errorf("round %d: %s", round, out)
			}
		}
		if r := run1(t, bin, "search", "--data", data, "भाषा"); r != "" {
			t.Errorf("round %d: search after the race: %s", round, r)
		}
	}
	t.Logf("4 races: %d losers said the folder is in use, the others waited", inUse)
}
