// Package dedup finds copies: the same story carried by many outlets under
// other banners and headlines, with words edited and paragraphs cut, as wire
// copy (PTI-Bhasha, IANS, …) runs in Hindi news.
//
// # Method
//
// An article's text is cut into words with a Devanagari-aware tokenizer
// (letters and their combining marks stay together; nukta, ZWJ and ZWNJ are
// dropped, chandrabindu is written as anusvara, digits of every script
// become ASCII, Latin is lower-cased), common function words are dropped,
// and every run of three remaining words is a shingle. A Sketch holds the
// MinHash signature of the set of shingles (Hashes values), its size, and
// two exact keys: one of the text alone and one of title and text.
//
// An Index finds, for a sketch, the stored sketches that are probably
// similar, by locality-sensitive hashing: the signature is cut into Bands of
// Rows values each, and two sketches are candidates when one band agrees
// (of those that agree on one band, only the newest Options.Bucket held are,
// so that boilerplate thousands of articles share costs a bounded number
// of comparisons). Candidates are then verified on the whole signature: a copy is a pair
// whose estimated resemblance (Jaccard similarity of the shingle sets) or
// containment (the share of the smaller set found in the larger) passes the
// thresholds of Options. Identical text is found first by its exact key.
//
// A Grouper keeps syndication groups over an Index: every copy of one story
// gets the same group id, and the canonical copy is the earliest (by day,
// then by time), then the most complete. Groups are planned and committed in
// two steps, so a caller can store an article before the state changes.
//
// # Bad input
//
//   - An article whose text is empty (a page that was all boilerplate and
//     lost everything to cleaning) is never grouped.
//   - A short article (fewer than Options.MinWords content words, e.g. a
//     headline with a line of text) has too few shingles for a reliable
//     estimate: it is grouped only with articles of identical title and
//     text, never by similarity.
//   - Identical text under different URLs (ids) is a copy, found by the
//     exact key before any estimate.
//   - The same id with changed text replaces its old sketch: the article
//     leaves its group (which elects a new canonical, or dissolves when one
//     member is left) and is grouped again as new.
//
// Diff shows how a copy differs from its canonical, word by word.
//
// `khabar analyze` stores nothing and so groups nothing: it leaves
// duplicate_of and group null. Grouping needs everything stored and runs in
// the ingest orchestrator.
package dedup
