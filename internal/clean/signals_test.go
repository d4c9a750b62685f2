package clean

import (
	"strings"
	"testing"

	"khabar/internal/news"
	"khabar/internal/normalize"
)

// TestClassifyShapes checks the structural signals on lines of outlets the
// vocabulary was not written for, and sentences of articles that look like
// them but must stay.
func TestClassifyShapes(t *testing.T) {
	tests := []struct{ line, want string }{
		{"पढ़ें: गर्मी में बिजली की मांग रिकॉर्ड स्तर पर, कई इलाकों में कटौती", news.ReasonAlsoRead},
		{"पढ़ें - बिहार में 10 दिन बाद मानसून की दस्तक", news.ReasonAlsoRead},
		{"READ | Markets slip as oil prices climb", news.ReasonAlsoRead},
		{"Commuters wait for a train at a metro station. (Image: File)", news.ReasonCaption},
		{"Residents wade through a flooded street on Wednesday [Diego Ramos/AFP]", news.ReasonCaption},
		{"[1/2] A man walks past the bank's headquarters. REUTERS/Name Surname", news.ReasonCaption},
		{"An electric bus on a trial run. | Photo Credit: Special Arrangement", news.ReasonCaption},
		{"फोटो पत्रिका", news.ReasonCaption},
		{"Photograph:(Reuters)", news.ReasonCaption},
		{"3 mins", news.ReasonNavigation},
		{"2 min read", news.ReasonNavigation},
		{"Read Time: 2 mins", news.ReasonNavigation},
		{"Summary is AI-generated, newsroom-reviewed.", news.ReasonDisclaimer},
		{"हिन्दुस्तान टीम, पटनाPublished by: Ravi Kumar", news.ReasonByline},
		{"Source: Al Jazeera and news agencies", news.ReasonCredit},
		{"Trending Topics: #बारिश #मौसम #चुनाव", news.ReasonTags},
		{"लेखक के बारे में", news.ReasonByline},
		{"About the Author", news.ReasonByline},
		{"Listen to this story", news.ReasonSocial},
		{"इस आर्टिकल को सुनें", news.ReasonSocial},
		{"किसी खबर को गूगल पर अपना प्रेफर्ड सोर्स बनाएं", news.ReasonSocial},
		{"Add us as a preferred source on Google", news.ReasonSocial},
		{"Staff writer Mina Patel in Pune contributed to this report.", news.ReasonCredit},
		{"Workers clear debris from a road near the river. Herald photo", news.ReasonCaption},
		{"नदी किनारे जमा भीड़। फोटो- एजेंसी", news.ReasonCaption},
		{"अनुमति दें | बाद में", news.ReasonBanner},
		{"Hindi News / Jaipur", news.ReasonNavigation},
		{"Featured Video Of The Day", news.ReasonRelated},
		{"खबरें और भी हैं...", news.ReasonRelated},
		{"टॉप हेडलाइंस", news.ReasonRelated},
		// Article text that must stay.
		{"He said he would read: the report was clear about the risks involved.", ""},
		{"The minister showed a photo: it was taken before the flood reached the town.", ""},
		{"पुलिस ने बताया कि आरोपी 3 मिनट में फरार हो गया।", ""},
		{"The train took 45 minutes to reach the station after the signal failure.", ""},
		{"Officials said more than 2,000 people were moved (file numbers were not given).", ""},
		{"उन्होंने कहा कि सभी लोग पढ़ें और आगे बढ़ें।", ""},
		{`The firm's operations director said: "We know this is hard, but we must protect supplies."`, ""},
		{"A spokesman said: “Please update your details with the bank before Friday.”", ""},
		{"Please update your browser to view this site.", news.ReasonBanner},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			l := normalize.Line(tt.line)
			if got := testLimits.classify(l, measure(l)); got != tt.want {
				t.Errorf("classify(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

// TestCleanPositions checks the decisions made by where a line stands: a
// place and a designation beside the credit, a bio and furniture below the
// story, a list that ends the article, and live-blog stamps.
func TestCleanPositions(t *testing.T) {
	tests := []struct {
		name       string
		page       []string
		removed    []string
		kept       []string
		wantReason map[string]string
	}{
		{
			name: "credit place and designation",
			page: []string{
				"नदी पर नया पुल अगले साल तक तैयार होगा, काम में तेजी",
				"लेखक, अमित वर्मा",
				"पदनाम, किसी समाचार सेवा के लिए, पटना से",
				"12 जून 2025",
				"नदी पर बन रहे नए पुल का काम अगले साल जून तक पूरा कर लिया जाएगा।",
				"निगम ने कहा कि अब तक सत्तर प्रतिशत काम पूरा हो चुका है।",
			},
			removed: []string{"पदनाम, किसी समाचार सेवा के लिए, पटना से"},
		},
		{
			name: "place line by the time and caps dateline",
			page: []string{
				"City to get new buses by September this year",
				"Special Correspondent",
				"CHENNAI",
				"June 12, 2025 09:14 pm | Updated 09:42 pm IST",
				"The transport corporation will add 100 electric buses to its fleet by September, officials said.",
				"Each bus can run 200 km on a single charge, the officials added.",
			},
			wantReason: map[string]string{"CHENNAI": news.ReasonDateline},
		},
		{
			name: "plain dateline after a kept caption",
			page: []string{
				"शहर में नई पार्किंग नीति लागू, नियम तोड़ने पर जुर्माना",
				"संवाददाता | 12 जून 2025",
				"बाजार के बाहर सोमवार को खड़ी गाड़ियों की लंबी कतार।",
				"भोपाल। नगर निगम ने सोमवार से शहर में नई पार्किंग नीति लागू कर दी है और पहले दिन 40 वाहनों पर जुर्माना लगाया गया।",
				"निगम ने कहा कि बाजारों के पास तीन नए पार्किंग स्थल भी बनाए जाएंगे।",
			},
			wantReason: map[string]string{"भोपाल": news.ReasonDateline},
		},
		{
			name: "bio and appeal below the story",
			page: []string{
				"Farmers turn to direct seeding as groundwater falls",
				"Asha Rao",
				"10/Jun/2025",
				"More farmers are sowing paddy directly in their fields this season, officials say.",
				"The state has offered an incentive to farmers who adopt the method.",
				"Asha Rao is a freelance journalist based in Chandigarh.",
				"Support Free & Independent Journalism",
			},
			removed: []string{"Asha Rao is a freelance journalist based in Chandigarh.", "Support Free & Independent Journalism"},
		},
		{
			name: "a list ending the article stays",
			page: []string{
				"States announce closures to stop the spread of the virus",
				"Several states have announced closures of schools and cinemas to stop the virus from spreading.",
				"Here is what is closed in some of them.",
				"Delhi",
				"Closed - schools, cinemas, gyms",
				"Punjab",
				"Closed - schools, colleges",
			},
			kept: []string{"Closed - schools, cinemas, gyms", "Punjab", "Closed - schools, colleges"},
		},
		{
			name: "furniture tail after a related heading",
			page: []string{
				"Metro fares to rise by up to Rs 5 from July, says corporation",
				"The corporation on Thursday announced that fares on all its lines will go up from July 1.",
				"The minimum fare will remain Rs 10, officials said on Thursday.",
				"Stay updated with the latest news. Follow us on Google News.",
				"Location :",
				"New Delhi, India",
				"First Published:",
			},
			removed: []string{"Location :", "New Delhi, India", "First Published:"},
		},
		{
			name: "live blog stamps stay",
			page: []string{
				"Live: Parliament session updates",
				"The session began on Monday with opposition protests over several issues.",
				"10:05 AM, 12-JUN-2025",
				"The Speaker adjourned the house till noon after members raised slogans.",
				"11:20 AM, 12-JUN-2025",
				"The house met again but was adjourned within minutes amid protests.",
				"12:40 PM, 12-JUN-2025",
				"Ministers said the government was ready to discuss every issue raised.",
			},
			kept: []string{"10:05 AM, 12-JUN-2025", "11:20 AM, 12-JUN-2025", "12:40 PM, 12-JUN-2025"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(Page{Text: normalize.Text(strings.Join(tt.page, "\n")), Format: news.FormatText})
			paras := map[string]bool{}
			for _, p := range strings.Split(r.Text, "\n\n") {
				paras[p] = true
			}
			for _, s := range tt.removed {
				if paras[normalize.Line(s)] {
					t.Errorf("kept %q", s)
				}
			}
			for _, s := range tt.kept {
				if !paras[normalize.Line(s)] {
					t.Errorf("removed %q (removed: %v)", s, r.Removed)
				}
			}
			for s, reason := range tt.wantReason {
				found := false
				for _, x := range r.Removed {
					if x.Text == s && x.Reason == reason {
						found = true
					}
				}
				if !found {
					t.Errorf("%q not removed as %q: %v", s, reason, r.Removed)
				}
			}
		})
	}
}
