// Package warc reads and writes WARC files (ISO 28500, WARC/1.0 and 1.1),
// the web archive format of crawlers and of Common Crawl's CC-NEWS.
//
// Read walks a WARC file — plain, gzipped whole, or gzipped one record per
// member as crawlers write it — and hands over every response record that
// holds an HTML page, with its target URI, date and HTTP payload (chunked
// transfer coding and gzip or deflate content coding removed). Other
// records are counted and skipped. A bad record is reported with the offset
// and id that name it, and reading goes on with the next one.
//
// Writer archives fetched exchanges: each call to Record writes a request
// and a response record to rotating, per-record-gzipped files that appear
// under their final names only once complete.
//
// Records are parsed, validated and built with github.com/nlnwa/gowarc.
// The framing around them — gzip members, resynchronising after a damaged
// record, the size limit — is done here: gowarc's reader drains a gzip
// member after its first record (a whole-file gzip loses every record after
// the first) and spools large blocks to temporary files without a limit.
package warc
