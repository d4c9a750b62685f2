package meta

import "strings"

// StripSiteSuffix removes a trailing " | Site Name", " - Site Name" or
// " – Site Name" from a title when the tail names site, an outlet the table
// knows, or reads as a site's name ("Hindi News"), and a headline of three
// words or more is left.
func StripSiteSuffix(t, site string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " । "} {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if len(strings.Fields(head)) < 3 {
			continue
		}
		sameSite := site != "" && strings.EqualFold(collapse(tail), collapse(site))
		if sameSite || (len(strings.Fields(tail)) <= 5 && (Outlet(tail) != "" || siteWords(tail))) {
			return head
		}
	}
	return t
}

// siteWords reports a short tail such as "Hindi News", "NDTV India", "Latest
// Hindi News", "jagran.com".
func siteWords(s string) bool {
	l := strings.ToLower(foldNukta(s))
	for _, w := range []string{"news", "न्यूज", "खबर", "समाचार", ".com", ".in", "times", "hindi", "हिंदी", "हिन्दी", "live", "today", "daily"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
