package clean

import (
	"hash/fnv"
	"strings"
	"sync"

	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/press"
)

// Sites learns the lines a site repeats across its pages, so the cleaner
// removes them even when no rule knows their words. Feed it a batch of a
// site's pages with Learn (a first pass), then give it to the cleaner with
// WithSites. It is safe for concurrent use.
type Sites struct {
	mu    sync.RWMutex
	hosts map[string]*siteStats
	// MinPages is how many pages a line must appear on (default 4).
	MinPages int
	// MinShare is the share of the site's pages it must appear on
	// (default 0.5).
	MinShare float64
	// MaxLineWords bounds the lines Sites counts (default 25); a line
	// shaped as a sentence counts only up to MaxSentenceWords (default
	// 12), since stories of one series may repeat a background sentence.
	MaxLineWords, MaxSentenceWords int
}

type siteStats struct {
	pages int
	lines map[uint64]int
}

// NewSites returns an empty model with the default thresholds.
func NewSites() *Sites {
	return &Sites{hosts: map[string]*siteStats{}, MinPages: 4, MinShare: 0.5, MaxLineWords: 25, MaxSentenceWords: 12}
}

// candidate reports whether a line may be learnt as a site's repeat.
func (s *Sites) candidate(l string) bool {
	sh := measure(l)
	return sh.words > 0 && sh.words <= s.MaxLineWords && !(defaultLimits.bodyLike(sh) && sh.words > s.MaxSentenceWords)
}

// defaultLimits are the default Limits, which a site's repeats are judged
// by (read only).
var defaultLimits = Limits{}.withDefaults()

func lineHash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(normalize.LineFold.String(s)))
	return h.Sum64()
}

// Learn counts the short lines of one page of host.
func (s *Sites) Learn(host, text string) {
	host = press.Host(host)
	if host == "" {
		return
	}
	seen := map[uint64]bool{}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if !s.candidate(l) {
			continue
		}
		seen[lineHash(l)] = true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.hosts[host]
	if st == nil {
		st = &siteStats{lines: map[uint64]int{}}
		s.hosts[host] = st
	}
	st.pages++
	for h := range seen {
		st.lines[h]++
	}
}

// Repeated reports whether host prints line on many of its pages.
func (s *Sites) Repeated(host, line string) bool {
	host = press.Host(host)
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := s.hosts[host]
	if st == nil || !s.candidate(line) {
		return false
	}
	n := st.lines[lineHash(line)]
	return n >= s.MinPages && float64(n) >= s.MinShare*float64(st.pages)
}

// ArticleHost is the host an article was published on, from its hints,
// URL or source.
func ArticleHost(a *news.Article) string {
	for _, u := range []string{a.Raw.Hints.URL, a.URL, a.Source.URI} {
		if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			return press.Host(u)
		}
	}
	return ""
}
