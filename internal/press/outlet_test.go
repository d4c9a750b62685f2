package press

import (
	"slices"
	"testing"
)

func TestOutletsAndAgencies(t *testing.T) {
	for in, want := range map[string]string{
		"लोकमत हिन्दी": "Lokmat Hindi", "www.jagran.com": "Dainik Jagran", "https://www.bbc.com/hindi/india-123": "BBC Hindi",
		"https://www.bbc.com/news/world-1": "BBC News", "नवभारतटाइम्स.कॉम": "Navbharat Times", "aajtak.in": "Aaj Tak",
		"Lokjeewan Daily": "", "hindi.news18.com": "News18 Hindi", "https://www.news18.com/india/x": "News18",
		"News18 हिंदी": "News18 Hindi", "Lokmat हिंदी": "Lokmat Hindi", "dw.com": "Deutsche Welle", "Jagran": "Dainik Jagran",
	} {
		if got := Outlet(in); got != want {
			t.Errorf("Outlet(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"भाषा": "PTI-Bhasha", "पीटीआई-भाषा": "PTI-Bhasha", "एपी": "AP", "रॉयटर्स": "Reuters", "सिन्हुआ": "Xinhua",
		"टीएएसएस": "TASS", "तास": "TASS", "(IANS)": "IANS", "प्रेट्र": "PTI", "Press Trust of India": "PTI", "आईएएनएस": "IANS",
	} {
		if got := Agency(in); got != want {
			t.Errorf("Agency(%q) = %q, want %q", in, got, want)
		}
	}
	tests := []struct {
		text string
		want []string
	}{
		{"न्यूज एजेंसी सिन्हुआ ने टीएएसएस समाचार एजेंसी के हवाले से बताया", []string{"Xinhua", "TASS"}},
		{"उन्होंने भाषा के सवाल पर कहा", nil},
		{"By भाषा | Updated", []string{"PTI-Bhasha"}},
		{"यह ख़बर पीटीआई-भाषा की फीड से प्रकाशित", []string{"PTI-Bhasha"}},
		{"एपी सिंह ने कहा", nil},
		{"मास्को (एपी) रूस", []string{"AP"}},
		{"The ap was late; AP reported later", []string{"AP"}},
		{"स्पुतनिक वी टीका लगाया गया", nil},
		{"रूसी समाचार एजेंसी स्पुतनिक ने बताया", []string{"Sputnik"}},
		{"(With inputs from Reuters and AFP)", []string{"Reuters", "AFP"}},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range FindAgencies(tt.text) {
			got = append(got, h.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindAgencies(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestLeadName(t *testing.T) {
	tests := []struct {
		in, kind, name string
		desk, ok       bool
	}{
		{"Press Trust of India New Delhi", LeadAgency, "PTI", false, true},
		{"TOI City Desk", LeadOutlet, "Times of India", true, true},
		{"The Hindu Bureau", LeadOutlet, "The Hindu", true, true},
		{"आजतक ब्यूरो", LeadOutlet, "Aaj Tak", true, true},
		{"Hindu nationalists", "", "", false, false},
		{"Asha Mehra", "", "", false, false},
	}
	for _, tt := range tests {
		kind, name, desk, ok := LeadName(tt.in)
		if kind != tt.kind || name != tt.name || desk != tt.desk || ok != tt.ok {
			t.Errorf("LeadName(%q) = %q %q %v %v", tt.in, kind, name, desk, ok)
		}
	}
}
