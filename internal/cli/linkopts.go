package cli

import (
	"fmt"
	"strconv"
	"time"

	"khabar/internal/link"
)

// linkOptions returns the linker's options: the defaults, with the memory
// window set by KHABAR_LINK_WINDOW (a duration: how far before the newest
// articles copies are looked for; "-1s" keeps everything) and
// KHABAR_LINK_RECENT (how many of the last articles linked are kept
// whatever their age; -1 for none). Every process linking one store must
// use the same settings, as ingest, serve, rebuild and worker --link do by
// reading them here.
func linkOptions(e *env) (link.Options, error) {
	opt := link.Options{Logger: e.log}
	if s := e.getenv("KHABAR_LINK_WINDOW"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d == 0 {
			return opt, fmt.Errorf("KHABAR_LINK_WINDOW=%q: want a duration such as 720h (negative: no window)", s)
		}
		opt.Dedup.Window = d
	}
	if s := e.getenv("KHABAR_LINK_RECENT"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n == 0 {
			return opt, fmt.Errorf("KHABAR_LINK_RECENT=%q: want a number of articles (negative: none)", s)
		}
		opt.Dedup.Recent = n
	}
	return opt, nil
}
