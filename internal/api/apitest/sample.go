package apitest

import (
	"fmt"
	"time"

	"khabar/internal/news"
)

// ist is India Standard Time, in which the samples are published.
var ist = news.IST

func intp(n int) *int { return &n }

// Sample returns a few articles written for tests: two in Hindi, one in
// English, one with most fields unknown. Their ids are "hi-metro",
// "hi-flood", "en-port" and "bare". Each call returns fresh copies.
func Sample() []*news.Article {
	metro := "इंदौर, 10 मार्च (भाषा) शहर की पहली मेट्रो लाइन सोमवार सुबह यात्रियों के लिए खोल दी गई।\n\n" +
		"नगर निगम की आयुक्त सुनीता वर्मा ने कहा, \"यह लाइन हर दिन पचास हज़ार लोगों को ले जाएगी।\"\n\n" +
		"पहले दिन सभी स्टेशनों पर लोगों की लंबी कतारें दिखीं।"
	flood := "गुवाहाटी, 12 मार्च (एजेंसी) असम के दो ज़िलों में अचानक आई बाढ़ से तीन लोगों की मौत हो गई और सात घायल हुए।\n\n" +
		"राहत दल नावों से गाँवों तक पहुँच रहे हैं।"
	port := "CHENNAI, March 5 (PTI) The Chennai port handled a record volume of cargo in February, officials said on Wednesday.\n\n" +
		"\"Container traffic grew faster than we planned for,\" the port's chairman, Arun Pillai, told reporters.\n\n" +
		"A second berth is due to open next year."
	return []*news.Article{
		{
			ID:        "hi-metro",
			Source:    news.Source{URI: "testdata/metro.html", Format: news.FormatHTML},
			URL:       "https://example.com/hi/indore-metro",
			Title:     "इंदौर में पहली मेट्रो लाइन शुरू",
			TitleEn:   "First metro line opens in Indore",
			Lang:      "hi",
			Publisher: "Example Samachar",
			Byline:    []string{"संवाददाता डेस्क"},
			Agencies:  []string{"PTI-Bhasha"},
			Dateline:  &news.Dateline{Place: "Indore", PlaceText: "इंदौर", Date: "2025-03-10"},
			Published: time.Date(2025, 3, 10, 9, 30, 0, 0, ist),
			Text:      metro,
			Removed: []news.Removal{
				{Text: "हमें फ़ेसबुक पर फ़ॉलो करें", Reason: "social"},
				{Text: "ये भी पढ़ें: मौसम का हाल", Reason: "related"},
			},
			Entities: []news.Entity{
				{ID: "e-indore", Name: "Indore", Names: map[string]string{"hi": "इंदौर", "en": "Indore"}, Type: news.LOC,
					Mentions: []news.Mention{{Text: "इंदौर", Start: 0, End: 5}}},
				{ID: "e-verma", Name: "Sunita Verma", Names: map[string]string{"hi": "सुनीता वर्मा"}, Type: news.PER,
					Mentions: []news.Mention{{Text: "सुनीता वर्मा", Start: 107, End: 119}}},
			},
			Times: []news.Time{{Text: "सोमवार", Type: "DATE", Value: "2025-03-10", Start: 47, End: 53}},
			Quotes: []news.Quote{{Speaker: "e-verma", SpeakerName: "Sunita Verma",
				Text: "यह लाइन हर दिन पचास हज़ार लोगों को ले जाएगी।", Direct: true, Cue: "कहा", Via: []string{"PTI-Bhasha"}, Start: 129, End: 173}},
		},
		{
			ID:        "hi-flood",
			Source:    news.Source{URI: "feed.jsonl#L2", Format: news.FormatJSONL},
			Title:     "असम में अचानक बाढ़, तीन की मौत",
			Lang:      "hi",
			Publisher: "Example Samachar",
			Agencies:  []string{"PTI-Bhasha"},
			Dateline:  &news.Dateline{Place: "Guwahati", PlaceText: "गुवाहाटी", Date: "2025-03-12"},
			Published: time.Date(2025, 3, 12, 22, 15, 0, 0, ist),
			Text:      flood,
			Entities: []news.Entity{
				{ID: "e-assam", Name: "Assam", Names: map[string]string{"hi": "असम"}, Type: news.LOC,
					Mentions: []news.Mention{{Text: "असम", Start: 28, End: 31}}},
			},
			Events: []news.Event{{Type: "DISASTER", Subtype: "FLOODS", Trigger: "बाढ़", Date: "2025-03-12",
				Place: "e-assam", Killed: intp(3), Injured: intp(7), Start: 58, End: 62,
				Sentence: "असम के दो ज़िलों में अचानक आई बाढ़ से तीन लोगों की मौत हो गई और सात घायल हुए।"}},
		},
		{
			ID:        "en-port",
			Source:    news.Source{URI: "https://example.org/port", Format: news.FormatHTML},
			URL:       "https://example.org/business/chennai-port-record",
			Title:     "Chennai port handles record cargo in February",
			Lang:      "en",
			Publisher: "Example Times",
			Byline:    []string{"Staff Reporter"},
			Agencies:  []string{"PTI"},
			Published: time.Date(2025, 3, 5, 18, 0, 0, 0, ist),
			Text:      port,
		},
		{
			ID:     "bare",
			Source: news.Source{URI: "notes.txt", Format: news.FormatText},
			Text:   "A short note with no title, language or date.",
		},
	}
}

// Many returns n synthetic articles, alternating Hindi and English, one a day
// going back from 2025-06-30 at noon IST. Ids are "m0000", "m0001", …,
// newest first.
func Many(n int) []*news.Article {
	out := make([]*news.Article, n)
	day := time.Date(2025, 6, 30, 12, 0, 0, 0, ist)
	for i := range out {
		a := &news.Article{
			ID:        fmt.Sprintf("m%04d", i),
			Source:    news.Source{URI: fmt.Sprintf("many.jsonl#L%d", i+1), Format: news.FormatJSONL},
			Publisher: "Example Wire",
			Published: day.AddDate(0, 0, -i),
		}
		if i%2 == 0 {
			a.Lang = "hi"
			a.Title = fmt.Sprintf("संख्या %d की ख़बर", i)
			a.Text = fmt.Sprintf("यह परीक्षण के लिए लिखी गई ख़बर संख्या %d है।\n\nइसमें बाज़ार और मौसम की बात है।", i)
		} else {
			a.Lang = "en"
			a.Title = fmt.Sprintf("Report number %d", i)
			a.Text = fmt.Sprintf("This is test report number %d.\n\nIt covers markets and weather.", i)
		}
		out[i] = a
	}
	return out
}
