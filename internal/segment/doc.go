// Package segment splits an article's text into paragraphs, sentences and
// tokens, as byte offsets into the text (news.Segments). Later stages
// (entities, times, quotes, events) work on these units.
//
// The choices it makes:
//
//   - Paragraphs. Every line is a paragraph: a single newline ends a
//     paragraph just as a blank line does, because scraped text usually
//     carries one paragraph per line and hard-wrapped prose is rare in news.
//     Blank lines produce no paragraph. A paragraph's span excludes the
//     spaces at its ends. Sentences never cross a paragraph.
//   - Sentences end at "।", "॥", "?", "!" and ".", and at the end of the
//     paragraph. A full stop does not end a sentence when it belongs to an
//     abbreviation (Mr. Dr. St. Prof. Gen. Inc. e.g. i.e. U.S. a.m., and the
//     Hindi डॉ. श्री. श्रीमती. प्रो. स्व. पं. रु. कि.मी. ई.पू. …), to an
//     initial ("J. P. Nadda", "जे. पी. नड्डा"), to a number ("3.5"), to a list
//     number at the start of a paragraph ("1."), or when the next word starts
//     with a lower-case Latin letter. "etc.", "Inc.", "Ltd.", "Co.", "Corp.",
//     "a.m." and "p.m." end a sentence only when a capitalised Latin word
//     follows. An ellipsis ("…", "...") ends a sentence only before a
//     capitalised Latin word. Closing quotes and brackets written directly
//     after the end mark (’ ” " ' ’’ ) ] » …) belong to the sentence they close.
//   - Tokens are words, numbers, punctuation and symbols (news.TokWord,
//     TokNumber, TokPunct, TokSymbol); spaces and stray invisible
//     characters are not tokens.
//   - A word is a run of letters and combining marks of any script: a
//     Devanagari word keeps its vowel signs, virama, nukta, anusvara,
//     chandrabindu and visarga, and a ZWJ or ZWNJ inside it. An apostrophe
//     between Latin letters stays inside ("India's", "don't"), and so do
//     digits after letters ("G20", "COVID19"); Latin letters right after
//     digits join them into one word ("5G", "21st"), Devanagari letters do not
//     ("21", "वीं").
//   - A hyphenated compound is three tokens: "टुकड़े-टुकड़े" is word, "-",
//     word, as is "Putin-Trump". Matchers that need the compound can join
//     adjacent tokens; the reverse would be harder.
//   - A number is a run of digits of any script, with "," "." ":" or "/"
//     between digits kept inside: "58,000", "1,25,000", "3.5", "१२,५००",
//     "10:30", "12/03/2025".
//   - An abbreviation keeps its full stops (or the Devanagari abbreviation
//     sign ॰) inside its token: "Dr.", "U.S.", "डॉ.", "कि.मी.".
//   - A URL (http://, https://, www., or a lower-case domain with a common
//     top-level domain such as "pib.gov.in/release") and an e-mail address
//     are one token of kind TokSymbol, so word matchers skip them; trailing
//     punctuation is not part of them.
//   - A run of one repeated punctuation character ("...", "’’", "!!", "--")
//     is one token; different characters are separate tokens.
package segment
