package newsroom

import (
	"time"

	"khabar/internal/datetime"
)

// Dates and times are read by package datetime, khabar's one recogniser;
// these names keep the newsroom recognisers' callers as they were.

// IST is India Standard Time (news.IST).
var IST = datetime.IST

// Stamp is one date or date-time found in a string (datetime.Stamp).
type Stamp = datetime.Stamp

// Precision says how much of a Stamp the page gave (datetime.Precision).
type Precision = datetime.Precision

// Label says what a page said a time is (datetime.Label).
type Label = datetime.Label

// Precisions and labels, as in package datetime.
const (
	PrecisionDay    = datetime.PrecisionDay
	PrecisionMinute = datetime.PrecisionMinute
	PrecisionSecond = datetime.PrecisionSecond
	Unlabelled      = datetime.Unlabelled
	Published       = datetime.Published
	Updated         = datetime.Updated
)

// ParseTime parses s as one date or date-time (datetime.ParseTime).
func ParseTime(s string) (Stamp, bool) { return datetime.ParseTime(s) }

// FindTimes returns every date or date-time in s (datetime.FindTimes).
func FindTimes(s string) []Stamp { return datetime.FindTimes(s) }

// ParseDayMonth reads a date without a year at the start of s
// (datetime.ParseDayMonth).
func ParseDayMonth(s string) (day, month, n int, ok bool) { return datetime.ParseDayMonth(s) }

// Zoneless reports whether t is a clock time read without a zone
// (datetime.Zoneless).
func Zoneless(t time.Time) bool { return datetime.Zoneless(t) }

// InZone returns the zoneless time t with its wall clock read in loc
// (datetime.InZone).
func InZone(t time.Time, loc *time.Location) time.Time { return datetime.InZone(t, loc) }

// The word helpers the newsroom recognisers share with the date
// recogniser, so that agency, dateline and outlet matching reads words the
// same way.
var (
	digitValue = datetime.DigitValue
	isDeva     = datetime.IsDeva
	isWordRune = datetime.IsWordRune
	lowerWord  = datetime.LowerWord
)

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// monthOfWord returns the month a word names, or 0.
func monthOfWord(w string) int { return datetime.MonthOf(w) }

// ValidDate reports whether y-m-d is a real calendar date
// (datetime.ValidDate).
func ValidDate(y, m, d int) bool { return datetime.ValidDate(y, m, d) }
