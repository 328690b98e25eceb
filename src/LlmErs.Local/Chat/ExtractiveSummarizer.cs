using System.Globalization;

namespace LlmErs.Local;

/// <summary>
/// Writes "free text" without a language model: the sentences of the input most central to it, kept in their original
/// order, within the word bound. A sentence's centrality is the cosine between its TF-IDF vector and the mean of all the
/// sentences' (the centroid of LexRank and MEAD), so the sentences that share the input's recurring words win.
/// </summary>
/// <remarks>
/// By words rather than by embeddings: a summary needs every sentence scored, and a viewer's profile prompt has thirty,
/// each a distinct line (a movie and its rating) that the model would otherwise read once per split.
/// </remarks>
internal static class ExtractiveSummarizer
{
    public static string Summarize(string text, int maxWords)
    {
        var sentences = Sentences(text);
        if (sentences.Count <= 1)
        {
            return Truncate(sentences.Count == 1 ? sentences[0] : text, maxWords);
        }

        var vectors = TfIdf(sentences);
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var vector in vectors)
        {
            foreach (var (word, weight) in vector)
            {
                centroid[word] = centroid.GetValueOrDefault(word) + weight;
            }
        }

        // Every sentence has a word (PromptSentences keeps none without a letter or digit), so the centroid is not zero.
        var centroidNorm = Math.Sqrt(centroid.Values.Sum(w => w * w));
        var ranked = vectors
            .Select((vector, index) => (Index: index, Score: vector.Sum(p => p.Value * centroid[p.Key]) / centroidNorm))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Index);

        var chosen = new List<int>();
        var words = 0;
        foreach (var (index, _) in ranked)
        {
            var count = AnswerReader.CountWords(sentences[index]);
            if (words + count > maxWords && chosen.Count > 0)
            {
                continue;
            }

            chosen.Add(index);
            words += count;
        }

        chosen.Sort();
        return Truncate(string.Join(" ", chosen.Select(i => sentences[i])), maxWords);
    }

    /// <summary>
    /// Each sentence's unit-length TF-IDF vector over its lower-cased words, with the smoothed inverse sentence frequency
    /// <c>ln((1 + n) / (1 + df)) + 1</c>: never zero, so sentences made of common words still have a direction.
    /// </summary>
    private static List<Dictionary<string, double>> TfIdf(List<string> sentences)
    {
        var counts = sentences.Select(Words).ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in counts)
        {
            foreach (var word in sentence.Keys)
            {
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
            }
        }

        var vectors = new List<Dictionary<string, double>>(counts.Count);
        foreach (var sentence in counts)
        {
            var vector = sentence.ToDictionary(p => p.Key, p => p.Value * (Math.Log((1.0 + counts.Count) / (1.0 + frequency[p.Key])) + 1), StringComparer.Ordinal);
            var norm = Math.Sqrt(vector.Values.Sum(w => w * w));
            foreach (var word in vector.Keys)
            {
                vector[word] /= norm;
            }

            vectors.Add(vector);
        }

        return vectors;
    }

    /// <summary>How often each lower-cased word (a run of letters and digits) occurs in <paramref name="sentence"/>.</summary>
    private static Dictionary<string, int> Words(string sentence)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= sentence.Length; i++)
        {
            if (i < sentence.Length && char.IsLetterOrDigit(sentence[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                var word = sentence[start..i].ToLower(CultureInfo.InvariantCulture);
                words[word] = words.GetValueOrDefault(word) + 1;
                start = -1;
            }
        }

        return words;
    }

    /// <summary>Statements of the input; questions are the prompt's instructions, not its data, unless nothing else is left.</summary>
    private static List<string> Sentences(string text)
    {
        var all = PromptSentences.Of(text);
        var statements = all.Where(s => !s.EndsWith('?')).ToList();
        return statements.Count > 0 ? statements : all;
    }

    private static string Truncate(string text, int maxWords)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= maxWords ? text.Trim() : string.Join(" ", words.Take(maxWords));
    }
}
