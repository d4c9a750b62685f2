package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"khabar/internal/ingest"
	"khabar/internal/source"
)

// Hand-over batches: at most this many articles or bytes per request.
const (
	handOverItems = 200
	handOverBytes = 16 << 20
)

// handOver sends the inputs at paths to the khabar serve of h, which
// analyses and stores them, and returns what it did.
func handOver(ctx context.Context, e *env, h handoff, paths []string, maxBytes int64, token string, progress bool) (ingest.Summary, error) {
	var sum ingest.Summary
	if !h.Writes {
		return sum, fmt.Errorf("the khabar serve at %s holds this data folder and takes no writes (it listens beyond loopback without a token)", h.URL)
	}
	fmt.Fprintf(e.stderr, "khabar serve at %s holds this data folder: handing the articles to it\n", h.URL)
	start := time.Now()
	client := &http.Client{Timeout: 10 * time.Minute}
	var buf bytes.Buffer
	n := 0
	send := func() error {
		if n == 0 {
			return nil
		}
		res, err := postRaw(ctx, client, h.URL, token, buf.Bytes())
		if err != nil {
			return err
		}
		for _, r := range res.Results {
			switch {
			case r.Error != "":
				sum.Failed++
				sum.Failures = append(sum.Failures, ingest.Failure{Name: r.Item, Reason: r.Error})
			case r.Outcome == "new":
				sum.New++
			case r.Outcome == "updated":
				sum.Updated++
			default:
				sum.Unchanged++
			}
		}
		if progress {
			fmt.Fprintf(e.stderr, "ingest: %d items handed over — %d new, %d updated, %d unchanged, %d failed\n",
				sum.Total(), sum.New, sum.Updated, sum.Unchanged, sum.Failed)
		}
		buf.Reset()
		n = 0
		return nil
	}
	err := source.Walk(ctx, paths, source.Options{MaxBytes: maxBytes, Stdin: e.stdin}, func(it source.Item) error {
		if it.Err != nil {
			sum.Failed++
			sum.Failures = append(sum.Failures, ingest.Failure{Name: it.Name, Reason: it.Err.Error()})
			return nil
		}
		b, err := source.MarshalRaw(it.Article)
		if err != nil {
			return fmt.Errorf("%s: %w", it.Name, err)
		}
		if n > 0 && buf.Len()+len(b) > handOverBytes {
			if err := send(); err != nil {
				return err
			}
		}
		buf.Write(b)
		buf.WriteByte('\n')
		n++
		if n >= handOverItems {
			return send()
		}
		return nil
	})
	if err == nil {
		err = send()
	}
	sum.Elapsed = time.Since(start)
	return sum, err
}

// uploadAnswer is the answer of POST /api/v1/articles.
type uploadAnswer struct {
	Results []struct {
		Item    string `json:"item"`
		ID      string `json:"id"`
		Outcome string `json:"outcome"`
		Error   string `json:"error"`
	} `json:"results"`
	Error *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// postRaw posts body (MediaRaw lines) to the server at base.
func postRaw(ctx context.Context, c *http.Client, base, token string, body []byte) (*uploadAnswer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(base, "/")+"/api/v1/articles", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", source.MediaRaw)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("hand over to %s: %w (is the server still running?)", base, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("hand over to %s: %w", base, err)
	}
	var a uploadAnswer
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("hand over to %s: status %d: %s", base, resp.StatusCode, firstLine(string(b)))
	}
	if resp.StatusCode != http.StatusOK {
		msg := http.StatusText(resp.StatusCode)
		if a.Error != nil {
			msg = a.Error.Message
		}
		if resp.StatusCode == http.StatusUnauthorized {
			msg += " (give it with --token or KHABAR_TOKEN)"
		}
		return nil, fmt.Errorf("hand over to %s: %d: %s", base, resp.StatusCode, msg)
	}
	return &a, nil
}
