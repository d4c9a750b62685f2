package extract

import (
	"regexp"
	"time"

	"khabar/internal/datetime"
)

// rxIST finds the zone name IST.
var rxIST = regexp.MustCompile(`\bIST\b`)

// ist is India Standard Time: the zone of "IST" and of times written
// without a zone.
var ist = datetime.IST

// findDates returns the dates written in text, in order, at most limit
// (datetime.ScanDates: the recogniser's year-first reading).
func findDates(text string, limit int) []datetime.Dated { return datetime.ScanDates(text, limit) }

// parseStamp reads one machine-written timestamp (datetime.ScanStamp).
func parseStamp(s string) (t time.Time, hasTime, ok bool) { return datetime.ScanStamp(s) }
