package press

import (
	"net/url"
	"strings"
	"sync"
	"time"

	// The outlets' home zones must load wherever khabar runs.
	_ "time/tzdata"
)

// outlet is a news outlet: its English name, other names pages use, and
// the hosts it publishes on (a host matches itself and its subdomains; a
// host with a path, "bbc.com/hindi", matches URLs under that path).
type outlet struct {
	name  string
	names []string
	hosts []string
}

var outletTable = []outlet{
	{"Lokmat Hindi", []string{"लोकमत हिन्दी", "लोकमत हिंदी", "Lokmat Hindi News"}, []string{"lokmatnews.in"}},
	{"Lokmat", []string{"लोकमत"}, []string{"lokmat.com"}},
	{"Dainik Jagran", []string{"दैनिक जागरण", "जागरण", "Jagran", "जागरण डॉट कॉम"}, []string{"jagran.com"}},
	{"Naidunia", []string{"नईदुनिया", "नई दुनिया", "Nai Dunia", "Nai Duniya"}, []string{"naidunia.com"}},
	{"Amar Ujala", []string{"अमर उजाला"}, []string{"amarujala.com"}},
	{"Dainik Bhaskar", []string{"दैनिक भास्कर", "भास्कर", "Bhaskar", "DB Corp", "DB Corp Ltd"}, []string{"bhaskar.com"}},
	{"Navbharat Times", []string{"नवभारत टाइम्स", "नवभारतटाइम्स", "एनबीटी", "NBT"}, []string{"navbharattimes.indiatimes.com"}},
	{"Live Hindustan", []string{"लाइव हिन्दुस्तान", "लाइव हिंदुस्तान", "LiveHindustan"}, []string{"livehindustan.com"}},
	{"Hindustan", []string{"हिन्दुस्तान", "हिंदुस्तान", "दैनिक हिन्दुस्तान", "दैनिक हिंदुस्तान", "Dainik Hindustan"}, nil},
	{"Prabhat Khabar", []string{"प्रभात खबर"}, []string{"prabhatkhabar.com"}},
	{"Jansatta", []string{"जनसत्ता"}, []string{"jansatta.com"}},
	{"Aaj Tak", []string{"आज तक", "आजतक", "AajTak"}, []string{"aajtak.in", "aajtak.intoday.in"}},
	{"ABP Live", []string{"एबीपी लाइव", "ABP Live Hindi"}, []string{"abplive.com"}},
	{"ABP News", []string{"एबीपी न्यूज"}, []string{"abpnews.abplive.in"}},
	{"NDTV", []string{"एनडीटीवी", "एनडीटीवी इंडिया", "NDTV India", "एनडीटीवी खबर", "NDTV Khabar"}, []string{"ndtv.com", "ndtv.in"}},
	{"Zee News", []string{"जी न्यूज", "ज़ी न्यूज़", "Zee News Hindi"}, []string{"zeenews.india.com"}},
	{"India TV Hindi", []string{"इंडिया टीवी", "इंडिया टीवी हिंदी"}, []string{"indiatv.in"}},
	{"India TV", []string{"India TV News"}, []string{"indiatvnews.com"}},
	{"News18 Hindi", []string{"न्यूज18 हिंदी", "न्यूज़18 हिंदी", "न्यूज 18 हिंदी"}, []string{"hindi.news18.com"}},
	{"News18", []string{"न्यूज18", "न्यूज़18", "न्यूज 18"}, []string{"news18.com"}},
	{"TV9 Bharatvarsh", []string{"टीवी9 भारतवर्ष", "टीवी 9 भारतवर्ष", "TV9 Hindi"}, []string{"tv9hindi.com"}},
	{"Sportstar", []string{"स्पोर्टस्टार"}, []string{"sportstar.thehindu.com"}},
	{"The Hindu", []string{"द हिंदू", "द हिन्दू", "Hindu"}, []string{"thehindu.com"}},
	{"Hindustan Times", []string{"हिंदुस्तान टाइम्स", "हिन्दुस्तान टाइम्स", "HT"}, []string{"hindustantimes.com"}},
	{"Times of India", []string{"The Times of India", "टाइम्स ऑफ इंडिया", "TOI"}, []string{"timesofindia.indiatimes.com"}},
	{"The Economic Times", []string{"Economic Times", "इकनॉमिक टाइम्स", "ET"}, []string{"economictimes.indiatimes.com"}},
	{"The New Indian Express", []string{"New Indian Express", "TNIE", "द न्यू इंडियन एक्सप्रेस"}, []string{"newindianexpress.com"}},
	{"The Indian Express", []string{"Indian Express", "इंडियन एक्सप्रेस"}, []string{"indianexpress.com"}},
	{"The Telegraph", []string{"Telegraph India"}, []string{"telegraphindia.com"}},
	{"Deccan Chronicle", nil, []string{"deccanchronicle.com"}},
	{"The Pioneer", []string{"Daily Pioneer", "पायनियर"}, []string{"dailypioneer.com"}},
	{"Mid-Day", []string{"मिड-डे"}, []string{"mid-day.com"}},
	{"Free Press Journal", []string{"FPJ", "फ्री प्रेस जर्नल"}, []string{"freepressjournal.in"}},
	{"Financial Express", []string{"The Financial Express", "फाइनेंशियल एक्सप्रेस"}, []string{"financialexpress.com"}},
	{"Business Today", []string{"बिजनेस टुडे"}, []string{"businesstoday.in"}},
	{"BusinessLine", []string{"The Hindu BusinessLine", "Hindu BusinessLine"}, []string{"thehindubusinessline.com"}},
	{"WION", []string{"WION News"}, []string{"wionews.com"}},
	{"The News Minute", []string{"TNM"}, []string{"thenewsminute.com"}},
	{"Newslaundry", []string{"न्यूज़लॉन्ड्री"}, []string{"newslaundry.com"}},
	{"Down To Earth", []string{"डाउन टू अर्थ"}, []string{"downtoearth.org.in"}},
	{"The Hans India", []string{"Hans India"}, []string{"thehansindia.com"}},
	{"The Lallantop", []string{"Lallantop", "लल्लनटॉप", "दी लल्लनटॉप"}, []string{"thelallantop.com"}},
	{"ETV Bharat", []string{"ईटीवी भारत"}, []string{"etvbharat.com"}},
	{"News Nation", []string{"न्यूज नेशन"}, []string{"newsnationtv.com"}},
	{"News24", []string{"न्यूज24", "न्यूज 24"}, []string{"news24online.com"}},
	{"India.com", []string{"इंडिया डॉट कॉम"}, []string{"india.com"}},
	{"Greater Kashmir", nil, []string{"greaterkashmir.com"}},
	{"Kashmir Observer", nil, []string{"kashmirobserver.net"}},
	{"Sanmarg", []string{"सन्मार्ग"}, []string{"sanmarg.in"}},
	{"Prabhasakshi", []string{"प्रभासाक्षी"}, []string{"prabhasakshi.com"}},
	{"Dainik Savera", []string{"दैनिक सवेरा"}, []string{"dainiksaveratimes.com"}},
	{"Onmanorama", []string{"Malayala Manorama"}, []string{"onmanorama.com", "manoramaonline.com"}},
	{"Mathrubhumi", nil, []string{"mathrubhumi.com"}},
	{"Eenadu", nil, []string{"eenadu.net"}},
	{"The Assam Tribune", []string{"Assam Tribune"}, []string{"assamtribune.com"}},
	{"Northeast Now", nil, []string{"nenow.in"}},
	{"India Today", []string{"इंडिया टुडे"}, []string{"indiatoday.in"}},
	{"BBC Hindi", []string{"बीबीसी हिंदी", "बीबीसी हिन्दी", "BBC News Hindi", "बीबीसी न्यूज़ हिंदी", "बीबीसी न्यूज़, हिंदी", "बीबीसी न्यूज, हिंदी", "BBC News, हिंदी"}, []string{"bbc.com/hindi", "bbc.co.uk/hindi"}},
	{"BBC News", []string{"BBC", "बीबीसी"}, []string{"bbc.com", "bbc.co.uk"}},
	{"Sky News", []string{"स्काई न्यूज"}, []string{"news.sky.com"}},
	{"Patrika", []string{"पत्रिका", "राजस्थान पत्रिका", "Rajasthan Patrika"}, []string{"patrika.com"}},
	{"Punjab Kesari", []string{"पंजाब केसरी"}, []string{"punjabkesari.in"}},
	{"Haribhoomi", []string{"हरिभूमि"}, []string{"haribhoomi.com"}},
	{"Deshbandhu", []string{"देशबन्धु", "देशबंधु"}, []string{"deshbandhu.co.in"}},
	{"Navjivan", []string{"नवजीवन", "National Herald"}, []string{"navjivanindia.com"}},
	{"Dainik Tribune", []string{"दैनिक ट्रिब्यून"}, []string{"dainiktribuneonline.com"}},
	{"The Tribune", []string{"Tribune"}, []string{"tribuneindia.com"}},
	{"Webdunia", []string{"वेबदुनिया"}, []string{"webdunia.com"}},
	{"Oneindia", []string{"वनइंडिया", "Oneindia Hindi"}, []string{"oneindia.com"}},
	{"The Quint", []string{"द क्विंट", "Quint Hindi"}, []string{"thequint.com"}},
	{"ThePrint", []string{"The Print", "दिप्रिंट", "द प्रिंट"}, []string{"theprint.in"}},
	{"The Wire", []string{"द वायर"}, []string{"thewire.in"}},
	{"Scroll", []string{"Scroll.in"}, []string{"scroll.in"}},
	{"Firstpost", []string{"फर्स्टपोस्ट"}, []string{"firstpost.com"}},
	{"Business Standard", []string{"बिजनेस स्टैंडर्ड"}, []string{"business-standard.com"}},
	{"Mint", []string{"Livemint", "Live Mint", "मिंट"}, []string{"livemint.com"}},
	{"Deccan Herald", nil, []string{"deccanherald.com"}},
	{"The Statesman", nil, []string{"thestatesman.com"}},
	{"Outlook", []string{"आउटलुक", "Outlook India", "Outlook Hindi"}, []string{"outlookindia.com", "outlookhindi.com"}},
	{"Moneycontrol", []string{"मनीकंट्रोल"}, []string{"moneycontrol.com"}},
	{"Republic", []string{"Republic World", "रिपब्लिक भारत"}, []string{"republicworld.com"}},
	{"Times Now Navbharat", []string{"टाइम्स नाउ नवभारत", "TNN Navbharat"}, []string{"navbharat.timesnownews.com", "timesnowhindi.com"}},
	{"Times Now", []string{"टाइम्स नाउ"}, []string{"timesnownews.com"}},
	{"Zee Business", []string{"जी बिजनेस"}, []string{"zeebiz.com"}},
	{"DNA", []string{"DNA India"}, []string{"dnaindia.com"}},
	{"Dainik Navajyoti", []string{"दैनिक नवज्योति"}, []string{"dainiknavajyoti.com"}},
	{"Swadesh", []string{"स्वदेश"}, nil},
	{"Rashtriya Sahara", []string{"राष्ट्रीय सहारा"}, []string{"rashtriyasahara.com"}},
	{"DD News", []string{"डीडी न्यूज", "दूरदर्शन"}, []string{"ddnews.gov.in"}},
	{"All India Radio", []string{"आकाशवाणी", "AIR News", "News On AIR"}, []string{"newsonair.gov.in", "newsonair.com"}},
	{"DW Hindi", []string{"DW हिन्दी", "DW हिंदी", "डीडब्ल्यू हिन्दी", "डीडब्ल्यू हिंदी"}, []string{"dw.com/hi"}},
	{"Deutsche Welle", []string{"DW", "डॉयचे वेले", "डीडब्ल्यू"}, []string{"dw.com"}},
	{"Voice of America", []string{"VOA", "वॉयस ऑफ अमेरिका"}, []string{"voanews.com"}},
	{"CNN", []string{"सीएनएन"}, []string{"cnn.com"}},
	{"The Guardian", []string{"Guardian", "द गार्डियन"}, []string{"theguardian.com"}},
	{"The New York Times", []string{"New York Times", "NYT", "न्यूयॉर्क टाइम्स"}, []string{"nytimes.com"}},
	{"The Washington Post", []string{"Washington Post", "वाशिंगटन पोस्ट"}, []string{"washingtonpost.com"}},
	{"The Wall Street Journal", []string{"Wall Street Journal", "WSJ", "वॉल स्ट्रीट जर्नल"}, []string{"wsj.com"}},
	{"Financial Times", []string{"FT", "फाइनेंशियल टाइम्स"}, []string{"ft.com"}},
	{"Al Jazeera", []string{"अल जज़ीरा", "अल जजीरा"}, []string{"aljazeera.com"}},
	{"RT", []string{"Russia Today", "आरटी"}, []string{"rt.com"}},
	{"Dawn", []string{"डॉन"}, []string{"dawn.com"}},
	{"The Express Tribune", []string{"एक्सप्रेस ट्रिब्यून"}, []string{"tribune.com.pk"}},
	{"Global Times", []string{"ग्लोबल टाइम्स"}, []string{"globaltimes.cn"}},
	{"South China Morning Post", []string{"SCMP"}, []string{"scmp.com"}},
	{"France 24", []string{"फ्रांस 24"}, []string{"france24.com"}},
	{"Euronews", nil, []string{"euronews.com"}},
	{"NHK World", []string{"NHK"}, []string{"nhk.or.jp"}},
	{"ABC News", nil, []string{"abcnews.go.com", "abc.net.au"}},
	{"CBS News", nil, []string{"cbsnews.com"}},
	{"NBC News", nil, []string{"nbcnews.com"}},
	{"Khaleej Times", nil, []string{"khaleejtimes.com"}},
	{"The Kathmandu Post", []string{"Kathmandu Post"}, []string{"kathmandupost.com"}},
	{"The Daily Star", []string{"Daily Star"}, []string{"thedailystar.net"}},
	{"Dhaka Tribune", nil, []string{"dhakatribune.com"}},
	{"Geo News", []string{"जियो न्यूज"}, []string{"geo.tv"}},
	{"Daily Mirror", nil, []string{"dailymirror.lk"}},
	{"Nikkei Asia", []string{"Nikkei"}, []string{"asia.nikkei.com"}},
	{"Reuters", nil, []string{"reuters.com"}},
	{"AP News", []string{"AP"}, []string{"apnews.com"}},
	{"Bloomberg", nil, []string{"bloomberg.com"}},
	{"Xinhua", nil, []string{"xinhuanet.com", "news.cn"}},
	{"TASS", nil, []string{"tass.com", "tass.ru"}},
	{"Sputnik", nil, []string{"sputniknews.com"}},
}

// outletKey folds a name for lookup: lower case, no nukta, no leading "the",
// spaces collapsed, dots and hyphens dropped, a trailing "हिंदी" read as
// "hindi" (a site names its Hindi edition in either script: "News18
// हिंदी").
func outletKey(s string) string {
	k := agencyKey(strings.TrimSpace(s))
	k = strings.TrimPrefix(k, "the ")
	for _, h := range []string{" हिंदी", " हिन्दी"} {
		if t, ok := strings.CutSuffix(k, h); ok {
			k = t + " hindi"
		}
	}
	return strings.TrimSuffix(k, " news")
}

var outletNames = func() map[string]string {
	m := map[string]string{}
	for _, o := range outletTable {
		m[outletKey(o.name)] = o.name
		for _, n := range o.names {
			m[outletKey(n)] = o.name
		}
	}
	return m
}()

// outletSuffixes are dropped from a name before lookup: "aajtak.in",
// "नवभारतटाइम्स.कॉम".
var outletSuffixes = []string{".कॉम", ".com", ".in", ".co.in", " डॉट कॉम", " dot com"}

// Outlet returns the English name of the outlet s names ("लोकमत हिन्दी" →
// "Lokmat Hindi", "www.jagran.com" → "Dainik Jagran"), or "" when s names
// no outlet the table knows.
func Outlet(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if n := outletNames[outletKey(s)]; n != "" {
		return n
	}
	for _, suf := range outletSuffixes {
		if t, ok := strings.CutSuffix(strings.ToLower(s), suf); ok && t != "" {
			if n := outletNames[outletKey(t)]; n != "" {
				return n
			}
		}
	}
	if strings.Contains(s, ".") && !strings.Contains(s, " ") {
		return OutletByURL(s)
	}
	return ""
}

// Host returns the lower-case host of a URL (or of a bare host name),
// without "www.", or "".
func Host(u string) string {
	h, _ := hostPath(u)
	return h
}

// hostPath returns the lower-case host of a URL (or of a bare host name),
// without "www.", and its lower-case path; "" when u has no host.
func hostPath(u string) (host, path string) {
	u = strings.TrimSpace(u)
	if u == "" {
		return "", ""
	}
	if !strings.Contains(u, "://") {
		u = "http://" + u
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return "", ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www."), strings.ToLower(p.Path)
}

// OutletByURL returns the English name of the outlet publishing at the URL
// or host u, or "".
func OutletByURL(u string) string {
	host, path := hostPath(u)
	if host == "" {
		return ""
	}
	best, bestLen := "", 0
	for _, o := range outletTable {
		for _, h := range o.hosts {
			hh, hp, _ := strings.Cut(h, "/")
			if host != hh && !strings.HasSuffix(host, "."+hh) {
				continue
			}
			if hp != "" && !strings.HasPrefix(strings.TrimPrefix(path, "/"), hp) {
				continue
			}
			if len(h) > bestLen {
				best, bestLen = o.name, len(h)
			}
		}
	}
	return best
}

// outletWords mark a name as an outlet's even when the table does not know
// it ("Lokjeewan Daily", "Rajdhani Samachar").
var outletWords = map[string]bool{
	"daily": true, "times": true, "news": true, "express": true, "post": true, "herald": true,
	"tribune": true, "chronicle": true, "samachar": true, "khabar": true, "today": true,
	"patrika": true, "kesari": true, "tv": true, "media": true, "gazette": true, "journal": true,
	"dainik": true, "weekly": true, "live": true, "online": true, "digital": true, "bulletin": true,
	"दैनिक": true, "समाचार": true, "टाइम्स": true, "न्यूज": true, "पत्रिका": true, "खबर": true,
}

// outletLike reports whether name reads as a publication's name.
func outletLike(name string) bool {
	for _, w := range splitWords(name) {
		if outletWords[w.text] {
			return true
		}
	}
	return false
}

// FindOutlets returns the outlets the table knows that text names, in
// order. It is meant for short texts: disclaimers, copyright lines,
// promotions.
func FindOutlets(text string) []string { return findOutlets(text) }

func findOutlets(text string) []string {
	ws := splitWords(text)
	var out []string
	for i := 0; i < len(ws); i++ {
		for n := min(4, len(ws)-i); n >= 1; n-- {
			if n > 1 && !closeRun(text, ws[i:i+n]) {
				continue
			}
			raw := text[ws[i].start:ws[i+n-1].end]
			name := outletNames[outletKey(raw)]
			if name == "" {
				continue
			}
			// Short Latin abbreviations ("HT", "ET", "FT") only in capitals.
			if !capsOK(raw) {
				continue
			}
			out = append(out, name)
			i += n - 1
			break
		}
	}
	return out
}

// Lead kinds.
const (
	LeadAgency = "agency"
	LeadOutlet = "outlet"
)

// deskTail are words that may follow an outlet's or agency's name in a
// credit: "TOI City Desk", "The Hindu Bureau", "हिन्दुस्तान टीम", "जनसत्ता
// ऑनलाइन", "Prabhat Khabar Digital Desk".
var deskTail = map[string]bool{
	"desk": true, "bureau": true, "team": true, "online": true, "digital": true, "web": true,
	"city": true, "news": true, "service": true, "network": true, "staff": true, "correspondent": true,
	"डेस्क": true, "ब्यूरो": true, "टीम": true, "ऑनलाइन": true, "डिजिटल": true, "वेब": true,
	"संवाददाता": true, "न्यूज": true, "नेटवर्क": true, "प्रतिनिधि": true, "tnn": true, "hindi": true, "हिंदी": true,
}

// LeadName reads a short credit that is an agency's or an outlet's name,
// optionally followed by desk words and a place: "Press Trust of India New
// Delhi", "TOI City Desk", "आजतक ब्यूरो", "The Hindu Bureau". It returns
// the kind (LeadAgency or LeadOutlet), the canonical name and whether the
// rest was only desk words (a desk credit rather than a bare name).
func LeadName(s string) (kind, name string, desk, ok bool) {
	s = strings.Trim(strings.TrimSpace(s), "()[]-–—:.,|।")
	ws := splitWords(s)
	if len(ws) == 0 || len(ws) > 8 {
		return "", "", false, false
	}
	for n := len(ws); n >= 1; n-- {
		head := s[ws[0].start:ws[n-1].end]
		k, nm := "", ""
		if a := Agency(head); a != "" && capsOK(head) {
			k, nm = LeadAgency, a
		} else if o := Outlet(head); o != "" && capsOK(head) {
			k, nm = LeadOutlet, o
		}
		if k == "" {
			continue
		}
		// The rest: desk words, then at most a place.
		rest := ws[n:]
		d := false
		i := 0
		for i < len(rest) && deskTail[rest[i].text] {
			i++
			d = true
		}
		if i < len(rest) {
			tail := s[rest[i].start:rest[len(rest)-1].end]
			if Place(tail) == "" {
				return "", "", false, false
			}
		}
		return k, nm, d, true
	}
	return "", "", false, false
}

// outletZones are the home zones of outlets outside India whose pages
// print clock times without a zone.
var outletZones = map[string]string{
	"DW Hindi": "Europe/Berlin", "Deutsche Welle": "Europe/Berlin", "BBC News": "Europe/London", "Sky News": "Europe/London",
	"The Guardian": "Europe/London", "Financial Times": "Europe/London", "Reuters": "Europe/London",
	"France 24": "Europe/Paris", "Euronews": "Europe/Paris", "RT": "Europe/Moscow", "TASS": "Europe/Moscow",
	"Sputnik": "Europe/Moscow", "CNN": "America/New_York", "Voice of America": "America/New_York",
	"The New York Times": "America/New_York", "The Washington Post": "America/New_York",
	"The Wall Street Journal": "America/New_York", "AP News": "America/New_York", "Bloomberg": "America/New_York",
	"ABC News": "America/New_York", "CBS News": "America/New_York", "NBC News": "America/New_York",
	"Al Jazeera": "Asia/Qatar", "Dawn": "Asia/Karachi", "The Express Tribune": "Asia/Karachi",
	"Geo News": "Asia/Karachi", "Global Times": "Asia/Shanghai", "Xinhua": "Asia/Shanghai",
	"South China Morning Post": "Asia/Hong_Kong", "NHK World": "Asia/Tokyo", "Nikkei Asia": "Asia/Tokyo",
	"Khaleej Times": "Asia/Dubai", "The Kathmandu Post": "Asia/Kathmandu", "The Daily Star": "Asia/Dhaka",
	"Dhaka Tribune": "Asia/Dhaka", "Daily Mirror": "Asia/Colombo",
}

var (
	zonesOnce sync.Once
	zones     map[string]*time.Location
)

// OutletZone is the home zone of the outlet named (its English name), or
// nil for Indian outlets and unknown ones.
func OutletZone(name string) *time.Location {
	zonesOnce.Do(func() {
		zones = make(map[string]*time.Location, len(outletZones))
		for n, z := range outletZones {
			if loc, err := time.LoadLocation(z); err == nil {
				zones[n] = loc
			}
		}
	})
	return zones[name]
}
