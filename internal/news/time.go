package news

import "time"

// IST is India Standard Time, UTC+05:30: the zone khabar reads a date or
// clock time in when the source names none, and writes dates in for
// people. Every package uses this one value.
var IST = time.FixedZone("IST", 5*3600+30*60)
