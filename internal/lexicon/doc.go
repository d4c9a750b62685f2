// Package lexicon holds khabar's language knowledge as data: the words and
// phrases the stages look for (months, weekdays, number words, relative
// days, speech verbs, event triggers, …), one folder of text files per
// language (hi, en, mr), embedded in the binary and read once.
//
// Every file is a list of sections. A section starts with its class in
// brackets, "[month]", and holds one entry a line: the words, and for the
// classes that carry one, a tab and the entry's value:
//
//	# Months: the name as written, a tab, the month's number.
//	[month]
//	जनवरी	1
//	फरवरी फ़रवरी	2
//
// In a word class each word of a line is an entry of its own (all with the
// line's value); in a phrase class (speech cues, event triggers) the line is
// one entry; a phrase written in double quotes keeps its spaces (`" you "`
// is "you" as a whole word, for a stage that matches substrings). Lines
// starting with "#" are comments. The classes and what each
// holds are listed in classes.go; a file that names a class not listed
// there, leaves out a value the class needs, or gives one it cannot parse
// fails to load, and since the packs are loaded when the first stage asks for
// them, a mistake fails at start-up (and in this package's tests), never
// silently.
//
// Stages read a language with Packs: the article language's own pack (Hindi
// for a language that has none) and the English one, because Indian news in
// every language quotes English words. They fold the words with
// normalize.Fold when they build their tables, once. The recognisers of
// package press and the clean stage read every pack for every article
// (credits and page furniture come in any language) and fold as they match.
//
// docs/languages.md explains how to add a language.
package lexicon
