package normalize

import (
	"net/url"
	"strings"

	"khabar/internal/news"
)

// ReasonURL is the news.Removal reason of an article URL that is not an
// absolute http or https URL (javascript:, data:, vbscript:, a relative
// path, …): Fields takes it out of the record and keeps it here.
const ReasonURL = "unsafe-url"

// Fields puts every short field of a that people read into canonical form
// with Line, once, whichever stage or input set it: the headlines, the
// publisher, the byline, the agencies and the dateline's place. So a bidi
// override or a zero-width character that came in with a publisher name
// is gone before it is stored, shown or compared, as it is from the text.
// List items that normalise to nothing are dropped. Fields also keeps
// a.URL only when it is a web address (see URL); another is moved to
// a.Removed with reason ReasonURL.
func Fields(a *news.Article) {
	a.Title = Line(a.Title)
	a.TitleEn = Line(a.TitleEn)
	a.Publisher = Line(a.Publisher)
	a.Byline = lines(a.Byline)
	a.Agencies = lines(a.Agencies)
	if d := a.Dateline; d != nil {
		d.Place = Line(d.Place)
		d.PlaceText = Line(d.PlaceText)
	}
	if a.URL != "" {
		if u, ok := URL(a.URL); ok {
			a.URL = u
		} else {
			a.Removed = append(a.Removed, news.Removal{Text: Line(a.URL), Reason: ReasonURL})
			a.URL = ""
		}
	}
}

// lines is Line of each of ss, without the empty ones; nil stays nil.
func lines(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := ss[:0]
	for _, s := range ss {
		if s = Line(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// URL reports whether s, trimmed of surrounding space, is a web address an
// article may carry and a page may link to: an absolute http or https URL
// with a host, and without spaces or control characters. It returns the
// trimmed URL.
func URL(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if r <= ' ' || r == 0x7F || isInvisible(r) || r == '\u200C' || r == '\u200D' {
			return "", false
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return s, true
	}
	return "", false
}
