// Package tagger finds names of people, places, organisations and other
// things (PER, LOC, ORG, MISC) in tokenised sentences with a statistical
// sequence tagger: an averaged structured perceptron over word, affix,
// shape, context, lexicon and gazetteer features, decoded with Viterbi
// under BIO constraints (an I- label only continues its own type), with
// tag-bigram transition scores.
//
// Training (Train, TrainSentences) can average several runs with different
// pass orders (TrainOptions.Runs), give each training sentence the lexicon
// learned from the other folds so that lexicon and word-frequency features
// are as reliable in training as on new text (LexFolds), and hide the
// features of a token's own word at random (WordDropout) so that names
// are learned from their context and form, as they must be found when
// they were never seen.
//
// The shipped Hindi model is trained on the Hindi part of IL-NER
// (Bahad et al. 2024, CC-BY-4.0) by Train; its tags NEP, NEL, NEO and NEAR
// become PER, LOC, ORG and MISC. Time and number spans (NETI, NEN) are
// learned as well, which helps the model tell them from names, but are
// never output. The shipped English model is trained the same way on the
// Broad Twitter Corpus, WNUT-17 and wikigold (CC-BY-4.0), whose labels
// (person, location, group, corporation, …) read as PER, LOC, ORG and MISC.
package tagger
