package news

// derived holds what stages made of one Text of an article, by key.
type derived struct {
	// owner is the article the values were added for: a copy of the
	// article reads them but adds its own to a map of its own.
	owner *Article
	text  string
	vals  map[any]any
}

// Derived returns build(a.Text), made at the first call with key for this
// Text and kept for later calls, so that what several stages read of the
// text (its tokens, its offsets) is made once. Values are shared: callers
// must not change them. Once a stage sets a new Text, Derived builds
// anew. It is not safe for concurrent use on one article, and the values
// are not part of the record; ForgetDerived drops them.
func (a *Article) Derived(key any, build func(text string) any) any {
	d := a.derived
	if d == nil || d.text != a.Text {
		d = &derived{owner: a, text: a.Text}
		a.derived = d
	}
	if v, ok := d.vals[key]; ok {
		return v
	}
	v := build(a.Text)
	if d.owner != a {
		own := &derived{owner: a, text: d.text, vals: make(map[any]any, len(d.vals)+1)}
		for k, x := range d.vals {
			own.vals[k] = x
		}
		d = own
		a.derived = d
	}
	if d.vals == nil {
		d.vals = map[any]any{}
	}
	d.vals[key] = v
	return v
}

// ForgetDerived drops what Derived kept, once the stages are done with the
// article.
func (a *Article) ForgetDerived() { a.derived = nil }

// offsetsKey is the Derived key of Offsets.
type offsetsKey struct{}

// Offsets returns NewOffsets(a.Text), made once for each Text (Derived).
func (a *Article) Offsets() *Offsets {
	return a.Derived(offsetsKey{}, func(text string) any { return NewOffsets(text) }).(*Offsets)
}
