// Package tagger finds names of people, places, organisations and other
// things (PER, LOC, ORG, MISC) in tokenised sentences with a statistical
// sequence tagger: an averaged structured perceptron over word, affix,
// shape, context and gazetteer features, decoded with Viterbi under BIO
// constraints.
//
// The shipped model (Default) is trained on the Hindi part of IL-NER
// (Bahad et al. 2024, CC-BY-4.0) by Train; its tags NEP, NEL, NEO and NEAR
// become PER, LOC, ORG and MISC. Time and number spans (NETI, NEN) are
// learned as well, which helps the model tell them from names, but are
// never output.
package tagger
