package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// bufSize is the size of the read buffers, and so the longest line (a WARC
// header line) and the widest window scanned at once for a gzip header.
const bufSize = 64 << 10

// gzipMagic opens every gzip member: ID1, ID2 and CM (deflate).
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// countReader counts the bytes read from a buffered input. It is an
// io.ByteReader, so a gzip.Reader over it reads no further than the end of
// the member it decompresses, and the count is the member's exact end.
type countReader struct {
	br  *bufio.Reader
	n   int64
	err error // the first error other than io.EOF: reading the input failed
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	c.n += int64(n)
	c.note(err)
	return n, err
}

func (c *countReader) ReadByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.n++
	}
	c.note(err)
	return b, err
}

func (c *countReader) note(err error) {
	if err != nil && !errors.Is(err, io.EOF) && c.err == nil {
		c.err = err
	}
}

// member is where one gzip member starts: in the compressed input and in
// the decompressed stream.
type member struct {
	in, out int64
}

// streamError is damage in the compressed input: a corrupt or truncated gzip
// member, or bytes between members that are not gzip. Reading goes on after
// it with the next member.
type streamError struct {
	offset int64 // in the compressed input
	err    error
}

func (e *streamError) Error() string {
	return fmt.Sprintf("gzip data at offset %d: %v", e.offset, e.err)
}

func (e *streamError) Unwrap() error { return e.err }

// gzStream decompresses a sequence of gzip members as one stream (whatever
// the records inside them — one per member or all in one), remembering
// where each member starts so records can be located in the file. A damaged
// member is reported once as a *streamError; the next Read goes on with the
// next member found.
type gzStream struct {
	in       *countReader
	zr       *gzip.Reader
	inMember bool
	start    int64    // where the current member starts in the input
	out      int64    // bytes decompressed so far
	members  []member // starts of the members not yet left behind
	// damaged is set after a damaged member: what follows it up to the
	// next member is its remains, not news worth another error.
	damaged bool
}

func newGzStream(br *bufio.Reader) *gzStream {
	return &gzStream{in: &countReader{br: br}}
}

func (g *gzStream) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		if g.in.err != nil {
			return 0, g.in.err
		}
		if !g.inMember {
			if err := g.next(); err != nil {
				return 0, err
			}
		}
		n, err := g.zr.Read(p)
		g.out += int64(n)
		switch {
		case err == nil:
			return n, nil
		case errors.Is(err, io.EOF): // the end of this member
			g.inMember = false
			if n > 0 {
				return n, nil
			}
		default:
			g.inMember, g.damaged = false, true
			if g.in.err != nil {
				return n, g.in.err
			}
			return n, &streamError{offset: g.start, err: err}
		}
	}
}

// next opens the next gzip member. Bytes before it that are not gzip are
// skipped and reported as one *streamError (NUL and whitespace padding is
// skipped silently); io.EOF means no member is left.
func (g *gzStream) next() error {
	junkAt, junk := int64(-1), false
	quiet := g.damaged
	g.damaged = false
	for {
		head, err := g.in.br.Peek(len(gzipMagic))
		if bytes.Equal(head, gzipMagic) {
			at := g.in.n
			var rerr error
			if g.zr == nil {
				g.zr, rerr = gzip.NewReader(g.in)
			} else {
				rerr = g.zr.Reset(g.in)
			}
			if rerr == nil {
				g.zr.Multistream(false)
				g.inMember, g.start = true, at
				g.members = append(g.members, member{in: at, out: g.out})
				if junk && !quiet {
					return &streamError{offset: junkAt, err: fmt.Errorf("%d bytes that are not gzip skipped", at-junkAt)}
				}
				return nil
			}
			if g.in.err != nil {
				return g.in.err
			}
			// A bad header: what looked like a member was not one.
			if junkAt < 0 {
				junkAt = at
			}
			junk = true
			continue
		}
		if len(head) < len(gzipMagic) && err != nil {
			if g.in.err != nil {
				return g.in.err
			}
			rest, _ := io.ReadAll(g.in) // at most two bytes
			junk = junk || !blank(rest)
			if junk && !quiet {
				if junkAt < 0 {
					junkAt = g.in.n - int64(len(rest))
				}
				return &streamError{offset: junkAt, err: errors.New("data that is not gzip at the end of the file")}
			}
			return io.EOF
		}
		// Skip to the next possible member start in the buffered window.
		win, _ := g.in.br.Peek(min(bufSize, g.in.br.Buffered()))
		skip := len(win)
		if i := bytes.Index(win[1:], gzipMagic[:1]); i >= 0 {
			skip = i + 1
		}
		if !blank(win[:skip]) {
			if junkAt < 0 {
				junkAt = g.in.n
			}
			junk = true
		}
		n, _ := g.in.br.Discard(skip)
		g.in.n += int64(n)
	}
}

// blank reports whether b is only NUL bytes and ASCII whitespace, the
// padding some tools leave after the last member.
func blank(b []byte) bool {
	for _, c := range b {
		switch c {
		case 0, ' ', '\t', '\r', '\n':
		default:
			return false
		}
	}
	return true
}

// locate returns where the record starting at decompressed position pos
// lies: the offset of its gzip member in the file, and its offset inside the
// decompressed member (0 when the member starts with the record). Members
// before that one are forgotten.
func (g *gzStream) locate(pos int64) (offset, inner int64) {
	g.forget(pos)
	if len(g.members) == 0 {
		return 0, pos
	}
	m := g.members[0]
	return m.in, pos - m.out
}

// forget drops the members that end at or before decompressed position
// pos: nothing before pos will be located again.
func (g *gzStream) forget(pos int64) {
	i := len(g.members) - 1
	for i > 0 && g.members[i].out > pos {
		i--
	}
	if i > 0 {
		g.members = append(g.members[:0], g.members[i:]...)
	}
}
