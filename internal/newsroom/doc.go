// Package newsroom recognises the names and marks of news copy, for the
// stages that read them (clean takes the lines that carry them out of the
// body; meta decides an article's facts from them): wire agencies
// (Agency, FindAgencies), outlets (Outlet, FindOutlets, OutletByURL,
// LeadName), places and datelines (Place, ParseDateline, DatelineText),
// bylines (ReadByline, DeskOutlet), headlines (HeadlineScore, PageTitle,
// StripSiteSuffix), names in Latin letters (RomanName, CopyrightName) and
// publication times as Indian and foreign pages write them (ParseTime,
// FindTimes; IST is +05:30). It holds no state and does no I/O; its tables
// are read once, at start-up.
package newsroom
