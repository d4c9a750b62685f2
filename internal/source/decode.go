package source

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"

	"khabar/internal/news"
)

const (
	// detectLimit is how much of an input the charset detector and the
	// HTML charset prescan look at.
	detectLimit = 64 << 10
	// metaLimit is how far into a page a declared charset is looked for.
	metaLimit = 8 << 10
	// badShare is the share of control characters and replacement
	// characters above which decoded input counts as binary.
	badShare = 0.05
)

// rxMetaCharset finds a charset declared in <meta charset=…> or in
// <meta http-equiv="Content-Type" content="…; charset=…">.
var rxMetaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// Decode converts b to UTF-8 text and names the encoding it read b as.
//
// A byte order mark (UTF-8, UTF-16 LE or BE) decides first. Bytes that are
// valid UTF-8 — or mostly valid, with a few broken sequences — are read as
// UTF-8, broken sequences becoming U+FFFD. Otherwise, for an HTML page
// (isHTML) the charset its <meta> declares is used, and failing that the
// encoding is detected (windows-1252 when detection has no answer).
//
// Decode returns an error wrapping news.ErrEmpty for empty or
// whitespace-only input and news.ErrBinary for input that is mostly
// control characters or undecodable bytes.
func Decode(b []byte, isHTML bool) (text, enc string, err error) {
	if len(b) == 0 {
		return "", "", fmt.Errorf("decode: %w", news.ErrEmpty)
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		text, enc = validUTF8(b[3:]), "utf-8"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		text, enc = decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), b[2:]), "utf-16le"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		text, enc = decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), b[2:]), "utf-16be"
	default:
		if e, name := utf16NoBOM(b); e != nil {
			text, enc = decodeWith(e, b), name
			break
		}
		if utf8.Valid(b) {
			text, enc = string(b), "utf-8"
			break
		}
		if mostlyUTF8(b) {
			text, enc = validUTF8(b), "utf-8"
			break
		}
		e, name := legacy(b, isHTML)
		text, enc = decodeWith(e, b), name
	}
	if err := checkText(text); err != nil {
		return "", enc, fmt.Errorf("decode: %w", err)
	}
	return text, enc, nil
}

// validUTF8 returns b as a string with every run of invalid bytes replaced
// by U+FFFD.
func validUTF8(b []byte) string {
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// decodeWith decodes b with e. The x/text decoders replace what they cannot
// decode with U+FFFD and do not fail on any input; the result is made valid
// UTF-8 in any case.
func decodeWith(e encoding.Encoding, b []byte) string {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return validUTF8(b)
	}
	return validUTF8(out)
}

// mostlyUTF8 reports whether b, which is not valid UTF-8, holds at least as
// many well-formed multi-byte sequences as broken ones: a UTF-8 text with a
// few damaged characters rather than a legacy encoding.
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		i += size
	}
	return good > 0 && good >= bad
}

// utf16NoBOM recognises UTF-16 without a byte order mark by its zero bytes:
// text in Latin script has a zero in nearly every other byte.
func utf16NoBOM(b []byte) (encoding.Encoding, string) {
	n := min(len(b), detectLimit) &^ 1
	if n < 8 {
		return nil, ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*4 && even*20 < half:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "utf-16le"
	case even*10 >= half*4 && odd*20 < half:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "utf-16be"
	}
	return nil, ""
}

// legacy picks the encoding of b, which is not UTF-8: the charset an HTML
// page declares, else the detector's best guess, else windows-1252.
func legacy(b []byte, isHTML bool) (encoding.Encoding, string) {
	if isHTML {
		if label := declaredCharset(b); label != "" {
			if e, err := htmlindex.Get(label); err == nil && !isUnicode(e) {
				name, _ := htmlindex.Name(e)
				return e, name
			}
		}
	}
	det := chardet.NewTextDetector()
	if isHTML {
		det = chardet.NewHtmlDetector()
	}
	if r, err := det.DetectBest(b[:min(len(b), detectLimit)]); err == nil {
		if e, err := htmlindex.Get(r.Charset); err == nil && !isUnicode(e) {
			name, _ := htmlindex.Name(e)
			return e, name
		}
	}
	return charmap.Windows1252, "windows-1252"
}

// isUnicode reports whether e is one of the Unicode encodings, which are no
// answer for bytes already known not to be UTF-8.
func isUnicode(e encoding.Encoding) bool {
	name, err := htmlindex.Name(e)
	return err != nil || strings.HasPrefix(name, "utf-")
}

// declaredCharset returns the charset label an HTML page declares near its
// start, or "".
func declaredCharset(b []byte) string {
	m := rxMetaCharset.FindSubmatch(b[:min(len(b), metaLimit)])
	if m == nil {
		return ""
	}
	return strings.ToLower(string(m[1]))
}

// checkText refuses decoded text that is empty or whitespace only
// (news.ErrEmpty) or mostly control and replacement characters
// (news.ErrBinary).
func checkText(s string) error {
	var n, bad int
	blank := true
	for _, r := range s {
		n++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == utf8.RuneError:
			bad++
			if r != 0 {
				blank = false
			}
		case blank && !unicode.IsSpace(r) && r != '\uFEFF' && r != '\u200B':
			blank = false
		}
	}
	if float64(bad) > badShare*float64(n) {
		return news.ErrBinary
	}
	if blank {
		return news.ErrEmpty
	}
	return nil
}
