package lexicon

// Class names a list of entries in a pack: "[month]" in a file.
type Class string

// Kind is what a class's values are.
type Kind uint8

// Kinds of values.
const (
	None   Kind = iota // no value
	Int                // an integer
	Number             // a decimal number
	Text               // a word, from a closed list when the class names one
)

func (k Kind) String() string {
	return [...]string{"none", "integer", "number", "text"}[k]
}

// Classes shared by the stages.
const (
	Month          Class = "month"           // month names; value 1–12
	MonthAbbr      Class = "month-abbr"      // month abbreviations ("nov"); value 1–12
	MonthShort     Class = "month-short"     // short month names read only in a written date with a year ("5 जन 2025"); value 1–12
	Weekday        Class = "weekday"         // weekday names; value 0 (Sunday) – 6
	WeekdayAbbr    Class = "weekday-abbr"    // weekday abbreviations, read only before a date; value 0–6
	NumberWord     Class = "number"          // number words; value the number
	Multiplier     Class = "multiplier"      // सौ, हजार, लाख, million; value the factor
	RelativeDay    Class = "relative-day"    // आज 0, कल ±1 by tense, परसों ±2, yesterday -1; 10+n: n days ahead whatever the tense
	Ergative       Class = "ergative"        // the agent's postposition, written as a word: "ने"
	ErgativeSuffix Class = "ergative-suffix" // an ending that carries the ergative inside a noun: Marathi "ांनी"
	Abbreviation   Class = "abbreviation"    // words whose full stop ends no sentence: "dr", "jan"
	GenitiveSuffix Class = "genitive-suffix" // an ending that carries the genitive inside a noun: Marathi "च्या"
	LocativeSuffix Class = "locative-suffix" // an ending that carries "in" inside a place's name: Marathi "ात", "मध्ये"
)

// Classes of the date and time recogniser (internal/datetime), which every
// stage that reads a date shares.
const (
	OrdinalSuffix Class = "ordinal-suffix" // st, nd, rd, th: glued to a day ("19th")
	DayLink       Class = "day-link"       // of: between a day and its month ("19th of March")
	Meridiem      Class = "meridiem"       // am, pm after a clock time; value am or pm
	HalfDay       Class = "clock-half-day" // अपराह्न: a half of the day after a printed clock time ("08:30 अपराह्न"); value am or pm
	Zone          Class = "zone"           // zone names after a clock time; value the offset in seconds east of UTC
	ClockSuffix   Class = "clock-suffix"   // hrs: a word that may follow a clock time and changes nothing
	StampLink     Class = "stamp-link"     // at, on, बजे: between a printed date and its time
	StampLabel    Class = "stamp-label"    // words that say what a printed time is; value published or updated
	ScanLabel     Class = "scan-label"     // parts of words before a date in running text (extract's reading); value published or updated
)

// Classes of the time stage (timex).
const (
	TimeUnit         Class = "time.unit"           // calendar and clock units; value the unit
	TimeUnitPlural   Class = "time.unit-plural"    // plural and oblique-plural unit forms
	TimeDayPart      Class = "time.day-part"       // parts of the day; value the TIMEX3 part
	TimeVague        Class = "time.vague"          // vague counts: कुछ, कई, few
	TimeModifier     Class = "time.modifier"       // पिछले, अगले, इस; value past, this or next
	TimeSet          Class = "time.set"            // रोजाना → P1D; value the period
	TimeEvery        Class = "time.every"          // हर, every
	TimeYearCue      Class = "time.year-cue"       // words that make a bare number a year before it
	TimeYearPostpos  Class = "time.year-postpos"   // words that may follow a bare year
	TimeQuantityNoun Class = "time.quantity-noun"  // nouns that make a bare number a quantity: रुपये
	TimeAgo          Class = "time.ago"            // पहले, ago
	TimeLater        Class = "time.later"          // बाद, later
	TimeWhole        Class = "time.whole"          // पूरा, whole
	TimeFuture       Class = "time.future"         // words marking the future tense
	TimeWeakFuture   Class = "time.weak-future"    // future unless a past verb follows: वाली
	TimePast         Class = "time.past"           // words marking the past tense
	TimeOClock       Class = "time.oclock"         // the word after an hour: "बजे", "वाजता"
	TimeClause       Class = "time.clause"         // words that end a clause
	TimeApprox       Class = "time.approx"         // करीब, about: before a clock time
	TimeAt           Class = "time.at"             // "at" before a clock time
	TimeDateLink     Class = "time.date-link"      // की, को, at: between a date and its time
	TimeDecade       Class = "time.decade"         // दशक, after a year ending in 0
	TimeGenitive     Class = "time.genitive"       // के, before the decade noun
	TimeRange        Class = "time.range"          // से, to: between the days of a range
	TimeMonthWord    Class = "time.month-word"     // माह, महीने: "month" after a month's name
	TimeSame         Class = "time.same"           // उसी, that: "उसी दिन" is the anchor day
	TimeMoreLess     Class = "time.more-less"      // ज्यादा, कम: "2000 से ज्यादा" is a quantity
	TimeYearLink     Class = "time.year-link"      // के, भी: between a year and the month after it
	TimeList         Class = "time.list"           // और, या: between weekdays of a list
	TimeNextPhrase   Class = "time.next-phrase"    // "आने वाले": a phrase that means "next" before a weekday or unit
	TimeTensedDay    Class = "time.tensed-day"     // कल, परसों: a relative day whose direction the clause's tense decides
	TimeTonight      Class = "time.tonight"        // tonight: today at a part of the day; value the TIMEX3 part
	TimePastDay      Class = "time.past-day"       // गत, बीते: before a day noun, the day before ("गत दिवस")
	TimeDayNoun      Class = "time.day-noun"       // दिवस, दिन: the nouns after time.past-day
	TimeLastPart     Class = "time.last-part"      // बीती, पिछली, last: before a part of the day, the last one ("बीती रात")
	TimeThisPart     Class = "time.this-part"      // this: before a part of the day other than the night, today's
	TimeNotUnit      Class = "time.not-unit"       // दिवस: a unit word that names a day of note, not a counted unit
	TimeDailyNoun    Class = "time.daily-noun"     // रोज: after time.every, every day ("हर रोज")
	TimeThroughout   Class = "time.throughout"     // भर: after a unit or part of the day, all of it ("साल भर", "रात भर")
	TimeArticle      Class = "time.article"        // a, an: one of a unit ("a week ago")
	TimeClockFrac    Class = "time.clock-fraction" // सवा, साढ़े, पौने: before an hour; value the minutes to add (negative: before)
	TimeFutureSuffix Class = "time.future-suffix"  // endings of future-tense verbs ("-एगा"), on words of four letters or more
	TimeLate         Class = "time.late"           // देर, late, early: before a part of the day ("देर शाम")
	TimePartLink     Class = "time.part-link"      // के, की: between a part of the day and time.part-noun ("रात के समय")
	TimePartNoun     Class = "time.part-noun"      // समय, वक्त: "time" after a part of the day
	TimeOClockAnd    Class = "time.oclock-and"     // बजकर: an hour and then minutes ("5 बजकर 30 मिनट")
	TimeMinuteWord   Class = "time.minute-word"    // मिनट: the minutes' word after time.oclock-and
	TimeOClockPhrase Class = "time.oclock-phrase"  // o'clock: the word after an hour, written with an apostrophe
)

// Classes of the quotes stage.
const (
	QuoteCue           Class = "quote.cue"              // speech verb phrases after the agent's ergative: "X ने कहा"
	QuotePlainCue      Class = "quote.plain-cue"        // speech verb phrases with no ergative: "X कहते हैं", "X म्हणाले"
	QuoteSaid          Class = "quote.said"             // speech verbs in English order: "X said"
	QuoteAux           Class = "quote.aux"              // auxiliaries that may follow a cue
	QuoteErgPronoun    Class = "quote.erg-pronoun"      // pronouns with the ergative built in: उन्होंने
	QuotePronoun       Class = "quote.pronoun"          // personal pronouns that may stand for a speaker
	QuoteTitle         Class = "quote.title"            // role nouns that tie a name to an office (phrases)
	QuoteTitleModifier Class = "quote.title-modifier"   // words that make a title compound: "विदेश मंत्री"
	QuoteRole          Class = "quote.role"             // nouns that may speak without a name
	QuoteDemonym       Class = "quote.demonym"          // adjectives of nationality; value the place
	QuoteStop          Class = "quote.stop"             // words that end a speaker phrase, walking back
	QuoteConj          Class = "quote.conj"             // words that start a new clause
	QuoteAccording     Class = "quote.according"        // the postposition of "X के मुताबिक"
	QuoteThat          Class = "quote.that"             // the word that introduces reported speech: "कि", "that"
	QuoteCloser        Class = "quote.closer"           // words between a quote in marks and its speaker: Marathi "असे"
	QuoteCiting        Class = "quote.citing"           // "के हवाले से": between a source and the speech verb
	QuoteAccordingTo   Class = "quote.according-to"     // "according to" before the speaker
	QuoteGenitive      Class = "quote.genitive"         // के, की, का: between an office and what it qualifies
	QuoteTitleLink     Class = "quote.title-link"       // के, of: between a title and its qualifier ("Minister of X")
	QuoteIndefinite    Class = "quote.indefinite"       // एक: "एक अधिकारी" is an indefinite speaker
	QuoteDeterminer    Class = "quote.determiner"       // the, a: skipped before an English speaker phrase
	QuoteTold          Class = "quote.told"             // told: "X told reporters" takes an object before the speech
	QuotePronounGen    Class = "quote.pronoun-genitive" // उनके: a pronoun in "उनके मुताबिक", never a plain cue's speaker
	QuoteObliquePron   Class = "quote.oblique-pronoun"  // उन, इन: "उन का कहना है", the pronoun written apart
	QuoteSaying        Class = "quote.saying"           // "उनका कहना है": a pronoun, the noun of saying, an auxiliary (phrases)
)

// Classes of the events stage.
const (
	EventTrigger      Class = "event.trigger"      // trigger phrases; value a subtype, @family or +PLOVER type (see package event)
	EventCue          Class = "event.cue"          // words that point a general trigger to a subtype; value the subtype
	EventNegation     Class = "event.negation"     // negation
	EventHypothetical Class = "event.hypothetical" // words of possibility and condition
	EventFuture       Class = "event.future"       // future auxiliaries and adjectives
	EventCancel       Class = "event.cancel"       // cancelled, postponed
	EventAnaphor      Class = "event.anaphor"      // determiners that refer back: इस, the
	EventKilled       Class = "event.killed"       // words of death that a count may go with
	EventInjured      Class = "event.injured"      // words of injury that a count may go with
	EventPersons      Class = "event.persons"      // person nouns a casualty count may name
	EventParties      Class = "event.parties"      // nouns of parties: नेता, देश
	EventVerbs        Class = "event.verbs"        // auxiliaries and light verbs
	EventViolence     Class = "event.violence"     // words of violence
	EventClauseEnd    Class = "event.clause-end"   // words that start a new clause
	EventPostposition Class = "event.postposition" // words that end a noun phrase: में, of
	EventPlaceNoun    Class = "event.place-noun"   // stems of common nouns for a place: गांव, जिल
	EventLocative     Class = "event.locative"     // words after a place that make it where: में, जिले
	EventTitle        Class = "event.title"        // offices a place may qualify: राष्ट्रपति
	EventErgPronoun   Class = "event.erg-pronoun"  // pronouns with the ergative built in: उन्होंने
	EventWithout      Class = "event.without"      // words that deny the event after them: बिना, without
	EventAny          Class = "event.any"          // कोई, किसी: deny the event after them with a negation
	EventUpcoming     Class = "event.upcoming"     // आगामी, next: the event after them is to come
	EventProposed     Class = "event.proposed"     // प्रस्तावित, proposed: the event after them is not held
	EventOffer        Class = "event.offer"        // पेशकश, offer: a meeting before them is offered
	EventPlaceBefore  Class = "event.place-before" // in, at: before a place that is where it happened
	EventNear         Class = "event.near"         // पास, निकट: "X के पास" is where it happened
	EventPartyCase    Class = "event.party-case"   // ने, पर, को: after a place that is a party
	EventCountLink    Class = "event.count-link"   // की, अन्य, were: between a count and a casualty word
	// The words of detect.go's checks; an entry ending in "*" is a stem.
	EventJoin        Class = "event.join"         // के, और, -: between two words naming one event
	EventGenitive    Class = "event.genitive"     // की, का, के: "आग लगने की घटना" classes the event before it
	EventSetFireAux  Class = "event.set-fire-aux" // दी, डाला: after "लगा", a fire somebody set
	EventSetFire     Class = "event.set-fire"     // लगा*: a fire somebody set ("आग लगाने"); "लगा" alone needs event.set-fire-aux
	EventHandedTo    Class = "event.handed-to"    // हवाले: after "के", a fire somebody set ("आग के हवाले")
	EventBoth        Class = "event.both"         // दोनों: before a meeting, its parties
	EventLightVerb   Class = "event.light-verb"   // हुआ, किया, signed: after a political trigger that needs a verb
	EventLikeness    Class = "event.likeness"     // जैसी, सरीखे: after a trigger, a likeness, not the event
	EventTrainName   Class = "event.train-name"   // एक्सप्रेस: after a storm word, a train's name
	EventTouched     Class = "event.touched"      // प्रभावित*, पीड़ित*: after a trigger, who it touched, not the event
	EventAdjSuffix   Class = "event.adj-suffix"   // ीय: the ending of an adjective made of a one-word trigger ("भूकंपीय")
	EventFireWord    Class = "event.fire-word"    // आग: the one-word fire trigger the fire checks apply to
	EventPutOut      Class = "event.put-out"      // बुझा*: after a fire word, putting it out
	EventControl     Class = "event.control"      // काबू*: within a few words after "आग पर", bringing it under control
	EventOn          Class = "event.on"           // पर: between a fire word and event.control
	EventFireCourse  Class = "event.fire-course"  // फैल*, बुझी: a fire already named spreading or dying down
	EventFireStart   Class = "event.fire-start"   // लगी, लगने*: a fire starting, a new mention
	EventIncident    Class = "event.incident"     // घटना, हादसा: general words whose scene (event.scene) is no event
	EventScene       Class = "event.scene"        // स्थल, स्थान: "घटना स्थल" is a place, not the event
	EventAgentMark   Class = "event.agent-mark"   // ने, द्वारा: after the agent of an attack
	EventRecall      Class = "event.recall"       // वापस*: a sanction trigger that needs event.envoy in its sentence
	EventEnvoy       Class = "event.envoy"        // राजदूत*: "राजदूत वापस बुलाया"
	EventWith        Class = "event.with"         // से: after an aid trigger, "with the help of", no aid
	EventCollideStem Class = "event.collide-stem" // टकरा*: a collision word that needs a vehicle in sight
	// The words of the argument, time, place and cluster rules (event's
	// words.go); an entry ending in "*" is a stem, and in a phrase "a|b" is
	// either word.
	EventSpeechAux  Class = "event.speech-aux"  // था, है: between a speech verb and the comma after it
	EventSpeechVerb Class = "event.speech-verb" // कहा, said: before a comma or colon, ends a reporting clause
	EventLacking    Class = "event.lacking"     // बिना, without: after a genitive, the event was missing; before a noun, what follows is negated
	EventOblique    Class = "event.oblique"     // के: the genitive a compound postposition takes ("के बिना", "के साथ")
	EventNearLink   Class = "event.near-link"   // के, की: between a place and event.near
	EventDenySkip   Class = "event.deny-skip"   // लग*, ही, हो: words between a hazard and the negation that denies it
	EventPartyPost  Class = "event.party-post"  // की, पर, से, साथ: after a party of a political event
	EventCompound   Class = "event.compound"    // साथ, बीच, खिलाफ: after event.oblique, one postposition
	EventTargetPost Class = "event.target-post" // पर, खिलाफ, को: after the target of an event
	EventSourcePost Class = "event.source-post" // से: after a target, unless the event is a consultation
	EventAnd        Class = "event.and"         // और, and: joins a party to the one before it
	EventFrom       Class = "event.from"        // से: after the first time of a range ("शनिवार रात से रविवार सुबह तक")
	EventAt         Class = "event.at"          // में, स्थित: after a common noun for a place, where it happened
	EventNotPlace   Class = "event.not-place"   // पुलिस*: never a common noun for a place
	EventKilling    Class = "event.killing"     // हत्या: a death when event.victim-case stands before it
	EventVictimCase Class = "event.victim-case" // की, को: the victim's postposition before event.killing
	EventObjectCase Class = "event.object-case" // को: before an "object" death idiom, its victim's postposition
	EventInsult     Class = "event.insult"      // हत्यार*, killer: a name someone is called, an accusation
	EventNameVerb   Class = "event.name-verb"   // बता*, called: within three words after event.insult
	EventCalledOff  Class = "event.called-off"  // रद्द, cancelled: after a meeting in its clause, it was called off
	EventPurpose    Class = "event.purpose"     // के लिए: after a trigger, a purpose, not an event (phrases)
	EventToCome     Class = "event.to-come"     // होने वाली: before an event, it is still to come (phrases)
	EventSequel     Class = "event.sequel"      // साथ ही, also: a sentence that opens so adds to the one before (phrases)
	EventManner     Class = "event.manner"      // रूप से, तरह: a manner between a casualty word and its count, after an adjective (phrases)
	EventDeathIdiom Class = "event.death-idiom" // जान गई, मार डाला: a death; value the case of the victim before it (phrases)
	EventSense      Class = "event.sense"       // stems of political triggers that name one act ("पेशकश", "offer"); value the act
	EventAtLeast    Class = "event.at-least"    // "at least": between an English casualty word and its count ("killing at least 11") (phrases)
)

// Classes of the press recognisers (package press).
const (
	PressAgency          Class = "press.agency"           // ways pages write a wire agency; value its canonical English name
	PressAgencyAmbiguous Class = "press.agency-ambiguous" // agency names that are ordinary words too; value the canonical name
	PressDesk            Class = "press.desk"             // words of a reporter's or desk's credit: संवाददाता, correspondent
	PressDeskTail        Class = "press.desk-tail"        // words that may follow an outlet's name in a credit: desk, ब्यूरो
	PressOutlet          Class = "press.outlet"           // names of news outlets; value the outlet's English name
	PressOutletHost      Class = "press.outlet-host"      // hosts outlets publish on; value the outlet's English name
	PressOutletZone      Class = "press.outlet-zone"      // outlets' home zones (phrases); value an IANA zone
	PressOutletWord      Class = "press.outlet-word"      // words that make a name an outlet's: daily, समाचार
	PressCreditBefore    Class = "press.credit-before"    // words before an ambiguous agency name that make it a credit: by, इनपुट
	PressCreditAfter     Class = "press.credit-after"     // words after an ambiguous agency name that make it a credit: फीड, reported
	PressFunctionWord    Class = "press.function-word"    // words that never occur in a dateline: है, the
	PressColumnWord      Class = "press.column-word"      // words that open a column's head, not a dateline: dear, q, note
)

// Classes of the clean stage: the furniture words it matches lines against
// (one class a Go list of package clean; see its declarations).
const (
	CleanListenVerbs        Class = "clean.listen-verbs"        // clean: listenVerbs in furniture.go
	CleanListenWord         Class = "clean.listen-word"         // clean: "listen" as a whole word in an audio label (furniture.go)
	CleanListenWordObjects  Class = "clean.listen-word-objects" // clean: what clean.listen-word is done to: "article" (furniture.go)
	CleanAuthorHeadings     Class = "clean.author-headings"     // clean: authorHeadings in furniture.go
	CleanSentenceWords      Class = "clean.sentence-words"      // clean: sentenceWords in edges.go
	CleanCopyrightPrefixes  Class = "clean.copyright-prefixes"  // clean: the starts of a copyright line in rules.go
	CleanNotePrefixes       Class = "clean.note-prefixes"       // clean: disclaimer prefixes that need a disclaimer phrase after them (rules.go)
	CleanListenObjects      Class = "clean.listen-objects"      // clean: listenObjects in furniture.go
	CleanStampFiller        Class = "clean.stamp-filler"        // clean: stampFiller in rules.go
	CleanHomeWords          Class = "clean.home-words"          // clean: homeWords in rules.go
	CleanReadVerbs          Class = "clean.read-verbs"          // clean: readVerbs in signals.go
	CleanPhotoWords         Class = "clean.photo-words"         // clean: photoWords in signals.go
	CleanReadTimeWords      Class = "clean.read-time-words"     // clean: readTimeWords in signals.go
	CleanBylineLabels       Class = "clean.byline-labels"       // clean: bylineLabels in signals.go
	CleanBioOpeners         Class = "clean.bio-openers"         // clean: bioOpeners in signals.go
	CleanHighlightLabels    Class = "clean.highlight-labels"    // clean: highlightLabels in standfirst.go
	CleanAlsoReadMarkers    Class = "clean.also-read-markers"   // clean: alsoReadMarkers in vocab.go
	CleanRelatedNouns       Class = "clean.related-nouns"       // clean: relatedNouns in vocab.go
	CleanRelatedMods        Class = "clean.related-mods"        // clean: relatedMods in vocab.go
	CleanRelatedHeadings    Class = "clean.related-headings"    // clean: relatedHeadings in vocab.go
	CleanBrowserWords       Class = "clean.browser-words"       // clean: browserWords in vocab.go
	CleanUpdateWords        Class = "clean.update-words"        // clean: updateWords in vocab.go
	CleanBannerPhrases      Class = "clean.banner-phrases"      // clean: bannerPhrases in vocab.go
	CleanSocialPlatforms    Class = "clean.social-platforms"    // clean: socialPlatforms in vocab.go
	CleanSocialActions      Class = "clean.social-actions"      // clean: socialActions in vocab.go
	CleanSocialPhrases      Class = "clean.social-phrases"      // clean: socialPhrases in vocab.go
	CleanCaptionPrefixes    Class = "clean.caption-prefixes"    // clean: captionPrefixes in vocab.go
	CleanBylinePrefixes     Class = "clean.byline-prefixes"     // clean: bylinePrefixes in vocab.go
	CleanTimestampPrefixes  Class = "clean.timestamp-prefixes"  // clean: timestampPrefixes in vocab.go
	CleanDisclaimerPrefixes Class = "clean.disclaimer-prefixes" // clean: disclaimerPrefixes in vocab.go
	CleanDisclaimerPhrases  Class = "clean.disclaimer-phrases"  // clean: disclaimerPhrases in vocab.go
	CleanDisclaimerObjects  Class = "clean.disclaimer-objects"  // clean: disclaimerObjects in vocab.go
	CleanTagPrefixes        Class = "clean.tag-prefixes"        // clean: tagPrefixes in vocab.go
	CleanAdLines            Class = "clean.ad-lines"            // clean: adLines in vocab.go
	CleanNavWords           Class = "clean.nav-words"           // clean: navWords in vocab.go
	CleanPageLabels         Class = "clean.page-labels"         // clean: pageLabels in vocab.go
	CleanUiLines            Class = "clean.ui-lines"            // clean: uiLines in vocab.go
	CleanCtaVerbs           Class = "clean.cta-verbs"           // clean: ctaVerbs in vocab.go
	CleanAppealWords        Class = "clean.appeal-words"        // clean: appealWords in vocab.go
	CleanAppWords           Class = "clean.app-words"           // clean: appWords in vocab.go
	CleanGetWords           Class = "clean.get-words"           // clean: getWords in vocab.go
	CleanStaleWords         Class = "clean.stale-words"         // clean: staleWords in vocab.go
	CleanNotifyWords        Class = "clean.notify-words"        // clean: notifyWords in vocab.go
	CleanNotifyVerbs        Class = "clean.notify-verbs"        // clean: notifyVerbs in vocab.go
	CleanCookieWords        Class = "clean.cookie-words"        // clean: cookieWords in vocab.go
	CleanConsentWords       Class = "clean.consent-words"       // clean: consentWords in vocab.go
	CleanVoiceWords         Class = "clean.voice-words"         // clean: voiceWords in vocab.go
	CleanWebWords           Class = "clean.web-words"           // clean: webWords in vocab.go
	CleanControlWords       Class = "clean.control-words"       // clean: controlWords in vocab.go
	CleanControlVerbs       Class = "clean.control-verbs"       // clean: controlVerbs in vocab.go
	CleanPlatformNames      Class = "clean.platform-names"      // clean: platformNames in vocab.go
	CleanPromoWords         Class = "clean.promo-words"         // clean: promoWords in vocab.go
	CleanWebTitlePrefixes   Class = "clean.web-title-prefixes"  // clean: webTitlePrefixes in rules.go
	CleanCopyrightPhrases   Class = "clean.copyright-phrases"   // clean: copyrightPhrases in rules.go
	CleanReadPrefixes       Class = "clean.read-prefixes"       // clean: readPrefixes in rules.go
	CleanFeedbackWords      Class = "clean.feedback-words"      // clean: feedbackWords in rules.go
	CleanAgoNumbers         Class = "clean.ago-numbers"         // clean: agoNumbers in rules.go
	CleanAgoWords           Class = "clean.ago-words"           // clean: agoWords in rules.go
	CleanAgoUnits           Class = "clean.ago-units"           // clean: agoUnits in rules.go
	CleanAgencyWords        Class = "clean.agency-words"        // clean: agencyWords in rules.go
	CleanInputWords         Class = "clean.input-words"         // clean: inputWords in rules.go
	CleanTrendingLabels     Class = "clean.trending-labels"     // clean: trendingLabels in rules.go
	CleanContributedPhrases Class = "clean.contributed-phrases" // clean: contributedPhrases in furniture.go
	CleanGoogleWords        Class = "clean.google-words"        // clean: googleWords in furniture.go
	CleanPreferredWords     Class = "clean.preferred-words"     // clean: preferredWords in furniture.go
	CleanPhotoCredits       Class = "clean.photo-credits"       // clean: photoCredits in signals.go
	CleanAiWords            Class = "clean.ai-words"            // clean: aiWords in signals.go
	CleanAiObjects          Class = "clean.ai-objects"          // clean: aiObjects in signals.go
	CleanBioVerbs           Class = "clean.bio-verbs"           // clean: bioVerbs in signals.go
	CleanPhotoSources       Class = "clean.photo-sources"       // clean: photoSources in signals.go
	CleanDownloadEnds       Class = "clean.download-ends"       // clean: downloadEnds in vocab.go
	CleanByWords            Class = "clean.by-words"            // clean: a time line with one of these is a byline (rules.go)
	CleanSourceLabels       Class = "clean.source-labels"       // clean: "source:", "स्रोत:": before an agency, a credit (rules.go)
	CleanInputLabels        Class = "clean.input-labels"        // clean: "इनपुट:", "input:": before anything, a credit (rules.go)
	CleanInputOpeners       Class = "clean.input-openers"       // clean: the starts of a line of inputs (rules.go)
	CleanWholeTagPrefixes   Class = "clean.whole-tag-prefixes"  // clean: tag prefixes that must be whole words: "tags" (rules.go)
	CleanPhotoLabels        Class = "clean.photo-labels"        // clean: "photo:", "फोटो:": before a name at the end of a caption (signals.go)
	CleanPhotoNouns         Class = "clean.photo-nouns"         // clean: "photo", "फोटो": after an outlet's name at the end of a caption (signals.go)
	CleanPhotoLeads         Class = "clean.photo-leads"         // clean: "photo", "तस्वीर": before a source on a credit line (signals.go)
	CleanMinuteWords        Class = "clean.minute-words"        // clean: "min", "मिनट": the unit of a reading time (signals.go)
	CleanBioAfterName       Class = "clean.bio-after-name"      // clean: " is ", " हैं": after a writer's name, a note about the writer (signals.go)
	CleanDesignationWords   Class = "clean.designation-words"   // clean: " for ", "पदनाम": a credit's designation (signals.go)
	CleanNameLabels         Class = "clean.name-labels"         // clean: "By ": stripped, in order and as written, from a byline's name (signals.go)
)

// classSpec says what a class holds.
type classSpec struct {
	kind   Kind
	phrase bool            // a line is one entry (of words separated by spaces)
	values map[string]bool // the allowed values of a Text class, nil for any
}

func oneOf(vs ...string) map[string]bool {
	m := make(map[string]bool, len(vs))
	for _, v := range vs {
		m[v] = true
	}
	return m
}

// canon maps every class name to itself: a name read from a file is
// swapped for the constant.
var canon = func() map[Class]Class {
	m := make(map[Class]Class, len(schema))
	for c := range schema {
		m[c] = c
	}
	return m
}()

// schema lists every class a pack may hold.
var schema = map[Class]classSpec{
	Month:          {kind: Int},
	MonthAbbr:      {kind: Int},
	MonthShort:     {kind: Int},
	Weekday:        {kind: Int},
	WeekdayAbbr:    {kind: Int},
	NumberWord:     {kind: Number},
	Multiplier:     {kind: Number},
	RelativeDay:    {kind: Int},
	Ergative:       {},
	ErgativeSuffix: {},
	Abbreviation:   {},
	GenitiveSuffix: {},
	LocativeSuffix: {},

	OrdinalSuffix: {},
	DayLink:       {},
	Meridiem:      {kind: Text, values: oneOf("am", "pm")},
	HalfDay:       {kind: Text, values: oneOf("am", "pm")},
	Zone:          {kind: Int},
	ClockSuffix:   {},
	StampLink:     {},
	StampLabel:    {kind: Text, values: oneOf("published", "updated")},
	ScanLabel:     {kind: Text, values: oneOf("published", "updated")},

	TimeUnit:         {kind: Text, values: oneOf("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")},
	TimeUnitPlural:   {},
	TimeDayPart:      {kind: Text, values: oneOf("MO", "AF", "EV", "NI", "MI", "NO")},
	TimeVague:        {},
	TimeModifier:     {kind: Text, values: oneOf("past", "this", "next")},
	TimeSet:          {kind: Text, values: oneOf("PT1H", "P1D", "P1W", "P1M", "P1Y")},
	TimeEvery:        {},
	TimeYearCue:      {},
	TimeYearPostpos:  {},
	TimeQuantityNoun: {},
	TimeAgo:          {},
	TimeLater:        {},
	TimeWhole:        {},
	TimeFuture:       {},
	TimeWeakFuture:   {},
	TimePast:         {},
	TimeClause:       {},
	TimeOClock:       {},
	TimeApprox:       {},
	TimeAt:           {},
	TimeDateLink:     {},
	TimeDecade:       {},
	TimeGenitive:     {},
	TimeRange:        {},
	TimeMonthWord:    {},
	TimeSame:         {},
	TimeMoreLess:     {},
	TimeYearLink:     {},
	TimeList:         {},
	TimeNextPhrase:   {phrase: true},
	TimeTensedDay:    {},
	TimeTonight:      {kind: Text, values: oneOf("MO", "AF", "EV", "NI")},
	TimePastDay:      {},
	TimeDayNoun:      {},
	TimeLastPart:     {},
	TimeThisPart:     {},
	TimeNotUnit:      {},
	TimeDailyNoun:    {},
	TimeThroughout:   {},
	TimeArticle:      {},
	TimeClockFrac:    {kind: Int},
	TimeFutureSuffix: {},
	TimeLate:         {},
	TimePartLink:     {},
	TimePartNoun:     {},
	TimeOClockAnd:    {},
	TimeMinuteWord:   {},
	TimeOClockPhrase: {phrase: true},

	QuoteCue:           {phrase: true},
	QuotePlainCue:      {phrase: true},
	QuoteSaid:          {},
	QuoteAux:           {},
	QuoteErgPronoun:    {},
	QuotePronoun:       {},
	QuoteTitle:         {phrase: true},
	QuoteTitleModifier: {},
	QuoteRole:          {},
	QuoteDemonym:       {kind: Text},
	QuoteStop:          {},
	QuoteConj:          {},
	QuoteAccording:     {},
	QuoteThat:          {},
	QuoteCloser:        {},
	QuoteCiting:        {phrase: true},
	QuoteAccordingTo:   {phrase: true},
	QuoteGenitive:      {},
	QuoteTitleLink:     {},
	QuoteIndefinite:    {},
	QuoteDeterminer:    {},
	QuoteTold:          {},
	QuotePronounGen:    {},
	QuoteObliquePron:   {},
	QuoteSaying:        {phrase: true},

	EventTrigger:      {kind: Text, phrase: true},
	EventCue:          {kind: Text},
	EventNegation:     {},
	EventHypothetical: {},
	EventFuture:       {},
	EventCancel:       {},
	EventAnaphor:      {},
	EventKilled:       {},
	EventInjured:      {},
	EventPersons:      {},
	EventParties:      {},
	EventVerbs:        {},
	EventViolence:     {},
	EventClauseEnd:    {},
	EventPostposition: {},
	EventPlaceNoun:    {},
	EventLocative:     {},
	EventTitle:        {},
	EventErgPronoun:   {},
	EventWithout:      {},
	EventAny:          {},
	EventUpcoming:     {},
	EventProposed:     {},
	EventOffer:        {},
	EventPlaceBefore:  {},
	EventNear:         {},
	EventPartyCase:    {},
	EventCountLink:    {},
	EventJoin:         {},
	EventGenitive:     {},
	EventSetFireAux:   {},
	EventSetFire:      {},
	EventHandedTo:     {},
	EventBoth:         {},
	EventLightVerb:    {},
	EventLikeness:     {},
	EventTrainName:    {},
	EventTouched:      {},
	EventAdjSuffix:    {},
	EventFireWord:     {},
	EventPutOut:       {},
	EventControl:      {},
	EventOn:           {},
	EventFireCourse:   {},
	EventFireStart:    {},
	EventIncident:     {},
	EventScene:        {},
	EventAgentMark:    {},
	EventRecall:       {},
	EventEnvoy:        {},
	EventWith:         {},
	EventCollideStem:  {},
	EventSpeechAux:    {},
	EventSpeechVerb:   {},
	EventLacking:      {},
	EventOblique:      {},
	EventNearLink:     {},
	EventDenySkip:     {},
	EventPartyPost:    {},
	EventCompound:     {},
	EventTargetPost:   {},
	EventSourcePost:   {},
	EventAnd:          {},
	EventFrom:         {},
	EventAt:           {},
	EventNotPlace:     {},
	EventKilling:      {},
	EventVictimCase:   {},
	EventObjectCase:   {},
	EventInsult:       {},
	EventNameVerb:     {},
	EventCalledOff:    {},
	EventPurpose:      {phrase: true},
	EventToCome:       {phrase: true},
	EventSequel:       {phrase: true},
	EventManner:       {phrase: true},
	EventDeathIdiom:   {kind: Text, phrase: true, values: oneOf("genitive", "object")},
	EventSense:        {kind: Text, values: oneOf("offer", "meet", "refuse")},
	EventAtLeast:      {phrase: true},

	PressAgency:          {kind: Text, phrase: true},
	PressAgencyAmbiguous: {kind: Text, phrase: true},
	PressDesk:            {},
	PressDeskTail:        {},
	PressOutlet:          {kind: Text, phrase: true},
	PressOutletHost:      {kind: Text},
	PressOutletZone:      {kind: Text, phrase: true},
	PressOutletWord:      {},
	PressCreditBefore:    {},
	PressCreditAfter:     {},
	PressFunctionWord:    {},
	PressColumnWord:      {},

	CleanListenVerbs:        {phrase: true},
	CleanListenWord:         {phrase: true},
	CleanListenWordObjects:  {phrase: true},
	CleanAuthorHeadings:     {phrase: true},
	CleanSentenceWords:      {phrase: true},
	CleanCopyrightPrefixes:  {phrase: true},
	CleanNotePrefixes:       {phrase: true},
	CleanListenObjects:      {phrase: true},
	CleanStampFiller:        {phrase: true},
	CleanHomeWords:          {phrase: true},
	CleanReadVerbs:          {phrase: true},
	CleanPhotoWords:         {phrase: true},
	CleanReadTimeWords:      {phrase: true},
	CleanBylineLabels:       {phrase: true},
	CleanBioOpeners:         {phrase: true},
	CleanHighlightLabels:    {phrase: true},
	CleanAlsoReadMarkers:    {phrase: true},
	CleanRelatedNouns:       {phrase: true},
	CleanRelatedMods:        {phrase: true},
	CleanRelatedHeadings:    {phrase: true},
	CleanBrowserWords:       {phrase: true},
	CleanUpdateWords:        {phrase: true},
	CleanBannerPhrases:      {phrase: true},
	CleanSocialPlatforms:    {phrase: true},
	CleanSocialActions:      {phrase: true},
	CleanSocialPhrases:      {phrase: true},
	CleanCaptionPrefixes:    {phrase: true},
	CleanBylinePrefixes:     {phrase: true},
	CleanTimestampPrefixes:  {phrase: true},
	CleanDisclaimerPrefixes: {phrase: true},
	CleanDisclaimerPhrases:  {phrase: true},
	CleanDisclaimerObjects:  {phrase: true},
	CleanTagPrefixes:        {phrase: true},
	CleanAdLines:            {phrase: true},
	CleanNavWords:           {phrase: true},
	CleanPageLabels:         {phrase: true},
	CleanUiLines:            {phrase: true},
	CleanCtaVerbs:           {phrase: true},
	CleanAppealWords:        {phrase: true},
	CleanAppWords:           {phrase: true},
	CleanGetWords:           {phrase: true},
	CleanStaleWords:         {phrase: true},
	CleanNotifyWords:        {phrase: true},
	CleanNotifyVerbs:        {phrase: true},
	CleanCookieWords:        {phrase: true},
	CleanConsentWords:       {phrase: true},
	CleanVoiceWords:         {phrase: true},
	CleanWebWords:           {phrase: true},
	CleanControlWords:       {phrase: true},
	CleanControlVerbs:       {phrase: true},
	CleanPlatformNames:      {phrase: true},
	CleanPromoWords:         {phrase: true},
	CleanWebTitlePrefixes:   {phrase: true},
	CleanCopyrightPhrases:   {phrase: true},
	CleanReadPrefixes:       {phrase: true},
	CleanFeedbackWords:      {phrase: true},
	CleanAgoNumbers:         {phrase: true},
	CleanAgoWords:           {phrase: true},
	CleanAgoUnits:           {phrase: true},
	CleanAgencyWords:        {phrase: true},
	CleanInputWords:         {phrase: true},
	CleanTrendingLabels:     {phrase: true},
	CleanContributedPhrases: {phrase: true},
	CleanGoogleWords:        {phrase: true},
	CleanPreferredWords:     {phrase: true},
	CleanPhotoCredits:       {phrase: true},
	CleanAiWords:            {phrase: true},
	CleanAiObjects:          {phrase: true},
	CleanBioVerbs:           {phrase: true},
	CleanPhotoSources:       {phrase: true},
	CleanDownloadEnds:       {phrase: true},
	CleanByWords:            {phrase: true},
	CleanSourceLabels:       {phrase: true},
	CleanInputLabels:        {phrase: true},
	CleanInputOpeners:       {phrase: true},
	CleanWholeTagPrefixes:   {phrase: true},
	CleanPhotoLabels:        {phrase: true},
	CleanPhotoNouns:         {phrase: true},
	CleanPhotoLeads:         {phrase: true},
	CleanMinuteWords:        {phrase: true},
	CleanBioAfterName:       {phrase: true},
	CleanDesignationWords:   {phrase: true},
	CleanNameLabels:         {phrase: true},
}
