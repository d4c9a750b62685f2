// Package metrics keeps khabar's Prometheus metrics: what the fetcher
// asked for and got, what the ingester stored, how long each stage takes,
// and how much is waiting. One Metrics per process, served at /metrics.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"khabar/internal/fetch"
	"khabar/internal/store"
)

// Metrics holds the collectors. Its methods are safe for concurrent use.
type Metrics struct {
	reg      *prometheus.Registry
	fetches  *prometheus.CounterVec
	bytes    *prometheus.CounterVec
	fetchDur *prometheus.HistogramVec
	stored   *prometheus.CounterVec
	stage    *prometheus.HistogramVec
	analysed *prometheus.CounterVec
	dead     prometheus.Counter
}

// New returns Metrics registered in a registry of their own, with Go
// runtime and process collectors. queue, when set, reports the articles
// waiting to be stored (fetched or handed over, not yet in the store).
func New(queue func() int) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "khabar_fetch_requests_total",
			Help: "HTTP requests the fetcher made, by host and status code (0: no answer).",
		}, []string{"host", "status"}),
		bytes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "khabar_fetch_bytes_total",
			Help: "Body bytes the fetcher read (after decompression), by host.",
		}, []string{"host"}),
		fetchDur: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "khabar_fetch_duration_seconds",
			Help:    "Time from sending a request to the end of its body.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2.5, 10),
		}, []string{"kind"}),
		stored: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "khabar_articles_stored_total",
			Help: "Articles the ingester stored, by outcome (new, updated).",
		}, []string{"outcome"}),
		stage: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "khabar_stage_duration_seconds",
			Help:    "Time one pipeline stage took on one article.",
			Buckets: prometheus.ExponentialBuckets(0.00005, 3, 11),
		}, []string{"stage"}),
	}
	m.analysed = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "khabar_queue_analysed_total",
		Help: "Raw articles a queue worker handled, by outcome (published: its record is on the queue; dead: given up).",
	}, []string{"outcome"})
	m.dead = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "khabar_queue_dead_letters_total",
		Help: "Raw articles this process gave up and put in the queue's dead letters, with their error.",
	})
	m.reg.MustRegister(m.analysed, m.dead)
	m.reg.MustRegister(m.fetches, m.bytes, m.fetchDur, m.stored, m.stage,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if queue != nil {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "khabar_queue_depth",
			Help: "Articles fetched or handed over and not yet stored.",
		}, func() float64 { return float64(queue()) }))
	}
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Fetch records one exchange of the fetcher (fetch.Options.Observe).
func (m *Metrics) Fetch(o fetch.Observation) {
	m.fetches.WithLabelValues(o.Host, strconv.Itoa(o.Status)).Inc()
	m.bytes.WithLabelValues(o.Host).Add(float64(o.Bytes))
	kind := "page"
	if o.Robots {
		kind = "robots"
	}
	m.fetchDur.WithLabelValues(kind).Observe(o.Duration.Seconds())
}

// Stored records an article the ingester stored.
func (m *Metrics) Stored(o store.Outcome) {
	m.stored.WithLabelValues(o.String()).Inc()
}

// Stage records one stage run (pipeline.Options.Observe).
func (m *Metrics) Stage(name string, d time.Duration) {
	m.stage.WithLabelValues(name).Observe(d.Seconds())
}

// Analysed records a raw article a queue worker handled: err is nil when
// its record was published, else why it went to the dead letters.
func (m *Metrics) Analysed(err error) {
	if err != nil {
		m.analysed.WithLabelValues("dead").Inc()
		m.dead.Inc()
		return
	}
	m.analysed.WithLabelValues("published").Inc()
}

// Dead records a dead letter (of the linker: an article the store
// refused).
func (m *Metrics) Dead() { m.dead.Inc() }

// QueueDepth registers gauges of the queue's depths, read by depth when
// scraped: raw articles waiting for analysis, records waiting for the
// linker, and dead letters kept.
func (m *Metrics) QueueDepth(depth func() (raw, records, dead float64)) {
	for _, g := range []struct {
		name, help string
		pick       func(a, b, c float64) float64
	}{
		{"khabar_queue_raw", "Raw articles on the queue waiting for (or in) analysis.", func(a, _, _ float64) float64 { return a }},
		{"khabar_queue_records", "Analysed articles on the queue waiting for the linker.", func(_, b, _ float64) float64 { return b }},
		{"khabar_queue_dead_letters", "Dead letters the queue keeps.", func(_, _, c float64) float64 { return c }},
	} {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: g.name, Help: g.help}, func() float64 {
			a, b, c := depth()
			return g.pick(a, b, c)
		}))
	}
}
