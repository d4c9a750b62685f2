package fetch

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Address ranges a crawler must never connect to. Loopback and private ranges
// are allowed with Options.AllowPrivate; the others never are.
var (
	// privateRanges hold this machine and the local networks.
	privateRanges = []netip.Prefix{
		netip.MustParsePrefix("127.0.0.0/8"),    // loopback
		netip.MustParsePrefix("::1/128"),        // loopback
		netip.MustParsePrefix("10.0.0.0/8"),     // RFC 1918
		netip.MustParsePrefix("172.16.0.0/12"),  // RFC 1918
		netip.MustParsePrefix("192.168.0.0/16"), // RFC 1918
		netip.MustParsePrefix("fc00::/7"),       // unique local
	}
	// specialRanges are never public web servers: link-local (cloud
	// metadata lives there), multicast, unspecified, carrier-grade NAT,
	// documentation, benchmarking and reserved ranges.
	specialRanges = []netip.Prefix{
		netip.MustParsePrefix("0.0.0.0/8"),          // "this network", 0.0.0.0 reaches loopback
		netip.MustParsePrefix("100.64.0.0/10"),      // carrier-grade NAT
		netip.MustParsePrefix("169.254.0.0/16"),     // link-local
		netip.MustParsePrefix("192.0.0.0/24"),       // IETF protocol assignments
		netip.MustParsePrefix("192.0.2.0/24"),       // TEST-NET-1
		netip.MustParsePrefix("192.88.99.0/24"),     // 6to4 relay anycast
		netip.MustParsePrefix("198.18.0.0/15"),      // benchmarking
		netip.MustParsePrefix("198.51.100.0/24"),    // TEST-NET-2
		netip.MustParsePrefix("203.0.113.0/24"),     // TEST-NET-3
		netip.MustParsePrefix("224.0.0.0/4"),        // multicast
		netip.MustParsePrefix("240.0.0.0/4"),        // reserved, broadcast
		netip.MustParsePrefix("::/128"),             // unspecified
		netip.MustParsePrefix("100::/64"),           // discard
		netip.MustParsePrefix("2001::/23"),          // IETF protocol assignments, Teredo
		netip.MustParsePrefix("2001:db8::/32"),      // documentation
		netip.MustParsePrefix("fe80::/10"),          // link-local
		netip.MustParsePrefix("fec0::/10"),          // site-local (deprecated)
		netip.MustParsePrefix("ff00::/8"),           // multicast
		netip.MustParsePrefix("64:ff9b:1::/48"),     // local-use NAT64
		netip.MustParsePrefix("5f00::/16"),          // SRv6 SIDs
		netip.MustParsePrefix("3fff::/20"),          // documentation
		netip.MustParsePrefix("2620:4f:8000::/48"),  // AS112
		netip.MustParsePrefix("192.31.196.0/24"),    // AS112
		netip.MustParsePrefix("192.52.193.0/24"),    // AMT
		netip.MustParsePrefix("192.175.48.0/24"),    // AS112 direct delegation
		netip.MustParsePrefix("255.255.255.255/32"), // broadcast (also in 240/4)
	}
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4 = netip.MustParsePrefix("2002::/16")
)

// checkAddr reports whether the client may connect to a. It returns nil for a
// public unicast address, and an error wrapping ErrBlocked otherwise. IPv4
// addresses carried inside IPv6 ones (IPv4-mapped, NAT64, 6to4) are checked as
// the IPv4 address they reach. With allowPrivate, loopback and private
// (RFC 1918, unique local) addresses are permitted; special ranges never are.
func checkAddr(a netip.Addr, allowPrivate bool) error {
	if !a.IsValid() {
		return fmt.Errorf("address %q: %w", a, ErrBlocked)
	}
	a = a.WithZone("")
	orig := a
	a = a.Unmap()
	if a.Is6() {
		b := a.As16()
		switch {
		case nat64.Contains(a):
			a = netip.AddrFrom4([4]byte(b[12:16]))
		case sixTo4.Contains(a):
			a = netip.AddrFrom4([4]byte(b[2:6]))
		}
	}
	for _, p := range specialRanges {
		if p.Contains(a) {
			return fmt.Errorf("address %s is in special range %s: %w", orig, p, ErrBlocked)
		}
	}
	if allowPrivate {
		return nil
	}
	for _, p := range privateRanges {
		if p.Contains(a) {
			return fmt.Errorf("address %s is loopback or private (%s): %w", orig, p, ErrBlocked)
		}
	}
	return nil
}

// control is the net.Dialer Control function: it runs after DNS, on the very
// address the socket is about to connect to.
func (c *Client) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dial %s %s: %w", network, address, ErrBlocked)
	}
	if err := checkAddr(ap.Addr(), c.opt.AllowPrivate); err != nil {
		return err
	}
	if c.deny != nil && c.deny(ap.Addr()) {
		return fmt.Errorf("address %s: %w", ap.Addr(), ErrBlocked)
	}
	return nil
}

// checkURL refuses what the client never fetches: schemes other than http and
// https, URLs without a host, and URLs with user information.
func checkURL(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return fmt.Errorf("scheme %q: %w", u.Scheme, ErrBlocked)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("no host: %w", ErrBlocked)
	}
	if u.User != nil {
		return fmt.Errorf("user information in URL: %w", ErrBlocked)
	}
	return nil
}

// SafeHTTPClient returns an http.Client for requests khabar makes on a
// user's behalf other than fetching (webhooks): it connects only to
// addresses Get would (loopback and private ones only with allowPrivate),
// checked at dial time, follows no redirect, and gives up after timeout.
func SafeHTTPClient(allowPrivate bool, timeout time.Duration) *http.Client {
	c := &Client{opt: Options{AllowPrivate: allowPrivate}}
	dialer := &net.Dialer{Timeout: dialTimeout, Control: c.control}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:                 nil,
			DialContext:           dialer.DialContext,
			TLSHandshakeTimeout:   dialTimeout,
			ResponseHeaderTimeout: timeout,
			MaxIdleConnsPerHost:   2,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
