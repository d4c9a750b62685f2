package api

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"khabar/internal/ingest"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/source"
	"khabar/internal/store"
)

// MaxUpload is the most bytes a POST /api/v1/articles body may hold.
const MaxUpload = 64 << 20

// maxUploadItems bounds the articles of one upload (send more in several).
const maxUploadItems = 2000

// Ingester analyses and stores articles while the server runs.
// *ingest.Ingester satisfies it while it serves.
type Ingester interface {
	Submit(ctx context.Context, jobs []pipeline.Job) ([]ingest.Result, error)
}

// Sources manages the feeds and sitemaps the server follows.
type Sources interface {
	// Sources returns every source with its fetch state.
	Sources(ctx context.Context) ([]*store.Source, error)
	// Add follows url: a feed, a sitemap, or a home page whose feeds and
	// sitemaps are discovered. It returns the sources added or known.
	Add(ctx context.Context, url string) ([]*store.Source, error)
	// Remove stops following the source with id.
	Remove(ctx context.Context, id int64) error
}

// Write says whether and how the server takes writes.
type Write struct {
	// Token, when set, is the bearer token every write must carry.
	Token string
	// Off, when set, turns the write routes off with this reason (for
	// example a non-loopback address without a token).
	Off string
}

// Authorized reports whether r may write: writes are on and r carries the
// token (in the Authorization header, or as the form field "token" when
// form is true). It answers r itself when not.
func (wr Write) Authorized(w http.ResponseWriter, r *http.Request, form bool) bool {
	if wr.Off != "" {
		answer(w, r, http.StatusForbidden, "writes_off", wr.Off)
		return false
	}
	if wr.Token == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok && form {
		got, ok = r.PostFormValue("token"), true
	}
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(wr.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="khabar"`)
		answer(w, r, http.StatusUnauthorized, "unauthorized", "this route needs the server's token: send \"Authorization: Bearer TOKEN\" (the --token or KHABAR_TOKEN the server was started with)")
		return false
	}
	return true
}

// writePath reports whether method and path name a write route this
// server has, which the middleware lets through with a body of up to
// MaxUpload bytes. POST /sources is the web UI's form for adding a source.
func (s *Server) writePath(method, path string) bool {
	switch method {
	case http.MethodPost:
		return (path == "/api/v1/articles" && s.ingest != nil) ||
			((path == "/api/v1/sources" || path == "/sources") && s.sources != nil) ||
			(path == "/api/v1/alerts" && s.alerts != nil)
	case http.MethodDelete:
		return (strings.HasPrefix(path, "/api/v1/sources/") && s.sources != nil) ||
			(strings.HasPrefix(path, "/api/v1/alerts/") && s.alerts != nil)
	}
	return false
}

// uploadResult is one article of an upload's answer.
type uploadResult struct {
	Item    string `json:"item"`
	ID      string `json:"id,omitempty"`
	Outcome string `json:"outcome,omitempty"`
	Error   string `json:"error,omitempty"`
}

// uploadResponse is the body of POST /api/v1/articles.
type uploadResponse struct {
	New       int            `json:"new"`
	Updated   int            `json:"updated"`
	Unchanged int            `json:"unchanged"`
	Failed    int            `json:"failed"`
	Results   []uploadResult `json:"results"`
}

// postArticles ingests the articles of the request body.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	if !s.write.Authorized(w, r, false) {
		return
	}
	if s.ingest == nil {
		writeError(w, http.StatusServiceUnavailable, "unavailable", "this server does not ingest (it holds its data folder read-only)")
		return
	}
	q := r.URL.Query()
	h := news.Hints{URL: q.Get("url"), Title: q.Get("title"), Publisher: q.Get("publisher"), Lang: strings.ToLower(q.Get("lang"))}
	if p := q.Get("published"); p != "" {
		t, err := source.ParseTime(p)
		if err != nil {
			writeError(w, http.StatusBadRequest, "bad_request", "published: "+err.Error())
			return
		}
		h.Published = t
	}
	if h.URL != "" && !strings.HasPrefix(h.URL, "http://") && !strings.HasPrefix(h.URL, "https://") {
		writeError(w, http.StatusBadRequest, "bad_request", "url: want an http or https URL")
		return
	}
	var jobs []pipeline.Job
	err := source.Upload(r.Context(), "upload", r.Body, r.Header.Get("Content-Type"), h, 0, func(it source.Item) error {
		if len(jobs) == maxUploadItems {
			return fmt.Errorf("more than %d articles: send them in several requests", maxUploadItems)
		}
		jobs = append(jobs, pipeline.Job{Name: it.Name, Article: it.Article, Err: it.Err})
		return nil
	})
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, "request_too_large", fmt.Sprintf("the body is over %d bytes: send the articles in several requests", MaxUpload))
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	case len(jobs) == 0:
		writeError(w, http.StatusBadRequest, "bad_request", "the body holds no article")
		return
	}
	res, err := s.ingest.Submit(r.Context(), jobs)
	if err != nil {
		if errors.Is(err, ingest.ErrStopped) {
			writeError(w, http.StatusServiceUnavailable, "unavailable", "the server is stopping; send the articles again once it is back")
			return
		}
		s.fail(w, r, err)
		return
	}
	var out uploadResponse
	for _, x := range res {
		u := uploadResult{Item: x.Name, ID: x.ID}
		if x.Err != nil {
			out.Failed++
			u.Error = x.Err.Error()
		} else {
			u.Outcome = x.Outcome.String()
			switch x.Outcome {
			case store.New:
				out.New++
			case store.Updated:
				out.Updated++
			default:
				out.Unchanged++
			}
		}
		out.Results = append(out.Results, u)
	}
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "articles uploaded", slog.Int("new", out.New),
		slog.Int("updated", out.Updated), slog.Int("unchanged", out.Unchanged), slog.Int("failed", out.Failed))
	writeJSON(w, http.StatusOK, out)
}

// decodeJSON reads r's body as one JSON value into v.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("invalid JSON body: %w", err)
	}
	return nil
}

// sourcesResponse is the body of GET and POST /api/v1/sources.
type sourcesResponse struct {
	Sources []*store.Source `json:"sources"`
}

func (s *Server) listSources(w http.ResponseWriter, r *http.Request) {
	if s.sources == nil {
		writeError(w, http.StatusServiceUnavailable, "unavailable", "this server does not follow sources")
		return
	}
	srcs, err := s.sources.Sources(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if srcs == nil {
		srcs = []*store.Source{}
	}
	writeJSON(w, http.StatusOK, sourcesResponse{Sources: srcs})
}

// maxSourceAdd bounds the time discovery may take for one added URL.
const maxSourceAdd = 45 * time.Second

func (s *Server) addSource(w http.ResponseWriter, r *http.Request) {
	if !s.write.Authorized(w, r, false) {
		return
	}
	if s.sources == nil {
		writeError(w, http.StatusServiceUnavailable, "unavailable", "this server does not follow sources")
		return
	}
	var u string
	if mt := r.Header.Get("Content-Type"); strings.HasPrefix(mt, "application/json") {
		var body struct {
			URL string `json:"url"`
		}
		if err := decodeJSON(r, &body); err != nil {
			writeError(w, http.StatusBadRequest, "bad_request", err.Error())
			return
		}
		u = body.URL
	} else {
		u = r.PostFormValue("url")
	}
	u = strings.TrimSpace(u)
	if u == "" {
		writeError(w, http.StatusBadRequest, "bad_request", `url: send {"url": "https://…"} with a feed, sitemap or home page`)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), maxSourceAdd)
	defer cancel()
	srcs, err := s.sources.Add(ctx, u)
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, "unprocessable", err.Error())
		return
	}
	writeJSON(w, http.StatusCreated, sourcesResponse{Sources: srcs})
}

func (s *Server) removeSource(w http.ResponseWriter, r *http.Request) {
	if !s.write.Authorized(w, r, false) {
		return
	}
	if s.sources == nil {
		writeError(w, http.StatusServiceUnavailable, "unavailable", "this server does not follow sources")
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", "id: want the number of a source (see GET /api/v1/sources)")
		return
	}
	if err := s.sources.Remove(r.Context(), id); err != nil {
		if errors.Is(err, news.ErrNotFound) {
			writeError(w, http.StatusNotFound, "not_found", "no source has this id")
			return
		}
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
