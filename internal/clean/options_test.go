package clean

import (
	"strings"
	"testing"
)

func TestDefaultOptions(t *testing.T) {
	want := Options{MaxLines: 20000, HeadScan: 40, RepeatAt: 12, StandfirstScan: 16, Limits: Limits{
		Boilerplate: 200, Short: 40, Banner: 30, AppBanner: 45, Voiced: 25, Label: 4, Controls: 6, Lead: 8,
		Feedback: 15, Promo: 35, Platforms: 20, Social: 60, Credit: 12, DeskCredit: 5,
		BodySentence: 6, BodyRun: 25, HeadlineMin: 2, HeadlineMax: 30, HeadlineRunes: 250,
		ReadLink: 30, LinkedHeadline: 25, LinkedSentence: 15, CaptionCredit: 45, CaptionSentences: 2, CreditBracket: 8,
		CreditParens: 8, PhotoParens: 3, Photographer: 4, CaptionName: 5, CaptionTail: 4, ReadTime: 6, AINote: 20,
		BylineInside: 14, BylineName: 6, PlaceLine: 6, AuthorBio: 50, BioName: 2, TaggedTitle: 20, TitleTags: 4,
		CreditMore: 12, LiveStamps: 3, MenuItem: 3, PhotoLead: 5, ListenLabel: 7, WireCredit: 45, PreferredSource: 25,
		AuthorBox: 3, AuthorBoxWords: 60, AuthorBoxSentences: 3, SocialPair: 25, SocialShort: 6, PlatformItem: 3,
		Appeal: 45, BylineRest: 20, BylineSentence: 8, StampBytes: 600, StampWords: 3, StampCredit: 6, StampLine: 25,
		RelativeTime: 6, Navigation: 25, MenuMin: 3, MenuMax: 12, NavItem: 4, NavItems: 4, RelatedHeading: 7,
		Trending: 4, Hashtags: 40,
		AlsoReadLines: 4, TagsLabel: 2, TagWords: 4, TailBody: 3, TailShare: 0.5, EdgeDateline: 3, EdgeDatelineLine: 5,
		EdgeCapitals: 3, CaptionUnder: 12, NameMin: 2, NameMax: 4, HeadVoice: 40, HeadLatin: 3, HeadLabel: 3,
		Footer: 25, FooterRelated: 4, FooterLabel: 3, FooterLatin: 12, ListItem: 30, ListNote: 8, DeckWords: 15,
		LeadParagraphs: 3, TitleOrder: 0.05, TitleRepeat: 1.5, TitleCrumb: 2, TitleBox: 3, TitleCredit: 1, TitleDeck: 1,
		TitleDeckWords: 2, CreditBelow: 3, CrumbLines: 3, BoxLines: 6, BoxLabel: 3, TitleSlack: 16, CreditedLines: 2,
		TitleWords: 3, ShapeScan: 12, ShapeWords: 4, ShapeBody: 4, PairWords: 8, BoxItems: 6, BoxItemLabel: 3,
		DeckCredit: 6, DeckMin: 4, DeckMax: 70, DeckLines: 3, OpenLines: 3, DescPrefix: 40, DescShare: 0.9,
		SummaryLines: 8}}
	if got := DefaultOptions(); got != want {
		t.Errorf("DefaultOptions() = %+v, want %+v", got, want)
	}
	if got := (Options{HeadScan: 5}).withDefaults(); got.HeadScan != 5 || got.MaxLines != 20000 {
		t.Errorf("a set field must stay and the others default: %+v", got)
	}
}

// TestMaxLines: lines past MaxLines are kept as they are, unread.
func TestMaxLines(t *testing.T) {
	text := "राजधानी में मंगलवार को हुई बैठक में सरकार ने नई योजना की घोषणा की और अधिकारियों को निर्देश दिए।\n" +
		"मुख्यमंत्री ने कहा कि योजना का लाभ हर जिले के किसानों तक पहुंचेगा और काम अगले महीने शुरू होगा।\n" +
		"Advertisement"
	def := Clean(Page{Text: text, Format: "text"})
	if strings.Contains(def.Text, "Advertisement") {
		t.Fatalf("default options kept the advertisement label: %q", def.Text)
	}
	short := CleanWith(Page{Text: text, Format: "text"}, Options{MaxLines: 2})
	if !strings.Contains(short.Text, "Advertisement") {
		t.Errorf("MaxLines 2 read the third line: %q", short.Text)
	}
}
