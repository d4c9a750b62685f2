package news

import (
	"sort"
	"unicode/utf8"
)

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
	text  string
	ascii bool
	// at[k] is the first character boundary at or after byte k*offsetStep,
	// and before[k] the number of code points before it; built for
	// non-ASCII text. A checkpoint every offsetStep bytes keeps the table
	// small (an entry per byte was four times the text).
	at     []int32
	before []int32
	total  int // code points in text
}

// offsetStep is the distance in bytes between the checkpoints of Offsets.
const offsetStep = 64

// NewOffsets prepares conversions for text.
func NewOffsets(text string) *Offsets {
	o := &Offsets{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			o.ascii = false
			break
		}
	}
	if o.ascii {
		return o
	}
	nk := len(text)/offsetStep + 1
	o.at = make([]int32, nk)
	o.before = make([]int32, nk)
	n := int32(0)
	k := 0
	for i := 0; i < len(text); {
		for k < nk && k*offsetStep <= i {
			o.at[k], o.before[k] = int32(i), n
			k++
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		n++
		i += size
	}
	for ; k < nk; k++ {
		o.at[k], o.before[k] = int32(len(text)), n
	}
	o.total = int(n)
	return o
}

// Rune returns the code point offset of byte offset b. Offsets inside a
// multi-byte character map to that character's start.
func (o *Offsets) Rune(b int) int {
	if b < 0 {
		return 0
	}
	if o.ascii {
		return min(b, len(o.text))
	}
	if b >= len(o.text) {
		return o.total
	}
	k := b / offsetStep
	i, n := int(o.at[k]), int(o.before[k])
	if b < i {
		// inside the character that crosses the checkpoint
		return n - 1
	}
	for {
		_, size := utf8.DecodeRuneInString(o.text[i:])
		if b < i+size {
			return n
		}
		i += size
		n++
	}
}

// Len returns the number of code points of the text.
func (o *Offsets) Len() int {
	if o.ascii {
		return len(o.text)
	}
	return o.total
}

// Byte returns the byte offset of code point offset r, the inverse of
// Rune: 0 for r < 0, the text's length for r >= Len().
func (o *Offsets) Byte(r int) int {
	if r <= 0 {
		return 0
	}
	if o.ascii {
		return min(r, len(o.text))
	}
	if r >= o.total {
		return len(o.text)
	}
	// the last checkpoint with at most r code points before it
	k := sort.Search(len(o.before), func(k int) bool { return int(o.before[k]) > r }) - 1
	i, n := int(o.at[k]), int(o.before[k])
	for ; n < r; n++ {
		_, size := utf8.DecodeRuneInString(o.text[i:])
		i += size
	}
	return i
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
