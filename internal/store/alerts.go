package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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

// EncodeAlert is how the stores keep an alert: the alert as JSON, and the
// ids it has notified as a JSON array (never null), in columns of their
// own so that marking an article notified rewrites only that one.
func EncodeAlert(a *Alert) (alert, notified string, err error) {
	if a.Name == "" {
		return "", "", errors.New("alert without a name")
	}
	b, err := json.Marshal(a)
	if err != nil {
		return "", "", fmt.Errorf("alert %q: %w", a.Name, err)
	}
	ids := a.Notified
	if ids == nil {
		ids = []string{}
	}
	n, err := json.Marshal(ids)
	if err != nil {
		return "", "", fmt.Errorf("alert %q: %w", a.Name, err)
	}
	return string(b), string(n), nil
}

// DecodeAlert reads an alert EncodeAlert wrote, naming it in any error.
func DecodeAlert(name, alert, notified string) (*Alert, error) {
	a := new(Alert)
	if err := json.Unmarshal([]byte(alert), a); err != nil {
		return nil, fmt.Errorf("alert %q: %w", name, err)
	}
	if err := json.Unmarshal([]byte(notified), &a.Notified); err != nil {
		return nil, fmt.Errorf("alert %q: %w", name, err)
	}
	return a, nil
}
