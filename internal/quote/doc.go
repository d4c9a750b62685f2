// Package quote finds what people and organisations said in Hindi and
// English news, and who said it: direct quotes in quotation marks (‘‘…’’,
// “…”, "…") or after "X ने कहा," without marks, and reported speech ("X ने
// कहा कि …", "X ने बताया कि …", "X के मुताबिक …", "X का कहना है कि …",
// "according to X, …", "X said …").
//
// Each quote's speaker is resolved to an entity of Article.Entities: the
// mention right before "ने"; a title the text has tied to a name ("क्रेमलिन
// प्रवक्ता" after "क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव"); or, for
// "उन्होंने" and "he", the last named person quoted. A speaker that is no
// entity keeps its words as SpeakerName and an empty Speaker.
//
// Attribution chains are followed: in "सिन्हुआ ने टीएएसएस के हवाले से बताया
// कि पेस्कोव ने कहा कि …" the speaker is Peskov and Via lists Xinhua and
// TASS, outermost first. A quote's Text is the quoted words only, without
// the cue, the marks, or the sentence's closing punctuation.
//
// A quotation mark that never closes, or quoted words with no speaker in
// sight (a single word in marks, a title), give no quote.
package quote
