package clean

// The vocabulary of page furniture the cleaner matches lines against
// (folded once by init in rules.go, as lower folds lines).

var (
	alsoReadMarkers = folded(
		"यह भी पढ़ें", "ये भी पढ़ें", "यह भी पढे", "ये भी पढे", "यह भी पढ़े", "ये भी पढ़े", "इसे भी पढ़ें",
		"इसे भी पढ़े", "इन्हें भी पढ़ें", "यह भी देखें", "ये भी देखें", "यह भी पढें", "ये भी पढें",
		"also read", "read also", "also see", "see also", "read more", "और पढ़ें", "पढ़ें यह भी",
		"also watch", "must read", "जरूर पढ़ें", "ज़रूर पढ़ें",
		// Marathi and Nepali.
		"हेही वाचा", "हे पण वाचा", "हे सुद्धा वाचा", "हेही पहा", "यो पनि पढ्नुहोस्", "यो पनि पढ्नुस्", "यो पनि हेर्नुहोस्",
		"यो पनि पढौं",
	)
	relatedNouns = folded("खबर", "समाचार", "news", "stories", "story", "articles", "posts", "headlines", "स्टोरी", "न्यूज", "बातम्या", "बातमी",
		"video", "videos", "वीडियो", "हेडलाइंस", "हेडलाइन्स")
	relatedMods = folded(
		"संबंधित", "सम्बंधित", "सम्बन्धित", "संबन्धित", "जुड़ी", "जुडी", "अन्य", "related", "more", "latest",
		"top", "ताजा", "लेटेस्ट", "trending", "popular", "ज्यादा", "टॉप", "और भी", "recommended",
		"similar", "मिलती", "ट्रेंडिंग", "लोकप्रिय", "प्रमुख", "बड़ी", "other", "featured", "फीचर्ड", "of the day",
	)
	relatedHeadings = folded(
		"you may also like", "you might also like", "recommended for you", "more from", "most read",
		"most popular", "trending now", "आपके लिए", "सबसे ज्यादा पढ़ी", "सबसे अधिक पढ़ी", "don't miss",
		"में और पढ़ें", "ऐसी और खबरें", "फोटो गैलरी", "वीडियो गैलरी", "पर और पढ़ें", "से जुड़ी और", "खबरें और भी",
		"more on this", "more about", "suggested topics", "related topics", "next story", "next article",
		"अगला लेख", "अगली खबर", "top headlines", "टॉप हेडलाइंस", "टॉप हेडलाइन्स", "मुख्य खबरें", "बड़ी खबरें",
	)
	// browserWords are matched as whole words ("opera", not "operations").
	browserWords  = folded("browser", "browsers", "ब्राउजर", "chrome", "firefox", "safari", "internet explorer", "microsoft edge", "opera")
	updateWords   = folded("update", "upgrade", "install", "download", "अपडेट", "supported", "recommended", "switch")
	bannerPhrases = folded(
		"enable javascript", "javascript is disabled", "javascript enabled", "we use cookies",
		"accept cookies", "accept all cookies", "cookie policy", "cookie settings", "uses cookies",
		"this site uses cookies", "allow notifications", "turn on notifications", "push notification",
		"notifications on", "नोटिफिकेशन ऑन", "नोटिफिकेशन अलाउ", "नोटिफिकेशन पाने", "नोटिफिकेशन के लिए सब्सक्राइब",
		"ad blocker", "adblock", "disable your ad", "view this page",
		"to view this site", "better experience", "बेहतर अनुभव", "skip to content", "skip to main content",
		"सामग्री को स्किप करें", "स्किप करें",
	)
	socialPlatforms = folded(
		"facebook", "फेसबुक", "twitter", "ट्विटर", "instagram", "इंस्टाग्राम", "youtube", "यूट्यूब",
		"whatsapp", "व्हाट्सएप", "व्हाट्सऐप", "वॉट्सऐप", "वाट्सऐप", "वॉट्सएप", "वॉट्सएप", "telegram", "टेलीग्राम", "linkedin", "koo", "google news",
		"गूगल न्यूज", "x (twitter)", "sharechat", "dailyhunt", "social", "सोशल",
	)
	socialActions = folded(
		"follow", "फॉलो", "फोलो", "like", "लाइक", "subscribe", "सब्सक्राइब", "join", "ज्वाइन", "जॉइन",
		"जुड़ें", "जुड़े", "जुड़ने", "जुडें", "जुडने", "share", "शेयर", "connect", "चैनल",
	)
	socialPhrases = folded(
		"यहां क्लिक करें", "यहाँ क्लिक करें", "यहां क्लिक करे", "यहाँ क्लिक करे", "click here", "क्लिक करें और",
		"subscribe to our", "sign up for our newsletter", "newsletter", "न्यूजलेटर", "हमें फॉलो करें",
		"follow us", "like us on", "हमारा एप", "हमारा ऐप", "अपनी राय", "comment below", "नीचे कमेंट",
		"share this", "share on", "शेयर करें", "यहां क्लिक", "यहाँ क्लिक", "get current updates", "get latest news",
	)
	captionPrefixes = folded(
		"फोटो:", "फोटो :", "फोटो-", "फोटो -", "फोटो साभार", "photo:", "photo :", "photo credit", "photos:",
		"image:", "image source", "image credit", "तस्वीर:", "तस्वीर :", "चित्र:", "pic:", "pic credit",
		"picture:", "file photo", "फाइल फोटो", "प्रतीकात्मक फोटो", "प्रतीकात्मक तस्वीर", "सांकेतिक फोटो",
		"सांकेतिक तस्वीर", "representational image", "representative image", "(representational",
		"(representative", "(फोटो", "(file photo", "(photo", "(image", "(प्रतीकात्मक", "(सांकेतिक",
		"(तस्वीर", "फोटो क्रेडिट", "फोटो सोर्स", "caption:", "getty images", "(getty", "इमेज:",
		"इमेज सोर्स", "image caption", "वीडियो:", "video:", "watch:", "इमेज स्रोत", "इमेज कैप्शन", "तस्वीर स्रोत",
		"image source", "फोटो सोर्स:", "photo source", "photograph:", "photograph :", "photographs:",
	)
	bylinePrefixes = folded(
		"by ", "द्वारा ", "द्वारा:", "लेखक:", "लेखक :", "लेखक-", "written by", "reported by", "edited by",
		"authored by", "posted by", "story by", "text by", "रिपोर्ट:", "रिपोर्ट :", "रिपोर्ट-",
		"रिपोर्टर:", "author:", "author -", "edited by:", "बाय ", "संपादक:", "एडिटेड बाय", "लेखिका:",
		"written by:", "reporter:", "curated by", "compiled by", "reporting by", "additional reporting",
		"editing by", "writing by", "published by", "produced by",
	)
	timestampPrefixes = folded(
		"updated", "published", "publish date", "last updated", "first published", "posted on",
		"posted:", "प्रकाशित", "अपडेटेड", "अपडेट", "अद्यतन", "पब्लिश", "date:", "तारीख:", "दिनांक",
		"modified", "last modified", "created",
	)
	disclaimerPrefixes = folded("disclaimer", "डिस्क्लेमर", "अस्वीकरण", "अस्वीकरण:", "नोट:", "note:", "our standards")
	disclaimerPhrases  = folded(
		"संपादित नहीं", "सम्पादित नहीं", "फीड से प्रकाशित", "फीड से प्रकाशित", "has not been edited",
		"auto-generated from a syndicated feed", "syndicated feed", "सिंडिकेट फीड", "not been edited by",
		"एजेंसी फीड", "agency feed", "views expressed", "विचार लेखक के निजी", "लेखक के निजी विचार",
		"फीड से", "की फीड", "कोई बदलाव नहीं", "बदलाव नहीं किया", "published from a", "from a feed",
		"without modification", "has not been modified",
		"does not endorse", "पुष्टि नहीं करता", "पुष्टि नहीं करती", "not responsible for", "our standards",
		"editorial guidelines", "trust principles",
	)
	// disclaimerObjects are what a disclaimer is about: the story, the
	// feed, the views in it.
	disclaimerObjects = folded("ख़बर", "खबर", "story", "feed", "फीड", "लेख", "article", "content", "विचार", "views")
	tagPrefixes       = folded("tags:", "tags :", "टैग्स:", "टैग:", "टैग्स :", "topics:", "विषय:", "keywords:", "tags")
	adLines           = foldedSet(map[string]bool{
		"advertisement": true, "विज्ञापन": true, "sponsored": true, "ad": true, "ads": true,
		"स्पॉन्सर्ड": true, "advertisment": true, "scroll to continue with content": true,
		"story continues below this ad": true, "continue reading below": true,
	})
	navWords = foldedSet(map[string]bool{
		"home": true, "होम": true, "news": true, "न्यूज": true, "खबरें": true, "india": true, "देश": true,
		"world": true, "विदेश": true, "दुनिया": true, "sports": true, "खेल": true, "business": true,
		"बिजनेस": true, "कारोबार": true, "entertainment": true, "मनोरंजन": true, "राज्य": true,
		"states": true, "city": true, "शहर": true, "politics": true, "राजनीति": true, "tech": true,
		"टेक": true, "lifestyle": true, "लाइफस्टाइल": true, "opinion": true, "विचार": true,
		"videos": true, "वीडियो": true, "photos": true, "फोटो": true, "latest": true, "ताजा": true,
		"menu": true, "मेन्यू": true, "search": true, "सर्च": true, "login": true, "लॉगिन": true,
		"हिंदी": true, "hindi": true, "english": true, "epaper": true, "ई-पेपर": true, "live": true,
		"लाइव": true, "trending": true, "ट्रेंडिंग": true, "अंतरराष्ट्रीय": true, "international": true,
		"राष्ट्रीय": true, "national": true, "career": true, "करियर": true, "धर्म": true, "astrology": true,
		"ज्योतिष": true, "auto": true, "ऑटो": true, "health": true, "हेल्थ": true, "shorts": true,
		"web stories": true, "वेब स्टोरीज": true, "उत्तर प्रदेश": true, "बिहार": true, "दिल्ली": true,
		"मुख्य पृष्ठ": true, "प्रथम पृष्ठ": true, "स्पोर्ट्स": true, "क्रिकेट": true, "cricket": true,
	})
)

// pageLabels are words a page shows as labels of its parts ("सार" and
// "विस्तार", summary and full text), alone on a line.
var pageLabels = foldedSet(map[string]bool{
	"सार": true, "विस्तार": true, "हाइलाइट्स": true, "highlights": true, "summary": true, "expand": true,
	"collapse": true, "key highlights": true, "in brief": true, "संक्षेप में": true, "trending": true,
})

// uiLines are the labels of page controls and widgets, alone on a line.
var uiLines = foldedSet(map[string]bool{
	"share": true, "शेयर": true, "subscribe": true, "सब्सक्राइब": true, "follow": true, "follow us": true,
	"फॉलो करें": true, "comments": true, "comment": true, "कमेंट": true, "कमेंट्स": true, "print": true,
	"aa": true, "a+": true, "a-": true, "listen": true, "सुनें": true, "save": true, "bookmark": true,
	"whatsapp": true, "facebook": true, "twitter": true, "email": true, "copy link": true, "link copied": true,
	"promoted": true, "sponsored content": true, "read more": true, "load more": true, "और पढ़ें": true,
	"खबर सुनें": true, "listen to this article": true, "font size": true, "फॉन्ट": true,
})

// ctaVerbs open a short call to action: "Read this in the app", "Listen to
// the latest songs", "Download the app".
var ctaVerbs = folded(
	"read ", "listen ", "watch ", "follow ", "download ", "click ", "tap ", "subscribe ", "sign up",
	"sign in", "log in", "login ", "install ", "join ", "get the ", "get our ", "like us",
)

// downloadEnds end a promotion that asks the reader to get an app.
var downloadEnds = []string{
	"डाउनलोड करें", "डाउनलोड करे", "डाउनलोड करा", "इंस्टॉल करें", "इंस्टाल करें", "download now", "install now",
	"download the app", "get the app", "डाउनलोड गर्नुहोस्",
}

// appealWords are the words of a site's appeal for subscribers and
// support.
var appealWords = folded(
	"subscription", "subscribe", "support", "journalism", "donate", "contribute", "readers", "paywall", "membership",
	"पत्रकारिता", "सहयोग", "सब्सक्राइब", "सदस्यता", "पाठकों",
)

// appWords and getWords together make an app promotion.
var (
	appWords = folded("app", "apps", "ऐप", "एप", "अॅप", "अ\u200dॅप", "एप्लीकेशन", "एप्लिकेशन", "application")
	getWords = folded(
		"download", "डाउनलोड", "install", "इंस्टॉल", "इंस्टाल", "get the", "get our", "open in", "read in",
		"use the", "try the", "continue in", "continue reading", "पर पढें", "में पढें", "पाएं", "करा", "गर्नुहोस्",
	)
)

// Banner vocabulary by class: a browser going stale, notifications,
// cookies, each with the words that make a line about them a request to
// the reader rather than news.
var (
	staleWords = folded(
		"out of date", "outdated", "old version", "older version", "not supported", "unsupported", "no longer supported",
		"may not work", "works best", "recent browser", "modern browser", "latest version", "पुराना", "पुराने", "समर्थित नहीं",
		"नवीनतम", "पुरानो",
	)
	notifyWords = folded("notification", "नोटिफिकेशन", "नोटिफिकेशंस", "सूचनाहरू", "news alerts", "breaking news alerts", "push alerts")
	notifyVerbs = folded(
		"allow", "turn on", "enable", "subscribe", "get ", "receive", "send", "sign up", "ऑन", "अलाउ", "पाएं", "पाने",
		"भेज", "चालू", "अनुमति",
	)
	cookieWords  = folded("cookie", "कुकी", "कुकिज", "कुकीज", "कूकीज")
	consentWords = folded(
		"accept", "agree", "consent", "policy", "settings", "preferences", "स्वीकार", "सहमत", "नीति", "प्रयोग गर्छौं", "उपयोग करते",
	)
)

// voiceWords are how a site speaks to its reader or of itself ("your
// browser", "we use", "this site", "please"); news copy rarely does so
// outside quotes, and never in a banner-sized line about browsers,
// cookies or notifications.
var voiceWords = folded(
	" you ", " your ", " you'", " we ", " we'", " our ", " us ", " this site", " this website", " this page", " the site",
	" please", " कृपया", " आप ", " आपका", " आपके", " आपको", " आपकी", " अपना ", " अपने ", " अपनी ", " हम ", " हमारे", " हमारी", " इस साइट",
	" इस वेबसाइट", " इस पेज", " तपाईं", " हामी", " तुम्ही", " आम्ही", " तुमच्या", " कृपया",
)

// webWords name the page and its furniture: a banner talks of them.
var webWords = folded(
	"site", "website", "page", "app", "browser", "notifications", "notification", "update", "updates", "cookie",
	"cookies", "experience", "feature", "features",
	"newsletter", "inbox", "subscribe", "login", "sign in", "account", "version", "साइट", "वेबसाइट", "पेज", "ऐप",
	"एप", "ब्राउजर", "नोटिफिकेशन", "अपडेट", "अनुभव", "सब्सक्राइब", "लॉगिन", "खाता", "अकाउंट", "comment", "comments",
	"टिप्पणी", "कमेंट",
)

// controlWords are the words of the buttons and links of banners and page
// furniture ("Allow", "Don't Allow", "Not now", "Update now", "Accept
// all", "Got it", "अभी नहीं"); controlVerbs are those a control needs at
// least one of.
var (
	controlWords = foldedSet(map[string]bool{
		"allow": true, "don't": true, "dont": true, "do": true, "not": true, "now": true, "turn": true, "on": true,
		"off": true, "update": true, "upgrade": true, "accept": true, "all": true, "reject": true, "decline": true,
		"settings": true, "manage": true, "preferences": true, "options": true, "skip": true, "menu": true, "close": true,
		"ok": true, "okay": true, "got": true, "it": true, "open": true, "later": true, "maybe": true, "no": true,
		"thanks": true, "yes": true, "continue": true, "cancel": true, "dismiss": true, "block": true, "subscribe": true,
		"sign": true, "in": true, "up": true, "log": true, "login": true, "register": true, "agree": true, "i": true,
		"learn": true, "more": true, "app": true, "download": true, "install": true, "notify": true, "me": true,
		"search": true, "back": true, "to": true, "top": true, "browser": true, "chrome": true, "×": true, "✕": true,
		"अनुमति": true, "दें": true, "न": true, "स्वीकार": true, "करें": true, "अस्वीकार": true, "बाद": true, "में": true,
		"अभी": true, "नहीं": true, "बंद": true, "ठीक": true, "है": true, "हां": true, "हाँ": true, "खोलें": true,
		"ऐप": true, "डाउनलोड": true, "अपडेट": true, "सेटिंग्स": true, "मेनू": true, "खोजें": true, "रद्द": true,
		"गर्नुहोस्": true, "पछि": true, "स्वीकार्य": true, "करा": true, "नको": true,
	})
	controlVerbs = foldedSet(map[string]bool{
		"allow": true, "accept": true, "reject": true, "decline": true, "update": true, "upgrade": true, "turn": true,
		"skip": true, "close": true, "ok": true, "okay": true, "got": true, "open": true, "later": true, "thanks": true,
		"continue": true, "cancel": true, "dismiss": true, "block": true, "subscribe": true, "sign": true, "log": true,
		"login": true, "register": true, "agree": true, "learn": true, "download": true, "install": true, "notify": true,
		"अनुमति": true, "स्वीकार": true, "अस्वीकार": true, "बंद": true, "ठीक": true, "खोलें": true, "डाउनलोड": true,
		"अपडेट": true, "रद्द": true, "गर्नुहोस्": true,
	})
)

// platformNames are social platforms as share and follow bars list them.
var platformNames = foldedSet(map[string]bool{
	"facebook": true, "twitter": true, "x": true, "instagram": true, "youtube": true, "whatsapp": true,
	"telegram": true, "linkedin": true, "email": true, "e-mail": true, "threads": true, "koo": true, "reddit": true,
	"pinterest": true, "google news": true, "sharechat": true, "फेसबुक": true, "ट्विटर": true, "एक्स": true,
	"इंस्टाग्राम": true, "इन्स्टाग्राम": true, "इंस्टा": true, "यूट्यूब": true, "युट्युब": true, "यूट्युब": true,
	"व्हाट्सएप": true, "व्हाट्सऐप": true, "वॉट्सऐप": true, "वाट्सऐप": true, "वॉट्सएप": true, "व्हॉट्सॲप": true,
	"टेलीग्राम": true, "टेलिग्राम": true, "लिंक्डइन": true, "ईमेल": true, "कू": true,
})

// promoWords are the words of a site's promotion of itself.
var promoWords = folded(
	"latest news", "breaking news", "news updates", "latest updates", "catch all", "get all the", "stay updated",
	"stay tuned", "stay informed", "अपडेट रहें", "अपडेट रहने",
	"ताजा खबर", "ताज़ा खबर", "लेटेस्ट खबर", "लेटेस्ट न्यूज", "ब्रेकिंग न्यूज", "हिंदी न्यूज", "हिन्दी न्यूज",
)
