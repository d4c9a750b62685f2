package page

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"khabar/internal/news"
)

// maxTitleText bounds the text read from one element.
const maxTitleText = 2048

// ReadHead reads the metadata of an HTML page. It never fails: a page with
// none gives an empty Head. Any size is read in one streaming pass.
func ReadHead(page string) news.Head {
	var h news.Head
	z := html.NewTokenizer(strings.NewReader(page))
	z.SetMaxBuf(0)
	var (
		in       atom.Atom // element whose text is being collected
		text     strings.Builder
		ldScript bool
		ld       strings.Builder
		h1Done   bool
		sum      summaryReader
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if ld.Len() > 0 && h.LD.Headline == "" {
				h.LD = parseLD(ld.String())
			}
			if h.LD.Description != "" {
				h.Descriptions = append(h.Descriptions, h.LD.Description)
			}
			return h
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				key := strings.ToLower(string(k))
				if _, seen := attrs[key]; !seen {
					attrs[key] = string(v)
				}
			}
			sum.start(a, name, attrs, tt == html.SelfClosingTagToken)
			switch a {
			case atom.Html:
				if h.Lang == "" {
					h.Lang = strings.TrimSpace(attrs["lang"])
				}
			case atom.Title:
				if h.Title == "" && tt == html.StartTagToken {
					in = a
					text.Reset()
				}
			case atom.H1:
				if !h1Done && tt == html.StartTagToken {
					in = a
					text.Reset()
				}
			case atom.Meta:
				readMeta(&h, attrs)
			case atom.Link:
				if strings.EqualFold(attrs["rel"], "canonical") && h.URL == "" {
					h.URL = strings.TrimSpace(attrs["href"])
				}
			case atom.Time:
				if v := attrs["datetime"]; v != "" {
					switch strings.ToLower(attrs["itemprop"]) {
					case "datepublished":
						h.Published = append(h.Published, v)
					case "datemodified":
						h.Modified = append(h.Modified, v)
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attrs["type"]), "ld+json") && tt == html.StartTagToken {
					ldScript = true
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			sum.end(&h, a, name)
			if a == atom.Script {
				if ldScript && h.LD.Headline == "" && ld.Len() > 0 {
					h.LD = parseLD(ld.String())
					ld.Reset()
				}
				ldScript = false
			}
			if in != 0 && a == in {
				t := collapse(text.String())
				switch in {
				case atom.Title:
					h.Title = t
				case atom.H1:
					if t != "" {
						h.H1 = t
						h1Done = true
					}
				}
				in = 0
			}
		case html.TextToken:
			if ldScript {
				if ld.Len() < 1<<20 {
					ld.Write(z.Text())
				}
				continue
			}
			if in != 0 && text.Len() < maxTitleText {
				text.Write(z.Text())
			}
			sum.text(z.Text())
		}
	}
}

// readMeta reads one <meta> tag into h.
func readMeta(h *news.Head, attrs map[string]string) {
	key := strings.ToLower(strings.TrimSpace(attrs["property"]))
	if key == "" {
		key = strings.ToLower(strings.TrimSpace(attrs["name"]))
	}
	if key == "" {
		key = strings.ToLower(strings.TrimSpace(attrs["itemprop"]))
	}
	v := collapse(html.UnescapeString(attrs["content"]))
	if key == "" || v == "" {
		return
	}
	switch key {
	case "og:title":
		if h.OGTitle == "" {
			h.OGTitle = v
		}
	case "twitter:title":
		if h.TwitterTitle == "" {
			h.TwitterTitle = v
		}
	case "description", "og:description", "twitter:description":
		h.Descriptions = append(h.Descriptions, v)
	case "og:site_name", "application-name":
		if h.SiteName == "" {
			h.SiteName = v
		}
	case "og:url":
		if h.URL == "" {
			h.URL = v
		}
	case "article:published_time", "datepublished", "publish-date", "pubdate", "publishdate",
		"date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
		"og:published_time", "article:published", "publish_date", "created-date":
		h.Published = append(h.Published, v)
	case "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
		"last-modified", "modified-date", "article:modified", "updated-date":
		h.Modified = append(h.Modified, v)
	case "author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author":
		if !strings.HasPrefix(v, "http") {
			h.Authors = append(h.Authors, v)
		}
	}
}

// collapse trims s and folds runs of white space to one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// articleTypes are the schema.org types that describe a news article.
var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "reportagenewsarticle": true, "blogposting": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"liveblogposting": true, "webpage": false,
}

// parseLD finds the first article object in a JSON-LD script, which may be
// an object, an array, or an object with an @graph.
func parseLD(src string) news.LDArticle {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return news.LDArticle{}
	}
	if obj := findArticle(v, 0); obj != nil {
		return ldFrom(obj)
	}
	return news.LDArticle{}
}

func findArticle(v any, depth int) map[string]any {
	if depth > 6 {
		return nil
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if o := findArticle(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		if isArticleType(t["@type"]) {
			return t
		}
		if g, ok := t["@graph"]; ok {
			return findArticle(g, depth+1)
		}
		if m, ok := t["mainEntity"]; ok {
			return findArticle(m, depth+1)
		}
	}
	return nil
}

func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		return articleTypes[strings.ToLower(t)]
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func ldFrom(o map[string]any) news.LDArticle {
	a := news.LDArticle{
		Headline:      collapse(html.UnescapeString(str(o["headline"]))),
		DatePublished: str(o["datePublished"]),
		DateModified:  str(o["dateModified"]),
		Publisher:     collapse(names(o["publisher"], 0).first()),
		URL:           str(o["url"]),
		Description:   collapse(html.UnescapeString(str(o["description"]))),
	}
	if a.Headline == "" {
		a.Headline = collapse(str(o["name"]))
	}
	for _, n := range names(o["author"], 0) {
		if n = collapse(n); n != "" {
			a.Authors = append(a.Authors, n)
		}
	}
	return a
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return ""
}

type nameList []string

func (n nameList) first() string {
	if len(n) == 0 {
		return ""
	}
	return n[0]
}

// names reads a schema.org Person/Organization, a list of them, or a plain
// string, and returns the names.
func names(v any, depth int) nameList {
	if depth > 4 {
		return nil
	}
	switch t := v.(type) {
	case string:
		if s := strings.TrimSpace(t); s != "" && !strings.HasPrefix(s, "http") {
			return nameList{s}
		}
	case map[string]any:
		if s := str(t["name"]); s != "" {
			return nameList{s}
		}
	case []any:
		var out nameList
		for _, e := range t {
			out = append(out, names(e, depth+1)...)
		}
		return out
	}
	return nil
}

// HeadOf returns what a's HTML page declares in its head, read once: the
// first stage that asks reads a.Raw.Body and keeps the result in a.Head
// for the stages after it. A page that is not HTML has an empty Head.
func HeadOf(a *news.Article) news.Head {
	if a.Head != nil {
		return *a.Head
	}
	var h news.Head
	if a.Raw.Format == news.FormatHTML && a.Raw.Body != "" {
		h = ReadHead(a.Raw.Body)
	}
	a.Head = &h
	return h
}
