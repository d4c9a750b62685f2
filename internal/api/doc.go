// Package api is khabar's HTTP JSON API: search and read stored articles as
// khabar.article/v1 records, a health check, and the OpenAPI document that
// describes them. Mux combines the API with the web UI behind one set of
// middleware (request logging, panic recovery, method and size limits), and
// NewHTTPServer wraps a handler in an http.Server with sensible timeouts.
package api
