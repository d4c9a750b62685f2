package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"khabar/internal/follow/newsroom"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

// TestSoakFollow runs khabar serve in a child process following 200 feeds
// for $KHABAR_SOAK (e.g. 10m) while the newsroom publishes an article every
// few seconds, and logs the server's resident memory over time: it should
// stay flat. Skipped unless KHABAR_SOAK is set.
//
//	KHABAR_SOAK=10m go test ./internal/cli -run TestSoakFollow -v -timeout 30m
func TestSoakFollow(t *testing.T) {
	d, err := time.ParseDuration(os.Getenv("KHABAR_SOAK"))
	if err != nil || d <= 0 {
		t.Skip("set KHABAR_SOAK to a duration (e.g. 10m) to run the memory soak")
	}
	dir := t.TempDir()
	if _, err := generateArticles(filepath.Join(dir, "gen"), 300, 5000, 5); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "gen", "*", "*.txt"))
	var arts []newsroom.Article
	for i, f := range files {
		b, _ := os.ReadFile(f)
		title, _, _ := strings.Cut(string(b), "\n")
		arts = append(arts, newsroom.Article{Path: fmt.Sprintf("/a/%05d", i), Title: title, Body: string(b),
			Published: time.Now().Add(-time.Duration(len(files)-i) * time.Minute)})
	}
	// The first 200 are published now, the rest one by one during the run.
	outlets, room := newsroom.Outlets(t, []string{"127.0.0.21", "127.0.0.22", "127.0.0.23", "127.0.0.24"}, arts[:200])
	data := filepath.Join(dir, "data")
	if r := khabar(t, t.Context(), "", "sources", "list", "--data", data); r.code == 0 {
		t.Fatal("data folder exists")
	}
	os.MkdirAll(data, 0o755)
	if d, err := openData(t.Context(), &env{}, data, forWrite); err != nil {
		t.Fatal(err)
	} else {
		d.Close()
	}
	st, err := sqlite.Open(t.Context(), filepath.Join(data, "khabar.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		o := outlets[i%len(outlets)]
		src := &store.Source{URL: fmt.Sprintf("%s/rss.xml?part=%d&of=50", o.URL, i/len(outlets)), Kind: store.KindRSS}
		if _, err := st.AddSource(t.Context(), src); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	// Every feed is asked again within a minute or two: 200 conditional
	// requests a minute, and the new articles.
	args := []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--allow-private", "--delay", "0",
		"--min-interval", "30s", "--max-interval", "90s"}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "KHABAR_TEST_CHILD_ARGS="+strings.Join(args, "\x1f"), "KHABAR_LOG=warn")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	start := time.Now()
	next := 200
	tick := time.NewTicker(10 * time.Second)
	defer tick.Stop()
	for time.Since(start) < d {
		<-tick.C
		for range 3 { // an article every few seconds
			if next < len(arts) {
				outlets[next%len(outlets)].Publish(arts[next])
				next++
			}
		}
		rss, hwm := procMem(cmd.Process.Pid)
		t.Logf("%6s  rss %6.1f MB  peak %6.1f MB  stored %d  requests %d", time.Since(start).Round(time.Second), rss, hwm,
			countArticles(filepath.Join(data, "khabar.db")), len(room.Requests()))
	}
	if testing.Verbose() {
		t.Logf("server output:\n%s", out.String())
	}
}

// procMem returns the resident and peak resident memory of process pid in
// MB, from /proc.
func procMem(pid int) (rss, hwm float64) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1, -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		fs := strings.Fields(v)
		if len(fs) == 0 {
			continue
		}
		n, _ := strconv.ParseFloat(fs[0], 64)
		switch k {
		case "VmRSS":
			rss = n / 1024
		case "VmHWM":
			hwm = n / 1024
		}
	}
	return rss, hwm
}
