package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"khabar/internal/news"
)

type upper struct{}

func (upper) Name() string { return "upper" }
func (upper) Process(_ context.Context, a *news.Article) error {
	a.Text = strings.ToUpper(a.Text)
	return nil
}

type failOn struct{ word string }

func (failOn) Name() string { return "fail" }
func (f failOn) Process(_ context.Context, a *news.Article) error {
	if strings.Contains(a.Text, f.word) {
		return errors.New("refused " + f.word)
	}
	return nil
}

type panicky struct{}

func (panicky) Name() string { return "panicky" }
func (panicky) Process(_ context.Context, a *news.Article) error {
	if a.Text == "BOOM" {
		panic("stage bug")
	}
	return nil
}

type slow struct{ calls atomic.Int64 }

func (*slow) Name() string { return "slow" }
func (s *slow) Process(ctx context.Context, _ *news.Article) error {
	s.calls.Add(1)
	select {
	case <-time.After(time.Millisecond):
	case <-ctx.Done():
	}
	return nil
}

func feedTexts(texts ...string) func(context.Context, func(Job) error) error {
	return func(_ context.Context, send func(Job) error) error {
		for i, t := range texts {
			j := Job{Name: fmt.Sprintf("item%d", i), Article: &news.Article{Text: t}}
			if t == "unreadable" {
				j = Job{Name: j.Name, Err: news.ErrBinary}
			}
			if err := send(j); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRunOrderAndErrors(t *testing.T) {
	defer goleak.VerifyNone(t)
	texts := []string{"रूस", "ok", "bad word", "unreadable", "BOOM", "last"}
	for _, workers := range []int{1, 2, 8} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			p := New([]Stage{failOn{"bad"}, upper{}, panicky{}}, Options{Workers: workers})
			var got []string
			err := p.Run(t.Context(), feedTexts(texts...), func(j Job) error {
				if j.Err != nil {
					got = append(got, j.Name+":err:"+j.Err.Error())
					return nil
				}
				got = append(got, j.Name+":"+j.Article.Text)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{
				"item0:रूस", "item1:OK", "item2:err:fail: refused bad",
				"item3:err:" + news.ErrBinary.Error(),
				"item4:err:panicky: internal error (please report it)",
				"item5:LAST",
			}
			if len(got) != len(want) {
				t.Fatalf("got %d results %q", len(got), got)
			}
			for i := range want {
				if !strings.HasPrefix(got[i], want[i]) {
					t.Errorf("result %d = %q, want prefix %q", i, got[i], want[i])
				}
			}
			times := p.Times()
			if len(times) != 3 || times[0].Stage != "fail" || times[0].Articles != 5 {
				t.Errorf("times = %+v", times)
			}
		})
	}
}

func TestRunCancel(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithCancel(t.Context())
	s := &slow{}
	p := New([]Stage{s}, Options{Workers: 2})
	n := 0
	err := p.Run(ctx, func(ctx context.Context, send func(Job) error) error {
		for i := 0; ; i++ {
			if err := send(Job{Name: "x", Article: &news.Article{}}); err != nil {
				return err
			}
		}
	}, func(Job) error {
		n++
		if n == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if s.calls.Load() > 1000 {
		t.Errorf("pipeline kept working after cancel: %d calls", s.calls.Load())
	}
}

func TestRunSinkError(t *testing.T) {
	defer goleak.VerifyNone(t)
	p := New([]Stage{upper{}}, Options{Workers: 3})
	stop := errors.New("disk full")
	err := p.Run(t.Context(), feedTexts("a", "b", "c", "d", "e", "f", "g"), func(j Job) error {
		if j.Article.Text == "C" {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want %v", err, stop)
	}
}

func BenchmarkRun(b *testing.B) {
	text := strings.Repeat("रूस के राष्ट्रपति ने कहा कि बातचीत जारी रहेगी। ", 50)
	p := New([]Stage{upper{}}, Options{})
	for b.Loop() {
		err := p.Run(b.Context(), func(_ context.Context, send func(Job) error) error {
			for range 100 {
				if err := send(Job{Article: &news.Article{Text: text}}); err != nil {
					return err
				}
			}
			return nil
		}, func(Job) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
}

// stuck is a stage that never looks at its context: it runs until release
// is closed.
type stuck struct{ release chan struct{} }

func (stuck) Name() string { return "stuck" }
func (s stuck) Process(context.Context, *news.Article) error {
	<-s.release
	return nil
}

func TestProcessBudget(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := stuck{release: make(chan struct{})}
	defer close(s.release)
	p := New([]Stage{upper{}, s}, Options{ArticleTimeout: 50 * time.Millisecond})
	start := time.Now()
	err := p.Process(t.Context(), &news.Article{Text: "रूस"})
	if took := time.Since(start); took > time.Second {
		t.Errorf("Process took %v over a budget of 50ms", took)
	}
	var be *BudgetError
	if !errors.As(err, &be) || !errors.Is(err, ErrBudget) {
		t.Fatalf("err = %v, want a *BudgetError", err)
	}
	if be.Stage != "stuck" || be.Budget != 50*time.Millisecond || !strings.Contains(err.Error(), "stage stuck") {
		t.Errorf("err = %+v (%v)", be, err)
	}
}

func TestRunCancelStuckStage(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := stuck{release: make(chan struct{})}
	defer close(s.release)
	ctx, cancel := context.WithCancel(t.Context())
	p := New([]Stage{s}, Options{Workers: 2})
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	var got []Job
	err := p.Run(ctx, feedTexts("a", "b", "c"), func(j Job) error {
		got = append(got, j)
		return nil
	})
	if took := time.Since(start); took > time.Second {
		t.Errorf("Run took %v to stop", took)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if len(got) != 0 {
		t.Errorf("sink got %d jobs after cancel", len(got))
	}
}

func TestRunBudgetFailsArticle(t *testing.T) {
	defer goleak.VerifyNone(t)
	s := stuck{release: make(chan struct{})}
	defer close(s.release)
	p := New([]Stage{failOn{"x"}, s}, Options{Workers: 1, ArticleTimeout: 20 * time.Millisecond})
	var got []Job
	err := p.Run(t.Context(), feedTexts("a", "b"), func(j Job) error {
		got = append(got, j)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d jobs", len(got))
	}
	for _, j := range got {
		if !errors.Is(j.Err, ErrBudget) || j.Article != nil {
			t.Errorf("%s: err = %v, article %v", j.Name, j.Err, j.Article)
		}
	}
}
