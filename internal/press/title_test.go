package press

import (
	"testing"
)

func TestPageTitle(t *testing.T) {
	tests := []struct {
		name, title, site, url, want string
	}{
		{"site suffix", "Ferry service resumes after the storm | Coastal Herald", "Coastal Herald", "", "Ferry service resumes after the storm"},
		{"known outlet", "नदी पर नया पुल जनता के लिए खुला - Jagran", "", "", "नदी पर नया पुल जनता के लिए खुला"},
		{"outlet and date", "नदी पर नया पुल जनता के लिए खुला – DW – 09.04.2031", "dw.com", "", "नदी पर नया पुल जनता के लिए खुला"},
		{"date only", "Ferry service resumes after the storm - March 4, 2031", "", "", "Ferry service resumes after the storm"},
		{"host", "Ferry service resumes after the storm | Sagar Vani", "", "https://www.sagarvani.in/a/1", "Ferry service resumes after the storm"},
		{"edition", "Ferry service resumes after the storm | Scroll English", "", "", "Ferry service resumes after the storm"},
		{"section kicker", "Pune News: नदी पर नया पुल जनता के लिए खुला - Amar Ujala Hindi News Live", "Amar Ujala", "", "नदी पर नया पुल जनता के लिए खुला"},
		{"latin kicker", "Bridge Opening: नदी पर नया पुल जनता के लिए खुला", "", "", "नदी पर नया पुल जनता के लिए खुला"},
		{"colon of the headline", "Minister: the bridge will open next week", "", "", "Minister: the bridge will open next week"},
		{"short head kept", "Rain - Coastal Herald", "Coastal Herald", "", "Rain - Coastal Herald"},
		{"other tail kept", "Ferry service resumes after the storm - a long wait ends for the islanders", "", "", "Ferry service resumes after the storm - a long wait ends for the islanders"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PageTitle(tt.title, tt.site, tt.url); got != tt.want {
				t.Errorf("PageTitle(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

func FuzzPageTitle(f *testing.F) {
	f.Add("बाजार में तेजी लौटी | Sample Khabar", "Sample Khabar", "https://example.com/business/markets-rally-123")
	f.Add("Mumbai News: Port strike ends - Times of India", "", "")
	f.Add("", "", "")
	f.Fuzz(func(t *testing.T, title, site, url string) {
		_ = PageTitle(title, site, url)
		_ = StripSiteSuffix(title, site)
	})
}
