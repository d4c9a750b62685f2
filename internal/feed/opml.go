package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// maxOPML caps the size of an OPML document ReadOPML reads.
const maxOPML = 16 << 20

// Outline is one subscription of an OPML list.
type Outline struct {
	// Text is the outline's text (OPML 2.0 requires it); Title its title.
	Text, Title string
	// Type is the outline type, "rss" for a feed.
	Type string
	// XMLURL is the feed's URL; HTMLURL the site's.
	XMLURL, HTMLURL string
	// Category is the folder the outline sits in: the texts of its
	// enclosing outlines joined with "/", or its own category attribute.
	Category string
}

// ReadOPML reads an OPML document (1.0 or 2.0) and returns its outlines
// with a feed or site URL, nested folders flattened into Category, in
// document order.
func ReadOPML(r io.Reader) ([]Outline, error) {
	in, err := io.ReadAll(io.LimitReader(r, maxOPML+1))
	if err != nil {
		return nil, fmt.Errorf("read opml: %w", err)
	}
	if len(in) > maxOPML {
		return nil, fmt.Errorf("read opml: over %d bytes", maxOPML)
	}
	d := xml.NewDecoder(bytes.NewReader(in))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var (
		out     []Outline
		folders []string // texts of the open outlines
		open    []bool   // the open elements: true for an outline
		rooted  bool
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read opml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, false)
			if len(open) == 1 {
				if !strings.EqualFold(t.Name.Local, "opml") {
					return nil, fmt.Errorf("read opml: root element is <%s>, not <opml>", t.Name.Local)
				}
				rooted = true
				continue
			}
			if !strings.EqualFold(t.Name.Local, "outline") {
				continue
			}
			open[len(open)-1] = true
			o := Outline{
				Text:     oneLine(xmlAttr(t, "text")),
				Title:    oneLine(xmlAttr(t, "title")),
				Type:     strings.TrimSpace(xmlAttr(t, "type")),
				XMLURL:   strings.TrimSpace(xmlAttr(t, "xmlUrl")),
				HTMLURL:  strings.TrimSpace(xmlAttr(t, "htmlUrl")),
				Category: strings.TrimSpace(xmlAttr(t, "category")),
			}
			if o.Category == "" {
				o.Category = strings.Join(folders, "/")
			}
			if o.XMLURL != "" || o.HTMLURL != "" {
				out = append(out, o)
			}
			label := o.Text
			if label == "" {
				label = o.Title
			}
			folders = append(folders, label)
		case xml.EndElement:
			if len(open) == 0 {
				continue
			}
			if open[len(open)-1] {
				folders = folders[:len(folders)-1]
			}
			open = open[:len(open)-1]
		}
	}
	if !rooted {
		return nil, errors.New("read opml: no <opml> element")
	}
	return out, nil
}

// xmlAttr returns the attribute named name, ignoring case (xmlUrl, xmlURL).
func xmlAttr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return a.Value
		}
	}
	return ""
}

// WriteOPML writes outlines as an OPML 2.0 document titled title. Outlines
// with a Category are grouped in one folder outline per category, placed
// where the category first appears; the others stay at the top level. An
// outline without Text gets its Title, or else its feed URL, as text; a feed
// without a Type gets "rss".
func WriteOPML(w io.Writer, title string, outlines []Outline) error {
	doc := opmlDoc{Version: "2.0"}
	doc.Head.Title = title
	folder := make(map[string]int) // category → index in doc.Body.Outlines
	for _, o := range outlines {
		x := opmlOutline{Text: o.Text, Title: o.Title, Type: o.Type, XMLURL: o.XMLURL, HTMLURL: o.HTMLURL}
		if x.Text == "" {
			x.Text = x.Title
		}
		if x.Text == "" {
			x.Text = x.XMLURL
		}
		if x.Type == "" && x.XMLURL != "" {
			x.Type = "rss"
		}
		if o.Category == "" {
			doc.Body.Outlines = append(doc.Body.Outlines, x)
			continue
		}
		i, ok := folder[o.Category]
		if !ok {
			i = len(doc.Body.Outlines)
			folder[o.Category] = i
			doc.Body.Outlines = append(doc.Body.Outlines, opmlOutline{Text: o.Category})
		}
		doc.Body.Outlines[i].Outlines = append(doc.Body.Outlines[i].Outlines, x)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	e := xml.NewEncoder(w)
	e.Indent("", "  ")
	if err := e.Encode(doc); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	return nil
}

type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title string `xml:"title"`
	} `xml:"head"`
	Body struct {
		Outlines []opmlOutline `xml:"outline"`
	} `xml:"body"`
}

type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	Outlines []opmlOutline `xml:"outline"`
}
