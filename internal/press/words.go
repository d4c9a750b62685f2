package press

import (
	"khabar/internal/datetime"
)

// The word helpers the recognisers share with the date recogniser, so
// that agency, dateline and outlet matching reads words as it does.
var (
	digitValue = datetime.DigitValue
	isDeva     = datetime.IsDeva
	isWordRune = datetime.IsWordRune
)

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// monthOfWord returns the month a word names, or 0.
func monthOfWord(w string) int { return datetime.MonthOf(w) }
