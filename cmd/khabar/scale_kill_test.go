package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"khabar/internal/queue/natstest"
	"khabar/internal/store/postgres/pgtest"
)

// TestScaleKill runs scripts/scale-kill.sh with the binary built from this
// checkout: one ingest publishing to a real NATS JetStream server, three
// workers, two linkers and an API server as separate processes on a real
// PostgreSQL store; a worker and the active linker are killed with SIGKILL
// mid-stream and started again; the store must hold every article once
// and its export must equal a single-process SQLite ingest of the same
// input. KHABAR_SCALE_KILL sets the number of articles (the full
// size is 10000); by default 300, about a minute here. Unless
// KHABAR_LINK_RECENT is set, the linkers keep only the last 100 articles
// and 10 days (KHABAR_LINK_WINDOW), so that most of the input is evicted
// from their memory while they are killed and take over.
func TestScaleKill(t *testing.T) {
	for _, tool := range []string{"bash", "curl", "bc"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("scripts/scale-kill.sh needs %s", tool)
		}
	}
	n := 300
	if s := os.Getenv("KHABAR_SCALE_KILL"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			t.Fatalf("KHABAR_SCALE_KILL=%q: want a number of articles", s)
		}
		n = v
	}
	pg := pgtest.URL(t)
	nats := natstest.URL(t)
	bin := buildKhabar(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), "bash", filepath.Join(root, "scripts", "scale-kill.sh"), strconv.Itoa(n))
	cmd.Dir = root
	cmd.Env = append(os.Environ(),
		"KHABAR_BIN="+bin,
		"KHABAR_STORE="+pg,
		"KHABAR_QUEUE="+nats,
		"KHABAR_QUEUE_PREFIX="+natstest.Prefix(t),
		"KHABAR_KILL_ACK_WAIT=5s",
	)
	if os.Getenv("KHABAR_LINK_RECENT") == "" {
		// A short memory, so that the linkers evict (and load back
		// without) most of what they linked while they are killed.
		cmd.Env = append(cmd.Env, "KHABAR_LINK_RECENT=100", "KHABAR_LINK_WINDOW=240h")
	}
	cmd.WaitDelay = 10 * time.Second
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("scripts/scale-kill.sh %d (%s):\n%s", n, time.Since(start).Round(time.Second), out)
	if err != nil {
		t.Fatalf("scale-kill: %v", err)
	}
	if !strings.Contains(string(out), "PASS:") {
		t.Fatal("scale-kill: no PASS line")
	}
}
