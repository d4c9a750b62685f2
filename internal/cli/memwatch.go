package cli

import (
	"bytes"
	"fmt"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// profileHeap writes a heap profile to path whenever the live heap has grown
// a tenth past the largest seen so far (checked every second), so that the
// file ends with the profile of the run's largest heap: where a peak of
// memory comes from. stop ends the watch and reports the largest heap and
// any error writing the file.
func profileHeap(path string) (stop func() (peak uint64, err error)) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	done, finished := make(chan struct{}), make(chan struct{})
	var (
		peak, written uint64
		werr          error
	)
	write := func() {
		var b bytes.Buffer
		if err := pprof.Lookup("heap").WriteTo(&b, 0); err != nil {
			werr = err
			return
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			werr = err
		}
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			metrics.Read(sample)
			live := sample[0].Value.Uint64()
			peak = max(peak, live)
			if live > written+written/10 {
				written = live
				write()
			}
		}
	}()
	return func() (uint64, error) {
		close(done)
		<-finished
		if werr != nil {
			return peak, fmt.Errorf("memprofile: %w", werr)
		}
		return peak, nil
	}
}
