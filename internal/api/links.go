package api

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"khabar/internal/dedup"
	"khabar/internal/news"
	"khabar/internal/store"
	"khabar/internal/story"
)

// Links reads syndication groups and stories. store.Store satisfies it.
type Links interface {
	// GetStory returns the story with id, or an error wrapping
	// news.ErrNotFound.
	GetStory(ctx context.Context, id string) (*store.Story, error)
	// ListStories returns a page of stories, latest-ending first.
	ListStories(ctx context.Context, f store.StoryFilter) (store.StoryPage, error)
	// Group returns the articles of a syndication group, oldest first.
	Group(ctx context.Context, id string) ([]*news.Article, error)
}

// kindStories marks an API cursor of the story listing.
const kindStories = 't'

// errNoLinks answers story and group requests on a server without them.
var errNoLinks = errors.New("stories and groups are not available on this server")

// ArticleRef is an article as a story or a group lists it.
type ArticleRef struct {
	ID          string   `json:"id"`
	Title       *string  `json:"title"`
	URL         *string  `json:"url"`
	Publisher   *string  `json:"publisher"`
	Lang        *string  `json:"lang"`
	Published   *string  `json:"published"`
	Agencies    []string `json:"agencies"`
	DuplicateOf *string  `json:"duplicate_of"`
	Group       *string  `json:"group"`
	Story       *string  `json:"story"`
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.RFC3339)
	return &s
}

func refOf(a *news.Article) ArticleRef {
	ag := a.Agencies
	if ag == nil {
		ag = []string{}
	}
	return ArticleRef{
		ID: a.ID, Title: opt(a.Title), URL: opt(a.URL), Publisher: opt(a.Publisher), Lang: opt(a.Lang),
		Published: optTime(a.Published), Agencies: ag,
		DuplicateOf: opt(a.DuplicateOf), Group: opt(a.Group), Story: opt(a.Story),
	}
}

// StorySummary is a story as the listing shows it.
type StorySummary struct {
	ID       string              `json:"id"`
	Thread   *string             `json:"thread"`
	Title    string              `json:"title"`
	Start    *string             `json:"start"`
	End      *string             `json:"end"`
	Size     int                 `json:"size"`
	Articles []string            `json:"articles"`
	Entities []store.StoryEntity `json:"entities"`
}

func summaryOf(s *store.Story) StorySummary {
	ents := s.Entities
	if ents == nil {
		ents = []store.StoryEntity{}
	}
	arts := s.Articles
	if arts == nil {
		arts = []string{}
	}
	return StorySummary{ID: s.ID, Thread: opt(s.Thread), Title: s.Title, Start: optTime(s.Start), End: optTime(s.End),
		Size: len(s.Articles), Articles: arts, Entities: ents}
}

// storyPage is the body of GET /api/v1/stories.
type storyPage struct {
	Stories []StorySummary `json:"stories"`
	Next    *string        `json:"next"`
}

// StoryDetail is the body of GET /api/v1/stories/{id}: the story, its
// articles, its timeline, and the other stories of its thread.
type StoryDetail struct {
	StorySummary
	ArticleRefs []ArticleRef   `json:"article_records"`
	Timeline    []story.Item   `json:"timeline"`
	ThreadMates []StorySummary `json:"thread_stories"`
}

// GroupMember is an article of a syndication group with how it differs
// from the canonical copy.
type GroupMember struct {
	ArticleRef
	Canonical bool            `json:"canonical"`
	Diff      dedup.DiffStats `json:"diff"`
}

// groupBody is the body of GET /api/v1/groups/{id}.
type groupBody struct {
	ID        string        `json:"id"`
	Canonical string        `json:"canonical"`
	Members   []GroupMember `json:"members"`
}

// diffBody is the body of GET /api/v1/articles/{id}/diff.
type diffBody struct {
	Article ArticleRef      `json:"article"`
	Against ArticleRef      `json:"against"`
	Stats   dedup.DiffStats `json:"stats"`
	Edits   []dedup.Edit    `json:"edits"`
	// Truncated is true when Edits stops short of the texts' end (Stats
	// still counts every word).
	Truncated bool `json:"truncated,omitempty"`
}

// maxDiffBytes bounds the text of the edits one diff response carries.
const maxDiffBytes = 256 << 10

// boundEdits returns the edits from the start whose text fits in n bytes,
// and whether that is fewer than all.
func boundEdits(edits []dedup.Edit, n int) ([]dedup.Edit, bool) {
	size := 0
	for i, e := range edits {
		size += len(e.Text) + 16
		if size > n {
			return edits[:i], true
		}
	}
	return edits, false
}

// StoryQuery is a parsed request for a page of stories.
type StoryQuery struct {
	From, To time.Time
	Thread   string
	Limit    int
	// Cursor is the backend's cursor, unwrapped.
	Cursor string
}

// ParseStoryQuery reads from, to, thread, limit and cursor. Errors are
// *ParamError.
func ParseStoryQuery(v url.Values) (StoryQuery, error) {
	q, err := ParseQuery(url.Values{"from": {v.Get("from")}, "to": {v.Get("to")}, "limit": {v.Get("limit")}})
	if err != nil {
		return StoryQuery{}, err
	}
	sq := StoryQuery{From: q.From, To: q.To, Limit: q.Limit, Thread: strings.TrimSpace(v.Get("thread"))}
	if len(sq.Thread) > maxID {
		return StoryQuery{}, paramErr("thread", "is longer than %d bytes; use the thread field of a story", maxID)
	}
	if c := strings.TrimSpace(v.Get("cursor")); c != "" {
		b, err := base64.RawURLEncoding.DecodeString(c)
		if len(c) > maxCursor || err != nil || len(b) < 2 || b[0] != kindStories {
			return StoryQuery{}, paramErr("cursor", "is not a story cursor this server issued; send the next value of an earlier response unchanged, or leave cursor out")
		}
		sq.Cursor = string(b[1:])
	}
	return sq, nil
}

func (s *Server) stories(w http.ResponseWriter, r *http.Request) {
	if s.links == nil {
		s.fail(w, r, errNoLinks)
		return
	}
	q, err := ParseStoryQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.links.ListStories(r.Context(), store.StoryFilter{From: q.From, To: q.To, Thread: q.Thread, Limit: q.Limit, Cursor: q.Cursor})
	if errors.Is(err, store.ErrBadCursor) {
		s.fail(w, r, errStaleCursor)
		return
	}
	if err != nil {
		s.fail(w, r, fmt.Errorf("list stories: %w", err))
		return
	}
	body := storyPage{Stories: make([]StorySummary, len(p.Stories))}
	for i, st := range p.Stories {
		body.Stories[i] = summaryOf(st)
	}
	if p.Next != "" {
		n := base64.RawURLEncoding.EncodeToString(append([]byte{kindStories}, p.Next...))
		body.Next = &n
	}
	writeJSON(w, http.StatusOK, body)
}

// pathID reads the {id} path value, answering 400 when it is too long.
func pathID(w http.ResponseWriter, r *http.Request, what string) (string, bool) {
	id := r.PathValue("id")
	if len(id) > maxID {
		writeError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("id is longer than %d bytes; use the id field of %s", maxID, what))
		return "", false
	}
	return id, true
}

// missing answers 404 with msg for an error wrapping news.ErrNotFound,
// and fails for any other error; it reports whether it answered.
func (s *Server) missing(w http.ResponseWriter, r *http.Request, err error, msg string) bool {
	if errors.Is(err, news.ErrNotFound) {
		writeError(w, http.StatusNotFound, "not_found", msg)
		return true
	}
	if err != nil {
		s.fail(w, r, err)
		return true
	}
	return false
}

func (s *Server) story(w http.ResponseWriter, r *http.Request) {
	if s.links == nil {
		s.fail(w, r, errNoLinks)
		return
	}
	id, ok := pathID(w, r, "a story")
	if !ok {
		return
	}
	st, err := s.links.GetStory(r.Context(), id)
	if s.missing(w, r, err, "no story has this id; ids come from /api/v1/stories or the story field of an article") {
		return
	}
	arts, err := s.arts.GetMany(r.Context(), st.Articles)
	if err != nil {
		s.fail(w, r, fmt.Errorf("story %q: articles: %w", id, err))
		return
	}
	d := StoryDetail{StorySummary: summaryOf(st), ArticleRefs: make([]ArticleRef, len(arts)), Timeline: story.Timeline(arts), ThreadMates: []StorySummary{}}
	for i, a := range arts {
		d.ArticleRefs[i] = refOf(a)
	}
	if d.Timeline == nil {
		d.Timeline = []story.Item{}
	}
	if st.Thread != "" {
		p, err := s.links.ListStories(r.Context(), store.StoryFilter{Thread: st.Thread, Limit: 50})
		if err != nil {
			s.fail(w, r, fmt.Errorf("story %q: thread: %w", id, err))
			return
		}
		for _, o := range p.Stories {
			if o.ID != st.ID {
				d.ThreadMates = append(d.ThreadMates, summaryOf(o))
			}
		}
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) group(w http.ResponseWriter, r *http.Request) {
	if s.links == nil {
		s.fail(w, r, errNoLinks)
		return
	}
	id, ok := pathID(w, r, "a group")
	if !ok {
		return
	}
	arts, err := s.links.Group(r.Context(), id)
	if err != nil {
		s.fail(w, r, fmt.Errorf("group %q: %w", id, err))
		return
	}
	if len(arts) == 0 {
		writeError(w, http.StatusNotFound, "not_found", "no group has this id; ids come from the group field of an article")
		return
	}
	// The canonical copy is the member that duplicates none.
	canon := slices.IndexFunc(arts, func(a *news.Article) bool { return a.DuplicateOf == "" })
	if canon < 0 {
		canon = 0
	}
	body := groupBody{ID: id, Canonical: arts[canon].ID, Members: make([]GroupMember, 0, len(arts))}
	order := append([]*news.Article{arts[canon]}, slices.Delete(slices.Clone(arts), canon, canon+1)...)
	for _, a := range order {
		m := GroupMember{ArticleRef: refOf(a), Canonical: a.ID == body.Canonical}
		if m.Canonical {
			m.Diff = dedup.DiffStats{Same: len(strings.Fields(a.Text))}
		} else {
			m.Diff = dedup.CountWords(dedup.Diff(arts[canon].Text, a.Text))
		}
		body.Members = append(body.Members, m)
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) diff(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r, "an article")
	if !ok {
		return
	}
	a, err := s.arts.Get(r.Context(), id)
	if s.missing(w, r, err, "no article has this id; ids come from the id field of a listing or search") {
		return
	}
	against := strings.TrimSpace(r.URL.Query().Get("against"))
	if len(against) > maxID {
		s.fail(w, r, paramErr("against", "is longer than %d bytes; use the id field of an article", maxID))
		return
	}
	if against == "" {
		against = a.DuplicateOf
	}
	if against == "" {
		writeError(w, http.StatusNotFound, "not_found", "this article is no copy of another; give against=ID to compare it with any article")
		return
	}
	b, err := s.arts.Get(r.Context(), against)
	if s.missing(w, r, err, "no article has the id given in against") {
		return
	}
	edits := dedup.Diff(b.Text, a.Text)
	if edits == nil {
		edits = []dedup.Edit{}
	}
	body := diffBody{Article: refOf(a), Against: refOf(b), Stats: dedup.CountWords(edits)}
	body.Edits, body.Truncated = boundEdits(edits, maxDiffBytes)
	writeJSON(w, http.StatusOK, body)
}

// linksFrom returns o.Links, or o.Articles when it reads links too.
func linksFrom(o Options) Links {
	if o.Links != nil {
		return o.Links
	}
	if l, ok := o.Articles.(Links); ok {
		return l
	}
	return nil
}
