// Package entity is the "entities" stage: it finds the people, places,
// organisations and other named things (PER, LOC, ORG, MISC) in an
// article's sentences and links every mention to an entity.
//
// Mentions in Devanagari come from the statistical tagger of package
// tagger (trained on IL-NER, shipped in model/ner-hi.model.gz); mentions in
// Latin script from a second tagger (trained on the Broad Twitter Corpus,
// WNUT-17 and wikigold, shipped in model/ner-en.model.gz) with title,
// head-word and knowledge-base cues. Calendar words, honorifics, titles
// and generic bodies (केंद्र सरकार) are never names on their own. On top of both, names of the knowledge base (package
// kb) are found where the tagger missed them, a span right after a person
// title (राष्ट्रपति, प्रवक्ता, मंत्री, …) is a person, and the knowledge base
// decides the type of the names it knows.
//
// Linking gives every mention an entity id:
//
//   - "kb:<slug>" when the knowledge base knows the name, after folding
//     (nukta or none, ं/ँ/न्), with honorifics and possessives dropped, or,
//     for people, when the name sounds like a known one (translit.Key:
//     दमित्री पेस्कोव → kb:dmitry-peskov);
//   - within an article, a surname or a first name alone joins the full
//     name used in the article (पेस्कोव → दिमित्री पेस्कोव);
//   - otherwise "x:<TYPE>:<key>", where key is translit.Key of the name
//     (consonant skeleton of its sound, words joined by "-"), so that one
//     name written in Devanagari or Latin, with any of the usual spelling
//     variants, gets the same id in every article and run:
//     दिमित्री पेस्कोव, दमित्री पेस्कोव and "Dmitry Peskov" are all
//     "x:PER:dmtr-pskv" when the knowledge base does not know them.
package entity
