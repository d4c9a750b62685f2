package cli

import (
	"khabar/internal/clean"
	"khabar/internal/entity"
	"khabar/internal/event"
	"khabar/internal/extract"
	"khabar/internal/lang"
	"khabar/internal/meta"
	"khabar/internal/normalize"
	"khabar/internal/pipeline"
	"khabar/internal/quote"
	"khabar/internal/segment"
	"khabar/internal/timex"
)

// stages returns the stages of the flow in the order of the design:
// extract, normalize, clean, meta, lang, segment, entities, time, quotes,
// events. Dedup and stories need everything stored, so they run in ingest.
func stages() ([]pipeline.Stage, error) {
	ent, err := entity.New(entity.Options{})
	if err != nil {
		return nil, err
	}
	return []pipeline.Stage{
		extract.New(extract.Options{}),
		normalize.Stage{},
		clean.New(),
		meta.New(),
		lang.New(),
		segment.Stage{},
		ent,
		timex.New(),
		quote.New(),
		event.New(),
	}, nil
}

// newPipeline returns the full pipeline on the given number of workers.
func newPipeline(workers int) (*pipeline.Pipeline, error) {
	st, err := stages()
	if err != nil {
		return nil, err
	}
	return pipeline.New(st, pipeline.Options{Workers: workers}), nil
}
