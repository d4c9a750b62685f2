package press

import (
	"khabar/internal/datetime"
)

// The word helpers the recognisers share with the date recogniser, so
// that agency, dateline and outlet matching reads words as it does.
// (Functions, not variables holding datetime's: a call through a variable
// is never inlined, and splitWords makes several for every character.)

func digitValue(r rune) (int, bool) { return datetime.DigitValue(r) }
func isDeva(r rune) bool            { return datetime.IsDeva(r) }
func isWordRune(r rune) bool        { return datetime.IsWordRune(r) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// monthOfWord returns the month a word names, or 0.
func monthOfWord(w string) int { return datetime.MonthOf(w) }
