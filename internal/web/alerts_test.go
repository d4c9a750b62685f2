package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"khabar/internal/api"
	"khabar/internal/api/apitest"
	"khabar/internal/news"
	"khabar/internal/store"
)

// memAlerts is a store.Alerts in memory.
type memAlerts struct {
	mu sync.Mutex
	m  map[string]*store.Alert
}

func (m *memAlerts) PutAlert(_ context.Context, a *store.Alert) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[a.Name] = a
	return nil
}

func (m *memAlerts) GetAlert(_ context.Context, name string) (*store.Alert, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a, ok := m.m[name]; ok {
		return a, nil
	}
	return nil, news.ErrNotFound
}

func (m *memAlerts) ListAlerts(context.Context) ([]*store.Alert, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*store.Alert
	for _, a := range m.m {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *store.Alert) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func (m *memAlerts) RemoveAlert(_ context.Context, name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.m[name]; !ok {
		return news.ErrNotFound
	}
	delete(m.m, name)
	return nil
}

func alertsUI(t *testing.T, w api.Write) (*memAlerts, http.Handler) {
	t.Helper()
	m := &memAlerts{m: map[string]*store.Alert{
		"putin": {Name: "putin", Query: "पुतिन <ट्रंप>", Lang: "hi", Webhook: "https://hooks.example/secret/path"},
	}}
	a := apitest.New()
	u, err := New(Options{Articles: a, Searcher: a, Alerts: m, Write: w})
	if err != nil {
		t.Fatal(err)
	}
	return m, u.Handler()
}

func post(h http.Handler, path string, form url.Values, origin string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestAlertsPage: the saved searches are listed with their feeds and
// searches, escaped, the webhook by its host only (its path may be a
// secret), in both UI languages; without a store of alerts there is no page.
func TestAlertsPage(t *testing.T) {
	_, h := alertsUI(t, api.Write{Token: "tok"})
	rec := get(t, h, "/alerts?hl=en")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	contains(t, rec.Body.String(), []string{
		"Saved searches", `href="/feeds/putin.atom"`, "पुतिन &lt;ट्रंप&gt;", "hooks.example",
		`action="/alerts"`, `action="/alerts/putin/remove"`, `name="token"`,
	}, "<ट्रंप>", "secret/path")
	contains(t, get(t, h, "/alerts?hl=hi").Body.String(), []string{"सहेजी गई खोजें"})
	// The search page offers to save what was searched.
	contains(t, get(t, h, "/?q=%E0%A4%AA%E0%A5%81%E0%A4%A4%E0%A4%BF%E0%A4%A8&hl=en").Body.String(),
		[]string{`href="/alerts?q=%e0%a4%aa%e0%a5%81%e0%a4%a4%e0%a4%bf%e0%a4%a8`, "Save this search"})
	// The form comes prefilled from there.
	contains(t, get(t, h, "/alerts?q=corona&hl=en").Body.String(), []string{`value="corona"`})

	u, _ := New(Options{Articles: apitest.New()})
	if rec := get(t, u.Handler(), "/alerts"); rec.Code != 404 {
		t.Errorf("without alerts: %d", rec.Code)
	}
	_, off := alertsUI(t, api.Write{Off: "writes are off"})
	contains(t, get(t, off, "/alerts").Body.String(), nil, `action="/alerts"`)
}

// TestAlertsForm: saving and removing a search from the page need the
// page's own origin and the server's token, and a bad alert is refused
// with the reason.
func TestAlertsForm(t *testing.T) {
	m, h := alertsUI(t, api.Write{Token: "tok"})
	form := url.Values{"name": {"lockdown"}, "q": {"लॉकडाउन"}, "lang": {"hi"}, "token": {"tok"}}
	if rec := post(h, "/alerts", form, "http://evil.example"); rec.Code != 403 {
		t.Errorf("cross-site form: %d", rec.Code)
	}
	bad := url.Values{"name": {"lockdown"}, "q": {"लॉकडाउन"}, "token": {"wrong"}}
	if rec := post(h, "/alerts", bad, "http://example.com"); rec.Code != 401 {
		t.Errorf("wrong token: %d", rec.Code)
	}
	rec := post(h, "/alerts", form, "http://example.com")
	if rec.Code != 303 || rec.Header().Get("Location") != "/alerts?added=lockdown" {
		t.Fatalf("add: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	if a := m.m["lockdown"]; a == nil || a.Query != "लॉकडाउन" || a.Lang != "hi" || a.Created.IsZero() {
		t.Errorf("stored %+v", a)
	}
	contains(t, get(t, h, "/alerts?added=lockdown&hl=en").Body.String(), []string{"Saved search lockdown added."})
	for _, f := range []url.Values{
		{"name": {"no spaces"}, "q": {"x"}, "token": {"tok"}},
		{"name": {"hook"}, "q": {"x"}, "webhook": {"ftp://h.example/"}, "token": {"tok"}},
		{"name": {"empty"}, "q": {" "}, "token": {"tok"}},
	} {
		if rec := post(h, "/alerts", f, "http://example.com"); rec.Code != 400 || !strings.Contains(rec.Body.String(), "सहेजी नहीं गई:") {
			t.Errorf("%v: %d", f, rec.Code)
		}
	}
	if rec := post(h, "/alerts/lockdown/remove", url.Values{"token": {"tok"}}, "http://evil.example"); rec.Code != 403 {
		t.Errorf("cross-site remove: %d", rec.Code)
	}
	rec = post(h, "/alerts/lockdown/remove", url.Values{"token": {"tok"}}, "http://example.com")
	if rec.Code != 303 || m.m["lockdown"] != nil {
		t.Errorf("remove: %d, left %v", rec.Code, m.m["lockdown"])
	}
	if rec := post(h, "/alerts/lockdown/remove", url.Values{"token": {"tok"}}, "http://example.com"); rec.Code != 404 {
		t.Errorf("remove again: %d", rec.Code)
	}
}
