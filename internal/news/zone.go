package news

import "time"

// IST is India Standard Time, a fixed +05:30 zone named "IST": the zone of
// "IST" wherever a page writes it (Go's time package and date libraries
// read the abbreviation as Israel or Irish time), and of times Indian
// pages print without a zone.
var IST = time.FixedZone("IST", 5*3600+30*60)
