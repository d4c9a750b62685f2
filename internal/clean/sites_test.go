package clean

import (
	"fmt"
	"strings"
	"testing"

	"khabar/internal/news"
)

func TestSites(t *testing.T) {
	slogan := "सांझ समाचार: हर खबर पर पैनी नजर"
	page := func(i int) string {
		return strings.Join([]string{
			fmt.Sprintf("नगर में विकास कार्य नंबर %d शुरू", i),
			fmt.Sprintf("नगर निगम ने सोमवार को वार्ड %d में सड़क निर्माण का काम शुरू किया और इसे तीन महीने में पूरा करने का लक्ष्य रखा।", i),
			"अधिकारियों ने कहा कि काम की गुणवत्ता पर नजर रखी जाएगी और ठेकेदार की जिम्मेदारी तय होगी।",
			slogan,
		}, "\n")
	}
	sites := NewSites()
	for i := range 6 {
		sites.Learn("https://www.sanjh.example/news/"+fmt.Sprint(i), page(i))
	}
	if !sites.Repeated("sanjh.example", slogan) {
		t.Fatal("slogan not learnt")
	}
	if sites.Repeated("other.example", slogan) {
		t.Error("slogan learnt for another host")
	}
	a := &news.Article{Text: page(9), URL: "https://sanjh.example/news/9", Raw: news.Raw{Format: news.FormatText}}
	if err := New(WithSites(sites)).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, slogan) {
		t.Errorf("slogan kept: %q", a.Text)
	}
	found := false
	for _, r := range a.Removed {
		found = found || r.Reason == news.ReasonSiteRepeat && r.Text == slogan
	}
	if !found {
		t.Errorf("removed = %v, want the slogan as %s", a.Removed, news.ReasonSiteRepeat)
	}
	// The sentence repeated on every page is long: it stays.
	if !strings.Contains(a.Text, "ठेकेदार की जिम्मेदारी") {
		t.Errorf("repeated long sentence removed: %q", a.Text)
	}
	// Without the model the slogan is not known.
	b := &news.Article{Text: page(9), Raw: news.Raw{Format: news.FormatText}}
	if err := New().Process(t.Context(), b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.Text, slogan) {
		t.Errorf("slogan removed without a site model")
	}
}

// TestSitesMaxLineWords: a longer line than MaxLineWords is not learnt.
func TestSitesMaxLineWords(t *testing.T) {
	slogan := "सांझ समाचार: हर खबर पर पैनी नजर"
	learn := func(s *Sites) {
		for i := range 6 {
			s.Learn(fmt.Sprintf("https://sanjh.example/news/%d", i), fmt.Sprintf("नगर में काम नंबर %d शुरू\n%s", i, slogan))
		}
	}
	def := NewSites()
	learn(def)
	if !def.Repeated("sanjh.example", slogan) {
		t.Fatal("default: slogan not learnt")
	}
	short := NewSites()
	short.MaxLineWords = 3
	learn(short)
	if short.Repeated("sanjh.example", slogan) {
		t.Error("MaxLineWords 3: a line of seven words learnt")
	}
}
