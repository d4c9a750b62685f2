package store

import (
	"context"
	"time"
)

// Alert is a saved search: a query with its filters under a name, served
// as an Atom feed and, with a webhook, posted to as new articles match.
type Alert struct {
	// Name identifies the alert: letters, digits, "-" and "_".
	Name string `json:"name"`
	// Query is the search text (the syntax of khabar search); Lang, From
	// and To filter as the search's.
	Query string    `json:"query"`
	Lang  string    `json:"lang,omitempty"`
	From  time.Time `json:"from,omitzero"`
	To    time.Time `json:"to,omitzero"`
	// Webhook, when set, is an http(s) URL that gets a JSON POST for each
	// new match.
	Webhook string    `json:"webhook,omitempty"`
	Created time.Time `json:"created"`
	// Notified lists the ids of the latest matches already posted to the
	// webhook, or passed over as published before the alert was made
	// (bounded), so that none is posted twice.
	Notified []string `json:"-"`
	// LastError is the last webhook failure, "" after a success.
	LastError string `json:"last_error,omitempty"`
}

// Alerts keeps saved searches. Every method is safe for concurrent use.
type Alerts interface {
	// PutAlert stores a, replacing the alert of the same name.
	PutAlert(ctx context.Context, a *Alert) error
	// GetAlert returns the alert named name, or an error wrapping
	// news.ErrNotFound.
	GetAlert(ctx context.Context, name string) (*Alert, error)
	// ListAlerts returns every alert, by name.
	ListAlerts(ctx context.Context) ([]*Alert, error)
	// RemoveAlert forgets the alert named name (news.ErrNotFound when
	// there is none).
	RemoveAlert(ctx context.Context, name string) error
}
