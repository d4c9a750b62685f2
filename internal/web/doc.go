// Package web is khabar's server-rendered web UI: a search page listing the
// newest articles or the hits of a query, and an article page with the
// record's text, metadata and analysis. Pages are html/template views parsed
// at start-up; CSS, JS and the Hindi and English UI strings are embedded, and
// static files are served under content-hashed names with long cache
// lifetimes.
package web
