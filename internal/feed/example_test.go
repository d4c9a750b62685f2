package feed_test

import (
	"fmt"

	"khabar/internal/feed"
)

func ExampleParse() {
	body := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>/desh/sansad-satra</loc>
    <news:news>
      <news:publication><news:name>Samachar Darpan</news:name><news:language>hi</news:language></news:publication>
      <news:publication_date>2026-12-07T16:30:00+05:30</news:publication_date>
      <news:title>संसद का शीतकालीन सत्र आज से</news:title>
    </news:news>
  </url>
</urlset>`)
	doc, err := feed.Parse(body, "application/xml", "https://samachar-darpan.example.in/news-sitemap.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range doc.Entries {
		fmt.Println(doc.Kind, e.URL, e.Lang, e.Publisher, e.Published.Format("2006-01-02 15:04 -07:00"), e.Title)
	}
	// Output:
	// sitemap https://samachar-darpan.example.in/desh/sansad-satra hi Samachar Darpan 2026-12-07 16:30 +05:30 संसद का शीतकालीन सत्र आज से
}

func ExampleDiscover() {
	page := []byte(`<html><head>
<link rel="alternate" type="application/rss+xml" title="ताज़ा ख़बरें" href="/rss/latest.xml">
<link rel="alternate" hreflang="en" href="/en/">
</head><body></body></html>`)
	fmt.Println(feed.Discover(page, "https://samachar-darpan.example.in/"))
	// Output:
	// [https://samachar-darpan.example.in/rss/latest.xml]
}
