// Package lang identifies the language of an article: ISO 639-1 codes for
// the languages khabar serves (hi, mr, ne, ur, bn, pa, gu, or, ta, te, kn,
// ml, en, and sa when the text is plainly Sanskrit), with a record of how
// scripts mix (news.LangDetail).
//
// Most of the decision is the script: Bengali, Gurmukhi, Gujarati, Odia,
// Tamil, Telugu, Kannada and Malayalam letters each belong to one served
// language, Arabic script to Urdu, Latin to English. Devanagari is shared
// by Hindi, Marathi, Nepali and Sanskrit, which lang tells apart by
// function words and inflections typical of each (Marathi आहे, आणि,
// -च्या; Nepali छ, भएको, पनि, -हरू; Hindi है, में, ने), falling back to
// the whatlanggo trigram model restricted to Hindi, Marathi and Nepali when
// the markers are too few to decide, as in a short headline. A prior for
// Hindi, the commonest language in khabar's input, settles headlines that
// neither markers nor trigrams decide.
//
// The stage expects text that went through normalize.Text (NFC, ZWJ/ZWNJ
// policy); on other text it still works, a little less well.
package lang
