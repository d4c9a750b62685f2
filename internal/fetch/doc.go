// Package fetch is the HTTP client of khabar's crawler: polite to the sites it
// reads and safe to point at URLs that strangers wrote.
//
// Polite: a Client reads and caches each host's robots.txt (4xx means allow
// all; 5xx, 429 or an unreachable file means disallow for a while, keeping an
// earlier good copy when there is one), obeys its rules and Crawl-delay for
// the client's User-Agent token, sends one request at a time to a host with a
// minimum delay between them, honours Retry-After on 429 and 503 for every
// later request to that host, and makes conditional requests (ETag,
// Last-Modified) so that an unchanged feed costs a 304.
//
// Safe: only http and https are fetched, every connection is checked at dial
// time, after DNS, against loopback, private, link-local, multicast and other
// special address ranges (so neither redirects nor DNS rebinding get round
// it), bodies are capped after decompression (a gzip bomb stops at the cap),
// every exchange has a total deadline, and redirects are bounded and each hop
// is checked again (scheme, robots.txt of the new host, address).
//
// A Recorder may keep a copy of every exchange (for WARC archiving) and an
// Observe function receives one Observation per exchange (for metrics).
package fetch
