package tagger

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// modelMagic starts every model file (inside the gzip stream).
const modelMagic = "KHABAR-NER\x00"

// modelVersion is the version of the file layout.
const modelVersion = 2

// setVersion is the unit of the feature set in the feature version a
// model file holds: featureVersion + setVersion × its FeatureSet, so that a
// base model's file is as before.
const setVersion = 1000

// ErrModel is returned for a model file that cannot be read.
var ErrModel = errors.New("bad model file")

// WriteTo writes the model, gzip-compressed. The layout: magic, layout and
// feature versions, training info, labels, lexicon, the weights (decoding
// bias, transitions, features) and, for a stacked model, 1, the window
// and the second pass's weights (else 0).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, fmt.Errorf("write model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	e := &encoder{w: bw}
	e.bytes([]byte(modelMagic))
	e.uvarint(modelVersion)
	e.uvarint(featureVersion + setVersion*uint64(m.set))
	e.uvarint(uint64(m.info.Epochs))
	e.uvarint(uint64(m.info.Sentences))
	e.uvarint(uint64(m.info.Tokens))
	e.uvarint(uint64(math.Round(m.info.DevF1 * 1e6)))
	e.uvarint(uint64(len(types)))
	for _, t := range types {
		e.str(t)
	}
	words := make([]string, 0, len(m.lex))
	for w := range m.lex {
		words = append(words, w)
	}
	slices.Sort(words)
	e.uvarint(uint64(len(words)))
	for _, w := range words {
		e.str(w)
		e.uvarint(uint64(m.lex[w]))
	}
	m.writeWeights(e)
	if m.second != nil {
		e.uvarint(1)
		e.uvarint(uint64(m.window))
		m.second.writeWeights(e)
	} else {
		e.uvarint(0)
	}
	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err != nil {
		return cw.n, fmt.Errorf("write model: %w", e.err)
	}
	return cw.n, nil
}

// writeWeights writes the decoding bias, the transitions and the features
// of m, sorted by hash, each as the difference from the previous hash and
// its non-zero weights as label and weight in quantStep units.
func (m *Model) writeWeights(e *encoder) {
	e.varint(int64(math.Round(float64(m.oBias) / quantStep)))
	for _, t := range m.trans {
		e.varint(int64(math.Round(float64(t) / quantStep)))
	}
	type slot struct {
		h  uint64
		sl *featSlot
	}
	var slots []slot
	for i := range m.table.slots {
		if sl := &m.table.slots[i]; sl.key != 0 {
			slots = append(slots, slot{sl.key &^ keyUsed, sl})
		}
	}
	slices.SortFunc(slots, func(a, b slot) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
	e.uvarint(uint64(len(slots)))
	var prev uint64
	var ws []labWeight
	for _, s := range slots {
		e.uvarint(s.h - prev)
		prev = s.h
		ws = m.table.weights(ws[:0], s.sl)
		e.uvarint(uint64(len(ws)))
		for _, lw := range ws {
			e.uvarint(uint64(lw.lab))
			e.varint(int64(math.Round(float64(lw.w) / quantStep)))
		}
	}
}

// Load reads a model written by WriteTo. gaz must be the gazetteer the
// model was trained with (nil if none).
func Load(r io.Reader, gaz Gazetteer) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	defer zr.Close()
	d := &decoder{r: bufio.NewReaderSize(zr, 1<<16)}
	magic := d.bytes(len(modelMagic))
	if d.err == nil && string(magic) != modelMagic {
		return nil, fmt.Errorf("%w: not a khabar NER model", ErrModel)
	}
	if v := d.uvarint(); d.err == nil && v != modelVersion {
		return nil, fmt.Errorf("%w: layout version %d, want %d", ErrModel, v, modelVersion)
	}
	v := d.uvarint()
	if d.err == nil && (v%setVersion != featureVersion || v/setVersion >= uint64(nFeatureSets)) {
		return nil, fmt.Errorf("%w: feature version %d, want %d: retrain the model", ErrModel, v, featureVersion)
	}
	m := &Model{gaz: gaz, set: FeatureSet(v / setVersion)}
	m.info.Epochs = int(d.uvarint())
	m.info.Sentences = int(d.uvarint())
	m.info.Tokens = int(d.uvarint())
	m.info.DevF1 = float64(d.uvarint()) / 1e6
	nt := d.uvarint()
	if d.err == nil && nt > 64 {
		return nil, fmt.Errorf("%w: %d types", ErrModel, nt)
	}
	var ts []string
	for i := uint64(0); i < nt && d.err == nil; i++ {
		ts = append(ts, d.str())
	}
	if d.err == nil && !slices.Equal(ts, types) {
		return nil, fmt.Errorf("%w: types %v, want %v", ErrModel, ts, types)
	}
	m.labels = newLabelSet(types)
	nl := d.uvarint()
	if d.err == nil && nl > 1<<24 {
		return nil, fmt.Errorf("%w: lexicon of %d words", ErrModel, nl)
	}
	m.lex = make(lexicon, nl)
	for i := uint64(0); i < nl && d.err == nil; i++ {
		w := d.str()
		m.lex[w] = uint32(d.uvarint())
	}
	if err := m.readWeights(d); err != nil {
		return nil, err
	}
	switch d.uvarint() {
	case 0:
	case 1:
		w := d.uvarint()
		if d.err == nil && w > 1<<10 {
			return nil, fmt.Errorf("%w: window %d", ErrModel, w)
		}
		m.window = int(w)
		m.second = &Model{gaz: gaz, labels: m.labels, lex: m.lex, info: m.info, set: m.set}
		if err := m.second.readWeights(d); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%w: bad pass count", ErrModel)
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, d.err)
	}
	return m, nil
}

// readWeights reads what writeWeights wrote into m, whose labels are set.
func (m *Model) readWeights(d *decoder) error {
	L := m.labels.len()
	m.oBias = float32(d.varint()) * quantStep
	m.trans = make([]float32, (L+1)*L)
	for i := range m.trans {
		m.trans[i] = float32(d.varint()) * quantStep
	}
	nf := d.uvarint()
	if d.err == nil && nf > 1<<26 {
		return fmt.Errorf("%w: %d features", ErrModel, nf)
	}
	if d.err != nil {
		return fmt.Errorf("%w: %w", ErrModel, d.err)
	}
	m.table = newFeatTable(int(nf))
	m.table.ws = make([]labWeight, 0, nf*2)
	var h uint64
	for i := uint64(0); i < nf && d.err == nil; i++ {
		h += d.uvarint()
		n := d.uvarint()
		if n == 0 || n > uint64(L) {
			return fmt.Errorf("%w: feature %d has %d weights", ErrModel, i, n)
		}
		first := uint32(len(m.table.ws))
		for j := uint64(0); j < n; j++ {
			l := d.uvarint()
			if l >= uint64(L) {
				return fmt.Errorf("%w: label %d", ErrModel, l)
			}
			m.table.push(uint8(l), float32(d.varint())*quantStep)
		}
		m.table.put(h&hashMask, first, uint8(n))
	}
	if d.err != nil {
		return fmt.Errorf("%w: %w", ErrModel, d.err)
	}
	m.info.Features = int(nf)
	return nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) uvarint(x uint64) { e.bytes(e.buf[:binary.PutUvarint(e.buf[:], x)]) }
func (e *encoder) varint(x int64)   { e.bytes(e.buf[:binary.PutVarint(e.buf[:], x)]) }
func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.bytes([]byte(s))
}

type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = noEOF(err)
	}
	return x
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadVarint(d.r)
	if err != nil {
		d.err = noEOF(err)
	}
	return x
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = noEOF(err)
		return nil
	}
	return b
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err == nil && n > 1<<16 {
		d.err = fmt.Errorf("string of %d bytes", n)
		return ""
	}
	return string(d.bytes(int(n)))
}

func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}
