package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"khabar/internal/news"
	"khabar/internal/store"
)

var _ store.Alerts = (*Store)(nil)

// PutAlert stores a, replacing the alert of the same name.
func (s *Store) PutAlert(ctx context.Context, a *store.Alert) error {
	b, n, err := store.EncodeAlert(a)
	if err != nil {
		return fmt.Errorf("sqlite: put alert: %w", err)
	}
	if _, err := s.w.ExecContext(ctx, `INSERT INTO alerts (name, alert, notified) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET alert = excluded.alert, notified = excluded.notified`, a.Name, b, n); err != nil {
		return fmt.Errorf("sqlite: put alert %q: %w", a.Name, full(err))
	}
	return nil
}

// GetAlert returns the alert named name.
func (s *Store) GetAlert(ctx context.Context, name string) (*store.Alert, error) {
	var alert, notified string
	err := s.r.QueryRowContext(ctx, `SELECT alert, notified FROM alerts WHERE name = ?`, name).Scan(&alert, &notified)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: alert %q: %w", name, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: alert %q: %w", name, err)
	}
	return store.DecodeAlert(name, alert, notified)
}

// ListAlerts returns every alert, by name.
func (s *Store) ListAlerts(ctx context.Context) ([]*store.Alert, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT name, alert, notified FROM alerts ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: alerts: %w", err)
	}
	defer rows.Close()
	out := []*store.Alert{}
	for rows.Next() {
		var name, alert, notified string
		if err := rows.Scan(&name, &alert, &notified); err != nil {
			return nil, fmt.Errorf("sqlite: alerts: %w", err)
		}
		a, err := store.DecodeAlert(name, alert, notified)
		if err != nil {
			return nil, fmt.Errorf("sqlite: alerts: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// RemoveAlert forgets the alert named name.
func (s *Store) RemoveAlert(ctx context.Context, name string) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM alerts WHERE name = ?`, name)
	if err != nil {
		return fmt.Errorf("sqlite: remove alert %q: %w", name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("sqlite: remove alert %q: %w", name, news.ErrNotFound)
	}
	return nil
}
