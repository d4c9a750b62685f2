// Package textscan splits Hindi and English news text into the tokens that
// the matching stages (timex, quote, event) read: words, digit runs,
// punctuation marks and quotation marks, each with its byte span, a
// matching key, and whether white space or a line break comes before it.
//
// A word is a run of letters and marks of any script, Devanagari in
// particular, joiners (ZWJ, ZWNJ) included; its key is normalize.Fold of
// the word, so "ट्रम्प" and "ट्रंप" or "Modi" and "MODI" match. The danda,
// the double danda and the abbreviation sign (U+0970) end a word and are
// punctuation. Zero-width space, BOM and soft hyphen count as white space.
//
// The callers differ in a few deliberate ways, which Options spells out:
// whether digits are words or Number tokens, whether quotation marks are
// tokens of their own (and whether two ASCII apostrophes and the apostrophe
// in "Putin’s" are quotation marks).
package textscan
