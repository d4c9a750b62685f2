package warc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// DefaultMaxFileBytes is the size at which a Writer starts a new file when
// WriterOptions.MaxFileBytes is zero.
const DefaultMaxFileBytes = 1 << 30

// OpenSuffix ends the name of a file the Writer is still writing; it is
// renamed without it once complete.
const OpenSuffix = ".open"

// Headers the Writer adds to a stored response to say how the server sent
// the payload, which is stored decoded.
const (
	HeaderOriginalContentEncoding  = "X-Khabar-Original-Content-Encoding"
	HeaderOriginalTransferEncoding = "X-Khabar-Original-Transfer-Encoding"
	HeaderOriginalContentLength    = "X-Khabar-Original-Content-Length"
)

// gowarcMu serialises the calls into gowarc that make record options:
// gowarc sets a global of github.com/google/uuid (EnableRandPool) every
// time, a data race when two goroutines do it at once. It is held around
// building records, writing them (a new file gets a new warcinfo record)
// and making an unmarshaler.
var gowarcMu sync.Mutex

// ErrClosed is returned by Record after Close.
var ErrClosed = errors.New("warc: writer closed")

// WriterOptions tune a Writer.
type WriterOptions struct {
	// MaxFileBytes is the size of a file (compressed) at which the Writer
	// starts the next one; 0 means DefaultMaxFileBytes. A file holds at
	// least one exchange, so it may end up larger.
	MaxFileBytes int64
	// Version is khabar's version, for the software field of each file's
	// warcinfo record ("khabar/VERSION"); "" writes "khabar".
	Version string
	// Now returns the time used to name files; nil means time.Now.
	Now func() time.Time
}

// Writer archives fetched exchanges as WARC/1.1. Files are named
// khabar-YYYYMMDDHHMMSS-NNNNN.warc.gz (UTC time of creation, serial
// number), start with a warcinfo record, hold each record in its own gzip
// member, and are written under the name plus OpenSuffix and renamed when
// full or at Close, so a reader never sees a half file. A request and its
// response go in the same file. It is safe for concurrent use.
type Writer struct {
	dir       string
	max       int64
	open      string // path of the file being written, as last seen; guarded by gowarcMu
	ww        *gowarc.WarcFileWriter
	closed    atomic.Bool
	closeOnce sync.Once
	err       error
}

// NewWriter returns a Writer that writes into dir, which must exist.
func NewWriter(dir string, opt WriterOptions) (*Writer, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("warc: new writer: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("warc: new writer: %s is not a directory", dir)
	}
	if opt.MaxFileBytes <= 0 {
		opt.MaxFileBytes = DefaultMaxFileBytes
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	software := "khabar"
	if v := strings.TrimSpace(opt.Version); v != "" {
		software += "/" + v
	}
	info := "software: " + software + "\r\nformat: WARC File Format 1.1\r\n"
	w := &Writer{dir: dir, max: opt.MaxFileBytes}
	gowarcMu.Lock()
	defer gowarcMu.Unlock()
	w.ww = gowarc.NewWarcFileWriter(
		gowarc.WithFileNameGenerator(&namer{dir: dir, now: opt.Now}),
		gowarc.WithMaxFileSize(opt.MaxFileBytes),
		gowarc.WithCompression(true),
		gowarc.WithOpenFileSuffix(OpenSuffix),
		gowarc.WithAddWarcConcurrentToHeader(true),
		gowarc.WithMaxConcurrentWriters(1),
		gowarc.WithRecordOptions(recordOptions(0)...),
		gowarc.WithWarcInfoFunc(func(rb gowarc.WarcRecordBuilder) error {
			_, err := rb.WriteString(info)
			return err
		}),
	)
	return w, nil
}

// recordOptions are the options records are built with: WARC/1.1, SHA-1
// digests in base 32 (as Common Crawl writes them), strict validation, and
// a block of size bytes kept in memory.
func recordOptions(size int) []gowarc.WarcRecordOption {
	return []gowarc.WarcRecordOption{
		gowarc.WithVersion(gowarc.V1_1),
		gowarc.WithDefaultDigestAlgorithm("sha1"),
		gowarc.WithDefaultDigestEncoding(gowarc.Base32),
		gowarc.WithAddMissingDigest(true),
		gowarc.WithSpecViolationPolicy(gowarc.ErrFail),
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrFail),
		gowarc.WithBufferMaxMemBytes(int64(size) + 1<<20),
	}
}

type ipKey struct{}

// ContextWithIPAddress returns a context that tells Record the IP address a
// request was sent to, for the WARC-IP-Address field: the fetcher sets it
// on the request's context (e.g. from httptrace's GotConn).
func ContextWithIPAddress(ctx context.Context, ip string) context.Context {
	return context.WithValue(ctx, ipKey{}, ip)
}

// Record archives one exchange: a request record (method, target and
// headers as sent) and a response record (status line, headers and body)
// that refer to each other with WARC-Concurrent-To. When resp.Request is
// set it is taken as the request that was sent (the last one after
// redirects), else req. body is the payload already decoded: the stored
// headers drop Content-Encoding and Transfer-Encoding, keeping their values
// in the X-Khabar-Original-* headers, and give len(body) as Content-Length.
// fetched is when the response arrived (the zero time means now).
func (w *Writer) Record(req *http.Request, resp *http.Response, body []byte, fetched time.Time) error {
	if w.closed.Load() {
		return ErrClosed
	}
	if resp == nil || (req == nil && resp.Request == nil) {
		return errors.New("warc: record: no request or response")
	}
	if resp.Request != nil {
		req = resp.Request
	}
	if req.URL == nil || !req.URL.IsAbs() {
		return fmt.Errorf("warc: record: target %q is not an absolute URL", req.URL)
	}
	target := req.URL.String()
	if fetched.IsZero() {
		fetched = time.Now()
	}
	ip, _ := req.Context().Value(ipKey{}).(string)
	reqBlock, respBlock := requestBlock(req), responseBlock(resp, body)
	gowarcMu.Lock()
	defer gowarcMu.Unlock()
	if err := w.makeRoom(len(reqBlock) + len(respBlock)); err != nil {
		return fmt.Errorf("warc: record %s: %w", target, err)
	}
	reqRec, err := build(gowarc.Request, target, fetched, "", reqBlock, 0)
	if err != nil {
		return fmt.Errorf("warc: record %s: request: %w", target, err)
	}
	respRec, err := build(gowarc.Response, target, fetched, ip, respBlock, len(body))
	if err != nil {
		_ = reqRec.Close()
		return fmt.Errorf("warc: record %s: response: %w", target, err)
	}
	res := w.ww.Write(reqRec, respRec)
	if res == nil {
		return ErrClosed
	}
	var errs []error
	for _, r := range res {
		if r.Err != nil {
			errs = append(errs, r.Err)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("warc: record %s: %w", target, errors.Join(errs...))
	}
	w.open = filepath.Join(w.dir, res[len(res)-1].FileName+OpenSuffix)
	return nil
}

// pairSlack is added to the estimated compressed size of an exchange: WARC
// headers and gzip framing.
const pairSlack = 4 << 10

// makeRoom starts a new file when an exchange of size bytes (uncompressed
// blocks) would not fit in the open one. gowarc decides record by record
// and could put a request and its response in different files; this keeps
// them together unless one file cannot hold them. gowarcMu is held.
func (w *Writer) makeRoom(size int) error {
	if w.open == "" {
		return nil
	}
	fi, err := os.Stat(w.open)
	if err != nil { // already rotated by gowarc
		w.open = ""
		return nil
	}
	if fi.Size()+int64(size)/2+pairSlack <= w.max {
		return nil
	}
	w.open = ""
	return w.ww.Rotate()
}

// build makes one record of type t whose content block is head and then
// body.
func build(t gowarc.RecordType, target string, date time.Time, ip string, block []byte, size int) (gowarc.WarcRecord, error) {
	rb := gowarc.NewRecordBuilder(t, recordOptions(size)...)
	rb.AddWarcHeader(gowarc.WarcTargetURI, target)
	rb.AddWarcHeaderTime(gowarc.WarcDate, date)
	if ip != "" {
		rb.AddWarcHeader(gowarc.WarcIPAddress, ip)
	}
	msg := "request"
	if t == gowarc.Response {
		msg = "response"
	}
	rb.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationHttp+";msgtype="+msg)
	if _, err := rb.Write(block); err != nil {
		_ = rb.Close()
		return nil, err
	}
	rec, _, err := rb.Build()
	return rec, err
}

// requestBlock is an HTTP/1.1 request head for req: what was sent, but for
// headers the transport adds itself and credentials (Authorization,
// Proxy-Authorization, Cookie), which are left out.
func requestBlock(req *http.Request) []byte {
	var b strings.Builder
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	b.WriteString(method + " " + req.URL.RequestURI() + " HTTP/1.1\r\nHost: " + host + "\r\n")
	h := req.Header.Clone()
	for _, k := range []string{"Host", "Authorization", "Proxy-Authorization", "Cookie"} {
		h.Del(k) // Host is written above; credentials stay out of a shared archive
	}
	_ = h.Write(&b) // a strings.Builder does not fail
	b.WriteString("\r\n")
	return []byte(b.String())
}

// responseBlock is the HTTP response head for resp, its headers changed to
// describe the decoded body, followed by body.
func responseBlock(resp *http.Response, body []byte) []byte {
	h := resp.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	ce := h.Values("Content-Encoding")
	h.Del("Content-Encoding")
	if len(ce) == 0 && resp.Uncompressed {
		ce = []string{"gzip"} // decoded by the transport
	}
	if len(ce) > 0 {
		h[HeaderOriginalContentEncoding] = ce
	}
	te := append(h.Values("Transfer-Encoding"), resp.TransferEncoding...)
	h.Del("Transfer-Encoding")
	if len(te) > 0 {
		h.Set(HeaderOriginalTransferEncoding, strings.Join(te, ", "))
	}
	if cl := h.Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(body)) {
		h.Set(HeaderOriginalContentLength, cl)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))

	proto := resp.Proto
	if _, _, ok := http.ParseHTTPVersion(proto); !ok {
		proto = "HTTP/1.1"
	}
	code := resp.StatusCode
	if code < 100 || code > 999 {
		code = http.StatusOK
	}
	text := strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
	if text == "" {
		text = http.StatusText(code)
	}
	var b bytes.Buffer
	b.Grow(len(body) + 1024)
	b.WriteString(proto + " " + strconv.Itoa(code) + " " + text + "\r\n")
	_ = h.Write(&b) // a bytes.Buffer does not fail
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// Close finishes the file being written and renames it to its final name.
// Later calls to Record return ErrClosed; Close returns the same result
// every time.
func (w *Writer) Close() error {
	w.closeOnce.Do(func() {
		w.closed.Store(true)
		// Rotate reports a failure to close or rename; gowarc's Close does
		// not.
		err := w.ww.Rotate()
		_ = w.ww.Close() // always nil
		if err != nil {
			w.err = fmt.Errorf("warc: close: %w", err)
		}
	})
	return w.err
}

// namer names WARC files khabar-YYYYMMDDHHMMSS-NNNNN.warc in dir (the
// writer adds ".gz"), skipping names already taken in dir.
type namer struct {
	dir    string
	now    func() time.Time
	serial int
}

// NewWarcfileName implements gowarc.WarcFileNameGenerator.
func (n *namer) NewWarcfileName() (string, string) {
	ts := n.now().UTC().Format("20060102150405")
	for {
		n.serial++
		name := fmt.Sprintf("khabar-%s-%05d.warc", ts, n.serial)
		if !exists(filepath.Join(n.dir, name+".gz")) && !exists(filepath.Join(n.dir, name+".gz"+OpenSuffix)) {
			return n.dir, name
		}
	}
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
