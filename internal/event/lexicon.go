package event

import (
	"strings"
	"unicode/utf8"

	"khabar/internal/news"
	"khabar/internal/normalize"
)

// Event types.
const (
	Agree     = "AGREE"
	Consult   = "CONSULT"
	Support   = "SUPPORT"
	Concede   = "CONCEDE"
	Cooperate = "COOPERATE"
	Aid       = "AID"
	Retreat   = "RETREAT"
	Request   = "REQUEST"
	Accuse    = "ACCUSE"
	Reject    = "REJECT"
	Threaten  = "THREATEN"
	Protest   = "PROTEST"
	Sanction  = "SANCTION"
	Mobilize  = "MOBILIZE"
	Coerce    = "COERCE"
	Assault   = "ASSAULT"
	Disaster  = "DISASTER"
	Accident  = "ACCIDENT"
)

// Modalities of an event mention.
const (
	Asserted     = news.ModalityAsserted
	Negated      = news.ModalityNegated
	Future       = news.ModalityFuture
	Hypothetical = news.ModalityHypothetical
)

// subtypeType maps each hazard or hostile subtype to its event type.
var subtypeType = map[string]string{
	"EARTHQUAKE": Disaster, "FLOODS": Disaster, "CYCLONE": Disaster, "STORM": Disaster,
	"TORNADO": Disaster, "HURRICANE": Disaster, "LAND_SLIDE": Disaster, "AVALANCHES": Disaster,
	"VOLCANO": Disaster, "HEAT_WAVE": Disaster, "COLD_WAVE": Disaster, "HAIL_STORMS": Disaster,
	"BLIZZARD": Disaster, "DROUGHT": Disaster, "FOREST_FIRE": Disaster, "TSUNAMI": Disaster,
	"FIRE": Accident, "VEHICULAR_COLLISION": Accident, "TRAIN_COLLISION": Accident,
	"AVIATION_HAZARD": Accident, "TRANSPORT_HAZARDS": Accident, "INDUSTRIAL_ACCIDENT": Accident,
	"TERRORIST_ATTACK": Assault, "SUICIDE_ATTACK": Assault, "SHOOT_OUT": Assault,
	"NORMAL_BOMBING": Assault, "ARMED_CONFLICTS": Assault, "RIOTS": Protest,
	// COLLAPSE (a building, a bridge) is not a FIRE-2018 subtype.
	"COLLAPSE": Accident,
}

// families are the subtypes a general word may take, the first being the
// default when nothing around it tells ("" = no event without a clue).
var families = map[string][]string{
	"incident":  {""},
	"attack":    {"", "TERRORIST_ATTACK", "SUICIDE_ATTACK", "SHOOT_OUT", "NORMAL_BOMBING", "ARMED_CONFLICTS", "RIOTS"},
	"blast":     {"NORMAL_BOMBING", "SUICIDE_ATTACK", "TERRORIST_ATTACK", "INDUSTRIAL_ACCIDENT", "VOLCANO"},
	"fire":      {"FIRE", "FOREST_FIRE", "INDUSTRIAL_ACCIDENT", "AVIATION_HAZARD"},
	"storm":     {"STORM", "CYCLONE", "HURRICANE", "TORNADO", "BLIZZARD"},
	"cold":      {"", "COLD_WAVE", "BLIZZARD"},
	"heat":      {"", "HEAT_WAVE"},
	"quake":     {"", "EARTHQUAKE"},
	"collide":   {"VEHICULAR_COLLISION", "TRAIN_COLLISION", "AVIATION_HAZARD", "TRANSPORT_HAZARDS"},
	"derail":    {"TRAIN_COLLISION", "TRANSPORT_HAZARDS"},
	"crash":     {"", "AVIATION_HAZARD", "VEHICULAR_COLLISION", "TRAIN_COLLISION", "TRANSPORT_HAZARDS"},
	"overturn":  {"", "TRANSPORT_HAZARDS", "VEHICULAR_COLLISION", "AVIATION_HAZARD"},
	"shoot":     {"SHOOT_OUT", "ARMED_CONFLICTS", "RIOTS", "TERRORIST_ATTACK"},
	"encounter": {"ARMED_CONFLICTS", "SHOOT_OUT"},
	"clash":     {"RIOTS", "ARMED_CONFLICTS"},
	"collapse":  {"", "COLLAPSE", "INDUSTRIAL_ACCIDENT", "LAND_SLIDE"},
	"arson":     {"FIRE", "RIOTS", "FOREST_FIRE"},
	"erupt":     {"", "VOLCANO", "INDUSTRIAL_ACCIDENT"},
}

// triggerTable lists trigger phrases: words separated by spaces (a word
// ending in "*" matches any word it begins), a tab, and what the phrase
// names: a subtype, "@family", or a PLOVER type after "+". A "!" after a
// PLOVER type means the trigger needs a participant next to it, a "~"
// that it needs a verb after it.
const triggerTable = `
भूकंप*	EARTHQUAKE
भूकम्प*	EARTHQUAKE
भूंकप	EARTHQUAKE
earthquake*	EARTHQUAKE
quake*	EARTHQUAKE
भूकंप* के झटक*	EARTHQUAKE
भूकंप* के _ झटक*	EARTHQUAKE
भूकम्प* के झटक*	EARTHQUAKE
भूकम्प* के _ झटक*	EARTHQUAKE
आंधी - तूफान*	STORM
आंधी तूफान*	STORM
झटके	@quake
झटकों	@quake
बाढ़*	FLOODS
बाढ	FLOODS
जलप्रलय	FLOODS
सैलाब	FLOODS
flood*	FLOODS
भूस्खलन*	LAND_SLIDE
भू - स्खलन	LAND_SLIDE
भूधंसाव	LAND_SLIDE
landslide*	LAND_SLIDE
हिमस्खलन*	AVALANCHES
ग्लेशियर की चपेट	AVALANCHES
ग्लेशियर टूट*	AVALANCHES
हिम - स्खलन*	AVALANCHES
हिम्सखलन	AVALANCHES
हिमसख्लन	AVALANCHES
हिमस्ख्लन	AVALANCHES
एवलांच	AVALANCHES
एवलॉन्च	AVALANCHES
avalanche*	AVALANCHES
ज्वालामुखी फट*	VOLCANO
ज्वालामुखी विस्फोट*	VOLCANO
ज्वालामुखी में विस्फोट*	VOLCANO
ज्वालामुखी सक्रिय	VOLCANO
ज्वालामुखी से लावा	VOLCANO
फट पड़ा ज्वालामुखी	VOLCANO
फट*	@erupt
volcanic eruption*	VOLCANO
eruption*	VOLCANO
चक्रवात*	CYCLONE
चक्रवाती तूफान	CYCLONE
चक्रवर्ती तूफान	CYCLONE
cyclone*	CYCLONE
हरिकेन	HURRICANE
hurricane*	HURRICANE
बवंडर*	TORNADO
बंवडर*	TORNADO
ववंडर	TORNADO
टोर्नेडो	TORNADO
टोरनेडो	TORNADO
tornado*	TORNADO
बर्फीले तूफान	BLIZZARD
बर्फीला तूफान	BLIZZARD
ब्लिजर्ड	BLIZZARD
blizzard*	BLIZZARD
तूफान*	@storm
तूफ़ान*	@storm
महातूफान	@storm
आंधी*	STORM
अंधड़	STORM
storm*	@storm
शीतलहर*	COLD_WAVE
शीत लहर	COLD_WAVE
कोल्ड वेव	COLD_WAVE
cold wave	COLD_WAVE
सर्द हवा*	COLD_WAVE
बर्फीली हवा*	COLD_WAVE
ठंडी हवा*	COLD_WAVE
लू	HEAT_WAVE
हीटवेव	HEAT_WAVE
हीट - वेव	HEAT_WAVE
heat wave*	HEAT_WAVE
heatwave*	HEAT_WAVE
गर्म हवा*	HEAT_WAVE
गर्मी	@heat
ओलावृष्टि*	HAIL_STORMS
ओले	HAIL_STORMS
ओलों	HAIL_STORMS
hail*	HAIL_STORMS
सूखा	DROUGHT
सूखे	@incident
drought*	DROUGHT
सुनामी	TSUNAMI
tsunami*	TSUNAMI
जंगल की आग	FOREST_FIRE
जंगलों की आग	FOREST_FIRE
जंगल में लगी आग	FOREST_FIRE
जंगलों में लगी आग	FOREST_FIRE
जंगलों में आग	FOREST_FIRE
वनों की आग	FOREST_FIRE
वनाग्नि	FOREST_FIRE
दावानल	FOREST_FIRE
wildfire*	FOREST_FIRE
forest fire*	FOREST_FIRE
आग	@fire
अग्निकांड	@fire
अगलगी	@fire
आगजनी	@arson
fire	@fire
fires	@fire
blaze	@fire
विस्फोट|विस्फोटों	@blast
विस्फोट	@blast
धमाका	@blast
धमाके	@blast
धमाकों	@blast
धमाको	@blast
ब्लास्ट	@blast
explosion*	@blast
blast*	@blast
आत्मघाती हमला|हमले|हमलों	SUICIDE_ATTACK
आत्मघाती बम धमाक*	SUICIDE_ATTACK
आत्मघाती बम विस्फोट|विस्फोटों	SUICIDE_ATTACK
आत्मघाती विस्फोट|विस्फोटों	SUICIDE_ATTACK
आत्मघाती धमाक*	SUICIDE_ATTACK
फिदायीन हमला|हमले|हमलों	SUICIDE_ATTACK
सुसाइड ब्लास्ट	SUICIDE_ATTACK
खुद को उड़ा*	SUICIDE_ATTACK
खुद को _ उड़ा*	SUICIDE_ATTACK
खुद को _ _ उड़ा*	SUICIDE_ATTACK
blew himself up	SUICIDE_ATTACK
सुसाइड अटैक	SUICIDE_ATTACK
suicide attack*	SUICIDE_ATTACK
suicide bomb*	SUICIDE_ATTACK
आतंकी हमला|हमले|हमलों	TERRORIST_ATTACK
आतंकवादी हमला|हमले|हमलों	TERRORIST_ATTACK
आंतकवादी हमला|हमले|हमलों	TERRORIST_ATTACK
नक्सली हमला|हमले|हमलों	TERRORIST_ATTACK
terror attack*	TERRORIST_ATTACK
terrorist attack*	TERRORIST_ATTACK
बम विस्फोट|विस्फोटों	NORMAL_BOMBING
बम धमाक*	NORMAL_BOMBING
बम फट*	NORMAL_BOMBING
बम ब्लास्ट	@blast
बमबाजी	RIOTS
हमला	@attack
हमले	@attack
हमलों	@attack
अटैक	@attack
attack	@attack
attacks	@attack
attacked	@attack
आक्रमण	@attack
invasion	@attack
invaded	@attack
बमबारी	+ASSAULT
airstrike*	+ASSAULT
shelling	+ASSAULT
गोलीबारी	@shoot
फायरिंग	@shoot
गोलीकांड	SHOOT_OUT
हत्याकांड	@shoot
शूटआउट	SHOOT_OUT
गोली मार*	SHOOT_OUT
गोली दाग*	SHOOT_OUT
गोलियां दाग*	SHOOT_OUT
गोलियां मार*	SHOOT_OUT
गोलियों से भून*	SHOOT_OUT
गोली चला*	@shoot
गोलियां चल*	@shoot
गोलियां चला*	@shoot
shooting	@shoot
shootout	SHOOT_OUT
gunfire	@shoot
मुठभेड़*	@encounter
एनकाउंटर	@encounter
encounter	@encounter
gunfight	@encounter
झड़प*	@clash
सांप्रदायिक टकराव	RIOTS
गुटों में टकराव	RIOTS
गुटों के बीच टकराव	RIOTS
समुदायों के बीच टकराव	RIOTS
clash*	@clash
युद्ध	+ASSAULT
हिंसा	RIOTS
हिंसक झड़प*	RIOTS
दंगा	RIOTS
दंगे	RIOTS
दंगों	RIOTS
पथराव	RIOTS
पत्थरबाजी	RIOTS
उपद्रव	RIOTS
बवाल	RIOTS
तोड़फोड़	RIOTS
riot*	RIOTS
टक्कर	@collide
टकरा|टकराई|टकराया|टकराए|टकराने|टकराकर|टकराती|टकराता|टकरायी|टकराये|टकराईं|टकराते	@collide
भिड़ंत	@collide
भिड़त	@collide
collision*	@collide
collided	@collide
सड़क हादस*	VEHICULAR_COLLISION
सड़क दुर्घटना*	VEHICULAR_COLLISION
मार्ग दुर्घटना	VEHICULAR_COLLISION
road accident*	VEHICULAR_COLLISION
रेल हादस*	TRAIN_COLLISION
रेल दुर्घटना*	TRAIN_COLLISION
ट्रेन हादस*	TRAIN_COLLISION
ट्रेन दुर्घटना*	TRAIN_COLLISION
पटरी से उतर*	@derail
बेपटरी	@derail
डिरेल*	@derail
डी - रेल	@derail
derail*	@derail
विमान हादस*	AVIATION_HAZARD
विमान दुर्घटना*	AVIATION_HAZARD
हवाई हादस*	AVIATION_HAZARD
प्लेन क्रैश	AVIATION_HAZARD
plane crash*	AVIATION_HAZARD
क्रैश	@crash
दुर्घटनाग्रस्त	@crash
crash*	@crash
नाव पलट*	TRANSPORT_HAZARDS
नौका दुर्घटना*	TRANSPORT_HAZARDS
नौका पलट*	TRANSPORT_HAZARDS
पलट गई	@overturn
पलट गया	@overturn
पलट गए	@overturn
capsiz*	TRANSPORT_HAZARDS
गैस रिसाव	INDUSTRIAL_ACCIDENT
गैस का रिसाव	INDUSTRIAL_ACCIDENT
अमोनिया|क्लोरीन|रसायन|केमिकल का रिसाव	INDUSTRIAL_ACCIDENT
अमोनिया|क्लोरीन रिसाव|लीक*	INDUSTRIAL_ACCIDENT
गैस लीक*	INDUSTRIAL_ACCIDENT
बॉयलर फट*	INDUSTRIAL_ACCIDENT
बायलर फट*	INDUSTRIAL_ACCIDENT
औद्योगिक दुर्घटना*	INDUSTRIAL_ACCIDENT
ढह*	@collapse
collaps*	@collapse
हादसा	@incident
हादसे	@incident
दुर्घटना	@incident
एक्सीडेंट	@incident
एक्सिडेंट	@incident
घटना	@incident
वारदात	@incident
accident*	@incident
incident*	@incident
tragedy	@incident
mishap	@incident
मुलाकात	+CONSULT
मुलाकातों	+CONSULT
बैठक	+CONSULT
बैठकें	+CONSULT
वार्ता	+CONSULT
बातचीत	+CONSULT
शिखर सम्मेलन	+CONSULT
शिखर वार्ता	+CONSULT
फोन कॉल	+CONSULT
मिले	+CONSULT!
मिलेंगे	+CONSULT!
मिलने	+CONSULT!
मिलेंगी	+CONSULT!
दौरा	+CONSULT!
दौरे	+CONSULT!
met	+CONSULT!
meet	+CONSULT!
meets	+CONSULT!
meeting*	+CONSULT
talks	+CONSULT
summit*	+CONSULT
visit*	+CONSULT!
phone call*	+CONSULT
समझौता	+AGREE~
समझौते	+AGREE~
सहमति	+AGREE~
सहमत	+AGREE
राजी	+AGREE
पेशकश	+AGREE
प्रस्ताव	+AGREE!
प्रस्ताव दिया|दी|दिए|रखा|रखी	+AGREE
वादा	+AGREE
agree*	+AGREE
offer*	+AGREE
deal	+AGREE
समर्थन	+SUPPORT
सराहना	+SUPPORT
प्रशंसा	+SUPPORT
बधाई	+SUPPORT
support*	+SUPPORT
praise*	+SUPPORT
welcom*	+SUPPORT
माफी	+CONCEDE
रिहा	+CONCEDE
रिहाई	+CONCEDE
apolog*	+CONCEDE
released	+CONCEDE
सहयोग	+COOPERATE
cooperat*	+COOPERATE
सहायता	+AID
मदद	+AID
राहत सामग्री	+AID
मुआवजा	+AID
मुआवजे	+AID
aid	+AID
assistance	+AID
पीछे हट*	+RETREAT
withdr*	+RETREAT
retreat*	+RETREAT
अपील	+REQUEST
मांग	+REQUEST
आग्रह	+REQUEST
अनुरोध	+REQUEST
request*	+REQUEST
appeal*	+REQUEST
urge*	+REQUEST
demand*	+REQUEST
आरोप	+ACCUSE
निंदा	+ACCUSE
आलोचना	+ACCUSE
accus*	+ACCUSE
criticis*	+ACCUSE
criticiz*	+ACCUSE
condemn*	+ACCUSE
blame*	+ACCUSE
इनकार	+REJECT
इंकार	+REJECT
खारिज	+REJECT
रद्द	+REJECT
ठुकरा*	+REJECT
अस्वीकार	+REJECT
वीटो	+REJECT
refus*	+REJECT
reject*	+REJECT
cancel*	+REJECT
veto*	+REJECT
धमकी	+THREATEN
चेतावनी	+THREATEN
threat*	+THREATEN
warn*	+THREATEN
प्रदर्शन	+PROTEST
धरना	+PROTEST
धरने	+PROTEST
हड़ताल	+PROTEST
protest*	+PROTEST
demonstration*	+PROTEST
प्रतिबंध	+SANCTION
वापस बुला*	+SANCTION
निष्कासित	+SANCTION
निष्कासन	+SANCTION
sanction*	+SANCTION
embargo*	+SANCTION
expel*	+SANCTION
recalled	+SANCTION
तैनात	+MOBILIZE
तैनाती	+MOBILIZE
mobiliz*	+MOBILIZE
deploy*	+MOBILIZE
गिरफ्तार	+COERCE
गिरफ्तारी	+COERCE
हिरासत	+COERCE
जब्त	+COERCE
कर्फ्यू	+COERCE
arrest*	+COERCE
detain*	+COERCE
seiz*	+COERCE
हत्या	+ASSAULT
अपहरण	+ASSAULT
murder*	+ASSAULT
kidnap*	+ASSAULT
`

// cueTable lists words that point to a subtype when they stand near a
// general trigger ("ट्रेन" near "हादसा"), with a tab and the subtype.
const cueTable = `
आत्मघाती फिदायीन सुसाइड suicide	SUICIDE_ATTACK
आतंकी आतंकवादी आतंकवाद आतंकियों आतंकवादियों नक्सली उग्रवादी तालिबान आईएसआईएस terrorist terrorists militants	TERRORIST_ATTACK
बम bomb	NORMAL_BOMBING
गोली गोलियां गोलियों फायरिंग गोलीबारी बदमाश बदमाशों शूटर हत्या पिस्तौल gunmen shot	SHOOT_OUT
मुठभेड़ सेना जवान जवानों सुरक्षाबल सुरक्षाबलों army soldiers troops	ARMED_CONFLICTS
हिंसा दंगा दंगे सांप्रदायिक उपद्रव उपद्रवियों पथराव पत्थरबाजी तोड़फोड़ भीड़ बवाल कर्फ्यू riot mob	RIOTS
सड़क कार ट्रक बस बाइक जीप वाहन वाहनों ट्रैक्टर ऑटो स्कूटी मोटरसाइकिल चालक हाईवे car truck bus	VEHICULAR_COLLISION
ट्रेन रेल एक्सप्रेस पटरी डिब्बे कोच रेलवे डिरेल train railway	TRAIN_COLLISION
विमान प्लेन हेलीकॉप्टर उड़ान रनवे एयरलाइंस पायलट क्रैश plane aircraft helicopter flight	AVIATION_HAZARD
नाव नौका जहाज खाई boat ferry ship	TRANSPORT_HAZARDS
फैक्ट्री फैक्टरी कारखाना कारखाने प्लांट बॉयलर मजदूर मजदूरों पटाखा पटाखे खदान निर्माणाधीन केमिकल रसायन factory plant workers chemical	INDUSTRIAL_ACCIDENT
दुकान दुकानों गोदाम मकान झोपड़ी shop house	FIRE
जंगल जंगलों वन वनों वनाग्नि forest	FOREST_FIRE
भूकंप रिक्टर तीव्रता earthquake	EARTHQUAKE
बाढ़ जलस्तर flood	FLOODS
चक्रवात चक्रवाती समुद्री लैंडफॉल ओडिशा तटीय cyclone	CYCLONE
हरिकेन अमेरिका अमरीका फ्लोरिडा कैरोलिना टेक्सास कैरेबियन अटलांटिक hurricane	HURRICANE
बवंडर टोर्नेडो tornado	TORNADO
आंधी अंधड़ storm	STORM
बर्फीला बर्फीले बर्फबारी हिमपात blizzard snowstorm	BLIZZARD
शीतलहर ठंड कोहरा सर्दी शीत cold	COLD_WAVE
लू गर्मी तापमान पारा heat	HEAT_WAVE
ओले ओलावृष्टि hail	HAIL_STORMS
भूस्खलन मलबा मलबे पहाड़ी चट्टान landslide	LAND_SLIDE
मकान इमारत भवन दीवार पुल छत बिल्डिंग building bridge wall roof	COLLAPSE
हिमस्खलन एवलांच ग्लेशियर avalanche	AVALANCHES
ज्वालामुखी लावा volcano	VOLCANO
सूखा drought	DROUGHT
`

// trigger is one parsed trigger phrase.
type trigger struct {
	// words are the phrase's words, folded; each word is a list of
	// alternatives, and an alternative ending in "*" matches a prefix.
	words  [][]string
	sub    string // subtype, or "" for a PLOVER trigger or a family
	family string
	plover string
	// needsParty is true for triggers that name an event only with a
	// participant next to them ("मिले", "प्रस्ताव").
	needsParty bool
	// needsVerb is true for nouns that name an event only with a verb
	// after them ("समझौता हुआ", not "समझौते की समस्या").
	needsVerb bool
}

// lexicon holds the parsed tables. Read-only.
type lexicon struct {
	byFirst map[string][]trigger // exact first word
	byStem  map[rune][]trigger   // first word is a prefix pattern, by its first letter
	cues    map[string]string
	words   map[string]map[string]bool
}

var lex = buildLexicon()

func foldWord(w string) string {
	star := strings.HasSuffix(w, "*")
	raw := strings.TrimSuffix(w, "*")
	w = normalize.Fold(raw)
	if w == "" {
		// Punctuation ("-" in "भू - स्खलन") is matched as it is written.
		w = raw
	}
	if star {
		w += "*"
	}
	return w
}

func buildLexicon() *lexicon {
	l := &lexicon{byFirst: map[string][]trigger{}, byStem: map[rune][]trigger{}, cues: map[string]string{}, words: map[string]map[string]bool{}}
	for _, line := range strings.Split(triggerTable, "\n") {
		pat, target, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		var t trigger
		for _, w := range strings.Fields(pat) {
			var alts []string
			for _, a := range strings.Split(w, "|") {
				alts = append(alts, foldWord(a))
			}
			t.words = append(t.words, alts)
		}
		switch {
		case strings.HasPrefix(target, "@"):
			t.family = target[1:]
		case strings.HasPrefix(target, "+"):
			t.plover = strings.TrimRight(target[1:], "!~")
			t.needsParty = strings.HasSuffix(target, "!")
			t.needsVerb = strings.HasSuffix(target, "~")
		default:
			t.sub = target
		}
		for _, first := range t.words[0] {
			if strings.HasSuffix(first, "*") {
				r, _ := utf8.DecodeRuneInString(first)
				l.byStem[r] = append(l.byStem[r], t)
			} else {
				l.byFirst[first] = append(l.byFirst[first], t)
			}
		}
	}
	// Longest phrases first.
	for k, ts := range l.byFirst {
		sortByLen(ts)
		l.byFirst[k] = ts
	}
	for r, ts := range l.byStem {
		sortByLen(ts)
		l.byStem[r] = ts
	}
	for _, line := range strings.Split(cueTable, "\n") {
		ws, sub, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		for _, w := range strings.Fields(ws) {
			l.cues[normalize.Fold(w)] = sub
		}
	}
	for name, ws := range map[string]string{
		"neg":       "नहीं नही न ना मत बिना not no never without",
		"hypo":      "संभव संभावना सकता सकती सकते सकेंगे अगर यदि चाहिए आशंका खतरा खतरे अलर्ट would could may might if possible likely proposed प्रस्तावित जिक्र उल्लेख",
		"fut":       "होगा होगी होंगे होंगी will shall आगामी प्रस्तावित",
		"cancel":    "रद्द इनकार इंकार खारिज स्थगित टल टाल cancelled canceled postponed",
		"anaphor":   "इस उस यह वह इन उन ये वे इसी उसी the this that these those such",
		"killed":    "मौत मौतें मौतों मारे मारा मृत मृतकों शव मृत्यु मरे शहीद killed killing kills dead died deaths",
		"injured":   "घायल घायलों जख्मी जख्मियों चोटिल झुलस झुलसे झुलसी झुलसकर injured injuring wounded wounding hurt",
		"persons":   "लोग लोगों व्यक्ति व्यक्तियों यात्री यात्रियों बच्चे बच्चों बच्चा महिला महिलाओं पुरुष जवान जवानों पुलिसकर्मी पुलिसकर्मियों मजदूर मजदूरों श्रद्धालु श्रद्धालुओं छात्र छात्रों नागरिक नागरिकों सदस्य सदस्यों युवक युवकों किसान किसानों अन्य people persons children civilians soldiers",
		"parties":   "नेता नेताओं देश देशों पक्ष पक्षों",
		"verbs":     "है हैं था थे थी हुआ हुई हुए किया किए की गया गई गए रहा रही रहे",
		"violence":  "हिंसा दंगे दंगों उपद्रव नफरत",
		"clauseEnd": "कि लेकिन हालांकि जबकि मगर परंतु किंतु वहीं that but while although",
	} {
		m := map[string]bool{}
		for _, w := range strings.Fields(ws) {
			m[normalize.Fold(w)] = true
		}
		l.words[name] = m
	}
	return l
}

func sortByLen(ts []trigger) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && len(ts[j].words) > len(ts[j-1].words); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// is reports whether folded word w is in the named word list.
func is(list, w string) bool { return lex.words[list][w] }
