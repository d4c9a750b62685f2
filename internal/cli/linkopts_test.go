package cli

import (
	"testing"
	"time"
)

func TestLinkOptions(t *testing.T) {
	env := func(m map[string]string) *env {
		return &env{getenv: func(k string) string { return m[k] }}
	}
	o, err := linkOptions(env(map[string]string{"KHABAR_LINK_WINDOW": "240h", "KHABAR_LINK_RECENT": "500"}))
	if err != nil || o.Dedup.Window != 240*time.Hour || o.Dedup.Recent != 500 {
		t.Errorf("linkOptions = %+v, %v", o.Dedup, err)
	}
	if o, err := linkOptions(env(nil)); err != nil || o.Dedup.Window != 0 || o.Dedup.Recent != 0 {
		t.Errorf("defaults: %+v, %v", o.Dedup, err)
	}
	for _, bad := range []map[string]string{{"KHABAR_LINK_WINDOW": "a week"}, {"KHABAR_LINK_WINDOW": "0"}, {"KHABAR_LINK_RECENT": "many"}} {
		if _, err := linkOptions(env(bad)); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
