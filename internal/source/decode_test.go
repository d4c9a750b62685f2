package source

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"khabar/internal/news"
)

const (
	hindi   = "नगर निगम ने सोमवार को शहर में नई बस सेवा शुरू की। महापौर ने कहा कि किराया कम रहेगा।"
	english = "The city council opened a new bus route on Monday. The mayor said fares would stay low."
	// french has the characters of windows-1252 beyond ASCII, curly quotes
	// and a dash included.
	french = "Le café de la gare a rouvert lundi — « enfin », disent les habitués. Ça coûte 2 € ; c’est “très” bien."
)

func mustEncode(t testing.TB, enc func() ([]byte, error)) []byte {
	t.Helper()
	b, err := enc()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	utf16le := func(s string) []byte {
		return mustEncode(t, func() ([]byte, error) {
			return xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
		})
	}
	utf16be := func(s string) []byte {
		return mustEncode(t, func() ([]byte, error) {
			return xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
		})
	}
	utf16leNoBOM := func(s string) []byte {
		return mustEncode(t, func() ([]byte, error) {
			return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
		})
	}
	cp1252 := mustEncode(t, func() ([]byte, error) { return charmap.Windows1252.NewEncoder().Bytes([]byte(french)) })
	cyrillic := "Городской совет открыл новый автобусный маршрут в понедельник, сообщил мэр."
	cp1251 := mustEncode(t, func() ([]byte, error) { return charmap.Windows1251.NewEncoder().Bytes([]byte(cyrillic)) })
	page1251 := append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>`), cp1251...)
	page1251 = append(page1251, "</p></body></html>"...)
	page1252 := append([]byte(`<!DOCTYPE html><html><head><meta charset="windows-1252"><title>x</title></head><body><p>`), cp1252...)
	page1252 = append(page1252, "</p></body></html>"...)

	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(i*7 + i/3)
	}

	tests := []struct {
		name     string
		in       []byte
		html     bool
		want     string // substring of the result
		wantEnc  string
		wantErr  error
		wantFFFD bool
	}{
		{name: "utf-8", in: []byte(hindi), want: hindi, wantEnc: "utf-8"},
		{name: "utf-8 bom", in: append([]byte("\xEF\xBB\xBF"), hindi...), want: hindi, wantEnc: "utf-8"},
		{name: "utf-16le bom", in: utf16le(hindi), want: hindi, wantEnc: "utf-16le"},
		{name: "utf-16be bom", in: utf16be(english), want: english, wantEnc: "utf-16be"},
		{name: "utf-16le without bom", in: utf16leNoBOM(english), want: english, wantEnc: "utf-16le"},
		{name: "invalid utf-8", in: []byte(hindi[:30] + "\xff\xfe" + hindi[30:]), want: "\uFFFD", wantEnc: "utf-8", wantFFFD: true},
		{name: "truncated utf-8", in: []byte(hindi[:len(hindi)-2]), want: hindi[:20], wantEnc: "utf-8", wantFFFD: true},
		{name: "windows-1252 text", in: cp1252, want: french, wantEnc: "windows-1252"},
		{name: "html meta charset windows-1252", in: page1252, html: true, want: french, wantEnc: "windows-1252"},
		{name: "html http-equiv windows-1251", in: page1251, html: true, want: cyrillic, wantEnc: "windows-1251"},
		{name: "html declared utf-8 but valid utf-8", in: []byte(`<meta charset="iso-8859-1"><p>` + hindi), html: true, want: hindi, wantEnc: "utf-8"},
		{name: "empty", in: nil, wantErr: news.ErrEmpty},
		{name: "whitespace", in: []byte(" \n\t\r\n  \u00a0 "), wantErr: news.ErrEmpty},
		{name: "bom only", in: []byte("\xEF\xBB\xBF\n"), wantErr: news.ErrEmpty},
		{name: "nul bytes", in: make([]byte, 1000), wantErr: news.ErrBinary},
		{name: "binary", in: binary, wantErr: news.ErrBinary},
		{name: "png", in: append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), binary...), wantErr: news.ErrBinary},
		{name: "a stray control char is text", in: []byte(english + "\x01" + english), want: english, wantEnc: "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.in, tt.html)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Decode() error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode() error = %v", err)
			}
			if !utf8.ValidString(got) {
				t.Errorf("Decode() = invalid UTF-8 %q", got)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("Decode() = %q, want it to contain %q", got, tt.want)
			}
			if enc != tt.wantEnc {
				t.Errorf("Decode() encoding = %q, want %q", enc, tt.wantEnc)
			}
			if strings.Contains(got, "\uFFFD") != tt.wantFFFD {
				t.Errorf("Decode() = %q, U+FFFD present = %v, want %v", got, !tt.wantFFFD, tt.wantFFFD)
			}
			if strings.HasPrefix(got, "\uFEFF") {
				t.Errorf("Decode() kept the byte order mark")
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(hindi), false)
	f.Add([]byte("\xEF\xBB\xBF"+english), false)
	f.Add([]byte("\xFF\xFEa\x00b\x00"), false)
	f.Add([]byte("\xFE\xFF\x00a\x00b\xd8"), false)
	f.Add([]byte(`<meta charset="koi8-r"><p>`+"\xf0\xd2\xc9\xd7\xc5\xd4"), true)
	f.Add([]byte("caf\xe9 \x93ok\x94"), false)
	f.Add([]byte("\x00\x00\x00"), false)
	f.Fuzz(func(t *testing.T, b []byte, isHTML bool) {
		got, _, err := Decode(b, isHTML)
		if err != nil {
			if !errors.Is(err, news.ErrEmpty) && !errors.Is(err, news.ErrBinary) {
				t.Fatalf("Decode() error = %v, want ErrEmpty or ErrBinary", err)
			}
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Decode() = invalid UTF-8 %q", got)
		}
		if strings.TrimSpace(got) == "" {
			t.Fatalf("Decode() = blank %q without ErrEmpty", got)
		}
	})
}
