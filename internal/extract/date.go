package extract

import (
	"regexp"

	"khabar/internal/datetime"
)

// rxIST finds the zone name IST.
var rxIST = regexp.MustCompile(`\bIST\b`)

// ist is India Standard Time: the zone of "IST" and of times written
// without a zone.
var ist = datetime.IST
