// Package timex finds time expressions in Hindi and English news text and
// resolves each to an ISO 8601 / TIMEX3-style value against the article's
// publication time: calendar dates ("19 मार्च", "१९ मार्च", "March 19,
// 2021", "03-11-2025"), weekdays and relative days ("रविवार को", "कल",
// "परसों", "पिछले सप्ताह", "दो दिन पहले", "last week"), clock times ("रात
// आठ बजे", "10:30 am"), parts of the day ("बुधवार सुबह"), durations ("एक
// माह", "पूरा दिन"), years, and sets ("हर साल").
//
// Values follow TIMEX3: "2025-11-02" (a day), "2025-11" (a month), "2025"
// (a year), "2025-W44" (a week), "199" (a decade), "2025-11-01TNI" (a part
// of a day: MO, AF, EV, NI), "2017-11-30T14:40" (a clock time), "P3D",
// "PT3H", "PXY" (durations; X is an unspecified amount), "PAST_REF" and
// "FUTURE_REF" (vague references). A part that cannot be resolved, because
// the publication date is unknown, is written X ("XXXX-03-19",
// "XXXX-WXX-3"), and an expression that needs the publication date to mean
// anything at all ("कल") gets an empty value. Dates that do not exist
// ("31 फरवरी") are not reported.
//
// Resolution rules: a weekday is the latest such day on or before the
// publication date, unless the text says it is ahead ("अगले सोमवार", "next
// Monday", or a future verb in its clause); a day and month without a year
// take the year that puts them nearest the publication date (after it when
// the clause is in the future tense); "कल" and "परसों" look back unless the
// clause is in the future tense; a part of the day or a clock time without
// a date takes the last day the text mentioned.
//
// Calendar dates and clock times in digits are read with the date
// recogniser's grammar (datetime.Names.Date, datetime.ReadClock), the one
// every stage shares; this package adds what only it needs (a capital on an
// English month before its day, the publication day deciding an ambiguous
// day/month order, two-digit years near publication, ranges) and the
// relative and partial expressions.
//
// Find does the work on a string; Stage wraps it as the pipeline's "time"
// stage. Matching keys come from normalize.Fold, so spelling variants
// (nukta, chandrabindu, Devanagari digits) match alike.
package timex
