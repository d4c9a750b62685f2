package queue

import (
	"context"

	"khabar/internal/ingest"
	"khabar/internal/pipeline"
	"khabar/internal/store"
)

// Submit publishes the articles of jobs, in order, for the follower and
// the API of a node that analyses through the queue (it takes the place of
// ingest.Ingester.Submit). An article published is reported New, one the
// queue had already Unchanged: what the store will make of it is the
// linker's business, later. A job with an error is reported as it is.
func (p *Publisher) Submit(ctx context.Context, jobs []pipeline.Job) ([]ingest.Result, error) {
	out := make([]ingest.Result, len(jobs))
	for i, j := range jobs {
		out[i].Name = j.Name
		if j.Err != nil || j.Article == nil {
			out[i].Err = j.Err
			continue
		}
		out[i].ID = j.Article.ID
		dup, err := p.Publish(ctx, j.Name, j.Article)
		switch {
		case err != nil && ctx.Err() != nil:
			return out[:i], ctx.Err()
		case err != nil:
			out[i].Err = err
		case dup:
			out[i].Outcome = store.Unchanged
		default:
			out[i].Outcome = store.New
		}
	}
	return out, nil
}
