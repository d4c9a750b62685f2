package source

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"net/url"
	"strings"
	"time"

	"khabar/internal/news"
)

// ID returns the stable article id for an identity key: the hex form of the
// first 8 bytes of the key's SHA-256. Keys are "url:"+CanonicalURL(u) when
// the input carries a URL, else "file:"+absolute path (plus "#L<n>" for line
// n of a JSON Lines file), else "stdin:"+SHA-256 of the content.
func ID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// Hash returns a digest of everything the source read for a: body, body
// format, hints and source URI. Two reads of an unchanged input give the same
// hash; any change to them gives another.
func Hash(a *news.Article) string {
	h := sha256.New()
	var n [8]byte
	put := func(s string) {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	put(a.Source.URI)
	put(a.Raw.Format)
	put(a.Raw.Body)
	put(a.Raw.Hints.URL)
	put(a.Raw.Hints.Title)
	put(timeKey(a.Raw.Hints.Published))
	put(a.Raw.Hints.Publisher)
	put(a.Raw.Hints.Lang)
	return hex.EncodeToString(h.Sum(nil))
}

func timeKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// trackingParams are query parameters that say how a reader arrived, not
// which page they read.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "yclid": true,
}

// CanonicalURL returns u in the form ids are made from: scheme and host in
// lower case, no default port, "/" for an empty path, no fragment, no
// tracking parameters (utm_*, fbclid, …). A string that is not an absolute
// URL is returned trimmed and otherwise unchanged.
func CanonicalURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || p.Scheme == "" || p.Host == "" {
		return u
	}
	p.Scheme = strings.ToLower(p.Scheme)
	host := strings.ToLower(p.Host)
	switch {
	case p.Scheme == "http" && strings.HasSuffix(host, ":80"):
		host = strings.TrimSuffix(host, ":80")
	case p.Scheme == "https" && strings.HasSuffix(host, ":443"):
		host = strings.TrimSuffix(host, ":443")
	}
	p.Host = host
	if p.Path == "" && p.RawPath == "" {
		p.Path = "/"
	}
	p.Fragment, p.RawFragment = "", ""
	if p.RawQuery != "" {
		var keep []string
		for _, kv := range strings.Split(p.RawQuery, "&") {
			k, _, _ := strings.Cut(kv, "=")
			k = strings.ToLower(k)
			if kv == "" || strings.HasPrefix(k, "utm_") || trackingParams[k] {
				continue
			}
			keep = append(keep, kv)
		}
		p.RawQuery = strings.Join(keep, "&")
	}
	p.ForceQuery = false
	return p.String()
}
