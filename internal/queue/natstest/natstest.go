// Package natstest gives tests a NATS server with JetStream: the one that
// KHABAR_TEST_NATS names, or else a real server (the nats-server module,
// in this process) listening on 127.0.0.1 with its store in a temporary
// folder. Tests never get a mock; a test that cannot have a server skips
// and says why.
package natstest

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// EnvURL is the variable that names the test server, as a URL such as
// nats://127.0.0.1:4222; the server must have JetStream enabled.
const EnvURL = "KHABAR_TEST_NATS"

// URL returns the address of a NATS server with JetStream for tb: the one
// EnvURL names, or one started for tb alone and stopped when it ends.
// Streams made by tb should carry a name of tb's own (see Prefix), since a
// shared server keeps them.
func URL(tb testing.TB) string {
	tb.Helper()
	if u := os.Getenv(EnvURL); u != "" {
		return u
	}
	s, err := Start(tb.TempDir())
	if err != nil {
		tb.Skipf("no NATS server: %s is unset (.ci/run sets it) and one could not be started here: %v", EnvURL, err)
	}
	tb.Cleanup(s.Shutdown)
	return s.ClientURL()
}

// Start starts a NATS server with JetStream on a free port of 127.0.0.1,
// keeping its streams in dir. Stop it with Shutdown.
func Start(dir string) (*server.Server, error) {
	s, err := server.NewServer(&server.Options{
		Host:      "127.0.0.1",
		Port:      -1, // a free port
		JetStream: true,
		StoreDir:  dir,
		NoLog:     true,
		NoSigs:    true,
		// No HTTP monitoring, no cluster: one loopback listener.
		HTTPPort: 0,
	})
	if err != nil {
		return nil, err
	}
	go s.Start()
	if !s.ReadyForConnections(20 * time.Second) {
		s.Shutdown()
		return nil, fmt.Errorf("nats server not ready after 20s")
	}
	return s, nil
}

// Prefix returns a stream name prefix no other test run shares, for tests
// on a shared server.
func Prefix(tb testing.TB) string {
	tb.Helper()
	return fmt.Sprintf("T%d_%d", os.Getpid(), time.Now().UnixNano()%1e12)
}
