package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"khabar/internal/api"
	"khabar/internal/chart"
	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/store"
)

//go:embed templates static i18n
var files embed.FS

// Options configure a UI.
type Options struct {
	// Articles is where articles are read from. Required.
	Articles api.Articles
	// Searcher answers searches; nil shows that search is not available.
	Searcher api.Searcher
	// Links reads stories and groups; nil uses Articles when it reads
	// them too, and otherwise shows none.
	Links api.Links
	// Logger receives the errors behind failed pages; nil discards them.
	Logger *slog.Logger
	// Sources manages followed sources; nil shows no sources page.
	Sources Sources
	// Write guards the form that adds a source.
	Write api.Write
	// Analyst answers the entity pages; nil uses Articles when it answers
	// them too, and otherwise shows none.
	Analyst store.Analyst
	// Alerts keeps saved searches; nil uses Articles when it keeps them
	// too, and otherwise shows no saved-searches page.
	Alerts store.Alerts
}

// UI serves the web pages. It is safe for concurrent use.
type UI struct {
	arts      api.Articles
	search    api.Searcher
	links     api.Links
	log       *slog.Logger
	pages     map[string]*template.Template
	cats      map[string]*catalog
	assets    map[string]*asset
	assetURLs map[string]string
	srcs      Sources
	write     api.Write
	analyst   store.Analyst
	alerts    store.Alerts
}

// pageNames are the views under templates/, each rendered inside layout.html.
var pageNames = []string{"home", "article", "story", "sources", "entity", "quotes", "events", "stories", "group", "alerts", "error"}

// New parses every template and translation and hashes every static file,
// failing on the first problem.
func New(o Options) (*UI, error) {
	return newUI(files, o)
}

// newUI is New reading its files from fsys.
func newUI(fsys fs.FS, o Options) (*UI, error) {
	if o.Articles == nil {
		return nil, errors.New("web: no Articles")
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	u := &UI{arts: api.Shared(o.Articles), search: o.Searcher, links: linksFrom(o), log: log, pages: map[string]*template.Template{},
		srcs: o.Sources, write: o.Write, analyst: o.Analyst, alerts: o.Alerts}
	if u.analyst == nil {
		u.analyst, _ = o.Articles.(store.Analyst)
	}
	if u.alerts == nil {
		u.alerts, _ = o.Articles.(store.Alerts)
	}
	var err error
	if u.assets, u.assetURLs, err = loadAssets(fsys); err != nil {
		return nil, err
	}
	keys, statics, err := templateRefs(fsys)
	if err != nil {
		return nil, err
	}
	for _, name := range statics {
		if _, ok := u.assetURLs[name]; !ok {
			return nil, fmt.Errorf("web: templates name static file %q, which is not embedded", name)
		}
	}
	if u.cats, err = loadCatalogs(fsys, keys); err != nil {
		return nil, err
	}
	funcs := template.FuncMap{"static": u.staticURL}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(fsys, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: templates: %w", err)
		}
		if t.Lookup("layout") == nil || t.Lookup("content") == nil {
			return nil, fmt.Errorf("web: templates: %s.html defines no content, or layout.html no layout", name)
		}
		u.pages[name] = t
	}
	return u, nil
}

// keyRef finds the translation keys templates name literally; staticRef
// the static files.
var (
	keyRef    = regexp.MustCompile(`\.Tf? "([A-Za-z0-9_]+)"`)
	staticRef = regexp.MustCompile(`static "([^"]+)"`)
)

// templateRefs returns the translation keys the templates use, plus those
// the views compose (months, entity types), and the static files they name.
func templateRefs(fsys fs.FS) (keys, statics []string, err error) {
	keys = []string{"no_date", "ent_PER", "ent_ORG", "ent_LOC", "ent_MISC", "kind_event", "kind_quote", "kind_report"}
	for _, t := range eventTypes {
		keys = append(keys, "ev_"+t)
	}
	for m := 1; m <= 12; m++ {
		keys = append(keys, "month_"+strconv.Itoa(m))
	}
	names, err := fs.Glob(fsys, "templates/*.html")
	if err != nil || len(names) == 0 {
		return nil, nil, fmt.Errorf("web: templates: none found (%v)", err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, nil, fmt.Errorf("web: templates: %w", err)
		}
		for _, m := range keyRef.FindAllSubmatch(b, -1) {
			keys = append(keys, string(m[1]))
		}
		for _, m := range staticRef.FindAllSubmatch(b, -1) {
			statics = append(statics, string(m[1]))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys), statics, nil
}

// Register adds the UI's routes to mux: the search page at /, articles at
// /a/{id}, stories at /s/{id}, static files at /static/, and a 404 page
// for every path nobody else serves.
func (u *UI) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", u.home)
	mux.HandleFunc("GET /a/{id}", u.article)
	mux.HandleFunc("GET /s/{id}", u.story)
	mux.HandleFunc("GET /sources", u.sources)
	mux.HandleFunc("GET /e/{id}", u.entity)
	mux.HandleFunc("GET /quotes", u.quotesPage)
	mux.HandleFunc("GET /stories", u.stories)
	mux.HandleFunc("GET /g/{id}", u.group)
	mux.HandleFunc("GET /events", u.eventsPage)
	mux.HandleFunc("POST /sources", u.addSource)
	mux.HandleFunc("GET /alerts", u.alertsPage)
	mux.HandleFunc("POST /alerts", u.addAlert)
	mux.HandleFunc("POST /alerts/{name}/remove", u.removeAlert)
	mux.HandleFunc("GET /static/{file}", u.serveStatic)
	mux.HandleFunc("GET /", u.notFound)
}

// Handler returns the UI alone on its own mux, without the API's
// middleware; api.Mux serves both behind it.
func (u *UI) Handler() http.Handler {
	mux := http.NewServeMux()
	u.Register(mux)
	return mux
}

// langCookie remembers the UI language a visitor chose with ?hl=.
const langCookie = "hl"

// base returns the page data common to every page for r, choosing the UI
// language: ?hl= (remembered in a cookie), then the cookie, then
// Accept-Language, then Hindi.
func (u *UI) base(w http.ResponseWriter, r *http.Request) base {
	q := r.URL.Query()
	lang := ""
	if hl := strings.ToLower(q.Get("hl")); supported(hl) {
		lang = hl
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: hl, Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, SameSite: http.SameSiteLaxMode})
	} else if c, err := r.Cookie(langCookie); err == nil && supported(c.Value) {
		lang = c.Value
	} else {
		lang = negotiate(r.Header.Get("Accept-Language"))
	}
	other := uiLangs[0]
	if other == lang {
		other = uiLangs[1]
	}
	q.Set("hl", other)
	b := base{catalog: u.cats[lang], Lang: lang, Other: other, Toggle: sitePath(r) + "?" + q.Encode(), Stored: -1}
	if n, err := u.arts.Count(r.Context()); err == nil {
		b.Stored = n
	}
	return b
}

// sitePath is the path of r to link back to: the escaped path of a page
// this UI serves, and "/" for any other (a 404) or for a path a browser
// could read as another site's ("//host", "/\host").
func sitePath(r *http.Request) string {
	if r.Pattern == "" || r.Pattern == "GET /" {
		return "/"
	}
	p := r.URL.EscapedPath()
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n") {
		return "/"
	}
	return p
}

// form is the search form as the visitor filled it.
type form struct {
	Q, Lang, From, To string
}

// homeData is the data of the search page.
type homeData struct {
	base
	Form     form
	Error    string
	Searched bool
	Total    uint64
	Items    []item
	// Next is the URL of the following page, First of the first; "" when
	// there is none.
	Next, First string
	// Facets refine a search; SortHref switches its order, ByDate says
	// which it is.
	Facets   []facetView
	SortHref string
	ByDate   bool
	// FacetsOf is how many of the Total matches the facets count;
	// FacetsSampled says it is fewer than all.
	FacetsOf      int
	FacetsSampled bool
	// Chart draws the matches per day.
	Chart *chartView
}

// facetView is one facet of a search with a link per value.
type facetView struct {
	Name   string
	Values []facetValue
}

type facetValue struct {
	Term, Href string
	Count      int
}

func (u *UI) home(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	v := r.URL.Query()
	d := homeData{base: b, Form: form{Q: v.Get("q"), Lang: v.Get("lang"), From: v.Get("from"), To: v.Get("to")}}
	q, err := api.ParseQuery(v)
	if err != nil {
		d.Error = u.paramMessage(b, err)
		u.render(w, r, http.StatusBadRequest, "home", &d)
		return
	}
	q.Days = true
	found, err := api.Lookup(r.Context(), u.arts, u.search, q)
	var pe *api.ParamError
	switch {
	case errors.As(err, &pe):
		d.Error = u.paramMessage(b, err)
		u.render(w, r, http.StatusBadRequest, "home", &d)
		return
	case errors.Is(err, api.ErrNoSearch):
		d.Error = b.T("search_unavailable")
		u.render(w, r, http.StatusServiceUnavailable, "home", &d)
		return
	case err != nil:
		u.fail(w, r, b, err)
		return
	}
	d.Searched, d.Total, d.ByDate = found.Searched, found.Total, q.ByDate
	// Wire copies fold into their first hit on the page, with "+N copies".
	at := map[string]int{}
	for _, a := range found.Articles {
		if i, ok := at[a.Group]; ok && a.Group != "" && found.Searched {
			d.Items[i].Copies++
			continue
		}
		it := newItem(a)
		if found.Searched {
			it.Marked = highlight(a.Text, queryWords(q.Text), snippetLen)
		}
		if a.Group != "" {
			it.GroupHref = groupHref(a.Group)
			at[a.Group] = len(d.Items)
		}
		d.Items = append(d.Items, it)
	}
	if found.Searched {
		d.Facets, d.FacetsOf = facetsOf(v, found.Facets), found.FacetsOf
		d.FacetsSampled = uint64(found.FacetsOf) < found.Total
		days := make([]store.DayCount, len(found.Days))
		for i, c := range found.Days {
			days[i] = store.DayCount{Day: c.Term, Count: c.Count}
		}
		if len(days) > 1 {
			d.Chart = newChart([]chart.Series{{Points: dayPoints(days)}}, b.Tf("search_chart_for", q.Text), b.T("chart_articles"), maxChartDays)
		}
		sv := url.Values{}
		for k, vs := range v {
			if k != "cursor" && k != "sort" && len(vs) > 0 {
				sv.Set(k, vs[0])
			}
		}
		if !q.ByDate {
			sv.Set("sort", "date")
		}
		d.SortHref = "/?" + sv.Encode()
	}
	page := url.Values{}
	for _, k := range []string{"q", "lang", "from", "to", "limit", "sort"} {
		if s := strings.TrimSpace(v.Get(k)); s != "" {
			page.Set(k, s)
		}
	}
	if q.Cursor != "" {
		d.First = "/?" + page.Encode()
	}
	if found.Next != "" {
		page.Set("cursor", found.Next)
		d.Next = "/?" + page.Encode()
	}
	u.render(w, r, http.StatusOK, "home", &d)
}

// facetsOf makes links that narrow the search of v to each facet value.
func facetsOf(v url.Values, facets map[string][]search.FacetCount) []facetView {
	var out []facetView
	for _, name := range []string{search.FacetOutlet, search.FacetLang, search.FacetEntity, search.FacetEventType} {
		counts := facets[name]
		if len(counts) < 2 && name != search.FacetEventType {
			continue // one value refines nothing
		}
		fv := facetView{Name: name}
		for _, c := range counts {
			nv := url.Values{}
			for k, vs := range v {
				if k != "cursor" && len(vs) > 0 {
					nv.Set(k, vs[0])
				}
			}
			q := strings.TrimSpace(nv.Get("q"))
			switch name {
			case search.FacetLang:
				nv.Set("lang", c.Term)
			case search.FacetOutlet:
				nv.Set("q", q+` outlet:"`+c.Term+`"`)
			case search.FacetEntity:
				nv.Set("q", q+` entity:"`+c.Term+`"`)
			case search.FacetEventType:
				nv.Set("q", q+" type:"+c.Term)
			}
			fv.Values = append(fv.Values, facetValue{Term: c.Term, Count: c.Count, Href: "/?" + nv.Encode()})
		}
		if len(fv.Values) > 0 {
			out = append(out, fv)
		}
	}
	return out
}

// paramMessage says in the UI language what is wrong with a parameter.
func (u *UI) paramMessage(b base, err error) string {
	var pe *api.ParamError
	if errors.As(err, &pe) {
		if s, ok := b.lookup("err_" + pe.Param); ok {
			return s
		}
	}
	return b.T("err_query")
}

// articleData is the data of an article page.
type articleData struct {
	base
	Article *articleView
	Links   *linksView
}

func (u *UI) article(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	a, err := u.arts.Get(r.Context(), r.PathValue("id"))
	switch {
	case errors.Is(err, news.ErrNotFound):
		u.renderError(w, r, b, http.StatusNotFound)
		return
	case err != nil:
		u.fail(w, r, b, err)
		return
	}
	links, err := u.linksOf(r, a)
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	u.render(w, r, http.StatusOK, "article", &articleData{base: b, Article: newArticleView(a, windowOf(r.URL.Query())), Links: links})
}

// errorData is the data of an error page.
type errorData struct {
	base
	Status      int
	Title, Text string
}

func (u *UI) notFound(w http.ResponseWriter, r *http.Request) {
	u.renderError(w, r, u.base(w, r), http.StatusNotFound)
}

// fail logs err and shows the error page.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, b base, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	u.log.LogAttrs(r.Context(), slog.LevelError, "page failed", slog.String("path", r.URL.Path), slog.String("error", err.Error()))
	u.renderError(w, r, b, http.StatusInternalServerError)
}

func (u *UI) renderError(w http.ResponseWriter, r *http.Request, b base, status int) {
	d := errorData{base: b, Status: status, Title: b.T("error_title"), Text: b.T("error_text")}
	if status == http.StatusNotFound {
		d.Title, d.Text = b.T("not_found_title"), b.T("not_found_text")
	}
	u.render(w, r, status, "error", &d)
}

// contentSecurity allows only the site's own styles, scripts and images.
const contentSecurity = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// render executes a page into a buffer and writes it with status; a
// template that fails gives a plain 500 rather than half a page.
func (u *UI) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	var buf bytes.Buffer
	if err := u.pages[page].ExecuteTemplate(&buf, "layout", data); err != nil {
		u.log.LogAttrs(r.Context(), slog.LevelError, "render page", slog.String("page", page), slog.String("error", err.Error()))
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Vary", "Accept-Language, Cookie")
	h.Set("Content-Security-Policy", contentSecurity)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	if b, ok := data.(interface{ uiLang() string }); ok {
		h.Set("Content-Language", b.uiLang())
	}
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// uiLang is the page's UI language, for the Content-Language header.
func (b base) uiLang() string { return b.Lang }
