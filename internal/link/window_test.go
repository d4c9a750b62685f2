package link

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"khabar/internal/dedup"
	"khabar/internal/news"
	"khabar/internal/store"
	"khabar/internal/story"
)

// syllables make invented Hindi-looking words, so that every report has
// words of its own.
var syllables = strings.Fields("क का कि की कु के को ग गा गी ज जा जी त ता ती द दा दी न ना नी प पा पी ब बा बी म मा मी र रा री ल ला ली स सा सी ह हा ही")

func word(r *rand.Rand) string {
	var b strings.Builder
	for range 2 + r.IntN(3) {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

// longStream makes reports over about days days, three stories a day, each
// carried by one to four outlets (copies with a sentence cut or added),
// in a shuffled order within a day; some arrive weeks late and some have
// no published time.
func longStream(days int) []*news.Article { return longStreamSeed(days, 3) }

func longStreamSeed(days int, seed uint64) []*news.Article {
	r := rand.New(rand.NewPCG(seed, 5))
	base := time.Date(2025, 1, 1, 9, 0, 0, 0, ist)
	var out []*news.Article
	for d := range days {
		var day []*news.Article
		for k := range 3 {
			var sents []string
			for range 6 {
				ws := make([]string, 14)
				for i := range ws {
					ws[i] = word(r)
				}
				sents = append(sents, strings.Join(ws, " ")+"।")
			}
			pub := base.AddDate(0, 0, d).Add(time.Duration(k*3) * time.Hour)
			title := word(r) + " " + word(r) + " " + word(r)
			for c := range 1 + r.IntN(4) {
				s := slices.Clone(sents)
				if c > 0 {
					s = s[:len(s)-c%2]
				}
				a := article(fmt.Sprintf("d%03d-%d-%d", d, k, c), title, strings.Join(s, "\n\n"), pub.Add(time.Duration(c)*time.Hour))
				switch {
				case r.IntN(40) == 0:
					a.Published = time.Time{}
				case r.IntN(30) == 0 && d > 40:
					a.Published = a.Published.AddDate(0, 0, -35) // a late arrival
				}
				day = append(day, a)
			}
		}
		r.Shuffle(len(day), func(i, j int) { day[i], day[j] = day[j], day[i] })
		out = append(out, day...)
	}
	return out
}

func windowOptions() Options {
	return Options{Dedup: dedup.Options{Window: 6 * 24 * time.Hour, Recent: 200}, Stories: story.Options{Keep: 30 * 24 * time.Hour}}
}

// TestWindowTakeover: with the memory window, a linker loaded from the
// store links the next articles as the one before it would have, memory
// follows the window, and an evicted article that comes again keeps its
// links.
func TestWindowTakeover(t *testing.T) {
	arts := longStream(150)
	once := open(t)
	l, err := Load(t.Context(), once, windowOptions())
	if err != nil {
		t.Fatal(err)
	}
	held := 0
	for _, a := range arts {
		put(t, once, l, a)
		held = max(held, l.Groups().Index().Len())
	}
	if held > len(arts)/4 {
		t.Errorf("grouper held up to %d of %d articles: the window bounds nothing", held, len(arts))
	}
	if st := l.Groups().Index().Stats(); st.Dead > st.Sketches+compactSlack {
		t.Errorf("index not compacted: %v", st)
	}
	again := open(t)
	for i, a := range longStream(150) {
		if i%37 == 0 {
			if l, err = Load(t.Context(), again, windowOptions()); err != nil {
				t.Fatal(err)
			}
		}
		put(t, again, l, a)
	}
	copies, markers := 0, 0
	for _, a := range arts {
		want, got := links(t, once, a.ID), links(t, again, a.ID)
		if got != want {
			t.Errorf("%s: %+v after loads, %+v in one run", a.ID, got, want)
		}
		if want.DuplicateOf != "" {
			copies++
		}
		sk, err := once.Sketch(t.Context(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := unmarker(sk.Data); ok {
			markers++
		}
	}
	t.Logf("%d articles, %d copies, %d evicted, grouper held at most %d", len(arts), copies, markers, held)
	if copies < len(arts)/4 || markers < len(arts)/2 {
		t.Fatalf("%d copies, %d evicted of %d: the stream tests nothing", copies, markers, len(arts))
	}
	stories := func(st store.Store) map[string]string {
		out := map[string]string{}
		err := st.EachStory(t.Context(), func(s *store.Story) error {
			out[s.ID] = fmt.Sprint(s.Thread, s.Start.Unix(), s.End.Unix(), s.Articles)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if a, b := stories(once), stories(again); len(a) < 100 || fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("stories differ after loads (%d in one run, %d after loads)", len(a), len(b))
	}

	// The first article comes again, unchanged and changed: it keeps its
	// links and is listed by one story only.
	first := arts[0]
	want := links(t, once, first.ID)
	for _, text := range []string{first.Text, first.Text + "\n\nएक नया वाक्य जोड़ा गया।"} {
		a := article(first.ID, first.Title, text, first.Published)
		ld := l.Link(a)
		if !ld.Empty() || a.Group != want.Group || a.DuplicateOf != want.DuplicateOf || a.Story != want.Story {
			t.Errorf("evicted article linked again: %+v, links %q %q %q, want %+v", ld, a.Group, a.DuplicateOf, a.Story, want)
		}
	}
}

// compactSlack is how many removed sketches the index may keep beside the
// live ones before it is built again.
const compactSlack = 1024

// TestWindowMemory (opt-in: KHABAR_WINDOW_MEMORY=N articles) links N
// generated reports spread over two years in memory with the default
// options and logs what the linker holds as they pass: the sketches held
// stay near a window's worth, and the heap stays flat, however many
// articles pass.
func TestWindowMemory(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("KHABAR_WINDOW_MEMORY"))
	if n <= 0 {
		t.Skip("set KHABAR_WINDOW_MEMORY=N to link N articles over two years and log memory")
	}
	days := 730
	arts := longStream(days)
	for seed := uint64(4); len(arts) < n; seed++ { // more reports a day for larger N
		more := longStreamSeed(days, seed)
		for _, a := range more {
			a.ID += fmt.Sprint("-", len(arts))
		}
		arts = append(arts, more...)
	}
	// In published order by day, as a follower meets them.
	slices.SortStableFunc(arts[:n], func(a, b *news.Article) int { return a.Published.Compare(b.Published) })
	l := New(Options{})
	var ms runtime.MemStats
	for i, a := range arts[:n] {
		l.Link(a)
		if (i+1)%(n/8) == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			live, retired := l.Stories().Held()
			t.Logf("%7d articles: %7d sketches held (%v), stories: %d live, %d retired, %d in all; heap %.1f MiB",
				i+1, l.Groups().Index().Len(), l.Groups().Index().Stats(), live, retired, l.Stories().Len(), float64(ms.HeapAlloc)/(1<<20))
		}
	}
}

// TestBackfillTakeover: old news arriving after current news (a backfill)
// is grouped and clustered with itself while it is recent in the order of
// linking, and a linker taking over every few articles links it as one run
// does: stories must be stored with the position of their last article.
func TestBackfillTakeover(t *testing.T) {
	input := func() []*news.Article {
		arts := longStream(40)
		for _, a := range longStreamSeed(20, 9) {
			a.ID = "old-" + a.ID
			if !a.Published.IsZero() {
				a.Published = a.Published.AddDate(-1, 0, 0)
			}
			arts = append(arts, a)
		}
		return arts
	}
	arts := input()
	once := open(t)
	l, err := Load(t.Context(), once, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		put(t, once, l, a)
	}
	again := open(t)
	for i, a := range input() {
		if i%11 == 0 {
			if l, err = Load(t.Context(), again, Options{}); err != nil {
				t.Fatal(err)
			}
		}
		put(t, again, l, a)
	}
	oldCopies := 0
	for _, a := range arts {
		want, got := links(t, once, a.ID), links(t, again, a.ID)
		if got != want {
			t.Errorf("%s: %+v after loads, %+v in one run", a.ID, got, want)
		}
		if strings.HasPrefix(a.ID, "old-") && want.DuplicateOf != "" {
			oldCopies++
		}
	}
	if oldCopies < 20 {
		t.Errorf("only %d copies found in the backfill", oldCopies)
	}
}
