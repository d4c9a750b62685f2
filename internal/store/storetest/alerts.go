package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
)

// AlertStore is a store that keeps saved searches.
type AlertStore interface {
	store.Store
	store.Alerts
}

// RunAlerts runs the contract of store.Alerts on a new, empty store.
func RunAlerts(t *testing.T, s AlertStore) {
	t.Helper()
	ctx := t.Context()
	a := &store.Alert{Name: "kremlin", Query: `क्रेमलिन OR Kremlin "Putin Trump"`, Lang: "hi",
		From: time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC), Webhook: "https://hooks.example/k", Created: time.Date(2025, 8, 2, 0, 0, 0, 0, time.UTC)}
	if err := s.PutAlert(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.PutAlert(ctx, &store.Alert{Name: "floods", Query: "बाढ़"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetAlert(ctx, "kremlin")
	if err != nil {
		t.Fatal(err)
	}
	a.Notified = got.Notified // nil or empty: nothing posted yet
	if !reflect.DeepEqual(got, a) {
		t.Errorf("GetAlert = %+v, want %+v", got, a)
	}
	a.Notified, a.LastError = []string{"x1", "x2"}, "status 500"
	if err := s.PutAlert(ctx, a); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.GetAlert(ctx, "kremlin"); !reflect.DeepEqual(got.Notified, []string{"x1", "x2"}) || got.LastError == "" {
		t.Errorf("after update: %+v", got)
	}
	list, err := s.ListAlerts(ctx)
	if err != nil || len(list) != 2 || list[0].Name != "floods" {
		t.Errorf("ListAlerts = %v, %v", list, err)
	}
	if err := s.RemoveAlert(ctx, "floods"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveAlert(ctx, "floods"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("RemoveAlert twice = %v", err)
	}
	if _, err := s.GetAlert(ctx, "floods"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("GetAlert removed = %v", err)
	}
}
