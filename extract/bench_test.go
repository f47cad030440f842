package extract

import (
	"os"
	"testing"
)

// benchText is the file $KG_BENCH_TEXT names (bench/run.sh gives it the
// Brown corpus's news), else the CaRB dev sentences when ../shared is
// present, else the example article, as one document.
func benchText(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("KG_BENCH_TEXT"); p != "" {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		return string(t)
	}
	if t, err := os.ReadFile(carbDevPath); err == nil {
		return string(t)
	}
	t, err := os.ReadFile("../examples/harbor-sanctions.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(t)
}

// BenchmarkFacts measures the whole extractor (splitting, tagging, chunking,
// clause rules) on one core, with the chunk rules and with the parser's.
func BenchmarkFacts(b *testing.B) {
	m := model(b)
	text := benchText(b)
	b.Run("chunks", func(b *testing.B) { benchFacts(b, m, text, Options{Lines: true}) })
	b.Run("parse", func(b *testing.B) { benchFacts(b, m, text, Options{Lines: true, Parse: true}) })
}

func benchFacts(b *testing.B, m *Model, text string, opts Options) {
	sentences := m.Sentences(text, Options{Lines: true})
	tokens := 0
	for _, s := range sentences {
		tokens += len(s.Tokens)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		m.Facts("bench", text, opts)
	}
	secs := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(len(sentences))/secs, "sentences/s")
	b.ReportMetric(float64(tokens)/secs, "tokens/s")
}

// BenchmarkClauses measures the clause rules alone, on tagged sentences.
func BenchmarkClauses(b *testing.B) {
	m := model(b)
	sentences := m.Sentences(benchText(b), Options{Lines: true})
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sentences {
			m.SentenceFacts("bench", s)
		}
	}
	b.ReportMetric(float64(len(sentences))/(b.Elapsed().Seconds()/float64(b.N)), "sentences/s")
}
