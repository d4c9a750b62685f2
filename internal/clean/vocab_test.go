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
		"alsoReadMarkers": alsoReadMarkers, "relatedNouns": relatedNouns.list, "relatedMods": relatedMods.list,
		"relatedHeadings": relatedHeadings.list, "browserWords": browserWords.list, "updateWords": updateWords.list,
		"bannerPhrases": bannerPhrases.list, "socialPlatforms": socialPlatforms.list, "socialActions": socialActions.list,
		"socialPhrases": socialPhrases.list, "captionPrefixes": captionPrefixes, "bylinePrefixes": bylinePrefixes,
		"timestampPrefixes": timestampPrefixes, "disclaimerPrefixes": disclaimerPrefixes,
		"disclaimerPhrases": disclaimerPhrases.list, "disclaimerObjects": disclaimerObjects.list, "tagPrefixes": tagPrefixes,
		"ctaVerbs": ctaVerbs, "appWords": appWords.list, "getWords": getWords.list, "staleWords": staleWords.list,
		"notifyWords": notifyWords.list, "notifyVerbs": notifyVerbs.list, "cookieWords": cookieWords.list,
		"consentWords": consentWords.list, "voiceWords": voiceWords, "webWords": webWords, "promoWords": promoWords,
		"appealWords": appealWords.list, "readVerbs": readVerbs, "photoWords": photoWords, "bylineLabels": bylineLabels,
		"bioOpeners": bioOpeners, "listenVerbs": listenVerbs.list, "listenObjects": listenObjects.list,
		"webTitlePrefixes": webTitlePrefixes, "copyrightPhrases": copyrightPhrases.list, "readPrefixes": readPrefixes, "feedbackWords": feedbackWords.list, "agoNumbers": agoNumbers.list, "agoWords": agoWords.list, "agoUnits": agoUnits.list, "agencyWords": agencyWords, "inputWords": inputWords.list, "trendingLabels": trendingLabels.list, "contributedPhrases": contributedPhrases.list, "googleWords": googleWords.list, "preferredWords": preferredWords.list, "photoCredits": photoCredits.list, "aiWords": aiWords.list, "aiObjects": aiObjects.list, "bioVerbs": bioVerbs.list, "photoSources": photoSources, "downloadEnds": downloadEnds,
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
