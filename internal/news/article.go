package news

import (
	"time"
)

// Schema is the value of the "schema" field of every record this version writes.
const Schema = "khabar.article/v1"

// Source formats, as written in Source.Format.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatJSONL = "jsonl"
	FormatWARC  = "warc"
	FormatFeed  = "feed"
)

// Entity types.
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	MISC = "MISC"
)

// Article is one news article as it moves through the pipeline: the source
// fills Source and Raw, and every stage fills its own fields. Its JSON form
// (see MarshalJSON) is the v1 contract documented in docs/schema.md; fields
// tagged "-" are working state that is never exported.
type Article struct {
	ID          string
	Source      Source
	URL         string
	Title       string
	TitleEn     string
	Lang        string
	LangDetail  *LangDetail
	Publisher   string
	Byline      []string
	Agencies    []string
	Dateline    *Dateline
	Published   time.Time
	Updated     time.Time
	Text        string
	Removed     []Removal
	Entities    []Entity
	Times       []Time
	Quotes      []Quote
	Events      []Event
	DuplicateOf string
	Group       string
	Story       string

	// Raw is the decoded input the extract stage starts from. It is not
	// part of the record.
	Raw Raw
	// Head is what the page's HTML head declares, read once by the first
	// stage that needs it (see package page). It is not part of the record.
	Head *Head
	// Segments holds the paragraphs, sentences and tokens of Text, in byte
	// offsets, as the segment stage leaves them. It is not part of the record.
	Segments *Segments

	// derived is what stages made of Text for later ones (Derived).
	derived *derived
}

// Source says where an article came from.
type Source struct {
	// URI is the path or URL as given by the user, with "#L<n>" appended for
	// the n-th line of a JSON Lines file.
	URI string
	// Format is one of the Format constants.
	Format string
	// Fetched is when the page was fetched, when the input says so.
	Fetched time.Time
}

// Raw is an article's input after decoding to UTF-8, before extraction.
type Raw struct {
	// Body is the page: plain text or HTML, per Format.
	Body string
	// Format is FormatText or FormatHTML: what Body holds.
	Format string
	// Hints are facts the input carried beside the body (JSON Lines fields),
	// which later stages prefer over what they infer.
	Hints Hints
	// Feed is what a feed or sitemap said of the page that was fetched: a
	// fallback for what the page does not say, never preferred over it.
	Feed FeedHints
}

// FeedHints are what a feed or sitemap entry says of a page.
type FeedHints struct {
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Author    string    `json:"author,omitempty"`
	Lang      string    `json:"lang,omitempty"`
}

// Hints are metadata an input carries explicitly.
type Hints struct {
	URL       string
	Title     string
	Published time.Time
	Publisher string
	Lang      string
}

// LangDetail records how the language was decided and how scripts mix.
type LangDetail struct {
	// Confidence of the chosen language, 0..1.
	Confidence float64 `json:"confidence"`
	// Scripts maps ISO 15924 script codes (Deva, Latn, Arab, Beng, …) to the
	// share of letters written in them.
	Scripts map[string]float64 `json:"scripts"`
	// Mixed is true when more than one script carries a notable share.
	Mixed bool `json:"mixed"`
	// Method names what decided: "hint", "script", "ngram", "markers".
	Method string `json:"method"`
}

// Dateline is the place (and date) an article was filed from, as in
// "मास्को, 19 मार्च (एपी)".
type Dateline struct {
	Place     string `json:"place"`
	PlaceText string `json:"place_text"`
	Date      string `json:"date"`
}

// Removal is a piece of input the cleaner took out of the body, and why.
type Removal struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Mention is one occurrence of an entity in Text, in code points.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is a person, organisation, place or other named thing.
type Entity struct {
	ID       string            `json:"id"`
	Name     string            `json:"name"`
	Names    map[string]string `json:"names"`
	Type     string            `json:"type"`
	Wikidata string            `json:"wikidata,omitempty"`
	Mentions []Mention         `json:"mentions"`
}

// Time is a time expression with its resolved value.
type Time struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Quote is something somebody said, directly or reported.
type Quote struct {
	Speaker     string   `json:"speaker"`
	SpeakerName string   `json:"speaker_name"`
	Text        string   `json:"text"`
	Direct      bool     `json:"direct"`
	Cue         string   `json:"cue"`
	Via         []string `json:"via"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
}

// Event is something that happened (or was said to happen) to somebody.
type Event struct {
	Type     string   `json:"type"`
	Subtype  string   `json:"subtype"`
	Trigger  string   `json:"trigger"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Date     string   `json:"date"`
	Actors   []string `json:"actors"`
	Targets  []string `json:"targets"`
	Place    string   `json:"place"`
	Killed   *int     `json:"killed"`
	Injured  *int     `json:"injured"`
	Sentence string   `json:"sentence"`
	// Modality says whether the text reports the event as having happened
	// (ModalityAsserted) or as denied, expected or conditional.
	Modality string `json:"modality"`
}

// Event modalities.
const (
	ModalityAsserted     = "asserted"
	ModalityNegated      = "negated"
	ModalityFuture       = "future"
	ModalityHypothetical = "hypothetical"
)

// Happened reports whether the text says e took place (or is taking
// place): asserted, not denied, expected or conditional.
func (e Event) Happened() bool {
	return e.Modality == "" || e.Modality == ModalityAsserted
}
