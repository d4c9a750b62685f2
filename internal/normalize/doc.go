// Package normalize is the one place where khabar decides how Unicode text,
// and Devanagari in particular, is written. Every stage reads text that went
// through Text, and every matching key comes from Fold, so two stages never
// disagree about whether "क़" and "क़" are the same letter.
//
// # Text
//
// Text prepares an article body or headline. It changes how text is encoded
// and laid out, never what it says:
//
//   - Invalid UTF-8 bytes become U+FFFD.
//   - Line breaks: "\r\n", "\r", vertical tab, form feed, NEL and U+2028
//     become "\n"; U+2029 (paragraph separator) becomes a blank line.
//   - Spaces: tab, no-break space and the other Unicode space separators
//     become " "; runs of spaces collapse to one; lines carry no leading or
//     trailing spaces; at most one blank line stands between two lines of
//     text, and the text neither starts nor ends with blank lines.
//   - Invisible characters are dropped: soft hyphen, zero width space,
//     word joiner, byte order mark, bidi marks
//     and controls, and every other control character except "\n".
//   - ZWJ (U+200D) and ZWNJ (U+200C) are dropped too, except where they
//     choose how a conjunct is drawn: after a virama (of any Indic script)
//     and before a letter, as in "र्‍य" (eyelash ra) or "क्‌ष" (no ligature).
//     ZWNJ is also kept between two Arabic-script letters (Urdu, Persian),
//     and ZWJ between two pictographic symbols (emoji sequences).
//   - Unicode NFC. NFC writes the nukta letters क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़
//     (U+0958..U+095F, which Unicode excludes from composition) as base
//     letter + U+093C NUKTA, and keeps ऩ ऱ ऴ (U+0929, U+0931, U+0934)
//     precomposed. That is the nukta policy of all of khabar: after Text,
//     U+0958..U+095F never occur.
//   - Nukta repairs: a nukta typed after a vowel sign ("कि़") moves to its
//     consonant ("क़ि"); a second nukta on one consonant is dropped.
//   - Devanagari sequences Unicode says not to use (an independent vowel
//     followed by a vowel sign that together look like another independent
//     vowel, as "अा" for "आ", "अो" for "ओ", "एे" for "ऐ", "अॉ" for "ऑ") are
//     replaced by the one letter they imitate; so is a vowel sign typed as
//     two ("ाे" for "ो", "ाै" for "ौ", as old font converters leave "याेग").
//   - Danda: an ASCII "|" (or a look-alike: ｜ ǀ ∣) right after Devanagari
//     text and before a space, line end, closing quote or another danda is a
//     danda "।"; so is a lone lower-case "l" in that position (a common
//     typing substitute; capital "I" is never touched, since it is the
//     English pronoun). Two dandas in a row ("||", "।।", "। ।") become a
//     double danda "॥". No space stands before a danda; exactly one space
//     follows it unless it ends the line or a closing quote or bracket
//     follows directly.
//   - Digits are left as written (Devanagari digits stay Devanagari); see
//     Digits.
//
// Text is idempotent: Text(Text(s)) == Text(s).
//
// # Fold
//
// Fold makes a matching key for names and search terms. See Fold for its
// rules; Fold keys are for comparison only and are never shown.
package normalize
