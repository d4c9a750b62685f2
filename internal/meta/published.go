package meta

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"khabar/internal/datetime"
	"khabar/internal/news"
	"khabar/internal/press"
)

// The published and updated times of an article, decided from the page's
// machine values and visible stamps.

var urlDate = regexp.MustCompile(`/(20\d\d|19\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/`)

// times decides published and updated. Machine values (hints, meta tags,
// JSON-LD) come first; then the page's visible timestamps: a labelled
// "published" time, else the first unlabelled one; a labelled "updated"
// time, else a second unlabelled one. A visible time given to the minute
// takes the seconds of a machine timestamp of the same minute. With only an
// "Updated" time on the page, it is the published time too. A date in the
// URL is the last resort.
func times(a *news.Article, head news.Head, facts []fact, cand candidates, url string) (pub time.Time, pubP datetime.Precision, upd time.Time, updP datetime.Precision) {
	if !a.Raw.Hints.Published.IsZero() {
		pub, pubP = a.Raw.Hints.Published, datetime.PrecisionSecond
	}
	// parseFirst takes the first value that states its zone, else the
	// first that parses ("pubdate" without a zone beside an
	// article:published_time with one).
	parseFirst := func(vals ...string) (time.Time, datetime.Precision) {
		var first datetime.Stamp
		for _, v := range vals {
			if st, ok := datetime.ParseTime(v); ok {
				if !datetime.Zoneless(st.Time) {
					return st.Time, st.Precision
				}
				if first.Time.IsZero() {
					first = st
				}
			}
		}
		return first.Time, first.Precision
	}
	if pub.IsZero() {
		pub, pubP = parseFirst(append([]string{head.LD.DatePublished}, head.Published...)...)
	}
	upd, updP = parseFirst(append([]string{head.LD.DateModified}, head.Modified...)...)

	var labPub, labUpd, unl []datetime.Stamp
	for _, x := range facts {
		if x.reason != news.ReasonTimestamp && x.reason != news.ReasonByline {
			continue
		}
		for _, st := range datetime.FindTimes(x.text) {
			st = datetime.AttachTime(x.text, st)
			switch st.Label {
			case datetime.Published:
				labPub = append(labPub, st)
			case datetime.Updated:
				labUpd = append(labUpd, st)
			default:
				unl = append(unl, st)
			}
		}
	}
	refine := func(st datetime.Stamp) datetime.Stamp {
		if st.Precision != datetime.PrecisionMinute {
			return st
		}
		for _, u := range unl {
			if u.Precision == datetime.PrecisionSecond && u.Time.Truncate(time.Minute).Equal(st.Time) {
				return u
			}
		}
		return st
	}
	// A date alone (a site's date bar, a date over a time line) gives way
	// to a full timestamp the page prints elsewhere.
	labPub, unl = timedFirst(labPub), timedFirst(unl)
	if len(labPub) > 0 && labPub[0].Precision == datetime.PrecisionDay && len(unl) > 0 && unl[0].Precision > datetime.PrecisionDay && sameDay(labPub[0].Time, unl[0].Time) {
		labPub[0] = unl[0]
	}
	if pub.IsZero() {
		switch {
		case len(labPub) > 0:
			st := refine(labPub[0])
			pub, pubP = st.Time, st.Precision
		case len(unl) > 0:
			pub, pubP = unl[0].Time, unl[0].Precision
		case !cand.published.IsZero():
			pub, pubP = cand.published, candPrecision(cand.published)
		case len(labUpd) > 0:
			st := refine(labUpd[0])
			pub, pubP = st.Time, st.Precision
		}
	}
	if upd.IsZero() {
		switch {
		case len(labUpd) > 0:
			st := refine(labUpd[0])
			upd, updP = st.Time, st.Precision
		case len(unl) > 1 && len(labPub) == 0:
			upd, updP = unl[len(unl)-1].Time, unl[len(unl)-1].Precision
		case !cand.updated.IsZero():
			upd, updP = cand.updated, candPrecision(cand.updated)
		}
	}
	if pub.IsZero() && a.Raw.Format == news.FormatHTML {
		// A date printed under the headline but left out by extraction.
		if st, ok := visibleDate(a.Raw.Body); ok {
			pub, pubP = st.Time, st.Precision
		}
	}
	if pub.IsZero() && !a.Raw.Feed.Published.IsZero() {
		// The page says nothing: the date the feed or sitemap gave.
		pub, pubP = a.Raw.Feed.Published, datetime.PrecisionSecond
	}
	if pub.IsZero() && url != "" {
		if m := urlDate.FindStringSubmatch(url); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if datetime.ValidDate(y, mo, d) {
				pub, pubP = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, datetime.IST), datetime.PrecisionDay
			}
		}
	}
	if !upd.IsZero() && !pub.IsZero() && upd.Before(pub) {
		upd, updP = time.Time{}, 0
	}
	// A time given in UTC is shown in the page's own offset when the page
	// states the same instant with one ("21:25 −05:00" on the 24th, not
	// 02:25Z on the 25th).
	var local []time.Time
	for _, v := range append(append([]string{head.LD.DatePublished, head.LD.DateModified}, head.Published...), head.Modified...) {
		if st, ok := datetime.ParseTime(v); ok {
			local = append(local, st.Time)
		}
	}
	for _, sts := range [][]datetime.Stamp{labPub, labUpd, unl} {
		for _, st := range sts {
			local = append(local, st.Time)
		}
	}
	local = append(local, cand.published, cand.updated)
	if _, off := pub.Zone(); !pub.IsZero() && off == 0 && a.Raw.Format == news.FormatHTML {
		// The time printed under the headline, which extraction may have
		// left out.
		if st, ok := visibleDate(a.Raw.Body); ok {
			local = append(local, st.Time)
		}
	}
	pub, upd = ownOffset(pub, local), ownOffset(upd, local)
	return pub, pubP, upd, updP
}

// ownOffset returns t, given in UTC, in the offset of the first of page
// that is the same instant written with a non-zero offset; any other t is
// returned as it is.
func ownOffset(t time.Time, page []time.Time) time.Time {
	if t.IsZero() || datetime.Zoneless(t) {
		return t
	}
	if _, off := t.Zone(); off != 0 {
		return t
	}
	for _, u := range page {
		if u.IsZero() || datetime.Zoneless(u) || !u.Equal(t) {
			continue
		}
		if _, off := u.Zone(); off != 0 {
			return t.In(u.Location())
		}
	}
	return t
}

// candPrecision guesses the precision of a time an earlier stage found:
// midnight IST is a date alone.
func candPrecision(t time.Time) datetime.Precision {
	if t.Equal(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, datetime.IST)) {
		return datetime.PrecisionDay
	}
	if t.Second() == 0 {
		return datetime.PrecisionMinute
	}
	return datetime.PrecisionSecond
}

// visibleDate finds the first date in the visible text that follows a
// page's first h1 (or its start), within a couple of kilobytes.
func visibleDate(page string) (datetime.Stamp, bool) {
	low := strings.ToLower(page[:min(len(page), 1<<20)])
	i := strings.Index(low, "</h1>")
	if i < 0 {
		i = strings.Index(low, "<body")
		if i < 0 {
			return datetime.Stamp{}, false
		}
	}
	region := page[i:min(len(page), i+4096)]
	var b strings.Builder
	in := false
	for _, r := range region {
		switch {
		case r == '<':
			in = true
			b.WriteByte('\n')
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	for _, line := range strings.Split(b.String(), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || len(line) > 300 {
			continue
		}
		if st := datetime.FindTimes(line); len(st) > 0 {
			return st[0], true
		}
		// Stop at the first paragraph of text: dates inside the article
		// are events, not publication.
		if len(strings.Fields(line)) > 12 {
			return datetime.Stamp{}, false
		}
	}
	return datetime.Stamp{}, false
}

// datelineDate resolves a dateline's day and month with the published
// year; a December dateline on a page published in January is of the year
// before.
func datelineDate(d *press.DatelineInfo, pub time.Time) string {
	if d.Day == 0 || d.Month == 0 || pub.IsZero() {
		return ""
	}
	y := pub.Year()
	if d.Month > int(pub.Month())+1 {
		y--
	}
	if !datetime.ValidDate(y, d.Month, d.Day) {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, d.Month, d.Day)
}

// timedFirst moves the stamps that give a time of day before those that
// give a date alone, keeping page order within each.
func timedFirst(sts []datetime.Stamp) []datetime.Stamp {
	if len(sts) < 2 || sts[0].Precision > datetime.PrecisionDay {
		return sts
	}
	out := make([]datetime.Stamp, 0, len(sts))
	for _, st := range sts {
		if st.Precision > datetime.PrecisionDay {
			out = append(out, st)
		}
	}
	for _, st := range sts {
		if st.Precision == datetime.PrecisionDay {
			out = append(out, st)
		}
	}
	return out
}

// sameDay reports whether a and b fall on the same date in IST.
func sameDay(a, b time.Time) bool {
	a, b = a.In(datetime.IST), b.In(datetime.IST)
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}
