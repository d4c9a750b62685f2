package queue

import (
	"context"

	"github.com/nats-io/nats.go/jetstream"
)

// PublishRawForTest publishes b as a raw article, as it is.
func (q *Queue) PublishRawForTest(ctx context.Context, b []byte) (*jetstream.PubAck, error) {
	return q.js.Publish(ctx, q.rawSubj, b)
}
