package story

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"time"
)

// stateVersion is the first byte of an encoded story state or frequency
// table; another version is ignored (the story starts a fresh profile).
const stateVersion = 1

var errState = errors.New("story: corrupt state")

type writer struct{ b []byte }

func (w *writer) uvarint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *writer) varint(v int64)   { w.b = binary.AppendVarint(w.b, v) }
func (w *writer) str(s string)     { w.uvarint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *writer) time(t time.Time) {
	if t.IsZero() {
		w.b = append(w.b, 0)
		return
	}
	_, off := t.Zone()
	w.b = append(w.b, 1)
	w.varint(t.Unix())
	w.varint(int64(off))
}
func (w *writer) vector(v vector) {
	w.uvarint(uint64(len(v)))
	for _, x := range v {
		w.b = binary.LittleEndian.AppendUint64(w.b, x.key)
		w.b = binary.LittleEndian.AppendUint32(w.b, math.Float32bits(float32(x.w)))
	}
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errState
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errState
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) str() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errState
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) time() time.Time {
	if r.err != nil || len(r.b) == 0 {
		r.err = errState
		return time.Time{}
	}
	has := r.b[0]
	r.b = r.b[1:]
	if has == 0 {
		return time.Time{}
	}
	sec, off := r.varint(), r.varint()
	if r.err != nil {
		return time.Time{}
	}
	return time.Unix(sec, 0).In(time.FixedZone("", int(off)))
}

func (r *reader) vector() vector {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b))/12 {
		r.err = errState
		return nil
	}
	v := make(vector, n)
	for i := range v {
		v[i] = weight{binary.LittleEndian.Uint64(r.b), float64(math.Float32frombits(binary.LittleEndian.Uint32(r.b[8:])))}
		r.b = r.b[12:]
	}
	return v
}

// encodeState writes what Load needs beyond the story record: the
// profile, the entity counts and the times of the articles.
func encodeState(c *cluster) []byte {
	w := &writer{b: []byte{stateVersion}}
	w.time(c.titleWhen)
	var flags uint64
	if c.closed {
		flags |= 1
	}
	w.uvarint(flags)
	w.uvarint(uint64(c.n))
	langs := make([]string, 0, len(c.terms))
	for l := range c.terms {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	w.uvarint(uint64(len(langs)))
	for _, l := range langs {
		w.str(l)
		w.vector(c.terms[l])
	}
	w.vector(c.ents)
	w.uvarint(uint64(len(c.entities)))
	// Entities in a stable order.
	ids := make([]string, 0, len(c.entities))
	for id := range c.entities {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		st := c.entities[id]
		w.str(id)
		w.str(st.name)
		w.str(st.typ)
		w.uvarint(uint64(st.articles))
	}
	w.uvarint(uint64(len(c.articles)))
	for _, id := range c.articles {
		w.time(c.when[id])
	}
	// Added after the first stores: a state without them has no birth
	// and was last joined before any numbering.
	w.varint(c.born)
	w.uvarint(c.last)
	return w.b
}

// decodeState reads a state encodeState wrote into c, whose articles are
// set. It leaves c's profile empty when the state is of another version or
// corrupt.
func decodeState(c *cluster, b []byte) {
	if len(b) == 0 || b[0] != stateVersion {
		return
	}
	r := &reader{b: b[1:]}
	titleWhen := r.time()
	flags := r.uvarint()
	n := int(r.uvarint())
	nl := r.uvarint()
	if r.err != nil || nl > uint64(len(r.b)) {
		return
	}
	terms := make(map[string]vector, nl)
	for range nl {
		l := r.str()
		terms[l] = r.vector()
	}
	ents := r.vector()
	k := r.uvarint()
	if r.err != nil || k > uint64(len(r.b)) {
		return
	}
	entities := make(map[string]*entStat, k)
	for range k {
		id, name, typ := r.str(), r.str(), r.str()
		entities[id] = &entStat{name: name, typ: typ, articles: int(r.uvarint())}
	}
	m := r.uvarint()
	if r.err != nil || m != uint64(len(c.articles)) {
		return
	}
	when := make(map[string]time.Time, m)
	for _, id := range c.articles {
		when[id] = r.time()
	}
	if r.err != nil {
		return
	}
	if len(r.b) > 0 {
		born := r.varint()
		last := r.uvarint()
		if r.err == nil {
			c.born, c.last = born, last
		}
	}
	c.titleWhen, c.n, c.terms, c.ents, c.entities, c.when = titleWhen, n, terms, ents, entities, when
	c.closed = flags&1 != 0
}

// Frequencies returns the engine's document-frequency tables, for storing
// with the stories.
func (e *Engine) Frequencies() []byte {
	w := &writer{b: []byte{stateVersion}}
	for _, d := range []*idf{&e.terms, &e.entities} {
		w.uvarint(uint64(d.n))
		w.uvarint(uint64(len(d.df)))
		for k, n := range d.df {
			w.b = binary.LittleEndian.AppendUint64(w.b, k)
			w.uvarint(uint64(n))
		}
	}
	return w.b
}

// LoadFrequencies restores tables Frequencies wrote. Tables of another
// version are ignored: frequencies start again from zero.
func (e *Engine) LoadFrequencies(b []byte) error {
	if len(b) == 0 || b[0] != stateVersion {
		return nil
	}
	r := &reader{b: b[1:]}
	for _, d := range []*idf{&e.terms, &e.entities} {
		n := r.uvarint()
		k := r.uvarint()
		if r.err != nil || k > uint64(len(r.b))/9 {
			return errState
		}
		df := make(map[uint64]uint32, k)
		for range k {
			if len(r.b) < 9 {
				return errState
			}
			key := binary.LittleEndian.Uint64(r.b)
			r.b = r.b[8:]
			df[key] = uint32(r.uvarint())
		}
		if r.err != nil {
			return errState
		}
		d.n, d.df = uint32(n), df
	}
	return nil
}
