// Package pgtest gives tests a PostgreSQL database of their own: a fresh
// schema on the server that KHABAR_TEST_POSTGRES names, dropped when the
// test ends. Tests skip, saying why, when no server is at hand.
//
// A package whose tests call URL may run them through Main, which starts a
// throwaway cluster on 127.0.0.1 when KHABAR_TEST_POSTGRES is unset and the
// PostgreSQL server programs are installed (initdb refuses to run as root,
// so root needs the variable).
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL is the variable that names the test server, as a URL such as
// postgres://postgres@127.0.0.1:5432/khabar_test?sslmode=disable. The
// user may create and drop schemas in its database.
const EnvURL = "KHABAR_TEST_POSTGRES"

// unavailable says why Main started no server, for the skip message.
var unavailable string

// URL returns the URL of a new, empty schema on the test server (the
// search_path of its connections), dropped with all it holds when tb ends.
// It skips tb when EnvURL is unset.
func URL(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(EnvURL)
	if base == "" {
		why := EnvURL + " is unset (e.g. postgres://postgres@127.0.0.1:5432/khabar_test?sslmode=disable; .ci/run sets it)"
		if unavailable != "" {
			why += ", and " + unavailable
		}
		tb.Skip("no PostgreSQL: " + why)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "khabar_test_" + hex.EncodeToString(b)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("pgtest: connect to %s: %v", EnvURL, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("pgtest: create schema: %v", err)
	}
	tb.Cleanup(func() {
		// tb's context has ended by now.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			tb.Errorf("pgtest: drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("pgtest: drop schema %s: %v", schema, err)
		}
	})
	u, err := WithSearchPath(base, schema)
	if err != nil {
		tb.Fatalf("pgtest: %s: %v", EnvURL, err)
	}
	return u
}

// WithSearchPath returns the connection string s (a URL or libpq's
// key=value form) with its search_path set to schema.
func WithSearchPath(s, schema string) (string, error) {
	if !strings.HasPrefix(s, "postgres://") && !strings.HasPrefix(s, "postgresql://") {
		return s + " search_path=" + schema, nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// Main runs m and returns its exit code. When EnvURL is unset and the
// PostgreSQL server programs are found, it first starts a cluster in a
// temporary folder, listening on 127.0.0.1 only, sets EnvURL to it for the
// run, and stops and removes it afterwards. Use it as
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
func Main(m *testing.M) int {
	if os.Getenv(EnvURL) != "" {
		return m.Run()
	}
	c, err := start()
	if err != nil {
		unavailable = err.Error()
		return m.Run()
	}
	defer c.stop()
	os.Setenv(EnvURL, c.url)
	defer os.Unsetenv(EnvURL)
	return m.Run()
}

// cluster is a throwaway PostgreSQL cluster.
type cluster struct {
	bin, dir, url string
}

// serverBin returns the folder of pg_ctl and initdb: on PATH, or the
// newest of Debian's /usr/lib/postgresql/*/bin.
func serverBin() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int {
		va, _ := strconv.Atoi(filepath.Base(filepath.Dir(a)))
		vb, _ := strconv.Atoi(filepath.Base(filepath.Dir(b)))
		return vb - va
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("no PostgreSQL server programs (pg_ctl, initdb) were found to start one")
}

func start() (*cluster, error) {
	bin, err := serverBin()
	if err != nil {
		return nil, err
	}
	if os.Geteuid() == 0 {
		return nil, errors.New("initdb refuses to run as root, so no server was started")
	}
	dir, err := os.MkdirTemp("", "khabar-pgtest-")
	if err != nil {
		return nil, err
	}
	c := &cluster{bin: bin, dir: dir}
	if err := c.run("initdb", "-D", c.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c synchronous_commit=off -c full_page_writes=off", port, dir)
	if err := c.run("pg_ctl", "-D", c.data(), "-l", filepath.Join(dir, "log"), "-w", "-o", opts, "start"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	c.url = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	return c, nil
}

func (c *cluster) data() string { return filepath.Join(c.dir, "data") }

func (c *cluster) run(prog string, args ...string) error {
	out, err := exec.Command(filepath.Join(c.bin, prog), args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", prog, err, strings.TrimSpace(string(out)))
	}
	return nil
}

func (c *cluster) stop() {
	_ = c.run("pg_ctl", "-D", c.data(), "-m", "immediate", "-w", "stop")
	os.RemoveAll(c.dir)
}

// freePort returns a TCP port free on 127.0.0.1 a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
