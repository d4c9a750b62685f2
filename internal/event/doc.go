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
// included (a general word takes the subtype of the hazard or attack told
// in its sentence or the two before it). A general word that only classes
// the hazard just named ("अग्निकांड की घटना", "आग लगने की घटना") is no
// second mention, nor is a fire told spreading, reaching or dying down
// ("आग तेजी से फैली", "आग आबादी तक पहुंच गई"). The agent of an attack
// ("आतंकवादियों ने", "तालिबान द्वारा") tells its subtype before the
// article does. Extract returns them all, with
// their modality: asserted, negated ("मुलाकात की कोई जरूरत नहीं"), future
// ("मिलेंगे") or hypothetical ("संभव है", "अगर", "का खतरा"). A hazard or an
// attack is negated only when denied in so many words ("कोई हादसा नहीं
// हुआ"): "इस हादसे में कोई हताहत नहीं हुआ" still reports the accident. The
// Stage reports in Article.Events one event per cluster of mentions, with
// its modality: mentions that refer back to an earlier one are folded into
// it, and its counts of killed and injured are the largest any of its
// mentions gives.
//
// Arguments: actors are the entity before "ने" (or the subject of the
// clause), targets the entity before "पर", "को" or "के खिलाफ", both
// resolved with quote.Resolver (titles, "दोनों नेता", pronouns). The place
// is the place entity nearest the trigger in a locative phrase of its
// clause ("बुडापेस्ट में", "X के पास"); for a hazard or an attack, else of
// its sentence, else a place named by a common noun ("फैक्टरी में", a span
// with no entity), else the place of the story (the hazard or attack told
// before it, or the place the article opens with). The date comes from
// the time expression of the mention's clause (Article.Times); a political
// mention without one takes the day of the same actor's sentence it goes
// on from ("साथ ही", "उन्होंने"), and a hazard or attack the time of its
// subtype's mention before it; else the event's date is the dateline's,
// else the publication date. Killed and injured come from phrases such as
// "छह लोगों की मौत", "दो बच्चों समेत", "तीन घायल", "गंभीर रूप से घायल",
// "11 लोगों की जान ले चुका", "दम तोड़ दिया", "छह मजदूर झुलसे",
// else from the mention of the same subtype before it.
//
// A headline the clean stage moved into Article.Title is read too: a
// political event only the headline names ("रूस ने ट्रंप से जल्द मुलाकात
// से किया इनकार") is anchored on the body mention it sums up, so that its
// offsets point into the text (see titleEvents).
package event
