package clean

// The vocabulary of page furniture the cleaner matches lines against
// (the clean.* classes of internal/lexicon, folded once, as lower folds lines).

import "khabar/internal/lexicon"

var (
	alsoReadMarkers = vocab(lexicon.CleanAlsoReadMarkers)
	relatedNouns    = phraseList(lexicon.CleanRelatedNouns)
	relatedMods     = phraseList(lexicon.CleanRelatedMods)
	relatedHeadings = phraseList(lexicon.CleanRelatedHeadings)
	// browserWords are matched as whole words ("opera", not "operations").
	browserWords       = phraseList(lexicon.CleanBrowserWords)
	updateWords        = phraseList(lexicon.CleanUpdateWords)
	bannerPhrases      = phraseList(lexicon.CleanBannerPhrases)
	socialPlatforms    = phraseList(lexicon.CleanSocialPlatforms)
	socialActions      = phraseList(lexicon.CleanSocialActions)
	socialPhrases      = phraseList(lexicon.CleanSocialPhrases)
	captionPrefixes    = vocab(lexicon.CleanCaptionPrefixes)
	bylinePrefixes     = vocab(lexicon.CleanBylinePrefixes)
	timestampPrefixes  = vocab(lexicon.CleanTimestampPrefixes)
	disclaimerPrefixes = vocab(lexicon.CleanDisclaimerPrefixes)
	disclaimerPhrases  = phraseList(lexicon.CleanDisclaimerPhrases)
	// disclaimerObjects are what a disclaimer is about: the story, the
	// feed, the views in it.
	disclaimerObjects = phraseList(lexicon.CleanDisclaimerObjects)
	tagPrefixes       = vocab(lexicon.CleanTagPrefixes)
	adLines           = vocabSet(lexicon.CleanAdLines)
	navWords          = vocabSet(lexicon.CleanNavWords)
	// The words of the caption, credit and reading-time checks.
	photoLabels      = vocab(lexicon.CleanPhotoLabels)
	photoNouns       = vocabSet(lexicon.CleanPhotoNouns)
	photoLeads       = vocab(lexicon.CleanPhotoLeads)
	minuteWords      = vocabSet(lexicon.CleanMinuteWords)
	bioAfterName     = vocab(lexicon.CleanBioAfterName)
	designationWords = vocab(lexicon.CleanDesignationWords)
	nameLabels       = vocab(lexicon.CleanNameLabels)
)

// pageLabels are words a page shows as labels of its parts ("सार" and
// "विस्तार", summary and full text), alone on a line.
var pageLabels = vocabSet(lexicon.CleanPageLabels)

// uiLines are the labels of page controls and widgets, alone on a line.
var uiLines = vocabSet(lexicon.CleanUiLines)

// ctaVerbs open a short call to action: "Read this in the app", "Listen to
// the latest songs", "Download the app".
var ctaVerbs = vocab(lexicon.CleanCtaVerbs)

// downloadEnds end a promotion that asks the reader to get an app.
var downloadEnds = vocab(lexicon.CleanDownloadEnds)

// appealWords are the words of a site's appeal for subscribers and
// support.
var appealWords = phraseList(lexicon.CleanAppealWords)

// appWords and getWords together make an app promotion.
var (
	appWords = phraseList(lexicon.CleanAppWords)
	getWords = phraseList(lexicon.CleanGetWords)
)

// Banner vocabulary by class: a browser going stale, notifications,
// cookies, each with the words that make a line about them a request to
// the reader rather than news.
var (
	staleWords   = phraseList(lexicon.CleanStaleWords)
	notifyWords  = phraseList(lexicon.CleanNotifyWords)
	notifyVerbs  = phraseList(lexicon.CleanNotifyVerbs)
	cookieWords  = phraseList(lexicon.CleanCookieWords)
	consentWords = phraseList(lexicon.CleanConsentWords)
)

// voiceWords are how a site speaks to its reader or of itself ("your
// browser", "we use", "this site", "please"); news copy rarely does so
// outside quotes, and never in a banner-sized line about browsers,
// cookies or notifications.
var voiceWords = vocab(lexicon.CleanVoiceWords)

// webWords name the page and its furniture: a banner talks of them.
var webWords = vocab(lexicon.CleanWebWords)

// controlWords are the words of the buttons and links of banners and page
// furniture ("Allow", "Don't Allow", "Not now", "Update now", "Accept
// all", "Got it", "अभी नहीं"); controlVerbs are those a control needs at
// least one of.
var (
	controlWords = vocabSet(lexicon.CleanControlWords)
	controlVerbs = vocabSet(lexicon.CleanControlVerbs)
)

// platformNames are social platforms as share and follow bars list them.
var platformNames = vocabSet(lexicon.CleanPlatformNames)

// promoWords are the words of a site's promotion of itself.
var promoWords = vocab(lexicon.CleanPromoWords)

// webTitlePrefixes open a line that gives the page's English title: "Web Title: …" ([clean.web-title-prefixes]).
var webTitlePrefixes = vocab(lexicon.CleanWebTitlePrefixes)

// copyrightPhrases mark a copyright line ([clean.copyright-phrases]).
var copyrightPhrases = phraseList(lexicon.CleanCopyrightPhrases)

// readPrefixes open a pointer to another story: "पढें: …", "Watch video" ([clean.read-prefixes]).
var readPrefixes = vocab(lexicon.CleanReadPrefixes)

// feedbackWords with an e-mail address, make a line an invitation to write in ([clean.feedback-words]).
var feedbackWords = phraseList(lexicon.CleanFeedbackWords)

// agoNumbers stand for a number in a relative time stamp: "an hour ago" ([clean.ago-numbers]).
var agoNumbers = phraseList(lexicon.CleanAgoNumbers)

// agoWords make a time stamp relative: "2 hours ago", "2 घंटे पहले" ([clean.ago-words]).
var agoWords = phraseList(lexicon.CleanAgoWords)

// agoUnits are the units of a relative time stamp ([clean.ago-units]).
var agoUnits = phraseList(lexicon.CleanAgoUnits)

// agencyWords name agencies in general in a credit: "agencies", "एजेंसियां" ([clean.agency-words]).
var agencyWords = vocab(lexicon.CleanAgencyWords)

// inputWords mark a line crediting inputs: "इनपुट: भाषा", "with inputs from agencies" ([clean.input-words]).
var inputWords = phraseList(lexicon.CleanInputWords)

// trendingLabels head a box of popular stories ([clean.trending-labels]).
var trendingLabels = phraseList(lexicon.CleanTrendingLabels)

// contributedPhrases end a wire story's credit of contributing reporters ([clean.contributed-phrases]).
var contributedPhrases = phraseList(lexicon.CleanContributedPhrases)

// googleWords name Google in a call to make the outlet a preferred source ([clean.google-words]).
var googleWords = phraseList(lexicon.CleanGoogleWords)

// preferredWords ask the reader to prefer the outlet as a source ([clean.preferred-words]).
var preferredWords = phraseList(lexicon.CleanPreferredWords)

// photoCredits mark a photo agency's credit line ([clean.photo-credits]).
var photoCredits = phraseList(lexicon.CleanPhotoCredits)

// aiWords say a text was written with AI ([clean.ai-words]).
var aiWords = phraseList(lexicon.CleanAiWords)

// aiObjects are what an AI note is about ([clean.ai-objects]).
var aiObjects = phraseList(lexicon.CleanAiObjects)

// bioVerbs follow a writer's name in an author's note: "The writer is …" ([clean.bio-verbs]).
var bioVerbs = phraseList(lexicon.CleanBioVerbs)

// photoSources after a caption's credit mark name its source: "file", "social media" ([clean.photo-sources]).
var photoSources = vocab(lexicon.CleanPhotoSources)
