package store

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Backends, as ParseURL names them.
const (
	BackendSQLite   = "sqlite"
	BackendPostgres = "postgres"
)

// ParseURL reads where a store lives, as the --store flag gives it:
//
//	./khabar-data                        a folder: BackendSQLite, the folder
//	sqlite:./khabar-data                 the same, said outright
//	postgres://user@host:5432/khabar     BackendPostgres, the URL as given
//	postgresql://…                       the same
//
// For BackendSQLite target is the path (khabar's data folder); for
// BackendPostgres it is the whole URL, for store/postgres.Open. Any other
// scheme is an error; a folder whose name has a colon is written ./a:b.
// Error messages never repeat a URL, which may hold a password.
func ParseURL(s string) (backend, target string, err error) {
	if strings.TrimSpace(s) == "" {
		return "", "", errors.New("store: empty location: give a folder, sqlite:PATH or postgres://…")
	}
	scheme, rest, ok := cutScheme(s)
	if !ok {
		return BackendSQLite, s, nil
	}
	switch strings.ToLower(scheme) {
	case "sqlite":
		path := strings.TrimPrefix(rest, "//")
		if path == "" {
			return "", "", errors.New("store: sqlite: without a path: write sqlite:PATH")
		}
		return BackendSQLite, path, nil
	case "postgres", "postgresql":
		if !strings.HasPrefix(rest, "//") {
			return "", "", fmt.Errorf("store: %s: is not a URL: write %s://user@host:port/database", scheme, scheme)
		}
		if _, err := url.Parse(s); err != nil {
			return "", "", fmt.Errorf("store: the %s URL does not parse: check its escaping (a password with @ or / is written %%40, %%2F)", scheme)
		}
		return BackendPostgres, s, nil
	}
	return "", "", fmt.Errorf("store: unknown kind of store %q: give a folder, sqlite:PATH or postgres://… (a folder with a colon in its name is written ./%s:…)", scheme, scheme)
}

// cutScheme splits s at the colon after a URL scheme (RFC 3986: a letter,
// then letters, digits, +, - and .). A one-letter scheme is a Windows
// drive, not a scheme.
func cutScheme(s string) (scheme, rest string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i < 2 {
		return "", "", false
	}
	for j, c := range s[:i] {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case j > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return "", "", false
		}
	}
	return s[:i], s[i+1:], true
}
