package clean

import (
	"strings"
	"testing"
)

func TestDefaultOptions(t *testing.T) {
	want := Options{MaxLines: 20000, HeadScan: 40, RepeatAt: 12, StandfirstScan: 16, Limits: Limits{
		Boilerplate: 200, Short: 40, Banner: 30, AppBanner: 45, Voiced: 25, Label: 4, Controls: 6, Lead: 8,
		Feedback: 15, Promo: 35, Platforms: 20, Social: 60, Credit: 12, DeskCredit: 5}}
	if got := DefaultOptions(); got != want {
		t.Errorf("DefaultOptions() = %+v, want %+v", got, want)
	}
	if got := (Options{HeadScan: 5}).withDefaults(); got.HeadScan != 5 || got.MaxLines != 20000 {
		t.Errorf("a set field must stay and the others default: %+v", got)
	}
}

// TestMaxLines: lines past MaxLines are kept as they are, unread.
func TestMaxLines(t *testing.T) {
	text := "राजधानी में मंगलवार को हुई बैठक में सरकार ने नई योजना की घोषणा की और अधिकारियों को निर्देश दिए।\n" +
		"मुख्यमंत्री ने कहा कि योजना का लाभ हर जिले के किसानों तक पहुंचेगा और काम अगले महीने शुरू होगा।\n" +
		"Advertisement"
	def := Clean(Page{Text: text, Format: "text"})
	if strings.Contains(def.Text, "Advertisement") {
		t.Fatalf("default options kept the advertisement label: %q", def.Text)
	}
	short := CleanWith(Page{Text: text, Format: "text"}, Options{MaxLines: 2})
	if !strings.Contains(short.Text, "Advertisement") {
		t.Errorf("MaxLines 2 read the third line: %q", short.Text)
	}
}
