package cli

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"khabar/internal/follow/newsroom"
	"khabar/internal/queue/natstest"
	"khabar/internal/store/postgres"
	"khabar/internal/store/postgres/pgtest"
)

// khabarEnv runs the command line in-process with the environment vars.
func khabarEnv(ctx context.Context, vars map[string]string, args ...string) result {
	var out, errb syncBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}
	code := run(ctx, args, e)
	return result{out.String(), errb.String(), code}
}

// TestQueueFetch: fetch --queue publishes what it fetches; a worker
// analyses it and the linker stores it in PostgreSQL; sources list
// --queue shows the queue drained and no dead letters.
func TestQueueFetch(t *testing.T) {
	if testing.Short() {
		t.Skip("starts servers")
	}
	pg := pgtest.URL(t)
	vars := map[string]string{"KHABAR_QUEUE": natstest.URL(t), "KHABAR_QUEUE_PREFIX": natstest.Prefix(t), "KHABAR_STORE": pg}
	room := newsroom.New(t, 3)
	ctx := t.Context()
	if r := khabarEnv(ctx, vars, "sources", "add", "--allow-private", room.Hindi.URL+"/rss.xml"); r.code != 0 {
		t.Fatalf("sources add: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for _, args := range [][]string{{"worker", "-j", "1"}, {"worker", "--link"}} {
		wg.Go(func() {
			if r := khabarEnv(wctx, vars, args...); r.code != 0 {
				t.Errorf("%v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
			}
		})
	}
	defer func() { stop(); wg.Wait() }()
	r := khabarEnv(ctx, vars, "fetch", "--once", "--allow-private", "--delay", "0")
	if r.code != 0 || !strings.Contains(r.stdout, " new,") {
		t.Fatalf("fetch --once --queue: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	st, err := postgres.Open(ctx, pg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for deadline := time.Now().Add(2 * time.Minute); ; {
		n, err := st.Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		l := khabarEnv(ctx, vars, "sources", "list")
		if n >= 3 && strings.Contains(l.stdout, ": 0 raw articles waiting for analysis, 0 records waiting for the linker, 0 dead letters") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d articles stored; fetch said:\n%s\nsources list:\n%s%s", n, r.stdout, l.stdout, l.stderr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
