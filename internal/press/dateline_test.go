package press

import "testing"

func TestParseDateline(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   DatelineInfo
		wantOK bool
	}{
		{"hindi agency", "मास्को, 19 मार्च (एपी) रूस ने आज कहा कि वार्ता होगी।",
			DatelineInfo{Text: "मास्को, 19 मार्च (एपी)", PlaceText: "मास्को", Place: "Moscow", Day: 19, Month: 3, Source: "एपी", Agency: "AP"}, true},
		{"english", "NEW DELHI, March 12 (PTI) The government said on Friday it would act.",
			DatelineInfo{Text: "NEW DELHI, March 12 (PTI)", PlaceText: "NEW DELHI", Place: "New Delhi", Day: 12, Month: 3, Source: "PTI", Agency: "PTI"}, true},
		{"english dash", "WASHINGTON (Reuters) - The talks ended without a deal.",
			DatelineInfo{Text: "WASHINGTON (Reuters)", PlaceText: "WASHINGTON", Place: "Washington", Source: "Reuters", Agency: "Reuters"}, true},
		{"desk after", "लखनऊ, जागरण संवाददाता: शहर में आज बारिश हुई।",
			DatelineInfo{Text: "लखनऊ, जागरण संवाददाता", PlaceText: "लखनऊ", Place: "Lucknow", Byline: "जागरण संवाददाता"}, true},
		{"desk first", "जागरण संवाददाता, बोकारो : स्टेशन पर जांच हुई।",
			DatelineInfo{Text: "जागरण संवाददाता, बोकारो", PlaceText: "बोकारो", Place: "Bokaro", Byline: "जागरण संवाददाता"}, true},
		{"desk bracket", "नई दिल्ली (बिजनेस डेस्क)। बाजार में गिरावट रही।",
			DatelineInfo{Text: "नई दिल्ली (बिजनेस डेस्क)", PlaceText: "नई दिल्ली", Place: "New Delhi", Source: "बिजनेस डेस्क", Byline: "बिजनेस डेस्क"}, true},
		{"reporter", "रमेश वर्मा, बिलासपुर (नई दुनिया)। गांव में उत्सव हुआ।",
			DatelineInfo{Text: "रमेश वर्मा, बिलासपुर (नई दुनिया)", PlaceText: "बिलासपुर", Place: "Bilaspur", Source: "नई दुनिया", Byline: "रमेश वर्मा"}, true},
		{"place danda", "सारण। बाजार में चोरी हुई।",
			DatelineInfo{Text: "सारण", PlaceText: "सारण", Place: "Saran"}, true},
		{"place colon unknown", "धौलपुरा : गांव में मेला लगा।",
			DatelineInfo{Text: "धौलपुरा", PlaceText: "धौलपुरा"}, true},
		{"agency part", "इस्लामाबाद, प्रेट्र : पाकिस्तान ने बयान दिया।",
			DatelineInfo{Text: "इस्लामाबाद, प्रेट्र", PlaceText: "इस्लामाबाद", Place: "Islamabad", Source: "प्रेट्र", Agency: "PTI"}, true},
		{"bhasha bracket", "नई दिल्ली, 12 मार्च (भाषा) सरकार ने कहा।",
			DatelineInfo{Text: "नई दिल्ली, 12 मार्च (भाषा)", PlaceText: "नई दिल्ली", Place: "New Delhi", Day: 12, Month: 3, Source: "भाषा", Agency: "PTI-Bhasha"}, true},
		{"ap style", "LISBON, Sept. 14 (AP) — The harbour reopened on Sunday.",
			DatelineInfo{Text: "LISBON, Sept. 14 (AP)", PlaceText: "LISBON", Place: "Lisbon", Day: 14, Month: 9, Source: "AP", Agency: "AP"}, true},
		{"day as a word", "पटना, एक जुलाई (भाषा) सरकार ने कहा।",
			DatelineInfo{Text: "पटना, एक जुलाई (भाषा)", PlaceText: "पटना", Place: "Patna", Day: 1, Month: 7, Source: "भाषा", Agency: "PTI-Bhasha"}, true},
		{"bikram sambat", "पोखरा, साउन १२ । सडकमा पहिरो खस्यो।",
			DatelineInfo{Text: "पोखरा, साउन १२", PlaceText: "पोखरा", Place: "Pokhara"}, true},
		{"no comma", "भोपाल 05 मार्च (वार्ता) सरकार ने कहा।",
			DatelineInfo{Text: "भोपाल 05 मार्च (वार्ता)", PlaceText: "भोपाल", Place: "Bhopal", Day: 5, Month: 3, Source: "वार्ता", Agency: "UNI"}, true},
		{"city in its country", "Valparaiso, Chile (AFP) - The port reopened on Monday.",
			DatelineInfo{Text: "Valparaiso, Chile (AFP)", PlaceText: "Valparaiso", Place: "Valparaiso", Source: "AFP", Agency: "AFP"}, true},
		{"unknown latin place", "TIMBUKTU, March 3 (Reuters) - Rains came early.",
			DatelineInfo{Text: "TIMBUKTU, March 3 (Reuters)", PlaceText: "TIMBUKTU", Place: "Timbuktu", Day: 3, Month: 3, Source: "Reuters", Agency: "Reuters"}, true},
		{"abbreviation sentence", "Mr. Rao said: we are ready.", DatelineInfo{}, false},
		{"sentence", "सरकार ने कहा: हम तैयार हैं।", DatelineInfo{}, false},
		{"english sentence", "The minister said: we are ready.", DatelineInfo{}, false},
		{"unknown danda", "नहीं। यह सही नहीं है।", DatelineInfo{}, false},
		{"kicker latin", "Explained: why prices rise", DatelineInfo{}, false},
		{"nothing after", "मास्को, 19 मार्च (एपी)", DatelineInfo{}, false},
		{"advice column letter", "DEAR ABBY: My husband's sister has a key to our house and takes my car without asking.", DatelineInfo{}, false},
		{"advice column reply", "DEAR RUNNING ON EMPTY: You are not wrong to ask her first.", DatelineInfo{}, false},
		{"question label", "Q: Can my landlord keep the deposit for a broken blind?", DatelineInfo{}, false},
		{"editor's note", "EDITOR'S NOTE: This story has been corrected to give the mayor's full name.", DatelineInfo{}, false},
		{"unknown capitals place still read", "BRAGANÇA: Firefighters contained the blaze on Tuesday, officials said.",
			DatelineInfo{Text: "BRAGANÇA", PlaceText: "BRAGANÇA"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseDateline(tt.in)
			if ok != tt.wantOK {
				t.Fatalf("ParseDateline(%q) ok = %v, want %v (%+v)", tt.in, ok, tt.wantOK, got)
			}
			if !ok {
				return
			}
			got.Len = 0
			if got != tt.want {
				t.Errorf("ParseDateline(%q) =\n %+v\nwant\n %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDatelineLen(t *testing.T) {
	in := "मास्को, 19 मार्च (एपी) रूस ने कहा।"
	d, ok := ParseDateline(in)
	if !ok {
		t.Fatal("no dateline")
	}
	if rest := in[d.Len:]; rest != "रूस ने कहा।" {
		t.Errorf("rest = %q", rest)
	}
	in = "जागरण संवाददाता, बोकारो : स्टेशन पर जांच हुई।"
	d, _ = ParseDateline(in)
	if rest := in[d.Len:]; rest != "स्टेशन पर जांच हुई।" {
		t.Errorf("rest = %q", rest)
	}
}

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{
		"मास्को, 19 मार्च (एपी) रूस", "NEW DELHI, March 12 (PTI) The", "लखनऊ, जागरण संवाददाता: शहर",
		"सारण। बाजार", "(", ")", "a, b, c, d: e", "संवाद सहयोगी, टांडा  दोआबा",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDateline(s)
		if !ok {
			return
		}
		if d.Len <= 0 || d.Len > len(s) {
			t.Fatalf("Len %d out of %d", d.Len, len(s))
		}
		if d.Text == "" || d.PlaceText == "" {
			t.Fatalf("empty dateline %+v", d)
		}
	})
}

func TestDatelineDash(t *testing.T) {
	for _, in := range []string{"WASHINGTON (Reuters) - The talks ended.", "LONDON - The talks ended.", "LONDON — The talks ended."} {
		d, ok := ParseDateline(in)
		if !ok {
			t.Fatalf("%q: no dateline", in)
		}
		if rest := in[d.Len:]; rest != "The talks ended." {
			t.Errorf("%q: rest = %q", in, rest)
		}
	}
}
