package clean

import (
	"strings"
	"testing"

	"khabar/internal/news"
)

func TestRepairLegacy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"जसवंत ¨सह", "जसवंत सिंह"},
		{"टिकट चे¨कग अभियान", "टिकट चेकिंग अभियान"},
		{"प्रति ¨क्वटल", "प्रति क्विंटल"},
		{"नन बैं¨कग", "नन बैंकिंग"},
		{"कोई ¨ अकेला", "कोई ¨ अकेला"},
		{"plain text", "plain text"},
		{"¨", "¨"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := repairLegacy(tt.in); got != tt.want {
				t.Errorf("repairLegacy(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct{ line, want string }{
		{"It is recommended that you update your browser to view this page.", news.ReasonBanner},
		{"We use cookies to improve your experience. Accept cookies", news.ReasonBanner},
		{"होम / देश / उत्तर प्रदेश / लखनऊ", news.ReasonNavigation},
		{"Home > India > Politics", news.ReasonNavigation},
		{"होम। देश। विदेश", news.ReasonNavigation},
		{"यह भी पढ़ें: बारिश से फसलें बर्बाद, किसान परेशान", news.ReasonAlsoRead},
		{"Also Read | Markets fall for third day", news.ReasonAlsoRead},
		{"इससे जुड़ी खबरें", news.ReasonRelated},
		{"Related News", news.ReasonRelated},
		{"Web Title: Rain lashes city, schools shut", news.ReasonWebTitle},
		{"Disclaimer: यह ख़बर सिंडिकेट फीड से प्रकाशित की गई है।", news.ReasonDisclaimer},
		{"This story has not been edited by our staff and is auto-generated from a syndicated feed.", news.ReasonDisclaimer},
		{"© 2024 Example Media Pvt Ltd. All rights reserved.", news.ReasonCopyright},
		{"हमें Facebook पर फॉलो करें और YouTube चैनल सब्सक्राइब करें", news.ReasonSocial},
		{"By Asha Rao | Updated: Jan 5, 2024, 10:15 IST", news.ReasonByline},
		{"Publish Date: Sun, 10 Jun 2018 07:40 PM (IST)", news.ReasonTimestamp},
		{"19 मार्च 2021", news.ReasonTimestamp},
		{"https://example.com/news/a-story-123.html", news.ReasonURL},
		{"फोटो: सोशल मीडिया", news.ReasonCaption},
		{"(इनपुट: भाषा)", news.ReasonCredit},
		{"(With inputs from PTI)", news.ReasonCredit},
		{"Tags: rain, delhi, weather", news.ReasonTags},
		{"विज्ञापन", news.ReasonAdvertisement},
		{"।", news.ReasonStrayPunctuation},
		// Banners in other wordings, and the controls under them.
		{"Sample Outlet would like to send you notifications for the latest news and updates.", news.ReasonBanner},
		{"Your browser is out of date. Some features of this site may not work as expected.", news.ReasonBanner},
		{"This website works best in a modern browser. Please switch to keep reading.", news.ReasonBanner},
		{"Get breaking news alerts! Turn on notifications", news.ReasonBanner},
		{"हम आपके अनुभव को बेहतर बनाने के लिए कुकीज़ का इस्तेमाल करते हैं। स्वीकार करें", news.ReasonBanner},
		{"Get the Sample News app for faster stories. Open", news.ReasonBanner},
		{"Allow    Don't Allow", news.ReasonBanner},
		{"Not now Turn on", news.ReasonBanner},
		{"Update now", news.ReasonBanner},
		{"Accept all | Manage preferences", news.ReasonBanner},
		{"अभी नहीं अनुमति दें", news.ReasonBanner},
		{"शेयर करें: WhatsApp | Facebook | X | Telegram", news.ReasonSocial},
		{"फेसबुक। एक्स। इन्स्टाग्राम", news.ReasonSocial},
		{"Whatsapp Facebook Twitter", news.ReasonSocial},
		{"हेही वाचा: नदीला पूर, गावांना इशारा", news.ReasonAlsoRead},
		{"यो पनि पढ्नुहोस्: सडक अवरुद्ध", news.ReasonAlsoRead},
		{"संबंधित बातम्या", news.ReasonRelated},
		{"होम / देश / विदेश / मंत्री की यात्रा अगले सप्ताह से", news.ReasonNavigation},
		{"Kerala Kochi India World Opinion Sports", news.ReasonNavigation},
		{"Our Special Correspondent", news.ReasonByline},
		{"Sample News Service", news.ReasonByline},
		{"नमूना समाचार ब्यूरो, लुधियाना | 21 अक्टूबर 2025, 04:10 PM", news.ReasonByline},
		{"(Edited by Sample Editor)", news.ReasonByline},
		{"Prabhat Khabar App :", news.ReasonBanner},
		{"देश, दुनिया, खेल और मनोरंजन की ताजा खबरों के लिए डाउनलोड करें", news.ReasonBanner},
		{"Read the latest market news and stay updated on Moneycontrol, or download the Moneycontrol App.", news.ReasonBanner},
		{"(यह खबर एजेंसी की फीड से ली गई है। नमूना समाचार ने इसमें कोई बदलाव नहीं किया है।)", news.ReasonDisclaimer},
		{"इसे भी पढ़ें: शहर में पानी की किल्लत", news.ReasonAlsoRead},
		// Body sentences stay.
		{"By the end of the year, the company expects to hire 500 people.", ""},
		{"उन्होंने ट्विटर पर लिखा कि सरकार इस मामले की जांच करेगी और दोषियों को सजा मिलेगी।", ""},
		{"गूगल ने क्रोम ब्राउजर का नया संस्करण जारी किया, जिसमें सुरक्षा से जुड़ी कई खामियां दूर की गई हैं।", ""},
		{"समिति ने 19 मार्च 2021 को अपनी रिपोर्ट सौंपी थी जिसमें कई सुझाव दिए गए थे।", ""},
		{"इस बैठक में संबंधित विभागों के अधिकारियों ने खबर की पुष्टि की।", ""},
		// News about browsers, notifications, cookies and apps stays.
		{"The ministry said it would send notifications to all registered farmers by text message.", ""},
		{"The company said its new app had been downloaded by two million users in the first week.", ""},
		{"Mozilla urged users to update their Firefox browser after a security flaw was found.", ""},
		{"अधिकारियों ने लोगों से कहा कि वे सरकारी ऐप डाउनलोड करें।", ""},
		{"The bakery sold cookies and cakes worth a lakh of rupees during the festival, its owner said.", ""},
		{"Turn on the lights", ""},
		{"Government launches new app for farmers", ""},
		{"Customer complaints rose sharply after the service was cut, the regulator said.", ""},
		{"Kerala floods: Kochi airport shut", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := testLimits.classify(tt.line, measure(tt.line)); got != tt.want {
				t.Errorf("classify(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

func TestCleanTextPage(t *testing.T) {
	page := strings.Join([]string{
		"Home > World",
		"बारिश से शहर की सड़कें डूबीं, स्कूल बंद",
		"By Sample Times | Updated: 12 July 2024, 09:10 AM IST",
		"",
		": लखनऊ, 12 जुलाई (भाषा) शहर में रात भर हुई बारिश से कई इलाकों में पानी भर गया।",
		"नगर निगम ने पंप लगाकर पानी निकालने का काम शुरू किया है और लोगों से घर में रहने को कहा है।",
		"यह भी पढ़ें:",
		"नदी का जलस्तर खतरे के निशान के पार",
		"मौसम विभाग ने अगले दो दिन तक भारी बारिश की चेतावनी जारी की है।",
		"संबंधित खबरें",
		"शहर में बिजली कटौती से लोग परेशान",
		"बाढ़ राहत शिविरों में पहुंचे मंत्री",
	}, "\n")
	r := Clean(Page{Text: page, Format: news.FormatText})
	want := strings.Join([]string{
		"शहर में रात भर हुई बारिश से कई इलाकों में पानी भर गया।",
		"नगर निगम ने पंप लगाकर पानी निकालने का काम शुरू किया है और लोगों से घर में रहने को कहा है।",
		"मौसम विभाग ने अगले दो दिन तक भारी बारिश की चेतावनी जारी की है।",
	}, "\n\n")
	if r.Text != want {
		t.Errorf("text =\n%s\nwant\n%s", r.Text, want)
	}
	if r.Title != "बारिश से शहर की सड़कें डूबीं, स्कूल बंद" {
		t.Errorf("title = %q", r.Title)
	}
	reasons := map[string]int{}
	for _, x := range r.Removed {
		reasons[x.Reason]++
	}
	for reason, n := range map[string]int{
		news.ReasonNavigation: 1, news.ReasonTitle: 1, news.ReasonByline: 1, news.ReasonStrayPunctuation: 1,
		news.ReasonDateline: 1, news.ReasonAlsoRead: 2, news.ReasonRelated: 3,
	} {
		if reasons[reason] != n {
			t.Errorf("%s removals = %d, want %d (%v)", reason, reasons[reason], n, r.Removed)
		}
	}
}

// TestCleanBannerHead: banners and their controls above the headline do
// not hide the head of the page; the headline is found by its repetition,
// its English pair goes out with it, and a sentence above the headline
// stays unless the site speaks in it about itself.
func TestCleanBannerHead(t *testing.T) {
	page := strings.Join([]string{
		"Sample Post would like to send you notifications for the latest news and updates.",
		"मौसम विभाग ने चेतावनी दी है कि अगले दो दिन और बारिश होगी।",
		"Allow    Don't Allow",
		"Thanks for visiting our site, parts of which are being rebuilt this week.",
		"नदी पर बना पुल टूटा, आवाजाही बंद",
		"By सैंपल डेस्क | Updated: Mon, 03 Mar 2031 10:00 AM IST",
		"Bridge over river collapses, traffic halted | नदी पर बना पुल टूटा, आवाजाही बंद",
		"नदी पर बना पुल टूटा, आवाजाही बंद",
		"पटना, तीन मार्च (भाषा) गंडक नदी पर बना पुराना पुल सोमवार सुबह टूट गया और दोनों ओर आवाजाही रोक दी गई।",
		"जिला प्रशासन ने बताया कि हादसे में कोई घायल नहीं हुआ है और मरम्मत का काम जल्द शुरू होगा।",
		"Update now",
	}, "\n\n")
	r := Clean(Page{Text: page, Format: news.FormatText})
	if r.Title != "नदी पर बना पुल टूटा, आवाजाही बंद" {
		t.Errorf("title = %q", r.Title)
	}
	want := strings.Join([]string{
		"मौसम विभाग ने चेतावनी दी है कि अगले दो दिन और बारिश होगी।",
		"गंडक नदी पर बना पुराना पुल सोमवार सुबह टूट गया और दोनों ओर आवाजाही रोक दी गई।",
		"जिला प्रशासन ने बताया कि हादसे में कोई घायल नहीं हुआ है और मरम्मत का काम जल्द शुरू होगा।",
	}, "\n\n")
	if r.Text != want {
		t.Errorf("text =\n%s\nwant\n%s", r.Text, want)
	}
	reasons := map[string]int{}
	for _, x := range r.Removed {
		reasons[x.Reason]++
	}
	for reason, n := range map[string]int{
		news.ReasonBanner: 4, news.ReasonTitle: 1, news.ReasonRepeatedTitle: 2, news.ReasonByline: 1, news.ReasonDateline: 1,
	} {
		if reasons[reason] != n {
			t.Errorf("%s removals = %d, want %d (%v)", reason, reasons[reason], n, r.Removed)
		}
	}
}

// TestCleanTailAppeal: the site's appeal for support after the story and
// its prompts to the reader go; a last paragraph in the second person that
// is not about the page stays.
func TestCleanTailAppeal(t *testing.T) {
	page := strings.Join([]string{
		"City to get three new flyovers by next year",
		"Sample Post Bureau",
		"Work on three flyovers in the city's east will begin next month, the municipal commissioner said on Tuesday.",
		"The flyovers are expected to cut travel time between the two highways by half.",
		"If you drive through the area, expect diversions until the work is done, the traffic police said.",
		"Support Our Journalism",
		"Good journalism costs money, and Sample Post depends on readers like you.",
		"Whether you read us daily or weekly, you can take a subscription by clicking here.",
		"Get the day's top stories in your inbox",
	}, "\n")
	r := Clean(Page{Text: page, Format: news.FormatText})
	want := strings.Join([]string{
		"Work on three flyovers in the city's east will begin next month, the municipal commissioner said on Tuesday.",
		"The flyovers are expected to cut travel time between the two highways by half.",
		"If you drive through the area, expect diversions until the work is done, the traffic police said.",
	}, "\n\n")
	if r.Text != want {
		t.Errorf("text =\n%s\nwant\n%s\nremoved %v", r.Text, want, r.Removed)
	}
}

func TestCleanHTMLTitleOnlyWhenDeclared(t *testing.T) {
	text := "A short subhead\n\nThe council approved the budget on Monday after a long debate in the hall.\n\nMembers said the plan would help schools."
	r := Clean(Page{Text: text, Format: news.FormatHTML})
	if !strings.HasPrefix(r.Text, "A short subhead") {
		t.Errorf("HTML text lost an undeclared first line: %q", r.Text)
	}
	r = Clean(Page{Text: text, Format: news.FormatHTML, Titles: []string{"A short subhead"}})
	if strings.Contains(r.Text, "subhead") || r.Title != "A short subhead" {
		t.Errorf("declared title not removed: %q / %q", r.Title, r.Text)
	}
}

func TestCleanBadInput(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"empty", ""},
		{"spaces", " \n\n \t\n"},
		{"all boilerplate", "Update Google Chrome\nHome > News\n© 2024 Some Media. All rights reserved.\nFollow us on Facebook"},
		{"punctuation", "।।।\n...\n"},
		{"huge line", strings.Repeat("क ", 1<<17)},
		{"many lines", strings.Repeat("a b\n", 25000)},
		{"invalid utf8", "\xff\xfe\xfd बारिश\n\xc3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(Page{Text: tt.in, Format: news.FormatText})
			if r.Text == "" && strings.TrimSpace(tt.in) != "" {
				if last := r.Removed[len(r.Removed)-1]; last.Reason != news.ReasonNoBody {
					t.Errorf("empty text without a no-body reason: %v", r.Removed)
				}
			}
		})
	}
}

func TestProcess(t *testing.T) {
	a := &news.Article{
		Text: "Storm hits coast\nThe storm reached the coast at dawn and knocked out power to thousands of homes.",
		Raw:  news.Raw{Format: news.FormatText},
	}
	c := New()
	if c.Name() != "clean" {
		t.Errorf("Name = %q", c.Name())
	}
	if err := c.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if a.Text != "The storm reached the coast at dawn and knocked out power to thousands of homes." {
		t.Errorf("text = %q", a.Text)
	}
	if len(a.Removed) != 1 || a.Removed[0].Reason != news.ReasonTitle {
		t.Errorf("removed = %v", a.Removed)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Title line here\nBy Someone - 03-11-2025\n\n। पहला वाक्य यहां है और यह लंबा है।\nअन्य सम्बंधित खबरे",
		"Home > News\nयह भी पढ़ें:\nएक शीर्षक\n", "¨स¨", "(", "।", "\r\n\r\n", "Web Title: x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Clean(Page{Text: s, Format: news.FormatText})
		// Nothing invented: every kept paragraph comes from the input
		// (after legacy repair).
		src := repairLegacy(s)
		for _, p := range strings.Split(r.Text, "\n\n") {
			if p != "" && !strings.Contains(src, p) {
				t.Fatalf("paragraph %q not in input", p)
			}
		}
	})
}

func TestProcessBadHTML(t *testing.T) {
	tests := []struct{ name, body, text string }{
		{"no body", "<html><head><title>T</title></head></html>", ""},
		{"only scripts", "<script>var x=1;</script>", ""},
		{"all boilerplate", "<p>Follow us on Facebook</p>", "Follow us on Facebook"},
		{"nested", strings.Repeat("<div>", 100000) + "x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &news.Article{Text: tt.text, Raw: news.Raw{Body: tt.body, Format: news.FormatHTML}}
			if err := New().Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if a.Text != "" {
				t.Errorf("text = %q, want none", a.Text)
			}
			if len(a.Removed) == 0 || a.Removed[len(a.Removed)-1].Reason != news.ReasonNoBody {
				t.Errorf("removed = %v, want a %s reason", a.Removed, news.ReasonNoBody)
			}
		})
	}
}

// testLimits are the default limits the rule tests classify with.
var testLimits = DefaultOptions().Limits

// TestLimits checks that the named limits are the ones applied: a
// copyright line of five words is one by default and is not with Banner 4,
// and zero fields take the defaults.
func TestLimits(t *testing.T) {
	line := "© 2025 सर्वाधिकार सुरक्षित प्रभात दर्पण"
	if got := testLimits.classify(line, measure(line)); got != news.ReasonCopyright {
		t.Fatalf("default limits: %q, want %q", got, news.ReasonCopyright)
	}
	lim := Limits{Banner: 4}.withDefaults()
	if got := lim.classify(line, measure(line)); got == news.ReasonCopyright {
		t.Errorf("Banner 4: %q is still a copyright line", line)
	}
	if lim.Short != 40 || lim.Boilerplate != 200 || lim.DeskCredit != 5 {
		t.Errorf("zero fields: %+v, want the defaults", lim)
	}
}
