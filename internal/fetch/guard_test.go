package fetch

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"testing"
	"time"
)

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr         string
		public       bool // allowed without AllowPrivate
		allowPrivate bool // allowed with AllowPrivate
	}{
		{"93.184.216.34", true, true},
		{"8.8.8.8", true, true},
		{"2606:4700:4700::1111", true, true},
		{"127.0.0.1", false, true},
		{"127.1.2.3", false, true},
		{"::1", false, true},
		{"::ffff:127.0.0.1", false, true},
		{"10.1.2.3", false, true},
		{"172.16.0.1", false, true},
		{"172.31.255.255", false, true},
		{"172.32.0.1", true, true},
		{"192.168.1.1", false, true},
		{"fd12:3456::1", false, true},
		{"::ffff:10.0.0.1", false, true},
		{"64:ff9b::a00:1", false, true},    // NAT64 of 10.0.0.1
		{"64:ff9b::808:808", true, true},   // NAT64 of 8.8.8.8
		{"2002:c0a8:0101::1", false, true}, // 6to4 of 192.168.1.1
		{"2002:0808:0808::1", true, true},  // 6to4 of 8.8.8.8
		{"169.254.169.254", false, false},  // cloud metadata
		{"::ffff:169.254.169.254", false, false},
		{"fe80::1", false, false},
		{"fe80::1%eth0", false, false},
		{"0.0.0.0", false, false},
		{"0.1.2.3", false, false},
		{"::", false, false},
		{"100.64.0.1", false, false},
		{"100.127.255.254", false, false},
		{"100.128.0.1", true, true},
		{"224.0.0.1", false, false},
		{"239.255.255.250", false, false},
		{"ff02::1", false, false},
		{"255.255.255.255", false, false},
		{"240.0.0.1", false, false},
		{"192.0.2.10", false, false},
		{"198.51.100.7", false, false},
		{"203.0.113.99", false, false},
		{"198.18.0.1", false, false},
		{"2001:db8::1", false, false},
		{"2001::1", false, false}, // Teredo
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			a := netip.MustParseAddr(tt.addr)
			for _, allow := range []bool{false, true} {
				want := tt.public
				if allow {
					want = tt.allowPrivate
				}
				err := checkAddr(a, allow)
				if got := err == nil; got != want {
					t.Errorf("checkAddr(%s, allowPrivate=%v) = %v, want allowed=%v", a, allow, err, want)
				}
				if err != nil && !errors.Is(err, ErrBlocked) {
					t.Errorf("checkAddr(%s) = %v, does not wrap ErrBlocked", a, err)
				}
			}
		})
	}
	if err := checkAddr(netip.Addr{}, true); !errors.Is(err, ErrBlocked) {
		t.Errorf("checkAddr(invalid) = %v, want ErrBlocked", err)
	}
}

func TestCheckURL(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"http://example.org/a", true},
		{"HTTPS://example.org/a", true},
		{"file:///etc/passwd", false},
		{"ftp://example.org/x", false},
		{"gopher://example.org:70/", false},
		{"javascript:alert(1)", false},
		{"data:text/plain,hi", false},
		{"http:///nohost", false},
		{"http://user:pass@example.org/", false},
		{"//example.org/relative", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			u, err := url.Parse(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			err = checkURL(u)
			if (err == nil) != tt.ok {
				t.Errorf("checkURL(%q) = %v, want ok=%v", tt.url, err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrBlocked) {
				t.Errorf("checkURL(%q) = %v, does not wrap ErrBlocked", tt.url, err)
			}
		})
	}
}

func TestSafeHTTPClient(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}))
	defer srv.Close()
	if _, err := SafeHTTPClient(false, time.Second).Post(srv.URL, "application/json", nil); !errors.Is(err, ErrBlocked) {
		t.Errorf("a loopback webhook without allowPrivate: %v, want ErrBlocked", err)
	}
	resp, err := SafeHTTPClient(true, time.Second).Post(srv.URL, "application/json", nil)
	if err != nil {
		t.Fatalf("with allowPrivate: %v", err)
	}
	resp.Body.Close()
}
