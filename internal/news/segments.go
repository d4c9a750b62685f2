package news

import "unicode/utf8"

// Span is a half-open byte range [Start, End) into Article.Text.
type Span struct {
	Start, End int
}

// Token kinds.
const (
	TokWord   = "word"
	TokNumber = "num"
	TokPunct  = "punct"
	TokSymbol = "sym"
)

// Token is one token of Text.
type Token struct {
	Span
	Kind string
}

// Sentence is one sentence of Text with the tokens it holds.
type Sentence struct {
	Span
	// Paragraph is the index of the paragraph the sentence belongs to.
	Paragraph int
	// Tokens are indexes into Segments.Tokens: [First, Last).
	First, Last int
}

// Segments is the segmentation of an article's Text, in byte offsets.
type Segments struct {
	Paragraphs []Span
	Sentences  []Sentence
	Tokens     []Token
}

// Offsets converts byte offsets into a text to code point offsets, the unit
// of every offset in the JSON contract. It is the one place where the two
// meet.
type Offsets struct {
	ascii bool
	// n is the length of an ASCII text, in bytes and code points alike.
	n int
	// cum[i] is the number of code points before byte i; built lazily for
	// non-ASCII text.
	cum []int32
}

// NewOffsets prepares conversions for text.
func NewOffsets(text string) *Offsets {
	o := &Offsets{ascii: true, n: len(text)}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			o.ascii = false
			break
		}
	}
	if o.ascii {
		return o
	}
	o.cum = make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < size; k++ {
			o.cum[i+k] = n
		}
		n++
		i += size
	}
	o.cum[len(text)] = n
	return o
}

// Rune returns the code point offset of byte offset b. Offsets inside a
// multi-byte character map to that character's start; offsets before the
// text map to 0 and offsets past it to its length.
func (o *Offsets) Rune(b int) int {
	if b < 0 {
		return 0
	}
	if o.ascii {
		return min(b, o.n)
	}
	if b >= len(o.cum) {
		return int(o.cum[len(o.cum)-1])
	}
	return int(o.cum[b])
}

// Byte returns the byte offset of code point offset r in text.
func Byte(text string, r int) int {
	if r <= 0 {
		return 0
	}
	n := 0
	for i := range text {
		if n == r {
			return i
		}
		n++
	}
	return len(text)
}
