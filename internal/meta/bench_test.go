package meta_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/clean"
	"khabar/internal/meta"
	"khabar/internal/news"
)

// page5KB returns a text page of about 5 KB: seed 000 when the shared data
// is present, else a page built from original sentences.
func page5KB(b *testing.B) string {
	b.Helper()
	if root := sharedDir(b); root != "" {
		if m, _ := filepath.Glob(filepath.Join(root, "seeds", "000_*.txt")); len(m) > 0 {
			if data, err := os.ReadFile(m[0]); err == nil {
				return string(data)
			}
		}
	}
	head := "Please update your browser to view this page.\nशहर में नई बस सेवा शुरू, यात्रियों को राहत\nBy Sample Daily - 03-11-2025\n\n"
	para := "। परिवहन निगम ने सोमवार को शहर के चार नए रूटों पर बस सेवा शुरू की, जिससे रोजाना हजारों यात्रियों को फायदा होगा। अधिकारियों ने बताया कि आने वाले महीनों में और बसें जोड़ी जाएंगी।\n"
	var sb strings.Builder
	sb.WriteString(head)
	for sb.Len() < 5000 {
		sb.WriteString(para)
	}
	sb.WriteString("अन्य सम्बंधित खबरें")
	return sb.String()
}

// BenchmarkCleanMeta runs clean and meta on a 5 KB text article.
func BenchmarkCleanMeta(b *testing.B) {
	page := page5KB(b)
	c, m := clean.New(), meta.New()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		a := &news.Article{Text: page, Raw: news.Raw{Body: page, Format: news.FormatText}}
		if err := c.Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
		if err := m.Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
	}
}
