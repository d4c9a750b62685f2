package press

import "testing"

func TestCopyrightName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"© 2031 Sample Ledger. All rights reserved.", "Sample Ledger"},
		{"Copyright © 2031 Sample Ledger. सर्वाधिकार सुरक्षित॥ हमारे बारे में। संपर्क करें", "Sample Ledger"},
		{"© २०३१ हिमालय वार्ता। सर्वाधिकार सुरक्षित।", "हिमालय वार्ता"},
		{"गंगा एक्सप्रेस | Copyright 2031 | All Rights Reserved", "गंगा एक्सप्रेस"},
		{"© 2031 Example Media Pvt Ltd. All rights reserved.", "Example"},
		{"© 2031 Channel 24 Live. All Rights Reserved. | Privacy Policy | Terms", "Channel 24 Live"},
		{"About Us | Contact | Privacy Policy", ""},
		{"©", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := CopyrightName(tt.in); got != tt.want {
				t.Errorf("CopyrightName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRomanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"जनपथ", "Janpath"},
		{"नवजागरण टाइम्स", "Navjagran Times"},
		{"उजाला दर्पण", "Ujala Darpan"},
		{"पटना न्यूज़", "Patna News"},
		{"भारत समाचार", "Bharat Samachar"},
		{"राष्ट्रीय जनमत", "Rashtriya Janmat"},
		{"अवध केसरी", "Awadh Kesari"},
		{"चंबल संदेश", "Chambal Sandesh"},
		{"शिवालिक टुडे", "Shivalik Today"},
		{"दिल्ली", "Delhi"},
		{"Live 24", "Live 24"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := RomanName(tt.in); got != tt.want {
				t.Errorf("RomanName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHostSpelling(t *testing.T) {
	tests := []struct{ name, url, want string }{
		{"Himalay Varta", "https://himalayavarta.example/a/b", "Himalaya Varta"},
		{"Ganga Express", "https://www.ganga-express.example/", "Ganga Express"},
		{"Sandhya Prahri", "https://sandhyaprahari.example/x", "Sandhya Prahari"},
		{"Ganga Express", "https://news.example/", ""},
		{"Ganga Express", "not a url", ""},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			if got := HostSpelling(tt.name, tt.url); got != tt.want {
				t.Errorf("HostSpelling(%q, %q) = %q, want %q", tt.name, tt.url, got, tt.want)
			}
		})
	}
}

func FuzzRomanName(f *testing.F) {
	for _, s := range []string{"जनपथ", "राष्ट्रीय प्रहरी", "क्ष्", "ं", "्", "a१b", "ड़ी", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = RomanName(s)
		_ = CopyrightName(s)
		_ = HostSpelling(s, "https://"+s+".example/")
	})
}
