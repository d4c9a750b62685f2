// Package news is khabar's domain: the article record (the JSON contract
// khabar.article/v1), its parts, and the sentinel errors callers branch on.
// It imports nothing else from khabar, so every stage, store and interface
// can depend on it.
package news
