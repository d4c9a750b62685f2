package postgres

import (
	"context"
	"testing"
	"time"

	"khabar/internal/store/postgres/pgtest"
)

func TestLease(t *testing.T) {
	ctx := t.Context()
	url := pgtest.URL(t)
	a, b := openURL(t, url), openURL(t, url)

	la, err := a.acquire(ctx, "linker", 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	// Another name is another lease.
	other, err := b.Acquire(ctx, "indexer")
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Release(ctx); err != nil {
		t.Fatal(err)
	}
	// The store in another schema of the database has leases of its own.
	elsewhere := openURL(t, pgtest.URL(t))
	wait0, cancel0 := context.WithTimeout(ctx, 10*time.Second)
	defer cancel0()
	le, err := elsewhere.Acquire(wait0, "linker")
	if err != nil {
		t.Fatalf("the lease of a store in another schema: %v", err)
	}
	if err := le.Release(ctx); err != nil {
		t.Fatal(err)
	}
	// b waits while a holds it.
	wait, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if l, err := b.Acquire(wait, "linker"); err == nil {
		l.Release(ctx)
		t.Fatal("two holders of one lease")
	}
	// a's connection breaks: a is told, and b takes over.
	pid := la.conn.PgConn().PID()
	got := make(chan *Lease, 1)
	go func() {
		lb, err := b.acquire(ctx, "linker", 50*time.Millisecond)
		if err != nil {
			t.Error(err)
		}
		got <- lb
	}()
	if _, err := a.pool.Exec(ctx, `SELECT pg_terminate_backend($1)`, int32(pid)); err != nil {
		t.Fatal(err)
	}
	select {
	case <-la.Lost():
	case <-time.After(5 * time.Second):
		t.Fatal("lease not lost after its connection ended")
	}
	la.Release(ctx) // fails on the dead connection; frees what is left
	var lb *Lease
	select {
	case lb = <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("lease not taken over")
	}
	if lb == nil {
		t.FailNow()
	}
	select {
	case <-lb.Lost():
		t.Fatal("new lease lost")
	default:
	}
	if err := lb.Release(ctx); err != nil {
		t.Fatal(err)
	}
	// Released, it is free at once.
	lc, err := a.Acquire(ctx, "linker")
	if err != nil {
		t.Fatal(err)
	}
	if err := lc.Release(ctx); err != nil {
		t.Fatal(err)
	}
}
