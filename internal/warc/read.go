package warc

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// DefaultMaxRecordBytes is the size limit of one response record when
// Options.MaxRecordBytes is zero.
const DefaultMaxRecordBytes = 5 << 20

// maxHeaderBytes is the size limit of a record's WARC header.
const maxHeaderBytes = bufSize

// ErrTooLarge is wrapped by the error for a response record whose content
// block, or whose payload once decoded, is over the size limit.
var ErrTooLarge = errors.New("over the size limit")

// Options tune Read.
type Options struct {
	// MaxRecordBytes is the size limit of a response record's content block
	// (HTTP headers and payload as stored) and of its payload once decoded;
	// 0 means DefaultMaxRecordBytes. Records of other types are skipped
	// whatever their size.
	MaxRecordBytes int64
}

// Record is an HTML page read from a WARC response record.
type Record struct {
	// TargetURI is the record's WARC-Target-URI: the URL fetched.
	TargetURI string
	// Date is the record's WARC-Date: when the page was fetched. It is the
	// zero time when missing or unreadable.
	Date time.Time
	// Status is the HTTP status code.
	Status int
	// ContentType is the HTTP Content-Type, as the server sent it.
	ContentType string
	// Header is the HTTP response header as recorded.
	Header http.Header
	// Body is the HTTP payload with chunked transfer coding and gzip or
	// deflate content coding removed.
	Body []byte
	// RecordID is the WARC-Record-ID, without its angle brackets.
	RecordID string
	// Offset is where the record starts in the file: its byte offset in a
	// plain file; in a gzipped one, the offset of the gzip member it starts
	// in — the record's own offset when, as crawlers write them, every
	// record is its own member.
	Offset int64
	// InnerOffset is where the record starts in its decompressed gzip
	// member: 0 for a record that opens its member and for plain files.
	InnerOffset int64
}

// Pos names where the record lies in its file: "Offset", or
// "Offset+InnerOffset" for a record that does not open its gzip member.
func (r Record) Pos() string {
	return pos(r.Offset, r.InnerOffset)
}

func pos(offset, inner int64) string {
	if inner == 0 {
		return strconv.FormatInt(offset, 10)
	}
	return strconv.FormatInt(offset, 10) + "+" + strconv.FormatInt(inner, 10)
}

// RecordError is a record that could not be read: damaged, truncated, over
// the size limit, or with a payload that cannot be decoded. Reading goes on
// after it.
type RecordError struct {
	// Offset and InnerOffset locate the record as in Record.
	Offset, InnerOffset int64
	// RecordID is the record's WARC-Record-ID, when it could be read.
	RecordID string
	// Err says what is wrong.
	Err error
}

// Error names the record — offset and id — and says what is wrong.
func (e *RecordError) Error() string {
	id := ""
	if e.RecordID != "" {
		id = " <" + e.RecordID + ">"
	}
	return fmt.Sprintf("warc record at offset %s%s: %v", pos(e.Offset, e.InnerOffset), id, e.Err)
}

// Unwrap returns Err.
func (e *RecordError) Unwrap() error { return e.Err }

// Stats count the records Read saw.
type Stats struct {
	// Records is the number of records of every type read.
	Records int
	// HTML is the number of HTML response records handed to fn.
	HTML int
	// NotHTML is the number of response records that are not HTML pages
	// (images, feeds, scripts, DNS answers, …).
	NotHTML int
	// Skipped is the number of records other than responses: warcinfo,
	// request, metadata, revisit, resource, ….
	Skipped int
	// Bad is the number of errors handed to fn.
	Bad int
}

// Read reads the WARC file r — plain or gzipped, whole or one member per
// record — and calls fn for every response record that holds an HTML page,
// in file order, with a nil error. For a record it cannot read (and for
// damage between records) it calls fn with a zero Record but for
// Offset, InnerOffset and RecordID, and a *RecordError; then it goes on
// with the next record. A file that ends inside a record ends with such an
// error wrapping io.ErrUnexpectedEOF.
//
// Read returns when r is exhausted (nil), when ctx is cancelled
// (ctx.Err()), when fn returns an error (that error) or when reading r
// fails.
func Read(ctx context.Context, r io.Reader, opt Options, fn func(Record, error) error) (Stats, error) {
	p := newParser(r, opt)
	for {
		if err := ctx.Err(); err != nil {
			return p.stats, err
		}
		rec, err := p.next(ctx)
		if errors.Is(err, io.EOF) {
			return p.stats, nil
		}
		var re *RecordError
		switch {
		case errors.As(err, &re):
			p.stats.Bad++
			err = fn(Record{Offset: re.Offset, InnerOffset: re.InnerOffset, RecordID: re.RecordID}, err)
		case err != nil:
			return p.stats, fmt.Errorf("warc: read: %w", err)
		default:
			p.stats.HTML++
			err = fn(rec, nil)
		}
		if err != nil {
			return p.stats, err
		}
	}
}

// parser finds and reads the records of one WARC file.
type parser struct {
	br    *bufio.Reader // the decompressed stream
	gz    *gzStream     // nil for a plain file
	pos   int64         // position of br's next byte in the decompressed stream
	max   int64
	u     gowarc.Unmarshaler
	stats Stats

	// recovering is set after a bad record: bytes up to the next record are
	// its remains, not news worth another error.
	recovering bool
	// midLine is set when br stands inside a line, where a record cannot
	// start.
	midLine bool
	// pendingAt is the position of a record whose first line seek has
	// read into hdr but not yet returned, or -1.
	pendingAt int64
	hdr       []byte // the header being read

	// Reused for every record.
	rd  bytes.Reader
	rbr *bufio.Reader // over rd
	dec decoder
}

func newParser(r io.Reader, opt Options) *parser {
	p := &parser{max: opt.MaxRecordBytes, pendingAt: -1}
	p.rbr = bufio.NewReader(&p.rd)
	if p.max <= 0 {
		p.max = DefaultMaxRecordBytes
	}
	in := bufio.NewReaderSize(r, bufSize)
	if head, _ := in.Peek(2); bytes.Equal(head, gzipMagic[:2]) {
		p.gz = newGzStream(in)
		p.br = bufio.NewReaderSize(p.gz, bufSize)
	} else {
		p.br = in
	}
	gowarcMu.Lock()
	defer gowarcMu.Unlock()
	p.u = gowarc.NewUnmarshaler(
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
		gowarc.WithBlockErrorPolicy(gowarc.ErrFail),
		// Keep every block in memory: the size limit bounds it.
		gowarc.WithBufferMaxMemBytes(p.max+maxHeaderBytes+bufSize),
	)
	return p
}

// locate returns where the record starting at decompressed position at
// lies in the file.
func (p *parser) locate(at int64) (offset, inner int64) {
	if p.gz == nil {
		return at, 0
	}
	return p.gz.locate(at)
}

// recordErr makes the error for the record starting at decompressed
// position at.
func (p *parser) recordErr(at int64, id string, err error) error {
	off, inner := p.locate(at)
	p.recovering = true
	return &RecordError{Offset: off, InnerOffset: inner, RecordID: id, Err: err}
}

// streamErr turns an error reading the decompressed stream inside the
// record starting at at into the error to report: a *RecordError for
// damage and for the end of the input (where says what was being read),
// the error itself when reading the input failed.
func (p *parser) streamErr(at int64, id, where string, err error) error {
	var se *streamError
	switch {
	case errors.As(err, &se) && errors.Is(err, io.ErrUnexpectedEOF): // the input ends inside a member
		return p.recordErr(at, id, fmt.Errorf("file ends inside the record, %s, in the gzip member at offset %d: %w",
			where, se.offset, io.ErrUnexpectedEOF))
	case errors.As(err, &se):
		p.midLine = false // the next member starts afresh
		return p.recordErr(at, id, err)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return p.recordErr(at, id, fmt.Errorf("file ends inside the record, %s: %w", where, io.ErrUnexpectedEOF))
	}
	return err
}

// readLine reads one line, newline included; a line longer than the buffer
// comes in pieces with errBufferFull.
func (p *parser) readLine() ([]byte, error) {
	line, err := p.br.ReadSlice('\n')
	p.pos += int64(len(line))
	return line, err
}

// discard skips n bytes.
func (p *parser) discard(n int64) (int64, error) {
	m, err := io.CopyN(io.Discard, p.br, n)
	p.pos += m
	return m, err
}

// next returns the next HTML response record, io.EOF at the end, a
// *RecordError for a record that cannot be read, or the error reading the
// input.
func (p *parser) next(ctx context.Context) (Record, error) {
	for n := 0; ; n++ {
		if n%64 == 63 {
			if err := ctx.Err(); err != nil {
				return Record{}, err
			}
		}
		at, err := p.seek()
		if err != nil {
			return Record{}, err
		}
		rec, ok, err := p.record(at)
		if err != nil || ok {
			return rec, err
		}
	}
}

// seek finds the start of the next record: a line beginning "WARC/". It
// reads that first line into p.hdr and returns the record's position. Blank
// lines (the end-of-record marks) are skipped silently; anything else is
// reported once as a *RecordError naming where it began.
func (p *parser) seek() (int64, error) {
	if p.pendingAt >= 0 {
		at := p.pendingAt
		p.pendingAt, p.recovering = -1, false
		return at, nil
	}
	// Junk is located where it starts, and reported with its length.
	junkAt, junkOff, junkInner := int64(-1), int64(0), int64(0)
	junkErr := func(format string, args ...any) error {
		p.recovering = true
		return &RecordError{Offset: junkOff, InnerOffset: junkInner, Err: fmt.Errorf(format, args...)}
	}
	for {
		at := p.pos
		if p.gz != nil {
			p.gz.forget(at) // keep the list of gzip members short
		}
		line, err := p.readLine()
		full := errors.Is(err, bufio.ErrBufferFull)
		start := !p.midLine && !full && bytes.HasPrefix(line, []byte("WARC/"))
		if start && errors.Is(err, io.EOF) {
			return 0, p.streamErr(at, "", "in its first line", err)
		}
		if start && err == nil {
			p.hdr = append(p.hdr[:0], line...)
			if junkAt >= 0 {
				// Report the junk; the next seek returns this record.
				p.pendingAt = at
				return 0, junkErr("%d bytes that are not a WARC record skipped", at-junkAt)
			}
			p.recovering = false
			return at, nil
		}
		if junkAt < 0 && !p.recovering && !blank(line) {
			junkAt = at
			junkOff, junkInner = p.locate(at)
		}
		p.midLine = full
		switch {
		case err == nil, full:
		case errors.Is(err, io.EOF):
			if junkAt >= 0 {
				return 0, junkErr("%d bytes that are not a WARC record at the end of the file", p.pos-junkAt)
			}
			return 0, io.EOF
		default:
			var se *streamError
			if errors.As(err, &se) {
				p.midLine = false
				return 0, p.recordErr(at, "", err)
			}
			return 0, err
		}
	}
}

// record reads the record whose first line seek read, from position at. It
// returns the record and true for an HTML response, false for a record
// skipped.
func (p *parser) record(at int64) (Record, bool, error) {
	p.stats.Records++
	partial := false
	for {
		line, err := p.readLine()
		if len(p.hdr)+len(line) > maxHeaderBytes {
			p.midLine = len(line) == 0 || line[len(line)-1] != '\n'
			return Record{}, false, p.recordErr(at, "", fmt.Errorf("WARC header over %d bytes", maxHeaderBytes))
		}
		p.hdr = append(p.hdr, line...)
		full := errors.Is(err, bufio.ErrBufferFull)
		if err != nil && !full {
			return Record{}, false, p.streamErr(at, headerFields(p.hdr).id, "in its WARC header", err)
		}
		if !partial && !full && (string(line) == "\r\n" || string(line) == "\n") {
			break
		}
		partial = full
	}
	f := headerFields(p.hdr)
	size, err := strconv.ParseInt(strings.TrimSpace(f.length), 10, 64)
	if err != nil || size < 0 {
		return Record{}, false, p.recordErr(at, f.id, fmt.Errorf("missing or bad Content-Length %q", f.length))
	}
	if !strings.EqualFold(strings.TrimSpace(f.typ), "response") || size > p.max {
		n, err := p.discard(size)
		if err != nil {
			return Record{}, false, p.streamErr(at, f.id, fmt.Sprintf("after %d of its %d-byte content block", n, size), err)
		}
		if size > p.max {
			return Record{}, false, p.recordErr(at, f.id, fmt.Errorf("content block of %d bytes is %w of %d bytes", size, ErrTooLarge, p.max))
		}
		p.stats.Skipped++
		return Record{}, false, nil
	}
	var raw bytes.Buffer
	raw.Grow(len(p.hdr) + int(min(size, 1<<20)) + 4) // the whole record, unless a damaged length claims much
	raw.Write(p.hdr)
	n, err := io.CopyN(&raw, p.br, size)
	p.pos += n
	if err != nil {
		return Record{}, false, p.streamErr(at, f.id, fmt.Sprintf("after %d of its %d-byte content block", n, size), err)
	}
	raw.WriteString("\r\n\r\n")
	rec, ok, err := p.response(raw.Bytes())
	if err != nil {
		return Record{}, false, p.recordErr(at, f.id, err)
	}
	if !ok {
		p.stats.NotHTML++
		return Record{}, false, nil
	}
	rec.Offset, rec.InnerOffset = p.locate(at)
	return rec, true, nil
}

// fields are the WARC header fields needed to find the end of a record and
// name it.
type fields struct {
	typ, id, length string
}

// headerFields reads WARC-Type, WARC-Record-ID and Content-Length from a
// WARC header.
func headerFields(h []byte) fields {
	var f fields
	for len(h) > 0 {
		var line []byte
		line, h, _ = bytes.Cut(h, []byte("\n"))
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		v := bytes.TrimSpace(value)
		// The first of repeated fields counts, as for gowarc.
		switch n := bytes.TrimSpace(name); {
		case f.typ == "" && bytes.EqualFold(n, []byte(gowarc.WarcType)):
			f.typ = string(v)
		case f.id == "" && bytes.EqualFold(n, []byte(gowarc.WarcRecordID)):
			f.id = string(bytes.Trim(v, "<>"))
		case f.length == "" && bytes.EqualFold(n, []byte(gowarc.ContentLength)):
			f.length = string(v)
		}
	}
	return f
}

// response parses one whole response record with gowarc and returns its
// page, and whether it is an HTML page.
func (p *parser) response(raw []byte) (rec Record, ok bool, err error) {
	defer func() {
		if r := recover(); r != nil { // a bug in the parser must not end the walk
			rec, ok, err = Record{}, false, fmt.Errorf("parse record: panic: %v", r)
		}
	}()
	wr, _, _, err := p.u.Unmarshal(p.reader(raw))
	if err != nil {
		return Record{}, false, fmt.Errorf("parse record: %w", err)
	}
	defer wr.Close()
	h := wr.WarcHeader()
	if !strings.HasPrefix(strings.ToLower(h.Get(gowarc.ContentType)), gowarc.ApplicationHttp) {
		return Record{}, false, nil // not HTTP: DNS, WHOIS, …
	}
	blk, isResp := wr.Block().(gowarc.HttpResponseBlock)
	if !isResp || blk.HttpHeader() == nil {
		return Record{}, false, errors.New("content block is not an HTTP response")
	}
	// net/http, which gowarc parses the head with, drops Transfer-Encoding
	// from the header: read the head as recorded.
	header, err := httpHeader(p.reader(blk.ProtocolHeaderBytes()))
	if err != nil {
		return Record{}, false, err
	}
	ctype := header.Get("Content-Type")
	idType := h.Get(gowarc.WarcIdentifiedPayloadType)
	verdict := htmlType(ctype, idType)
	if verdict == notHTML {
		return Record{}, false, nil
	}
	pr, err := blk.PayloadBytes()
	if err != nil {
		return Record{}, false, fmt.Errorf("read payload: %w", err)
	}
	payload := bytes.NewBuffer(make([]byte, 0, blk.Size()+1))
	if _, err := payload.ReadFrom(pr); err != nil {
		return Record{}, false, fmt.Errorf("read payload: %w", err)
	}
	body, err := p.dec.decode(header, payload.Bytes(), p.max)
	if err != nil {
		return Record{}, false, err
	}
	if verdict == maybeHTML && !sniffHTML(body) {
		return Record{}, false, nil
	}
	date, _ := wr.Date()
	return Record{
		TargetURI:   strings.Trim(strings.TrimSpace(h.Get(gowarc.WarcTargetURI)), "<>"),
		Date:        date,
		Status:      blk.HttpStatusCode(),
		ContentType: ctype,
		Header:      header,
		Body:        body,
		RecordID:    h.GetId(gowarc.WarcRecordID),
	}, true, nil
}

// reader returns the parser's reused reader, set to read b. Whatever read
// from it before is done with.
func (p *parser) reader(b []byte) *bufio.Reader {
	p.rd.Reset(b)
	p.rbr.Reset(&p.rd)
	return p.rbr
}

// httpHeader reads the header fields of an HTTP response head.
func httpHeader(head *bufio.Reader) (http.Header, error) {
	tr := textproto.NewReader(head)
	if _, err := tr.ReadLine(); err != nil { // the status line
		return nil, fmt.Errorf("read HTTP header: %w", err)
	}
	h, err := tr.ReadMIMEHeader()
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("read HTTP header: %w", err)
	}
	return http.Header(h), nil
}
