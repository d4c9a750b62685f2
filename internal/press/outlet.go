package press

import (
	"net/url"
	"strings"
	"sync"
	"time"

	"khabar/internal/lexicon"
	"khabar/internal/normalize"

	// The outlets' home zones must load wherever khabar runs.
	_ "time/tzdata"
)

// The outlets are the [press.outlet] entries of every language's pack
// (internal/lexicon): a name pages use and the outlet's English name; the
// hosts they publish on are the [press.outlet-host] entries (a host
// matches itself and its subdomains; a host with a path, "bbc.com/hindi",
// matches URLs under that path).

// allPacks returns the pack of every language, in the order of
// lexicon.Langs: the recognisers read the words of every language for
// every article.
func allPacks() []*lexicon.Pack {
	var ps []*lexicon.Pack
	for _, l := range lexicon.Langs() {
		ps = append(ps, lexicon.Get(l))
	}
	return ps
}

// wordSet returns the entries of class c of every pack, folded as words
// are (lower case, no nukta), as a set.
func wordSet(c lexicon.Class) map[string]bool {
	m := map[string]bool{}
	for _, p := range allPacks() {
		for _, w := range p.Words(c) {
			m[normalize.WordFold.String(w)] = true
		}
	}
	return m
}

// outletHost is a host and the outlet that publishes on it.
type outletHost struct {
	host, name string
}

// outletHosts lists the [press.outlet-host] entries in the packs' order.
var outletHosts = func() []outletHost {
	var hs []outletHost
	for _, p := range allPacks() {
		for _, e := range p.Entries(lexicon.PressOutletHost) {
			hs = append(hs, outletHost{e.Text, e.Value})
		}
	}
	return hs
}()

// outletKey folds a name for lookup: lower case, no nukta, no leading "the",
// spaces collapsed, dots and hyphens dropped, a trailing "हिंदी" read as
// "hindi" (a site names its Hindi edition in either script: "News18
// हिंदी").
func outletKey(s string) string {
	k := agencyKey(strings.TrimSpace(s))
	k = strings.TrimPrefix(k, "the ")
	for _, h := range []string{" हिंदी", " हिन्दी"} {
		if t, ok := strings.CutSuffix(k, h); ok {
			k = t + " hindi"
		}
	}
	return strings.TrimSuffix(k, " news")
}

// outletNames maps folded outlet names to English ones; every English
// name is a name too. Built once, read only.
var outletNames = func() map[string]string {
	m := map[string]string{}
	for _, p := range allPacks() {
		for _, e := range p.Entries(lexicon.PressOutlet) {
			m[outletKey(e.Value)] = e.Value
			m[outletKey(e.Text)] = e.Value
		}
	}
	return m
}()

// outletSuffixes are dropped from a name before lookup: "aajtak.in",
// "नवभारतटाइम्स.कॉम".
var outletSuffixes = []string{".कॉम", ".com", ".in", ".co.in", " डॉट कॉम", " dot com"}

// Outlet returns the English name of the outlet s names ("लोकमत हिन्दी" →
// "Lokmat Hindi", "www.jagran.com" → "Dainik Jagran"), or "" when s names
// no outlet the table knows.
func Outlet(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if n := outletNames[outletKey(s)]; n != "" {
		return n
	}
	ls := normalize.Lower(s)
	for _, suf := range outletSuffixes {
		if t, ok := strings.CutSuffix(ls, suf); ok && t != "" {
			if n := outletNames[outletKey(t)]; n != "" {
				return n
			}
		}
	}
	if strings.Contains(s, ".") && !strings.Contains(s, " ") {
		return OutletByURL(s)
	}
	return ""
}

// Host returns the lower-case host of a URL (or of a bare host name),
// without "www.", or "".
func Host(u string) string {
	h, _ := hostPath(u)
	return h
}

// hostPath returns the lower-case host of a URL (or of a bare host name),
// without "www.", and its lower-case path; "" when u has no host.
func hostPath(u string) (host, path string) {
	u = strings.TrimSpace(u)
	if u == "" {
		return "", ""
	}
	if !strings.Contains(u, "://") {
		u = "http://" + u
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return "", ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www."), strings.ToLower(p.Path)
}

// OutletByURL returns the English name of the outlet publishing at the URL
// or host u, or "".
func OutletByURL(u string) string {
	host, path := hostPath(u)
	if host == "" {
		return ""
	}
	best, bestLen := "", 0
	for _, o := range outletHosts {
		hh, hp, _ := strings.Cut(o.host, "/")
		if host != hh && !strings.HasSuffix(host, "."+hh) {
			continue
		}
		if hp != "" && !strings.HasPrefix(strings.TrimPrefix(path, "/"), hp) {
			continue
		}
		if len(o.host) > bestLen {
			best, bestLen = o.name, len(o.host)
		}
	}
	return best
}

// outletWords mark a name as an outlet's even when the table does not know
// it ("Lokjeewan Daily", "Rajdhani Samachar"): [press.outlet-word].
var outletWords = wordSet(lexicon.PressOutletWord)

// outletLike reports whether name reads as a publication's name.
func outletLike(name string) bool {
	for _, w := range splitWords(name) {
		if outletWords[w.text] {
			return true
		}
	}
	return false
}

// FindOutlets returns the outlets the table knows that text names, in
// order. It is meant for short texts: disclaimers, copyright lines,
// promotions.
func FindOutlets(text string) []string { return findOutlets(text) }

func findOutlets(text string) []string {
	ws := splitWords(text)
	var out []string
	for i := 0; i < len(ws); i++ {
		for n := min(4, len(ws)-i); n >= 1; n-- {
			if n > 1 && !closeRun(text, ws[i:i+n]) {
				continue
			}
			raw := text[ws[i].start:ws[i+n-1].end]
			name := outletNames[outletKey(raw)]
			if name == "" {
				continue
			}
			// Short Latin abbreviations ("HT", "ET", "FT") only in capitals.
			if !capsOK(raw) {
				continue
			}
			out = append(out, name)
			i += n - 1
			break
		}
	}
	return out
}

// Lead kinds.
const (
	LeadAgency = "agency"
	LeadOutlet = "outlet"
)

// deskTail are words that may follow an outlet's or agency's name in a
// credit: "TOI City Desk", "The Hindu Bureau", "हिन्दुस्तान टीम", "जनसत्ता
// ऑनलाइन", "Prabhat Khabar Digital Desk" ([press.desk-tail]).
var deskTail = wordSet(lexicon.PressDeskTail)

// LeadName reads a short credit that is an agency's or an outlet's name,
// optionally followed by desk words and a place: "Press Trust of India New
// Delhi", "TOI City Desk", "आजतक ब्यूरो", "The Hindu Bureau". It returns
// the kind (LeadAgency or LeadOutlet), the canonical name and whether the
// rest was only desk words (a desk credit rather than a bare name).
func LeadName(s string) (kind, name string, desk, ok bool) {
	s = strings.Trim(strings.TrimSpace(s), "()[]-–—:.,|।")
	ws := splitWords(s)
	if len(ws) == 0 || len(ws) > 8 {
		return "", "", false, false
	}
	for n := len(ws); n >= 1; n-- {
		head := s[ws[0].start:ws[n-1].end]
		k, nm := "", ""
		if a := Agency(head); a != "" && capsOK(head) {
			k, nm = LeadAgency, a
		} else if o := Outlet(head); o != "" && capsOK(head) {
			k, nm = LeadOutlet, o
		}
		if k == "" {
			continue
		}
		// The rest: desk words, then at most a place.
		rest := ws[n:]
		d := false
		i := 0
		for i < len(rest) && deskTail[rest[i].text] {
			i++
			d = true
		}
		if i < len(rest) {
			tail := s[rest[i].start:rest[len(rest)-1].end]
			if Place(tail) == "" {
				return "", "", false, false
			}
		}
		return k, nm, d, true
	}
	return "", "", false, false
}

// outletZones are the home zones of outlets outside India whose pages
// print clock times without a zone ([press.outlet-zone]: English name →
// IANA zone).
var outletZones = func() map[string]string {
	m := map[string]string{}
	for _, p := range allPacks() {
		for _, e := range p.Entries(lexicon.PressOutletZone) {
			m[e.Text] = e.Value
		}
	}
	return m
}()

var (
	zonesOnce sync.Once
	zones     map[string]*time.Location
)

// OutletZone is the home zone of the outlet named (its English name), or
// nil for Indian outlets and unknown ones.
func OutletZone(name string) *time.Location {
	zonesOnce.Do(func() {
		zones = make(map[string]*time.Location, len(outletZones))
		for n, z := range outletZones {
			if loc, err := time.LoadLocation(z); err == nil {
				zones[n] = loc
			}
		}
	})
	return zones[name]
}
