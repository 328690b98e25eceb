using System.Numerics.Tensors;
using System.Text.RegularExpressions;

namespace LlmErs.Local;

/// <summary>
/// Writes "free text" without a language model: the sentences of the input most central to it (closest to the mean
/// of all sentence embeddings), kept in their original order, within the word bound.
/// </summary>
internal sealed class ExtractiveSummarizer(EmbeddingBatcher embeddings)
{
    public async Task<string> SummarizeAsync(string text, int maxWords, CancellationToken cancellationToken)
    {
        var sentences = Sentences(text);
        if (sentences.Count <= 1)
        {
            return Truncate(sentences.Count == 1 ? sentences[0] : text, maxWords);
        }

        var vectors = await embeddings.EmbedAsync(sentences, cancellationToken).ConfigureAwait(false);
        var mean = new float[vectors[0].Length];
        foreach (var vector in vectors)
        {
            TensorPrimitives.Add(mean, vector.Span, mean);
        }

        var ranked = sentences
            .Select((sentence, index) => (Index: index, Score: TensorPrimitives.CosineSimilarity(vectors[index].Span, mean)))
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
