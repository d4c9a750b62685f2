package store

import (
	"strings"
	"testing"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		in, backend, target string
		wantErr             string // part of the error, "" for none
	}{
		{in: "./khabar-data", backend: BackendSQLite, target: "./khabar-data"},
		{in: "khabar-data", backend: BackendSQLite, target: "khabar-data"},
		{in: "/var/lib/khabar", backend: BackendSQLite, target: "/var/lib/khabar"},
		{in: "./a:b", backend: BackendSQLite, target: "./a:b"},
		{in: `C:\khabar`, backend: BackendSQLite, target: `C:\khabar`},
		{in: "समाचार-डेटा", backend: BackendSQLite, target: "समाचार-डेटा"},
		{in: "sqlite:./khabar-data", backend: BackendSQLite, target: "./khabar-data"},
		{in: "sqlite:/srv/khabar", backend: BackendSQLite, target: "/srv/khabar"},
		{in: "sqlite:///srv/khabar", backend: BackendSQLite, target: "/srv/khabar"},
		{in: "SQLite:data", backend: BackendSQLite, target: "data"},
		{in: "postgres://khabar@127.0.0.1:5432/khabar?sslmode=disable", backend: BackendPostgres,
			target: "postgres://khabar@127.0.0.1:5432/khabar?sslmode=disable"},
		{in: "postgresql://u:p%40ss@db/khabar", backend: BackendPostgres, target: "postgresql://u:p%40ss@db/khabar"},
		{in: "postgres:///khabar?host=/run/postgresql", backend: BackendPostgres, target: "postgres:///khabar?host=/run/postgresql"},
		{in: "", wantErr: "empty"},
		{in: "  ", wantErr: "empty"},
		{in: "sqlite:", wantErr: "without a path"},
		{in: "postgres:khabar", wantErr: "not a URL"},
		{in: "postgres://u:secret@host:port/db", wantErr: "does not parse"},
		{in: "mysql://root:secret@db/khabar", wantErr: `unknown kind of store "mysql"`},
		{in: "data:2025", wantErr: "./data:"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			backend, target, err := ParseURL(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseURL(%q) = %q, %q, %v; want an error with %q", tc.in, backend, target, err, tc.wantErr)
				}
				if strings.Contains(err.Error(), "secret") {
					t.Fatalf("error shows the password: %v", err)
				}
				return
			}
			if err != nil || backend != tc.backend || target != tc.target {
				t.Fatalf("ParseURL(%q) = %q, %q, %v; want %q, %q", tc.in, backend, target, err, tc.backend, tc.target)
			}
		})
	}
}

func FuzzParseURL(f *testing.F) {
	for _, s := range []string{"./data", "sqlite:x", "postgres://u:p@h/db", "C:\\x", "a:b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		backend, target, err := ParseURL(s)
		if err != nil {
			return
		}
		switch backend {
		case BackendSQLite:
			if target == "" {
				t.Fatalf("ParseURL(%q): sqlite with no path", s)
			}
		case BackendPostgres:
			if target != s {
				t.Fatalf("ParseURL(%q): postgres target %q", s, target)
			}
		default:
			t.Fatalf("ParseURL(%q): backend %q", s, backend)
		}
	})
}
