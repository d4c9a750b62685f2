// Package chart draws khabar's time-series charts (articles or events per
// day) as SVG with the gonum plotting library, to be put inline in a page:
// no script, no style attributes (the pages' content security policy
// allows neither), and the value of every point in a <title> that the
// browser shows on hover.
package chart

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"image/color"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Point is the count of one day.
type Point struct {
	// Day is a calendar day: its date is what counts, its clock is
	// ignored.
	Day   time.Time
	Count int
}

// Series is one line of a chart: counts by day, in any order; days
// missing between the first and last of the chart count zero.
type Series struct {
	// Name labels the line in the legend and on hover; it may be in any
	// script. A chart of one unnamed series has no legend.
	Name   string
	Points []Point
}

// Options describe a chart.
type Options struct {
	// Label says what the chart shows, for screen readers (aria-label).
	Label string
	// Y names the counted thing on the vertical axis ("articles").
	Y string
	// Width and Height are the chart's size in points; zero means 720
	// by 200. The SVG scales to its container.
	Width, Height vg.Length
	// MaxDays keeps the latest MaxDays days when the series span more;
	// zero keeps every day up to 3660.
	MaxDays int
}

// ErrEmpty is returned by Days when no series has a point.
var ErrEmpty = errors.New("chart: nothing to draw")

// face is the font the chart's text is measured with; the browser draws
// it with the families of fontFamilies, which fall back to one that has
// Devanagari.
var face = font.Font{Typeface: "Liberation", Variant: "Sans"}

// fontFamilies is what the SVG asks the browser to draw text with.
const fontFamilies = "Liberation Sans, Noto Sans, Noto Sans Devanagari, Lohit Devanagari, sans-serif"

// palette colours the series, in order (then again).
var palette = []color.RGBA{
	{0x1f, 0x5f, 0xa8, 0xff}, {0xc2, 0x45, 0x1a, 0xff}, {0x2e, 0x8b, 0x3e, 0xff}, {0x8a, 0x3f, 0xa0, 0xff},
	{0xb8, 0x86, 0x0b, 0xff}, {0x0f, 0x8a, 0x8a, 0xff}, {0xa8, 0x1f, 0x5a, 0xff}, {0x55, 0x55, 0x55, 0xff},
}

// day is t's date as the Unix time of its UTC midnight.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Days draws series as lines of counts per day over the days from the
// first to the last that any series has, and returns the SVG, ready to put
// inline in an HTML page.
func Days(series []Series, o Options) ([]byte, error) {
	if o.Width == 0 {
		o.Width = 720
	}
	if o.Height == 0 {
		o.Height = 200
	}
	if o.MaxDays <= 0 {
		o.MaxDays = 3660
	}
	var first, last time.Time
	counts := make([]map[time.Time]int, len(series))
	for i, s := range series {
		counts[i] = make(map[time.Time]int, len(s.Points))
		for _, p := range s.Points {
			d := day(p.Day)
			counts[i][d] += p.Count
			if first.IsZero() || d.Before(first) {
				first = d
			}
			if last.IsZero() || d.After(last) {
				last = d
			}
		}
	}
	if first.IsZero() {
		return nil, ErrEmpty
	}
	if n := int(last.Sub(first).Hours()/24) + 1; n > o.MaxDays {
		first = last.AddDate(0, 0, -(o.MaxDays - 1))
	}
	n := int(last.Sub(first).Hours()/24) + 1

	p := plot.New()
	p.BackgroundColor = nil
	for _, ts := range []*draw.TextStyle{&p.X.Tick.Label, &p.Y.Tick.Label, &p.X.Label.TextStyle, &p.Y.Label.TextStyle, &p.Legend.TextStyle} {
		ts.Font = font.From(face, ts.Font.Size)
	}
	p.Y.Label.Text = o.Y
	p.Y.Min = 0
	p.Y.Tick.Marker = wholeTicks{}
	p.X.Tick.Marker = plot.TimeTicks{Format: "2006-01-02", Ticker: dayTicks{}}
	p.Add(plotter.NewGrid())
	// The legend has a column of its own at the right, beside the data.
	legend := plot.NewLegend()
	legend.Top, legend.Left = true, true
	legend.TextStyle.Font = font.From(face, 9)
	legend.ThumbnailWidth = vg.Points(14)

	type hover struct {
		x, y  float64
		title string
	}
	var points []hover
	most := 1
	for i, s := range series {
		xys := make(plotter.XYs, n)
		for j := range n {
			d := first.AddDate(0, 0, j)
			k := counts[i][d]
			most = max(most, k)
			xys[j] = plotter.XY{X: float64(d.Unix()), Y: float64(k)}
			title := d.Format(time.DateOnly) + ": " + strconv.Itoa(k)
			if len(series) > 1 || s.Name != "" {
				title = d.Format(time.DateOnly) + " · " + s.Name + ": " + strconv.Itoa(k)
			}
			if k > 0 || len(series) == 1 {
				// Several lines meet at zero: hovering there names none.
				points = append(points, hover{xys[j].X, xys[j].Y, title})
			}
		}
		line, err := plotter.NewLine(xys)
		if err != nil {
			return nil, fmt.Errorf("chart: %w", err)
		}
		c := palette[i%len(palette)]
		line.Color = c
		line.Width = vg.Points(1.5)
		p.Add(line)
		if n <= 120 && len(series) <= 3 {
			dots, err := plotter.NewScatter(xys)
			if err != nil {
				return nil, fmt.Errorf("chart: %w", err)
			}
			dots.Color = c
			dots.Shape = draw.CircleGlyph{}
			dots.Radius = vg.Points(2)
			p.Add(dots)
		}
		if s.Name != "" {
			legend.Add(s.Name, line)
		}
	}
	// Room above the highest point, and beside the first and last days
	// for their labels.
	p.Y.Max = float64(most) * 1.08
	pad := max(43200, float64(n)*86400*0.04)
	p.X.Min, p.X.Max = float64(first.Unix())-pad, float64(last.Unix())+pad

	c := vgsvg.New(o.Width, o.Height)
	dc := draw.New(c)
	if key := legend.Rectangle(dc); key.Max.X > key.Min.X {
		w := min(key.Max.X-key.Min.X+vg.Points(12), o.Width/3)
		legend.Draw(draw.Crop(dc, dc.Max.X-dc.Min.X-w+vg.Points(8), 0, 0, -vg.Points(4)))
		dc = draw.Crop(dc, 0, -w, 0, 0)
	}
	p.Draw(dc)
	data := p.DataCanvas(dc)
	xf, yf := p.Transforms(&data)
	var svg bytes.Buffer
	if _, err := c.WriteTo(&svg); err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}

	// Hover targets: a transparent circle on every point, where the
	// library placed it, with the point's value as its title.
	var hov strings.Builder
	r := math.Max(3, math.Min(8, float64(o.Width)/float64(n)/2))
	hov.WriteString(`<g fill="currentColor" fill-opacity="0">` + "\n")
	for _, h := range points {
		fmt.Fprintf(&hov, `<circle cx="%.1f" cy="%.1f" r="%.1f"><title>%s</title></circle>`+"\n",
			xf(h.x).Points(), yf(h.y).Points(), r, html.EscapeString(h.title))
	}
	hov.WriteString("</g>\n")
	return inline(svg.Bytes(), hov.String(), o.Label)
}

var (
	prolog    = regexp.MustCompile(`(?s)^<\?xml.*?\?>\s*(<!--.*?-->\s*)?`)
	svgOpen   = regexp.MustCompile(`<svg width="[^"]*" height="[^"]*" (viewBox="[^"]*")`)
	styleAttr = regexp.MustCompile(`style="([^"]*)"`)
)

// inline makes the library's SVG document an element to put in a page:
// no XML prolog, no fixed size, presentation attributes instead of style
// attributes, the browser's fonts, black as the page's text colour, and
// extra (the hover targets) drawn last, inside the group that puts the
// origin at the bottom left.
func inline(svg []byte, extra, label string) ([]byte, error) {
	s := prolog.ReplaceAllString(string(svg), "")
	if !svgOpen.MatchString(s) {
		return nil, errors.New("chart: the plotting library wrote an SVG header this package does not know")
	}
	s = svgOpen.ReplaceAllString(s, `<svg class="chart-svg" role="img" aria-label="`+html.EscapeString(label)+`" fill="currentColor" $1`)
	s = styleAttr.ReplaceAllStringFunc(s, func(m string) string {
		var b strings.Builder
		for _, decl := range strings.Split(styleAttr.FindStringSubmatch(m)[1], ";") {
			k, v, ok := strings.Cut(decl, ":")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if !ok || k == "" {
				continue
			}
			if k == "font-family" {
				v = fontFamilies
			}
			if k == "font-variant" && v == "none" {
				continue
			}
			if (k == "fill" || k == "stroke") && v == "#000000" {
				v = "currentColor" // text and axes in the page's colour, light or dark
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(k + `="` + html.EscapeString(html.UnescapeString(v)) + `"`)
		}
		return b.String()
	})
	end := strings.LastIndex(s, "</g>")
	if end < 0 {
		return nil, errors.New("chart: the plotting library wrote an SVG without its group")
	}
	s = s[:end] + extra + s[end:]
	return []byte(s), nil
}

// wholeTicks marks whole numbers only (counts have no halves), labelled
// plainly.
type wholeTicks struct{}

// Ticks returns the ticks of the default marker that are whole numbers.
func (wholeTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(lo, hi) {
		if t.Value != math.Trunc(t.Value) {
			continue
		}
		if t.Label != "" {
			t.Label = strconv.FormatFloat(t.Value, 'f', 0, 64)
		}
		out = append(out, t)
	}
	return out
}

// dayTicks marks days: the default marker's ticks, moved to midnight and
// without repeats; a tick too near the right edge for its label to fit
// goes unlabelled.
type dayTicks struct{}

// Ticks returns the ticks of [lo, hi] (Unix seconds) at whole days.
func (dayTicks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	seen := map[float64]bool{}
	for _, t := range (plot.DefaultTicks{}).Ticks(lo/86400, hi/86400) {
		v := math.Round(t.Value) * 86400
		if v < lo || v > hi || seen[v] {
			continue
		}
		seen[v] = true
		t.Value = v
		if v > hi-(hi-lo)*0.08 {
			t.Label = ""
		}
		out = append(out, t)
	}
	return out
}
