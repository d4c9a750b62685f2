package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"khabar/internal/fetch"
)

// A crawler makes one Client and keeps the validators of every feed, so that
// an unchanged feed costs a 304.
func ExampleClient_Get() {
	c := fetch.New(fetch.Options{
		UserAgent: "khabar/0.1 (+https://khabar.example.org/crawler; news research crawler)",
		Delay:     2 * time.Second,
		Logger:    slog.Default(),
	})
	ctx := context.Background()
	etag, lastModified := `"v41"`, "" // as stored after the last fetch
	resp, err := c.Get(ctx, fetch.Request{
		URL:          "https://news.example.in/rss/latest.xml",
		ETag:         etag,
		LastModified: lastModified,
		MaxBytes:     10 << 20,
	})
	var se *fetch.StatusError
	switch {
	case errors.As(err, &se) && se.RetryAfter > 0:
		fmt.Println("try again in", se.RetryAfter)
	case errors.Is(err, fetch.ErrDisallowed), errors.Is(err, fetch.ErrBlocked):
		fmt.Println("drop the source:", err)
	case errors.Is(err, fetch.ErrRobotsUnavailable):
		fmt.Println("robots.txt unreadable for now; try again in a few minutes")
	case err != nil:
		fmt.Println("back off:", err)
	case resp.NotModified:
		fmt.Println("unchanged")
	default:
		fmt.Println(len(resp.Body), "bytes from", resp.URL, "store", resp.ETag, resp.LastModified)
	}
}
