package dedup

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"khabar/internal/news"
)

// Signature geometry: Hashes MinHash values, cut into Bands of Rows.
const (
	Bands  = 32
	Rows   = 4
	Hashes = Bands * Rows
)

// Sketch is what dedup keeps of an article: enough to find its copies and
// to choose the canonical one, without the text.
type Sketch struct {
	// ID is the article's id.
	ID string
	// Sig is the MinHash signature of the article's shingles, nil when the
	// text has none.
	Sig []uint32
	// Shingles is the number of distinct shingles, Words the number of
	// content words.
	Shingles, Words int
	// Text is the exact key of the text alone, Content that of title and
	// text; both are 0 for an empty text.
	Text, Content uint64
	// Published is the article's published time (zero when unknown).
	Published time.Time
}

// perm are the multipliers and offsets of the hash functions: value i of a
// signature is min over shingles x of (a[i]*x + b[i]) >> 32, a
// multiply-shift hash with a odd.
var perm = func() (p [Hashes][2]uint64) {
	s := uint64(0x6b68616261722d31) // "khabar-1"
	for i := range p {
		s += 0x9e3779b97f4a7c15
		p[i][0] = mix(s) | 1
		s += 0x9e3779b97f4a7c15
		p[i][1] = mix(s)
	}
	return p
}()

// Sketcher makes sketches. It reuses buffers between calls and is not safe
// for concurrent use; make one per goroutine.
type Sketcher struct {
	tok  tokenizer
	uniq []uint64
}

// Sketch returns the sketch of a's title and text.
func (k *Sketcher) Sketch(a *news.Article) *Sketch {
	return k.Of(a.ID, a.Title, a.Text, a.Published)
}

// Of returns the sketch of an article with id, title, text and published
// time.
func (k *Sketcher) Of(id, title, text string, published time.Time) *Sketch {
	s := &Sketch{ID: id, Published: published}
	sh, words := k.tok.shingles(text)
	s.Words = words
	if words == 0 {
		return s
	}
	// Exact keys: the ordered word hashes, so that layout and punctuation do
	// not count but every word does.
	var th uint64 = 0x736b65746368
	for _, h := range k.tok.toks {
		th = mix(th ^ h)
	}
	s.Text = th | 1
	ch := th
	k.tok.words(title, func(h uint64) { ch = mix(ch ^ h ^ 0x7469746c65) })
	s.Content = ch | 1

	k.uniq = append(k.uniq[:0], sh...)
	slices.Sort(k.uniq)
	k.uniq = slices.Compact(k.uniq)
	s.Shingles = len(k.uniq)
	sig := make([]uint32, Hashes)
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for _, x := range k.uniq {
		for i := range sig {
			v := uint32((perm[i][0]*x + perm[i][1]) >> 32)
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	s.Sig = sig
	return s
}

// Resemblance returns the estimated Jaccard similarity of the shingle sets
// of a and b: the share of signature values they agree on.
func Resemblance(a, b *Sketch) float64 {
	if len(a.Sig) != Hashes || len(b.Sig) != Hashes {
		return 0
	}
	n := 0
	for i, v := range a.Sig {
		if b.Sig[i] == v {
			n++
		}
	}
	return float64(n) / Hashes
}

// Containment returns the estimated share of the smaller shingle set that
// is in the larger, from the resemblance j and the set sizes.
func Containment(j float64, a, b *Sketch) float64 {
	small := min(a.Shingles, b.Shingles)
	if small == 0 {
		return 0
	}
	inter := j * float64(a.Shingles+b.Shingles) / (1 + j)
	return min(1, inter/float64(small))
}

// sketchVersion is the first byte of an encoded sketch; a sketch of another
// version (another tokenizer or signature) must be made again from the text.
const sketchVersion = 1

// ErrSketchVersion is returned by UnmarshalSketch for a sketch made by
// another version of dedup; make it again from the article.
var ErrSketchVersion = errors.New("dedup: sketch of another version")

// Marshal encodes s compactly for storage (the id is not included).
func (s *Sketch) Marshal() []byte {
	b := make([]byte, 0, 1+4*binary.MaxVarintLen64+len(s.Sig)*4)
	b = append(b, sketchVersion)
	b = binary.AppendUvarint(b, uint64(s.Shingles))
	b = binary.AppendUvarint(b, uint64(s.Words))
	b = binary.LittleEndian.AppendUint64(b, s.Text)
	b = binary.LittleEndian.AppendUint64(b, s.Content)
	var pub int64
	if !s.Published.IsZero() {
		pub = s.Published.Unix()
		_, off := s.Published.Zone()
		b = append(b, 1)
		b = binary.AppendVarint(b, pub)
		b = binary.AppendVarint(b, int64(off))
	} else {
		b = append(b, 0)
	}
	if s.Sig != nil {
		b = append(b, 1)
		for _, v := range s.Sig {
			b = binary.LittleEndian.AppendUint32(b, v)
		}
	} else {
		b = append(b, 0)
	}
	return b
}

// UnmarshalSketch decodes a sketch Marshal wrote, for the article id.
func UnmarshalSketch(id string, b []byte) (*Sketch, error) {
	if len(b) == 0 || b[0] != sketchVersion {
		return nil, ErrSketchVersion
	}
	bad := fmt.Errorf("dedup: sketch of %q: %w", id, errCorrupt)
	s := &Sketch{ID: id}
	b = b[1:]
	u, n := binary.Uvarint(b)
	if n <= 0 {
		return nil, bad
	}
	s.Shingles, b = int(u), b[n:]
	if u, n = binary.Uvarint(b); n <= 0 {
		return nil, bad
	}
	s.Words, b = int(u), b[n:]
	if len(b) < 17 {
		return nil, bad
	}
	s.Text = binary.LittleEndian.Uint64(b)
	s.Content = binary.LittleEndian.Uint64(b[8:])
	hasPub := b[16]
	b = b[17:]
	if hasPub == 1 {
		pub, n := binary.Varint(b)
		if n <= 0 {
			return nil, bad
		}
		b = b[n:]
		off, n := binary.Varint(b)
		if n <= 0 {
			return nil, bad
		}
		b = b[n:]
		s.Published = time.Unix(pub, 0).In(time.FixedZone("", int(off)))
	}
	if len(b) < 1 {
		return nil, bad
	}
	if b[0] == 1 {
		b = b[1:]
		if len(b) != Hashes*4 {
			return nil, bad
		}
		s.Sig = make([]uint32, Hashes)
		for i := range s.Sig {
			s.Sig[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
	} else if len(b) != 1 {
		return nil, bad
	}
	return s, nil
}

var errCorrupt = errors.New("corrupt")

// Shingles returns the distinct shingle hashes of text, sorted: the set a
// signature estimates, for measuring estimates against exact values.
func (k *Sketcher) Shingles(text string) []uint64 {
	sh, _ := k.tok.shingles(text)
	out := slices.Clone(sh)
	slices.Sort(out)
	return slices.Compact(out)
}
