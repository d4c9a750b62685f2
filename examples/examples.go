// Package examples embeds the sample corpus that "khabar demo" ingests: news
// pages written for khabar in the shapes scrapers deliver.
package examples

import "embed"

// Corpus holds the files under corpus/.
//
//go:embed corpus
var Corpus embed.FS
