package web

import (
	"html/template"
	"time"

	"khabar/internal/api"
	"khabar/internal/chart"
	"khabar/internal/store"
)

// chartView is a chart drawn by package chart, ready for a template: the
// inline SVG and the span and peak it shows, for the caption.
type chartView struct {
	SVG         template.HTML
	First, Last string
	Max         int
}

// newChart draws series (counts per day) with label for screen readers
// and y naming what is counted; nil when there is nothing to draw.
func newChart(series []chart.Series, label, y string, maxDays int) *chartView {
	svg, err := chart.Days(series, chart.Options{Label: label, Y: y, MaxDays: maxDays})
	if err != nil {
		return nil
	}
	v := &chartView{SVG: template.HTML(svg)} // package chart escapes every text it writes
	var first, last time.Time
	for _, s := range series {
		for _, p := range s.Points {
			if first.IsZero() || p.Day.Before(first) {
				first = p.Day
			}
			if p.Day.After(last) {
				last = p.Day
			}
		}
	}
	if maxDays > 0 && int(last.Sub(first).Hours()/24) >= maxDays {
		first = last.AddDate(0, 0, -(maxDays - 1))
	}
	for _, s := range series {
		for _, p := range s.Points {
			if !p.Day.Before(first) {
				v.Max = max(v.Max, p.Count)
			}
		}
	}
	v.First, v.Last = first.Format(time.DateOnly), last.Format(time.DateOnly)
	return v
}

// dayPoints are the points of counts per day (YYYY-MM-DD); days that do
// not parse are left out.
func dayPoints(days []store.DayCount) []chart.Point {
	out := make([]chart.Point, 0, len(days))
	for _, d := range days {
		if t, err := time.Parse(time.DateOnly, d.Day); err == nil {
			out = append(out, chart.Point{Day: t, Count: d.Count})
		}
	}
	return out
}

// istDay is the IST day of t.
func istDay(t time.Time) time.Time {
	y, m, d := t.In(api.IST()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
