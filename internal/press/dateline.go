package press

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/datetime"
	"khabar/internal/gazetteer"
	"khabar/internal/lexicon"
)

// placeIndex maps folded place names to English ones: every name of the
// gazetteer's dateline rows (internal/gazetteer, flag dateline=…) but
// those marked "-", each
// row's English name among them; regions holds the English names of the
// states and countries (dateline=region).
var placeIndex, regions = func() (map[string]string, map[string]bool) {
	rows, err := gazetteer.Datelines()
	if err != nil {
		panic(err) // the embedded gazetteer is broken: a bad build
	}
	m, r := map[string]string{}, map[string]bool{}
	for _, row := range rows {
		m[placeKey(row.Name)] = row.Name
		for _, names := range [][]gazetteer.Name{row.Names, row.Aliases} {
			for _, n := range names {
				if !n.NotDateline {
					m[placeKey(n.Text)] = row.Name
				}
			}
		}
		if row.Dateline == gazetteer.DatelineRegion {
			r[row.Name] = true
		}
	}
	return m, r
}()

// placeKey folds a place name: lower case, no nukta, no zero-width joiners.
func placeKey(s string) string {
	return agencyKey(joinerDropper.Replace(s))
}

// joinerDropper drops ZWJ and ZWNJ; a Replacer is safe for concurrent use.
var joinerDropper = strings.NewReplacer("\u200d", "", "\u200c", "")

// Place returns the English name of the place s names ("मास्को" →
// "Moscow", "NEW DELHI" → "New Delhi"), or "" when the table does not know
// it.
func Place(s string) string {
	return placeIndex[placeKey(s)]
}

// DatelineInfo is a dateline at the start of a paragraph, as in
// "मास्को, 19 मार्च (एपी)", "NEW DELHI, March 12 (PTI)", "लखनऊ, जागरण
// संवाददाता:" or "राधाकिशन शर्मा, बिलासपुर (नई दुनिया)।".
type DatelineInfo struct {
	// Text is the dateline as written, without the separator after it.
	Text string
	// Len is how many bytes of the paragraph the dateline takes, with its
	// separator and the spaces after it.
	Len int
	// PlaceText is the place as written; Place its English name ("" when
	// the place table does not know it).
	PlaceText, Place string
	// Day and Month are the date the dateline gives (0 when none).
	Day, Month int
	// Source is what the brackets or a credit part name, as written.
	Source string
	// Agency is the canonical name of the agency Source names, or "".
	Agency string
	// Byline is the reporter or desk the dateline names, as written.
	Byline string
}

// maxDatelineRunes bounds how far into a paragraph a dateline may reach.
const maxDatelineRunes = 80

// deskWords mark a reporter's or desk's credit: "जागरण संवाददाता",
// "Our Special Correspondent", "DH News Service", "India Today Web Desk";
// the [press.desk] entries of every pack, folded as DeskWord's callers fold.
var deskWords = wordSet(lexicon.PressDesk)

// DeskWord reports a word (folded as the stages fold words: lower case,
// no nukta) that marks a reporter's or desk's credit.
func DeskWord(w string) bool { return deskWords[w] }

// functionWords never occur in a dateline; they mark a sentence. [press.function-word]
var functionWords = wordSet(lexicon.PressFunctionWord)

// ParseDateline reads a dateline at the start of paragraph p. It reports
// false when p does not start with one; it prefers missing a dateline to
// taking a sentence for one.
func ParseDateline(p string) (DatelineInfo, bool) {
	lead := len(p) - len(strings.TrimLeft(p, " \t\u00a0"))
	s := p[lead:]
	// The window a dateline may occupy.
	win := s
	if n := runeOffset(s, maxDatelineRunes); n < len(s) {
		win = s[:n]
	}
	end, kind := datelineEnd(win)
	if end <= 0 {
		return DatelineInfo{}, false
	}
	head := strings.TrimSpace(win[:end])
	d, ok := readDateline(head, kind)
	if !ok {
		return DatelineInfo{}, false
	}
	// Length: the head, the terminator, a separator after a bracket, spaces.
	n := end
	if kind != ')' {
		n = end + utf8.RuneLen(kind)
		if kind == ' ' {
			n = end
		}
	}
	rest := win[n:]
	if kind == ')' {
		t := strings.TrimLeft(rest, " \u00a0")
		for _, sep := range []string{"।", ":", "—", "–", "-", "|", ","} {
			if strings.HasPrefix(t, sep) {
				t = t[len(sep):]
				break
			}
		}
		rest = t
	}
	rest = strings.TrimLeft(rest, " \u00a0")
	d.Len = lead + len(win) - len(rest)
	d.Text = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s[:d.Len-lead]), "।:—–-|,"))
	if d.Len >= len(p) {
		// A dateline with nothing after it is a line of its own, not a
		// dateline of this paragraph.
		return DatelineInfo{}, false
	}
	return d, true
}

// readDateline reads a dateline head as written ("मास्को, 19 मार्च (एपी)")
// that ended with terminator kind; kind 0 means the head is known to be a
// dateline already.
func readDateline(head string, kind rune) (DatelineInfo, bool) {
	var src string
	if strings.HasSuffix(head, ")") {
		open := strings.LastIndexByte(head, '(')
		if open < 0 {
			return DatelineInfo{}, false
		}
		src = strings.TrimSpace(head[open+1 : len(head)-1])
		head = strings.TrimRight(strings.TrimSpace(head[:open]), ",")
		if src == "" || utf8.RuneCountInString(src) > 30 || strings.ContainsAny(src, "()") {
			return DatelineInfo{}, false
		}
	} else if kind == ')' {
		return DatelineInfo{}, false
	}
	if head == "" || strings.ContainsAny(head, "()\"“”‘’'।?!;") || sentenceBreak(head) {
		return DatelineInfo{}, false
	}
	d := DatelineInfo{Source: src}
	if !d.readParts(head, kind) {
		return DatelineInfo{}, false
	}
	if src != "" {
		if a := Agency(src); a != "" {
			d.Agency = a
		} else if hasDeskWord(src) && d.Byline == "" {
			d.Byline = src
		}
	}
	return d, true
}

// DatelineText reads a dateline the cleaner already took off a paragraph
// (the text of a "dateline" removal) into its parts.
func DatelineText(s string) (DatelineInfo, bool) {
	s = strings.TrimSpace(s)
	d, ok := readDateline(s, 0)
	if !ok {
		return DatelineInfo{}, false
	}
	d.Text = s
	return d, true
}

// runeOffset returns the byte offset of the n-th rune of s (len(s) when s
// is shorter).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// datelineEnd finds where a dateline would end in win: the first closing
// bracket, danda, colon, spaced dash, or double space. It returns the byte
// offset (just after ")" for a bracket, at the terminator otherwise) and
// the terminator.
func datelineEnd(win string) (int, rune) {
	best, kind := -1, rune(0)
	try := func(i int, k rune) {
		if i > 0 && (best < 0 || i < best) {
			best, kind = i, k
		}
	}
	if i := strings.IndexByte(win, ')'); i > 0 {
		try(i+1, ')')
	}
	if i := strings.Index(win, "।"); i > 0 {
		try(i, '।')
	}
	if i := strings.IndexByte(win, ':'); i > 0 {
		try(i, ':')
	}
	// "नई दिल्ली. चुनाव …": a full stop after a Devanagari head (known
	// places only, see readParts).
	if i := strings.Index(win, ". "); i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(win[:i]); isDeva(r) {
			try(i, '.')
		}
	}
	for _, d := range []string{" - ", " – ", " — ", "—"} {
		if i := strings.Index(win, d); i > 0 {
			if best < 0 || i < best {
				// The terminator is the dash itself.
				dash := strings.TrimSpace(d)
				r, _ := utf8.DecodeRuneInString(dash)
				return i + strings.Index(d, dash), r
			}
		}
	}
	if i := strings.Index(win, "  "); i > 0 {
		try(i, ' ')
	}
	return best, kind
}

func hasDeskWord(s string) bool {
	for _, w := range splitWords(s) {
		if deskWords[w.text] {
			return true
		}
	}
	return false
}

// readParts reads the comma-separated parts of a dateline head: place,
// date, reporter or desk, agency.
func (d *DatelineInfo) readParts(head string, kind rune) bool {
	parts := strings.Split(head, ",")
	if len(parts) > 3 {
		return false
	}
	words := 0
	latin := false
	var others []string
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			return false
		}
		// "भोपाल 05 मार्च": a place and a date without a comma.
		if place, dd, mm, ok := placeThenDate(part); ok {
			d.Day, d.Month = dd, mm
			part = place
		}
		ws := splitWords(part)
		if len(ws) == 0 {
			return false
		}
		words += len(ws)
		// The date first: PTI-Bhasha writes its day as a word ("एक
		// दिसंबर"), which may also be a small word of sentences.
		if dd, mm, n, ok := datetime.ParseDayMonth(part); ok && strings.TrimSpace(part[n:]) == "" || ok && isYearOnly(part[n:]) {
			d.Day, d.Month = dd, mm
			continue
		}
		if bikramDate(ws) {
			// "असार २५": a Bikram Sambat date, which the Gregorian
			// calendar cannot hold here.
			continue
		}
		for _, w := range ws {
			if functionWords[w.text] {
				return false
			}
		}
		if a := Agency(part); a != "" && d.Agency == "" {
			d.Agency = a
			if d.Source == "" {
				d.Source = part
			}
			continue
		}
		if hasDeskWord(part) {
			if d.Byline == "" {
				d.Byline = part
			}
			if strings.Contains(strings.ToLower(part), "एजेंसी") || strings.Contains(strings.ToLower(part), "agenc") {
				if d.Source == "" {
					d.Source = part
				}
				if d.Byline == part {
					d.Byline = ""
				}
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(part)
		if r < 0x900 {
			latin = true
			for _, w := range strings.Fields(part) {
				r0, _ := utf8.DecodeRuneInString(w)
				if !unicode.IsUpper(r0) && !unicode.IsDigit(r0) {
					return false
				}
			}
		}
		others = append(others, part)
	}
	if words > 7 || len(others) == 0 || len(others) > 2 {
		return false
	}
	// The place: a known one, else the last part that is left.
	placeAt := -1
	for i, o := range others {
		if Place(o) != "" {
			placeAt = i
			break
		}
	}
	known := placeAt >= 0
	if !known {
		placeAt = len(others) - 1
	}
	cityOf := false
	if len(others) == 2 && placeAt == 1 && regions[Place(others[1])] && Place(others[0]) == "" && latinCaps(others[0]) && latinCaps(others[1]) {
		// "Porto Alegre, Brazil": the city, in its region.
		placeAt, cityOf = 0, true
	}
	d.PlaceText = others[placeAt]
	d.Place = Place(d.PlaceText)
	if len(others) == 2 && !cityOf {
		if d.Byline != "" {
			return false
		}
		d.Byline = others[1-placeAt]
	}
	if utf8.RuneCountInString(d.PlaceText) > 30 || len(splitWords(d.PlaceText)) > 3 {
		return false
	}
	// Evidence that this is a dateline and not a short sentence or kicker:
	// a bracket must name an agency, a desk or an outlet ("(12511)" or
	// "(file)" do not).
	srcOK := d.Source != "" && (Agency(d.Source) != "" || hasDeskWord(d.Source) || Outlet(d.Source) != "")
	strong := srcOK || d.Day > 0 || d.Byline != "" || d.Agency != ""
	if d.Place == "" && latinCaps(d.PlaceText) && (srcOK || d.Agency != "") && d.Day+d.Month > 0 || d.Place == "" && cityOf {
		// A Latin place the table does not know, in a dateline with a
		// date and an agency, is English already.
		d.Place = titleCase(d.PlaceText)
	}
	switch {
	case kind == '.':
		return known && len(others) == 1 && d.Day == 0
	case known, kind == 0:
		return true
	case strong:
		return true
	case latin && strings.ToUpper(d.PlaceText) == d.PlaceText && kind != '।':
		// A place in capitals the table lacks ("TOULON —"), but not a
		// column's salutation or label in capitals ("DEAR ABBY:", "Q:").
		return !columnLabel(d.PlaceText)
	case kind == ':' && len(splitWords(d.PlaceText)) <= 2 && !latin:
		// "औरंगाबाद : शहर के …": a one- or two-word Hindi head before a colon.
		return true
	}
	return false
}

// EnglishPlace is the dateline's place in English: the place table's
// name, or a place the table lacks written in Latin capitals in a dateline
// with an agency or a date ("PHOENIX (AP) —" is Phoenix).
func (d DatelineInfo) EnglishPlace() string {
	if d.Place == "" && latinCaps(d.PlaceText) && (d.Agency != "" || d.Day > 0) {
		return titleCase(d.PlaceText)
	}
	return d.Place
}

// columnWords open a head in capitals that addresses or labels the text
// after it rather than placing it: an advice column's letter ("DEAR
// ABBY:"), a question and answer ("Q:", "A:"), a note or label. [press.column-word]
var columnWords = wordSet(lexicon.PressColumnWord)

// columnLabel reports a head whose first word is one of columnWords.
func columnLabel(head string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(head), " ")
	return columnWords[strings.ToLower(w)]
}

// placeThenDate splits "भोपाल 05 मार्च" into a place and a day and month
// when the part ends with the date.
func placeThenDate(part string) (place string, day, month int, ok bool) {
	ws := splitWords(part)
	if len(ws) < 3 {
		return "", 0, 0, false
	}
	for k := 1; k <= len(ws)-2; k++ {
		rest := part[ws[k].start:]
		if dd, mm, n, ok := datetime.ParseDayMonth(rest); ok && strings.TrimSpace(rest[n:]) == "" {
			return strings.TrimSpace(part[:ws[k].start]), dd, mm, true
		}
	}
	return "", 0, 0, false
}

// latinCaps reports a name written in Latin letters, each word
// capitalised ("Porto Alegre", "NEW DELHI").
func latinCaps(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if r >= 0x250 || !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// titleCase writes "PORTO ALEGRE" as "Porto Alegre".
func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}

// bikramMonths are the months of the Bikram Sambat calendar, as Nepali
// (and some Hindi) datelines write them.
var bikramMonths = map[string]bool{
	"बैशाख": true, "वैशाख": true, "जेठ": true, "जेष्ठ": true, "असार": true, "आषाढ": true, "साउन": true,
	"श्रावण": true, "भदौ": true, "भाद्र": true, "असोज": true, "आश्विन": true, "कात्तिक": true, "कार्तिक": true,
	"मंसिर": true, "मङ्सिर": true, "पुस": true, "पौष": true, "माघ": true, "फागुन": true, "फाल्गुन": true,
	"चैत": true, "चैत्र": true,
}

// bikramDate reports a dateline part that is a Bikram Sambat day and
// month, with an optional year: "असार २५", "२०८२ असोज ११".
func bikramDate(ws []word) bool {
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	month, nums := 0, 0
	for _, w := range ws {
		switch {
		case bikramMonths[w.text]:
			month++
		case allDigits(w.text):
			nums++
		default:
			return false
		}
	}
	return month == 1 && nums == len(ws)-1
}

// allDigits reports a word of ASCII or Devanagari digits.
func allDigits(s string) bool {
	for _, r := range s {
		if _, ok := digitValue(r); !ok {
			return false
		}
	}
	return s != ""
}

// sentenceBreak reports ". " in a dateline head anywhere but after an
// abbreviated month ("Dec. 5").
func sentenceBreak(head string) bool {
	for i := 0; ; {
		j := strings.Index(head[i:], ". ")
		if j < 0 {
			return false
		}
		j += i
		k := j
		for k > 0 && isLatinLetter(head[k-1]) {
			k--
		}
		if monthOfWord(head[k:j]) == 0 || j-k < 3 {
			return true
		}
		i = j + 2
	}
}

func isLatinLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// isYearOnly reports whether s is empty or only ", 2021".
func isYearOnly(s string) bool {
	s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), ","))
	if s == "" {
		return true
	}
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
