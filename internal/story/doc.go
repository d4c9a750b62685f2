// Package story clusters articles about one event or development into
// stories as they arrive, links stories of one ongoing topic into threads,
// and lays out a story's timeline.
//
// # Clustering
//
// Each article is compared with the stories whose span, widened by
// Options.Window on both sides, contains its published time. The score is
// a weighted sum of two cosines: of the article's tf-idf vector of words
// (package dedup's folded content words, headline words counted twice,
// numbers left out) with the story's summed term vector, and of its entity
// vector (entity ids of news.Entity, weighted by mentions and rarity,
// places at half weight) with the story's summed entity vector. Entity ids
// are the same across scripts, so a Hindi and an English report of one
// event meet there. An article without entities uses its headline words
// and the capitalised names of Latin text instead. The article joins the
// best story scoring at least Options.MinScore, or starts a new one. Only
// stories sharing an entity or a strong word with the article are scored
// (an inverted index), so the cost per article does not grow with the
// number of stories.
//
// A copy of a stored article (package dedup) joins that article's story
// without changing its profile, so a wire story carried by twenty outlets
// weighs as one report.
//
// Document frequencies are counted as articles arrive and kept with the
// stories (Frequencies), so the first articles of an empty store are
// compared with flat weights.
//
// # Threads
//
// A new story whose entity vector is close to an older story's
// (Options.ThreadScore) and that shares some words with it continues that
// story's thread: the Putin–Trump meeting of one year and the next.
//
// # Timeline
//
// Timeline lays out the events and quotes of a story's articles by date,
// each with the articles (sources) that carry it; a report with neither
// is represented by its headline.
//
// # Limits
//
// Clustering is single pass and order dependent: an article is compared
// with the stories as they are when it arrives, and stories never merge.
// An article that changes or leaves takes its members' list with it but
// not its words from the story's profile; `khabar rebuild stories`
// recomputes everything in published order.
package story
