package clean

import (
	"testing"

	"khabar/internal/news"
	"khabar/internal/normalize"
)

// TestVocabularyFolded checks that every word list the cleaner matches
// lines against has entries in the packs (a class the files leave empty
// would match nothing) and reaches the cleaner as lower folds the lines
// (no nukta): an entry such as "ख़बर" left unfolded could never match.
func TestVocabularyFolded(t *testing.T) {
	lists := map[string][]string{
		"alsoReadMarkers": alsoReadMarkers, "relatedNouns": relatedNouns, "relatedMods": relatedMods,
		"relatedHeadings": relatedHeadings, "browserWords": browserWords, "updateWords": updateWords,
		"bannerPhrases": bannerPhrases, "socialPlatforms": socialPlatforms, "socialActions": socialActions,
		"socialPhrases": socialPhrases, "captionPrefixes": captionPrefixes, "bylinePrefixes": bylinePrefixes,
		"timestampPrefixes": timestampPrefixes, "disclaimerPrefixes": disclaimerPrefixes,
		"disclaimerPhrases": disclaimerPhrases, "disclaimerObjects": disclaimerObjects, "tagPrefixes": tagPrefixes,
		"ctaVerbs": ctaVerbs, "appWords": appWords, "getWords": getWords, "staleWords": staleWords,
		"notifyWords": notifyWords, "notifyVerbs": notifyVerbs, "cookieWords": cookieWords,
		"consentWords": consentWords, "voiceWords": voiceWords, "webWords": webWords, "promoWords": promoWords,
		"appealWords": appealWords, "readVerbs": readVerbs, "photoWords": photoWords, "bylineLabels": bylineLabels,
		"bioOpeners": bioOpeners, "listenVerbs": listenVerbs, "listenObjects": listenObjects,
		"webTitlePrefixes": webTitlePrefixes, "copyrightPhrases": copyrightPhrases, "readPrefixes": readPrefixes, "feedbackWords": feedbackWords, "agoNumbers": agoNumbers, "agoWords": agoWords, "agoUnits": agoUnits, "agencyWords": agencyWords, "inputWords": inputWords, "trendingLabels": trendingLabels, "contributedPhrases": contributedPhrases, "googleWords": googleWords, "preferredWords": preferredWords, "photoCredits": photoCredits, "aiWords": aiWords, "aiObjects": aiObjects, "bioVerbs": bioVerbs, "photoSources": photoSources, "downloadEnds": downloadEnds,
	}
	for name, list := range lists {
		if len(list) == 0 {
			t.Errorf("%s: no entries in any pack", name)
		}
		for _, w := range list {
			if f := normalize.FoldNukta(w); f != w {
				t.Errorf("%s: %q is not folded (%q)", name, w, f)
			}
		}
	}
	sets := map[string]map[string]bool{
		"adLines": adLines, "navWords": navWords, "pageLabels": pageLabels, "uiLines": uiLines,
		"controlWords": controlWords, "controlVerbs": controlVerbs, "platformNames": platformNames,
		"stampFiller": stampFiller, "homeWords": homeWords, "highlightLabels": highlightLabels,
		"readTimeWords": readTimeWords,
	}
	for name, set := range sets {
		if len(set) == 0 {
			t.Errorf("%s: no entries in any pack", name)
		}
		for w := range set {
			if f := normalize.FoldNukta(w); !set[f] {
				t.Errorf("%s: %q is there but not its fold %q", name, w, f)
			}
		}
	}
	// Lines written with nukta match through the folds.
	for line, want := range map[string]string{
		"यह ख़बर सुनें":              news.ReasonSocial,
		"ज़रूर पढ़ें: शहर में बारिश": news.ReasonAlsoRead,
		"एक नज़र में":                news.ReasonStandfirst,
	} {
		got := testLimits.classify(line, measure(line))
		if want == news.ReasonStandfirst {
			if !highlightLabel(line) {
				t.Errorf("%q: not a highlights label", line)
			}
			continue
		}
		if got != want {
			t.Errorf("classify(%q) = %q, want %q", line, got, want)
		}
	}
}
