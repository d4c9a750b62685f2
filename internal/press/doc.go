// Package press recognises the names and marks of news copy, for the
// stages that read them (clean takes the lines that carry them out of the
// body; meta decides an article's facts from them): wire agencies
// (Agency, FindAgencies), outlets (Outlet, FindOutlets, OutletByURL,
// LeadName), places and datelines (Place, ParseDateline, DatelineText),
// bylines and desks (ReadByline, DeskOutlet, DeskWord), headlines
// (HeadlineScore, PageTitle, StripSiteSuffix) and names in Latin letters
// (RomanName, CopyrightName). Dates and times are package datetime's. It
// holds no state and does no I/O; its tables are read once, at start-up.
package press
