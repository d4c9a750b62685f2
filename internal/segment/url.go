package segment

import (
	"strings"
	"unicode/utf8"
)

// scanURL returns the end of the URL or e-mail address starting at i, or
// i if none starts there; run is then the end of the run of host
// characters it looked at.
func scanURL(text string, i, e int) (end, run int) {
	rest := text[i:e]
	if hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.") {
		return trimURL(text, i, toSpace(text, i, e)), i
	}
	j, dot := i, false
	for j < e && isHostChar(text[j]) {
		dot = dot || text[j] == '.'
		j++
	}
	if j < e && j > i && text[j] == '@' { // e-mail
		k := j + 1
		for k < e && isHostChar(text[k]) {
			k++
		}
		end := trimHost(text, j+1, k)
		if validDomain(text[j+1:end], false) && validLocal(text[i:j]) {
			return end, j
		}
		return i, j
	}
	if !dot {
		return i, j
	}
	end = trimHost(text, i, j)
	if !validDomain(text[i:end], true) {
		return i, j
	}
	if end == j && j < e && text[j] == '/' {
		return trimURL(text, i, toSpace(text, j, e)), j
	}
	return end, j
}

// toSpace returns the index of the first space at or after i, or e.
func toSpace(text string, i, e int) int {
	for i < e {
		r, size := decode(text, i, e)
		if class(r) == cSpace {
			break
		}
		i += size
	}
	return i
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isHostChar(c byte) bool {
	return isASCIILetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '%' || c == '+'
}

// trimHost drops dots and hyphens at the end of text[i:j].
func trimHost(text string, i, j int) int {
	for j > i && (text[j-1] == '.' || text[j-1] == '-') {
		j--
	}
	return j
}

// validLocal reports whether s can be the part of an e-mail address
// before the "@".
func validLocal(s string) bool {
	return s != "" && s[0] != '.' && s[len(s)-1] != '.'
}

// validDomain reports whether host is a domain name: two or more labels of
// letters, digits and hyphens, ending in a top-level domain of letters.
// For a bare domain (no scheme, no "www.") the top-level domain must be a
// common lower-case one, so that "U.S" or "e.g" or "3.5" are not taken for
// domains.
func validDomain(host string, bare bool) bool {
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" {
			return false
		}
		for k := 0; k < len(l); k++ {
			c := l[k]
			if !isASCIILetter(c) && (c < '0' || c > '9') && c != '-' {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	if bare {
		_, ok := tlds[tld]
		return ok
	}
	if len(tld) < 2 {
		return false
	}
	for k := 0; k < len(tld); k++ {
		if !isASCIILetter(tld[k]) {
			return false
		}
	}
	return true
}

// tlds are the top-level domains that make a bare "name.tld" a URL.
var tlds = setOf("com", "org", "net", "in", "gov", "edu", "info", "io", "co", "uk", "us", "news",
	"tv", "me", "ai", "nic", "int", "biz", "online", "live", "app", "pk", "np", "bd", "lk")

// trimURL drops punctuation at the end of the URL text[i:j] that belongs
// to the sentence around it, and returns the new end.
func trimURL(text string, i, j int) int {
	for j > i {
		r, size := utf8.DecodeLastRuneInString(text[i:j])
		switch r {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '’', '”', '>', ']', '}', '।', '॥', '…':
		case ')':
			u := text[i:j]
			if strings.Count(u, "(") >= strings.Count(u, ")") {
				return j
			}
		default:
			return j
		}
		j -= size
	}
	return j
}
