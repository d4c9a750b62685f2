// Package event finds events in Hindi and English news: who did what to
// whom, when and where, and how many were killed or hurt.
//
// Political interaction is typed with PLOVER's sixteen categories (AGREE,
// CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE,
// REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT); hazards
// are DISASTER (natural) or ACCIDENT (man-made, not hostile) with the
// FIRE-2018 subtypes (EARTHQUAKE, FLOODS, VEHICULAR_COLLISION, …), and
// hostile man-made events are ASSAULT (TERRORIST_ATTACK, SUICIDE_ATTACK,
// SHOOT_OUT, NORMAL_BOMBING, ARMED_CONFLICTS) or PROTEST (RIOTS).
//
// Triggers come from a lexicon of Hindi and English words and phrases.
// Words that name an event only generally ("हादसा", "घटना", "हमला", "आग",
// "विस्फोट", "तूफान") take their subtype from the words around them: first
// the sentence, then the whole article ("ट्रेन" and "पटरी" make a हादसा a
// TRAIN_COLLISION, "आत्मघाती" makes a हमला a SUICIDE_ATTACK).
//
// Every mention of an event is found, later references such as "इस हादसे"
// included; Extract returns them all, with their modality: asserted,
// negated ("मुलाकात की कोई जरूरत नहीं"), future ("मिलेंगे") or hypothetical
// ("संभव है", "अगर"). The Stage reports in Article.Events only asserted
// events, one per event: mentions that refer back to an earlier one are
// folded into it, and its counts of killed and injured are the largest any
// of its mentions gives.
//
// Arguments: actors are the entity before "ने" (or the subject of the
// clause), targets the entity before "पर", "को" or "के खिलाफ", both
// resolved with quote.Resolver (titles, "दोनों नेता", pronouns); the place
// is the nearest place entity of the sentence; the date comes from the
// sentence's time expression (Article.Times), else the dateline, else the
// publication date; killed and injured come from phrases such as "छह
// लोगों की मौत", "दो बच्चों समेत", "तीन घायल".
package event
