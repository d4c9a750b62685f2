package entity

import (
	"strings"
	"unicode"
)

// connector words may sit inside a Latin name between capitalised words.
var connector = map[string]bool{
	"of": true, "the": true, "for": true, "and": true, "de": true, "da": true, "van": true,
	"von": true, "bin": true, "al": true, "&": true, "on": true, "del": true, "la": true, "der": true,
}

// particles are the lower-case parts of personal names, two of which may
// stand together ("von der", "van den", "bin al").
var particles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "da": true, "del": true, "la": true,
	"bin": true, "ibn": true, "al": true, "el": true,
}

// englishTitles before a name say it names a person.
var englishTitles = map[string]bool{
	"president": true, "minister": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "secretary": true,
	"chancellor": true, "king": true, "queen": true, "pope": true, "general": true, "gen": true,
	"sen": true, "senator": true, "governor": true, "judge": true, "justice": true, "leader": true,
	"ceo": true, "chief": true, "ambassador": true, "envoy": true, "premier": true, "prince": true,
	"princess": true, "sheikh": true, "colonel": true, "captain": true, "prof": true, "professor": true,
	"rep": true, "lawmaker": true, "mayor": true, "chairman": true, "chairperson": true, "director": true,
	"adviser": true, "advisor": true, "commissioner": true, "actor": true, "actress": true, "coach": true,
	"counterpart": true, "shri": true, "smt": true,
}

// orgHeads end the names of organisations.
var orgHeads = map[string]bool{
	"ministry": true, "party": true, "bank": true, "university": true, "council": true,
	"commission": true, "court": true, "corporation": true, "company": true, "inc": true,
	"ltd": true, "limited": true, "agency": true, "association": true, "organisation": true,
	"organization": true, "committee": true, "department": true, "union": true, "institute": true,
	"army": true, "navy": true, "force": true, "police": true, "group": true, "news": true, "times": true,
	"post": true, "federation": true, "league": true, "fund": true, "board": true, "authority": true,
	"office": true, "assembly": true, "parliament": true, "senate": true, "congress": true,
	"foundation": true, "trust": true, "society": true, "club": true, "airlines": true, "airways": true,
	"bureau": true, "service": true, "network": true, "alliance": true, "front": true, "forum": true,
	"media": true, "press": true, "television": true, "tv": true, "radio": true, "school": true,
	"college": true, "hospital": true, "directorate": true, "secretariat": true, "cabinet": true,
	"government": true, "motors": true, "industries": true, "technologies": true, "labs": true,
	"daily": true, "express": true, "herald": true, "tribune": true, "chronicle": true, "gazette": true,
	"journal": true, "today": true, "live": true, "hindi": true, "channel": true,
	"embassy": true, "consulate": true, "mission": true, "tribunal": true, "academy": true,
	"centre": true, "center": true, "corps": true, "guard": true, "command": true, "railway": true,
	"railways": true, "exchange": true,
}

// orgStarts begin the names of organisations ("Ministry of …").
var orgStarts = map[string]bool{
	"ministry": true, "department": true, "university": true, "bank": true, "council": true,
	"office": true, "bureau": true, "institute": true, "board": true, "government": true,
}

// locHeads end the names of places.
var locHeads = map[string]bool{
	"city": true, "river": true, "mountain": true, "mountains": true, "island": true, "islands": true,
	"street": true, "province": true, "sea": true, "ocean": true, "lake": true, "valley": true,
	"district": true, "county": true, "region": true, "airport": true, "road": true, "bay": true,
	"gulf": true, "desert": true, "strait": true, "peninsula": true, "state": true, "village": true,
	"square": true, "base": true, "hills": true, "coast": true, "border": true, "nagar": true,
	"prefecture": true,
}

// notNames are capitalised words that start sentences or name days,
// months and peoples rather than entities.
var notNames = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "he": true, "she": true,
	"it": true, "they": true, "we": true, "i": true, "you": true, "this": true, "that": true,
	"these": true, "those": true, "but": true, "and": true, "or": true, "after": true, "before": true,
	"when": true, "while": true, "if": true, "as": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "my": true, "there": true, "here": true, "for": true, "with": true,
	"from": true, "by": true, "to": true, "of": true, "also": true, "meanwhile": true, "however": true,
	"according": true, "earlier": true, "later": true, "last": true, "next": true, "on-line": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "russian": true, "american": true, "indian": true,
	"chinese": true, "british": true, "ukrainian": true, "pakistani": true, "french": true,
	"german": true, "european": true, "israeli": true, "iranian": true, "hindi": true, "english": true,
	"web": true, "title": true, "disclaimer": true, "updated": true, "read": true, "also read": true,
	"update": true, "please": true, "click": true, "watch": true, "what": true, "why": true, "how": true, "who": true, "where": true, "no": true, "yes": true,
	"mr": true, "mrs": true, "dr": true, "president": true, "minister": true, "prime": true,
	"said": true, "says": true, "ist": true, "am": true, "pm": true, "all": true, "some": true,
	"one": true, "two": true, "new": true, "first": true, "second": true, "many": true, "several": true,
}

// speechVerbs after a name say it names a person.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "asked": true, "stated": true, "wrote": true,
}

// placePrepositions before a single unknown name suggest a place.
var placePrepositions = map[string]bool{"in": true, "at": true, "from": true, "near": true, "to": true}

// englishSpans finds names in a Latin-script sentence: runs of capitalised
// words (with connectors such as "of" inside), typed by the knowledge
// base, then by titles before, head words inside and cues after.
func (s *Stage) englishSpans(tokens, words []string) []span {
	var spans []span
	n := len(tokens)
	for i := 0; i < n; {
		if !capitalised(tokens[i]) || (notNames[words[i]] || englishTitles[words[i]]) && !isAcronym(tokens[i]) || titleState(words, i) {
			i++
			continue
		}
		j := i + 1
		for j < n {
			// a title inside a run ends it: "Tamil Nadu | Chief Minister
			// | M.K. Stalin"
			if capitalised(tokens[j]) && !notNames[words[j]] && !englishTitles[words[j]] {
				j++
				continue
			}
			// a connector joins two capitalised words, or two connectors
			// do ("Ursula von der Leyen")
			if connector[words[j]] && j+1 < n && capitalised(tokens[j+1]) && !notNames[words[j+1]] {
				j += 2
				continue
			}
			if particles[words[j]] && j+2 < n && particles[words[j+1]] && capitalised(tokens[j+2]) && !notNames[words[j+2]] {
				j += 3
				continue
			}
			break
		}
		if j < n && englishTitles[words[j]] && !isAcronym(tokens[j]) {
			// Words before a title describe it ("External Affairs
			// Minister", "Opposition leader"): a name only when known
			// ("Kremlin spokesman", "Tamil Nadu Chief Minister").
			if e := s.lookupSpan(words[i:j], ""); e != nil {
				spans = append(spans, span{Start: i, End: j, Type: e.Type, entry: e})
			}
			i = j
			continue
		}
		if sp, ok := s.typeEnglish(tokens, words, i, j); ok {
			spans = append(spans, sp...)
		}
		i = j
	}
	return spans
}

// titleState reports whether word i is the "State" of a title such as
// "Secretary of State" or "Minister of State".
func titleState(words []string, i int) bool {
	return words[i] == "state" && i >= 2 && words[i-1] == "of" && englishTitles[words[i-2]]
}

// typeEnglish decides what the run tokens[i:j] names; it may split it into
// known names.
func (s *Stage) typeEnglish(tokens, words []string, i, j int) ([]span, bool) {
	name := strings.Join(words[i:j], " ")
	if e := s.lookupSpan(words[i:j], ""); e != nil {
		return []span{{Start: i, End: j, Type: e.Type, entry: e}}, true
	}
	if name == "" {
		return nil, false
	}
	// "UAE and India": two names unless the whole is one known name.
	for k := i + 1; k < j-1; k++ {
		if words[k] == "and" || words[k] == "&" {
			left, okL := s.typeEnglish(tokens, words, i, k)
			right, okR := s.typeEnglish(tokens, words, k+1, j)
			if okL && okR && left[0].entry != nil && right[0].entry != nil {
				return append(left, right...), true
			}
		}
	}
	first, last := words[i], words[j-1]
	var typ string
	switch {
	case i > 0 && englishTitles[words[i-1]]:
		typ = "PER"
	case i > 1 && words[i-1] == "minister" || i > 1 && words[i-1] == "secretary":
		typ = "PER"
	case orgHeads[last] || orgStarts[first] && j-i > 1:
		typ = "ORG"
	case locHeads[last] && j-i > 1:
		typ = "LOC"
	case j-i == 1 && isAcronym(tokens[i]):
		typ = "ORG"
	case j < len(words) && speechVerbs[words[j]]:
		typ = "PER"
	case j-i >= 2 && j-i <= 4:
		typ = "PER"
	case j-i == 1 && i > 0 && placePrepositions[words[i-1]]:
		typ = "LOC"
	default:
		return nil, false
	}
	return []span{{Start: i, End: j, Type: typ}}, true
}

// capitalised reports whether a token starts with an upper-case letter.
func capitalised(t string) bool {
	for _, r := range t {
		return unicode.IsUpper(r)
	}
	return false
}

// isAcronym reports whether a token is 2 to 6 capital letters (with full
// stops allowed).
func isAcronym(t string) bool {
	letters := 0
	for _, r := range t {
		switch {
		case r == '.':
		case r >= 'A' && r <= 'Z':
			letters++
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 6
}
