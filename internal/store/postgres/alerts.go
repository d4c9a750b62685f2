package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"khabar/internal/news"
	"khabar/internal/store"
)

var _ store.Alerts = (*Store)(nil)

// PutAlert stores a, replacing the alert of the same name.
func (s *Store) PutAlert(ctx context.Context, a *store.Alert) error {
	b, n, err := store.EncodeAlert(a)
	if err != nil {
		return fmt.Errorf("postgres: put alert: %w", err)
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO alerts (name, alert, notified) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET alert = excluded.alert, notified = excluded.notified`,
		a.Name, b, n); err != nil {
		return fmt.Errorf("postgres: put alert %q: %w", a.Name, full(err))
	}
	return nil
}

// GetAlert returns the alert named name.
func (s *Store) GetAlert(ctx context.Context, name string) (*store.Alert, error) {
	var alert, notified string
	err := s.pool.QueryRow(ctx, `SELECT alert, notified FROM alerts WHERE name = $1`, name).Scan(&alert, &notified)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: alert %q: %w", name, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: alert %q: %w", name, err)
	}
	return store.DecodeAlert(name, alert, notified)
}

// ListAlerts returns every alert, by name (bytewise, as the embedded
// store orders them).
func (s *Store) ListAlerts(ctx context.Context) ([]*store.Alert, error) {
	rows, err := s.pool.Query(ctx, `SELECT name, alert, notified FROM alerts ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("postgres: alerts: %w", err)
	}
	defer rows.Close()
	out := []*store.Alert{}
	for rows.Next() {
		var name, alert, notified string
		if err := rows.Scan(&name, &alert, &notified); err != nil {
			return nil, fmt.Errorf("postgres: alerts: %w", err)
		}
		a, err := store.DecodeAlert(name, alert, notified)
		if err != nil {
			return nil, fmt.Errorf("postgres: alerts: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: alerts: %w", err)
	}
	return out, nil
}

// RemoveAlert forgets the alert named name.
func (s *Store) RemoveAlert(ctx context.Context, name string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM alerts WHERE name = $1`, name)
	if err != nil {
		return fmt.Errorf("postgres: remove alert %q: %w", name, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: remove alert %q: %w", name, news.ErrNotFound)
	}
	return nil
}
